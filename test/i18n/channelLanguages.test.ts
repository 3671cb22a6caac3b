/**
 * Issue 12 §1: a post in a channel speaks the community's languages (CHANNEL_LANGUAGES), whatever
 * the language of whoever posted it; DMs keep following each member's own language.
 */
import { messages, type Locale } from '../../src/i18n';
import { buttons } from '../support/blocks';
import type { RecordedCall } from '../support/fakeSlack';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';
import { DAY, HOUR, cardCalls as eventCardCalls, createEvent, pressOnCard } from '../events/support';
import { HR, JOBS_CHANNEL, cardCalls as jobCardCalls, postJob, setUpHr } from '../jobs/support';

const ORGANIZER = 'U6ORGJA';
const MEMBER_EN = 'U6MEMEN';
const MEMBER_JA = 'U6MEMJA';

function latest(calls: RecordedCall[]): RecordedCall {
  const call = [...calls].sort((a, b) => a.at - b.at).pop();
  if (call === undefined) throw new Error('no such post');
  return call;
}

async function lastEventCard(tb: TestBot, id: number): Promise<RecordedCall> {
  return latest([
    ...(await eventCardCalls(tb, id, 'chat.postMessage')),
    ...(await eventCardCalls(tb, id, 'chat.update')),
  ]);
}

async function lastJobCard(tb: TestBot, id: number): Promise<RecordedCall> {
  return latest([
    ...(await jobCardCalls(tb, id, 'chat.postMessage')),
    ...(await jobCardCalls(tb, id, 'chat.update')),
  ]);
}

const labels = (call: RecordedCall): unknown[] => buttons(call.args.blocks).map((b) => record(b.text).text);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Each text is in the post, in this order. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at === -1) throw new Error(`“${part}” is not in order in:\n${text}`);
    from = at + part.length;
  }
}

/** Japanese script (kana or kanji) anywhere. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9faf]/;

interface Case {
  readonly name: string;
  readonly env: Record<string, string>;
  readonly languages: readonly Locale[];
  readonly buttons: { event: string[]; job: string[] };
}

const cases: Case[] = [
  {
    name: 'CHANNEL_LANGUAGES=ja,en: Japanese first, then English',
    env: { CHANNEL_LANGUAGES: 'ja,en' },
    languages: ['ja', 'en'],
    buttons: {
      event: [
        '参加 / Going',
        '未定 / Maybe',
        '不参加 / Not going',
        'Google カレンダーに追加 / Add to Google Calendar',
        '.ics ファイル / Get .ics file',
      ],
      job: ['興味あり / I’m curious', '知人を紹介 / Refer someone', '応募する / Apply'],
    },
  },
  {
    name: 'CHANNEL_LANGUAGES=en,ja: English first, then Japanese',
    env: { CHANNEL_LANGUAGES: 'en,ja' },
    languages: ['en', 'ja'],
    buttons: {
      event: [
        'Going / 参加',
        'Maybe / 未定',
        'Not going / 不参加',
        'Add to Google Calendar / Google カレンダーに追加',
        'Get .ics file / .ics ファイル',
      ],
      job: ['I’m curious / 興味あり', 'Refer someone / 知人を紹介', 'Apply / 応募する'],
    },
  },
  {
    name: 'CHANNEL_LANGUAGES unset, DEFAULT_LOCALE=ja: Japanese only, even for an English member',
    env: { DEFAULT_LOCALE: 'ja' },
    languages: ['ja'],
    buttons: {
      event: ['参加', '未定', '不参加', 'Google カレンダーに追加', '.ics ファイル'],
      job: ['興味あり', '知人を紹介', '応募する'],
    },
  },
  {
    name: 'nothing set: English only, even when a Japanese organizer posts',
    env: {},
    languages: ['en'],
    buttons: {
      event: ['Going', 'Maybe', 'Not going', 'Add to Google Calendar', 'Get .ics file'],
      job: ['I’m curious', 'Refer someone', 'Apply'],
    },
  },
];

describe.each(cases)('channel posts: $name', ({ env, languages, buttons: expected }) => {
  let tb: TestBot;
  const each = <T>(say: (m: ReturnType<typeof messages>) => T): T[] =>
    languages.map((locale) => say(messages(locale)));

  beforeAll(async () => {
    tb = await TestBot.start({
      now: '2026-11-24T01:00:00Z',
      env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: JOBS_CHANNEL, ...env },
    });
    tb.fake.setUser(ORGANIZER, { locale: 'ja-JP' });
    tb.fake.setUser(HR, { locale: 'ja-JP' });
    tb.fake.setUser(MEMBER_JA, { locale: 'ja-JP' });
    tb.fake.setUser(MEMBER_EN, { locale: 'en-US' });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    await setUpHr(tb);
    await tb.agree(MEMBER_EN);
    await tb.agree(MEMBER_JA);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('an event card, its thread reminder and its cancelled state are in the channel languages; DMs are not', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, {
      title: '新年会 New Year party',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR),
      url: 'https://meet.example.com/ny',
      capacity: '20',
      reminders: ['1h'],
    });
    await pressOnCard(tb, 'event.rsvp.going', MEMBER_EN, id);
    await pressOnCard(tb, 'event.rsvp.maybe', MEMBER_JA, id);

    const card = await lastEventCard(tb, id);
    expect(labels(card)).toEqual(expected.event);
    const text = allText(card.args.blocks);
    // One language's words on lines of their own: the first language's, then the second's.
    expectInOrder(
      text,
      languages.flatMap((locale) => {
        const m = messages(locale).events;
        return [m.cardGoing(1, ''), `${m.cardMaybe(1)} · ${m.cardCapacity(19, 20)}`];
      }),
    );
    expect(text).toContain(`<https://meet.example.com/ny|${each((m) => m.events.online).join(' / ')}>`);
    expect(text).toContain(each((m) => m.events.cardId(id)).join(' / '));
    // What the organizer typed appears once, whatever the number of languages.
    expect(text.split('新年会 New Year party')).toHaveLength(2);
    if (languages.length === 1)
      expect(JAPANESE.test(text.replaceAll('新年会', ''))).toBe(languages[0] === 'ja');

    tb.clock.set(new Date(start.getTime() - HOUR));
    await tb.tick();
    const reminders = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => (keyOf(c) ?? '').startsWith(`event:${id}:reminder:`));
    const thread = reminders.find((c) => c.args.channel === 'C0EVENTS1');
    expect(thread?.args.thread_ts).toEqual(expect.any(String));
    const threadText = String(thread?.args.text);
    expectInOrder(
      threadText,
      each((m) => m.events.reminderThread('新年会 New Year party', '').split('新年会')[0] ?? ''),
    );
    // Each member's reminder DM is in their own language only.
    const dmEn = allText(reminders.find((c) => c.args.channel === MEMBER_EN)?.args);
    const dmJa = allText(reminders.find((c) => c.args.channel === MEMBER_JA)?.args);
    expect(dmEn).toContain('Reminder');
    expect(JAPANESE.test(dmEn.replaceAll('新年会', ''))).toBe(false);
    expect(dmJa).toContain('リマインダー');
    expect(dmJa).not.toContain('Reminder');

    await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    const cancelled = await lastEventCard(tb, id);
    expect(buttons(cancelled.args.blocks)).toEqual([]);
    expectInOrder(
      allText(cancelled.args.blocks),
      each((m) => m.events.cardCancelled),
    );
    expect(cancelled.args.text).toBe(
      // The colon is the first language's: full-width in Japanese.
      `新年会 New Year party${languages[0] === 'ja' ? '：' : ': '}${each((m) => m.events.cardCancelled).join(' / ')}`,
    );
  });

  it('a role card, and its closed and filled states, are in the channel languages', async () => {
    const id = await postJob(tb, {
      title: 'SRE リード',
      team: 'Platform',
      workStyle: 'remote',
      closesOn: '2026-12-20',
      tags: 'go, kubernetes',
    });
    const card = await lastJobCard(tb, id);
    expect(labels(card)).toEqual(expected.job);
    const text = allText(card.args.blocks);
    expect(text).toContain(
      `Platform · ${each((m) => m.jobs.workStyles.remote).join(' / ')} · ${each((m) => m.jobs.employmentTypes.full_time).join(' / ')}`,
    );
    // One line per language, then the tags once.
    expectInOrder(text, [
      ...languages.flatMap((locale) => {
        const m = messages(locale).jobs;
        return [m.cardRecruiter(`<@${HR}>`), m.cardId(id)];
      }),
      '`go` `kubernetes`',
      ...each((m) => m.jobs.cardHowItWorks),
    ]);

    await tb.commandConfirmed(`job close ${id}`, HR);
    const closed = await lastJobCard(tb, id);
    expect(buttons(closed.args.blocks)).toEqual([]);
    expectInOrder(
      allText(closed.args.blocks),
      each((m) => m.jobs.cardClosed),
    );

    const second = await postJob(tb, { title: 'Returning designer' });
    await tb.command(`job hired ${second} <@${MEMBER_JA}|aiko>`, HR);
    expectInOrder(
      allText((await lastJobCard(tb, second)).args.blocks),
      each((m) => m.jobs.cardFilled),
    );
  });

  it('a role the planner closes on its close date gets the same card', async () => {
    const id = await postJob(tb, { title: 'Short-lived role', closesOn: '2026-12-21' });
    tb.clock.set(new Date('2026-12-23T00:00:00Z'));
    await tb.tick();
    expectInOrder(
      allText((await lastJobCard(tb, id)).args.blocks),
      each((m) => m.jobs.cardClosed),
    );
  });

  it('a member’s own /alumni events list stays in their language', async () => {
    tb.clock.set(new Date('2026-12-24T00:00:00Z'));
    await createEvent(tb, ORGANIZER, { startsAt: new Date(tb.clock.now().getTime() + 3 * DAY) });
    const en = await tb.command('events', MEMBER_EN);
    expect(buttons(record(en.json).blocks).map((b) => record(b.text).text)).toContain('Going');
    const ja = await tb.command('events', MEMBER_JA);
    expect(buttons(record(ja.json).blocks).map((b) => record(b.text).text)).toContain('参加');
  });
});
