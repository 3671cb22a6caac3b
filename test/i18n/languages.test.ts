import { eachLanguage, fairShares, joinWithin, label, stacked } from '../../src/slack/views/languages';

describe('words in several languages at once', () => {
  it('label: both on one line, first language first; one language reads as before', () => {
    expect(label(['ja', 'en'], (m) => m.events.going)).toBe('参加 / Going');
    expect(label(['en', 'ja'], (m) => m.events.going)).toBe('Going / 参加');
    expect(label(['ja'], (m) => m.events.going)).toBe('参加');
    expect(label(['en'], (m) => m.events.going)).toBe('Going');
  });

  it('label: when both do not fit, the first language alone, never half of the second', () => {
    expect(label(['ja', 'en'], (m) => m.events.addToCalendar, 20)).toBe('Google カレンダーに追加');
    expect(label(['en', 'ja'], (m) => m.events.addToCalendar, 20)).toBe('Add to Google Calen…');
  });

  it('words both languages write alike appear once', () => {
    expect(eachLanguage(['ja', 'en'], () => 'Slack')).toEqual(['Slack']);
    expect(label(['ja', 'en'], () => '#12')).toBe('#12');
  });

  it('stacked: each language on lines of its own, first language first', () => {
    expect(stacked(['ja', 'en'], (m) => m.events.cardCancelled)).toBe(
      'このイベントは中止になりました。\nThis event has been cancelled.',
    );
    expect(stacked(['en', 'ja'], (m) => m.events.cardCancelled)).toBe(
      'This event has been cancelled.\nこのイベントは中止になりました。',
    );
  });

  it('fairShares: short parts keep all of themselves; the long ones share the rest evenly', () => {
    expect(fairShares([10, 20], 100)).toEqual([10, 20]);
    expect(fairShares([10, 500], 100)).toEqual([10, 90]);
    expect(fairShares([500, 500], 100)).toEqual([50, 50]);
    expect(fairShares([500, 30, 500], 100)).toEqual([35, 30, 35]);
  });

  it('joinWithin: the whole stays within the limit and every part keeps its start', () => {
    const long = 'a'.repeat(4000);
    const joined = joinWithin([long, 'short', long], '\n', 3000);
    expect(joined.length).toBeLessThanOrEqual(3000);
    const [first, middle, last] = joined.split('\n');
    expect(middle).toBe('short');
    expect(first?.endsWith('…')).toBe(true);
    expect(last?.endsWith('…')).toBe(true);
    expect(first?.length).toBe(last?.length);
    expect(joinWithin(['日本語', 'English'], '\n', 3000)).toBe('日本語\nEnglish');
  });
});
