/**
 * Cards at their longest, in two languages, stay within what Slack accepts: the fake Slack checks
 * every post against Block Kit's limits (a button `url` of at most 3,000 characters, section text of
 * at most 3,000, button text of at most 75…). Issue 12 §1 and §3.
 */
import { EVENT_LIMITS } from '../../src/events/types';
import { JOB_LIMITS } from '../../src/jobs/types';
import { buttons, record } from '../support/blocks';
import type { RecordedCall } from '../support/fakeSlack';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { HR, JOBS_CHANNEL, cardCalls as jobCardCalls, postJob, saveProfile, setUpHr } from '../jobs/support';
import { DAY, cardCalls, createEvent, pressOnCard } from './support';

const ORGANIZER = 'U5ORG01';
const TITLE_JA = '年末アルムナイ交流会'.repeat(15); // 150 characters
const PLACE_JA = '東京都渋谷区神南一丁目会議室'.repeat(15).slice(0, EVENT_LIMITS.place); // 200 characters

function calendarUrl(call: RecordedCall | undefined): string {
  const button = buttons(call?.args.blocks).find((b) => b.action_id === 'event.calendar');
  if (typeof button?.url !== 'string') throw new Error('no calendar button');
  return button.url;
}

function sectionTexts(call: RecordedCall | undefined): string[] {
  const blocks = Array.isArray(call?.args.blocks) ? call.args.blocks : [];
  return blocks
    .map((block) => record(block))
    .filter((block) => block.type === 'section')
    .map((block) => String(record(block.text).text));
}

describe('cards at their longest, in Japanese and English, pass Slack’s checks', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({
      env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: JOBS_CHANNEL, CHANNEL_LANGUAGES: 'ja,en' },
    });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    await setUpHr(tb);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('an event with a 150-character Japanese title and a 200-character place: the calendar link is cut to fit', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: TITLE_JA, place: PLACE_JA });
    const card = (await cardCalls(tb, id, 'chat.postMessage'))[0];
    expect(card).toBeDefined();
    const url = calendarUrl(card);
    expect(url.length).toBeLessThanOrEqual(3000);
    const params = new URL(url).searchParams;
    expect(params.get('text')).toBe(TITLE_JA);
    expect(params.get('location')?.endsWith('…')).toBe(true);
    // The card itself shows the whole place.
    expect(allText(card?.args.blocks)).toContain(PLACE_JA);

    // The member's own list carries the same button.
    await tb.agree('U5MEM01');
    const list = await tb.command('events', 'U5MEM01');
    const listed = buttons(record(list.json).blocks).find((b) => b.action_id === 'event.calendar');
    expect(String(listed?.url).length).toBeLessThanOrEqual(3000);
  });

  it('every field at its longest, and ten members going with long names: within every limit, both languages kept', async () => {
    const id = await createEvent(tb, ORGANIZER, {
      title: TITLE_JA,
      place: PLACE_JA,
      url: `https://meet.example.com/${'a'.repeat(EVENT_LIMITS.url - 25)}`,
      description: '説明&'.repeat(EVENT_LIMITS.description / 3).padEnd(EVENT_LIMITS.description, '&'),
      capacity: '12',
      tags: 'design, golang',
      startsAt: new Date(tb.clock.now().getTime() + 3 * DAY),
    });
    // A name of 80 ampersands is 400 characters once escaped for mrkdwn: ten of them, in two languages,
    // would be 8,000.
    for (let i = 0; i < 11; i += 1) {
      const member = `U5LONG${String(i).padStart(2, '0')}`;
      await tb.agree(member);
      await saveProfile(tb, member, 'all', 'design', '&'.repeat(80));
      await pressOnCard(tb, 'event.rsvp.going', member, id);
    }
    const card = (await cardCalls(tb, id, 'chat.update')).pop();
    expect(calendarUrl(card).length).toBeLessThanOrEqual(3000);
    const answers = sectionTexts(card).find((text) => text.includes('11人が参加'));
    expect(answers).toBeDefined();
    expect(answers?.length).toBeLessThanOrEqual(3000);
    // The English half is cut as much as the Japanese one, never dropped.
    expect(answers).toContain('*11 going*');
    expect(answers).toContain('1 place left of 12');
    // Names that do not fit are counted, not cut in half.
    expect(answers).toMatch(/ほか\d+人/);
    expect(answers).toMatch(/and \d+ more/);
    expect(answers).not.toContain('…');
  });

  it('a role at its longest, in both languages', async () => {
    const id = await postJob(tb, {
      title: '求'.repeat(JOB_LIMITS.title),
      team: 'チ'.repeat(JOB_LIMITS.team),
      location: '場'.repeat(JOB_LIMITS.location),
      description: '&'.repeat(JOB_LIMITS.description),
      closesOn: '2026-12-31',
      tags: 'design, golang, kubernetes',
    });
    const card = (await jobCardCalls(tb, id, 'chat.postMessage'))[0];
    expect(buttons(card?.args.blocks).map((b) => record(b.text).text)).toEqual([
      '興味あり / I’m curious',
      '知人を紹介 / Refer someone',
      '応募する / Apply',
    ]);
    await tb.commandConfirmed(`job close ${id}`, HR);
    expect(allText((await jobCardCalls(tb, id, 'chat.update')).pop()?.args.blocks)).toContain(
      'This role is closed.',
    );
  });
});
