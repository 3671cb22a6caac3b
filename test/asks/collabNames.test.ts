import { channelName, isValidChannelName, slug } from '../../src/collab/names';

// Slack's channel names: lower case letters, digits, hyphens and underscores, at most 80.

describe('collaboration channel names', () => {
  const item = { id: 12, type: 'ask' as const, kind: 'sales_lead' as const };

  it('are the type, the id and the title’s words', () => {
    expect(channelName({ ...item, title: 'Intro to ACME (Tokyo office)!' })).toBe(
      'ask-12-intro-to-acme-tokyo-office',
    );
    expect(channelName({ ...item, type: 'offer', title: 'Café pitch review' })).toBe(
      'offer-12-cafe-pitch-review',
    );
    expect(slug('ＳａａＳ の営業先')).toBe('saas');
  });

  it('fall back on the kind when the title has no Latin letters or digits (a Japanese title)', () => {
    expect(channelName({ ...item, title: '営業先を紹介してください' })).toBe('ask-12-sales-lead');
    expect(channelName({ ...item, title: '🙏' })).toBe('ask-12-sales-lead');
  });

  it('stay within 80 characters with room for a suffix, cut at a word', () => {
    const long = channelName({ ...item, title: 'word '.repeat(40) });
    expect(long.length).toBeLessThanOrEqual(77);
    expect(long.endsWith('-word')).toBe(true);
    const retried = channelName({ ...item, title: 'word '.repeat(40) }, 5);
    expect(retried.length).toBeLessThanOrEqual(80);
    expect(retried.endsWith('-word-5')).toBe(true);
    const unbroken = channelName({ ...item, title: 'x'.repeat(200) });
    expect(unbroken.length).toBe(77);
    for (const name of [long, retried, unbroken]) expect(isValidChannelName(name)).toBe(true);
  });
});
