/**
 * Issue 12 §3: `/alumni events`, `/alumni jobs` and HR's roles on the Home tab show ten items a page,
 * with Previous / More buttons that reach every item the member may see, and no other.
 */
import { buttons, record, type Json } from '../support/blocks';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { DAY, createEvent } from '../events/support';
import { postJob, pressInEphemeral, setUpHr } from '../jobs/support';

const ORG = 'U9ORG01';
const HR = 'U9HR01';
const INSIDER = 'U9IN01';
const OUTSIDER = 'U9OUT01';
const TOKYO = 'U9JA01';
const SECRET = 'C0SECRET9';

/** The last response_url post: a page replacing the list, or an ephemeral answer. */
function lastResponse(tb: TestBot): Json {
  return record(tb.fake.responses[tb.fake.responses.length - 1]?.body);
}

function pageButton(message: unknown, actionId: string): Json | undefined {
  return buttons(message).find((button) => button.action_id === actionId);
}

/** Item titles in a list, in order (each title is "<kind> NN"). */
function titles(message: unknown, kind: string): string[] {
  const text = typeof message === 'string' ? message : allText(message);
  return [...text.matchAll(new RegExp(`\\*(${kind} \\d+)\\*`, 'g'))].map((m) => m[1] ?? '');
}

/** Walks a list through its More buttons; returns the titles of every page. */
async function walkPages(
  tb: TestBot,
  first: unknown,
  kind: string,
  more: string,
  user: string,
): Promise<string[][]> {
  const pages = [titles(first, kind)];
  let current = first;
  for (let button = pageButton(current, more); button !== undefined; button = pageButton(current, more)) {
    await pressInEphemeral(tb, more, user, String(button.value));
    const page = lastResponse(tb);
    expect(page.replace_original).toBe(true);
    pages.push(titles(page, kind));
    current = page;
  }
  return pages;
}

describe('lists that do not stop at ten', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    tb.fake.declareChannel(SECRET, { isPrivate: true, members: [ORG, HR, INSIDER] });
    tb.fake.setUser(TOKYO, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORG}|org> organizer`, ADMIN);
    await tb.agree(ORG);
    await setUpHr(tb, HR);
    for (const user of [INSIDER, OUTSIDER, TOKYO]) await tb.agree(user);
    const start = tb.clock.now().getTime() + 2 * DAY;
    for (let i = 1; i <= 12; i++) {
      const n = String(i).padStart(2, '0');
      await createEvent(tb, ORG, { title: `Meetup ${n}`, startsAt: new Date(start + i * 3_600_000) });
      await postJob(tb, { title: `Role ${n}`, channel: 'C0JOBS01' }, HR);
    }
    // One more of each in a private channel: only its members see them, on any page.
    await createEvent(tb, ORG, { title: 'Meetup 13', channel: SECRET, startsAt: new Date(start + DAY) });
    await postJob(tb, { title: 'Role 13', channel: SECRET }, HR);
  });
  afterAll(async () => {
    await tb.stop();
  });
  beforeEach(() => {
    tb.fake.reset();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('/alumni events: More reaches the 11th and 12th event; the private one only for a channel member', async () => {
    const first = (await tb.command('events', OUTSIDER)).json;
    expect(titles(first, 'Meetup')).toHaveLength(10);
    expect(allText(first)).toContain('Showing 1–10 of 12.');
    expect(pageButton(first, 'events.page.more')?.text).toMatchObject({ text: 'More (11–12)' });
    expect(pageButton(first, 'events.page.previous')).toBeUndefined();
    const outside = await walkPages(tb, first, 'Meetup', 'events.page.more', OUTSIDER);
    expect(outside.map((page) => page.length)).toEqual([10, 2]);
    expect(outside.flat().sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Meetup ${String(i + 1).padStart(2, '0')}`),
    );
    const second = lastResponse(tb);
    expect(allText(second)).toContain('Showing 11–12 of 12.');
    // Previous goes back to the first page.
    await pressInEphemeral(
      tb,
      'events.page.previous',
      OUTSIDER,
      String(pageButton(second, 'events.page.previous')?.value),
    );
    expect(titles(lastResponse(tb), 'Meetup')).toEqual(outside[0]);

    const inside = await walkPages(
      tb,
      (await tb.command('events', INSIDER)).json,
      'Meetup',
      'events.page.more',
      INSIDER,
    );
    expect(inside.map((page) => page.length)).toEqual([10, 3]);
    expect(inside.flat()).toContain('Meetup 13');
  });

  it('an answer given on the second page shows the second page again, with the answer', async () => {
    const first = (await tb.command('events', OUTSIDER)).json;
    await pressInEphemeral(
      tb,
      'events.page.more',
      OUTSIDER,
      String(pageButton(first, 'events.page.more')?.value),
    );
    const eventId = (await tb.row<{ id: number }>("SELECT id FROM events WHERE title = 'Meetup 12'"))?.id;
    await pressInEphemeral(tb, 'event.rsvp.maybe', OUTSIDER, String(eventId));
    const again = tb.fake.responses
      .map((r) => record(r.body))
      .filter((b) => b.replace_original === true)
      .pop();
    expect(titles(again, 'Meetup')).toEqual(['Meetup 11', 'Meetup 12']);
    expect(allText(again)).toContain('Your answer');
    await tb.run('DELETE FROM event_rsvps WHERE user_id = ?', OUTSIDER);
  });

  it('/alumni jobs: More reaches every open role; the private one only for a channel member', async () => {
    const first = (await tb.command('jobs', OUTSIDER)).json;
    const outside = await walkPages(tb, first, 'Role', 'jobs.page.more', OUTSIDER);
    expect(outside.map((page) => page.length)).toEqual([10, 2]);
    expect(new Set(outside.flat()).size).toBe(12);
    expect(outside.flat()).not.toContain('Role 13');
    const inside = await walkPages(
      tb,
      (await tb.command('jobs', INSIDER)).json,
      'Role',
      'jobs.page.more',
      INSIDER,
    );
    expect(inside.map((page) => page.length)).toEqual([10, 3]);
    expect(inside.flat()).toContain('Role 13');
  });

  it("HR's Home tab pages through every open role with its funnel", async () => {
    /** The roles under HR's heading (the member's own three best matches come before it). */
    const hrRoles = (view: unknown): string[] =>
      titles(allText(view).split('Open roles and their funnel')[1] ?? '', 'Role');
    await tb.homeOpened(HR);
    const home = tb.fake.callsTo('views.publish').pop()?.args.view;
    expect(hrRoles(home)).toHaveLength(10);
    expect(allText(home)).toContain('Showing 1–10 of 13.');
    const more = pageButton(home, 'home.roles.page.more');
    await tb.press('home.roles.page.more', HR, 'home', String(more?.value));
    const next = tb.fake.callsTo('views.publish').pop()?.args.view;
    expect(hrRoles(next)).toHaveLength(3);
    expect(new Set([...hrRoles(home), ...hrRoles(next)]).size).toBe(13);
    expect(allText(next)).toContain('Showing 11–13 of 13.');
    expect(pageButton(next, 'home.roles.page.previous')?.value).toBe('0');
  });

  it('a forged or stale page button gets a clear answer, changes nothing and shows nothing new', async () => {
    const before = await tb.snapshot();
    for (const value of ['abc', '-10', '1e3', '']) {
      await pressInEphemeral(tb, 'events.page.more', OUTSIDER, value);
      const answer = lastResponse(tb);
      expect(answer.replace_original).toBe(false);
      expect(String(answer.text)).toBe(
        'That button is out of date or was not made by Homecoming, so nothing was shown. Run `/alumni events` to see it from the start.',
      );
    }
    await pressInEphemeral(tb, 'jobs.page.more', OUTSIDER, '40');
    expect(String(lastResponse(tb).text)).toBe(
      'The list has changed since that page was shown and has nothing more from there. Run `/alumni jobs` to see it from the start.',
    );
    const published = tb.fake.callsTo('views.publish').length;
    await tb.press('home.roles.page.more', HR, 'home', '50');
    const dm = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === HR)
      .pop();
    expect(String(dm?.args.text)).toContain('The list has changed since that page was shown');
    expect(tb.fake.callsTo('views.publish').length).toBe(published + 1);
    expect(tb.fake.responses.filter((r) => record(r.body).replace_original === true)).toHaveLength(0);
    expect(await tb.snapshot()).toBe(before);
  });

  it('speaks Japanese to a Japanese member: counts, buttons and refusals', async () => {
    const first = (await tb.command('events', TOKYO)).json;
    expect(allText(first)).toContain('12 件中 1〜10 件目を表示しています。');
    expect(pageButton(first, 'events.page.more')?.text).toMatchObject({ text: 'もっと見る（11〜12 件目）' });
    const pages = await walkPages(tb, first, 'Meetup', 'events.page.more', TOKYO);
    expect(pages.map((page) => page.length)).toEqual([10, 2]);
    expect(pageButton(lastResponse(tb), 'events.page.previous')?.text).toMatchObject({ text: '前へ' });
    const jobs = await walkPages(tb, (await tb.command('jobs', TOKYO)).json, 'Role', 'jobs.page.more', TOKYO);
    expect(jobs.map((page) => page.length)).toEqual([10, 2]);
    await pressInEphemeral(tb, 'jobs.page.more', TOKYO, 'x');
    expect(String(lastResponse(tb).text)).toBe(
      'このボタンは古いか、Homecoming が作ったものではないため、何も表示しませんでした。`/alumni jobs` を実行すると最初から表示できます。',
    );
    await pressInEphemeral(tb, 'events.page.more', TOKYO, '90');
    expect(String(lastResponse(tb).text)).toContain('このページを表示した後で一覧が変わり');
  });
});
