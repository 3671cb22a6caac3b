/**
 * Issue 12 §6: Japanese prose uses Japanese punctuation: 「：」「（）」「、」「？」「！」, not the
 * ASCII ones, wherever they touch Japanese (outside `code`, which members type as shown). English
 * keeps its own. Checked twice: over the Japanese catalogue (every message, with Japanese in each
 * argument, since most arguments are Japanese words), and over everything the bot sends in a tour
 * of the commands and cards, in Japanese and in English, so that text the views put together
 * (fallbacks, list lines, closed cards) is held to the same rule.
 */
import { ja } from '../../src/i18n/ja';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { createEvent, pressOnCard } from '../events/support';
import { postJob, saveProfile } from '../jobs/support';
import { tag } from '../coffee/support';

const JAPANESE = '[\\u3040-\\u30ff\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
/** Slack's *bold*, _italic_ and ~strike~ marks and a space may stand between them. */
const ASCII_NEXT_TO_JAPANESE = new RegExp(`${JAPANESE}[*_~]* ?[(),:?!]|[(),:] ?[*_~]*${JAPANESE}`, 'u');

/** The prose of a message: without `code`, :emoji:, <links|…>, mentions and Slack dates. */
function prose(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, '`…`')
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/<[^>\n]*>/g, ' ');
}

/** Each line of the texts that puts ASCII punctuation against Japanese. */
function offences(texts: readonly string[]): string[] {
  return [
    ...new Set(
      texts.flatMap((text) => prose(text).split('\n')).filter((line) => ASCII_NEXT_TO_JAPANESE.test(line)),
    ),
  ];
}

/** Every message of a catalogue, rendered with the given arguments. */
function rendered(node: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof node === 'string') out.set(path, node);
  else if (typeof node === 'function') {
    const fn = node as (...args: unknown[]) => unknown;
    const text = fn(...Array.from({ length: fn.length }, (_unused, i) => `引数${i + 1}`));
    if (typeof text === 'string') out.set(path, text);
  } else if (Array.isArray(node)) node.forEach((item, i) => rendered(item, `${path}[${i}]`, out));
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node))
      rendered(value, path === '' ? key : `${path}.${key}`, out);
  return out;
}

describe('Japanese punctuation', () => {
  it('the rule itself: ASCII against Japanese is caught; code, emoji, mentions and English are not', () => {
    expect(offences(['次回:明日', 'リファラル(紹介)', '会えましたか?', '資金調達, SaaS'])).toHaveLength(4);
    expect(
      offences([
        '次回：明日',
        '`asks 資金調達, SaaS`：タグで絞り込む',
        ':tada: 採用',
        '<@U1> さん、<@U2> さん',
        'Next: tomorrow (10:00)',
      ]),
    ).toEqual([]);
  });

  it('the Japanese catalogue has no ASCII ( ) : , ? ! against Japanese outside code', () => {
    const bad = [...rendered(ja, '', new Map())]
      .filter(([, text]) => offences([text]).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(bad).toEqual([]);
  });

  describe('everything the bot sends, in a tour of commands and cards', () => {
    let tb: TestBot;
    afterEach(async () => {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    });

    /** An admin, organizer and HR in one; a member; an event, a role, a team contact and an ask. */
    async function tour(
      user: string,
      other: string,
      title: { event: string; job: string },
    ): Promise<string[]> {
      const replies: string[] = [];
      const say = async (text: string, by = user): Promise<void> => {
        replies.push(allText((await tb.command(text, by)).json));
      };
      await tb.agree(ADMIN);
      for (const role of ['admin', 'organizer', 'hr'])
        await tb.command(`role add ${tag(user)} ${role}`, ADMIN);
      await tb.agree(user);
      await tb.agree(other);
      await saveProfile(tb, user, 'all', 'tennis, design');
      await saveProfile(tb, other, 'all', 'tennis, design');
      for (const text of ['help', 'interests', 'interests add go', 'find tennis', 'roles', 'profile'])
        await say(text);

      const eventId = await createEvent(tb, user, { title: title.event, capacity: '5', tags: 'tennis' });
      await pressOnCard(tb, 'event.rsvp.going', other, eventId);
      await pressOnCard(tb, 'event.rsvp.maybe', user, eventId);
      for (const text of ['events', `event attendees ${eventId}`]) await say(text);
      await tb.commandConfirmed(`event cancel ${eventId}`, user);

      const jobId = await postJob(tb, { title: title.job, tags: 'design', channel: 'C0JOBS01' }, user);
      await say(`job contacts ${jobId} ${tag(other)}`);
      await say(`job contacts ${jobId} ${tag(other)}`);
      await say(`job contacts ${jobId}`);
      await tb.commandConfirmed(`job close ${jobId}`, user);

      for (const text of [
        'stats',
        'intros on',
        'intros',
        'intros preview',
        'digest',
        'announce list',
        'asks',
      ])
        await say(text);
      await tb.homeOpened(user);
      await tb.tick();
      return [
        ...replies,
        ...tb.fake.calls.map((call) => allText(call.args)),
        ...tb.fake.responses.map((response) => allText(response.body)),
      ];
    }

    it('in Japanese: no ASCII ( ) : , ? ! against Japanese, in replies, DMs, cards and the Home tab', async () => {
      tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { CHANNEL_LANGUAGES: 'ja' } });
      tb.fake.setUser('U12PJA', { locale: 'ja-JP' });
      tb.fake.setUser('U12PJB', { locale: 'ja-JP' });
      const texts = await tour('U12PJA', 'U12PJB', { event: '忘年会', job: 'デザイナー' });
      const all = texts.join('\n');
      // The tour reached what it means to check.
      for (const seen of ['忘年会', 'デザイナー', 'チーム連絡先', '回答', '公開範囲', '中止'])
        expect(all).toContain(seen);
      expect(offences(texts)).toEqual([]);
    });

    it('in English: English punctuation, and none of the Japanese', async () => {
      tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { CHANNEL_LANGUAGES: 'en' } });
      const texts = await tour('U12PEA', 'U12PEB', { event: 'Year-end party', job: 'Designer' });
      const all = texts.join('\n');
      for (const seen of ['Year-end party', 'Designer', 'Team contacts', 'cancelled'])
        expect(all).toContain(seen);
      expect(all).not.toMatch(/[：（）、。？！]/);
    });
  });
});
