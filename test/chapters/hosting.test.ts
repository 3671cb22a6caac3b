import { ADMIN, TestBot, allText } from '../support/testBot';
import { announceValues } from '../support/forms';
import { DAY, HOUR, createEvent, eventValues } from '../events/support';
import { TOKYO, createChapter, member, openedView, userLink } from './support';

// Issue 14 §4: a chapter's lead posts events and announcements in the chapter's channel without
// being an organizer (checked in the services: anywhere else, and for anyone else, refused). An
// event posted in a chapter's channel belongs to it: it comes first in its members' `events` and
// digests, and `stats` counts members and events by chapter. Erasure removes memberships and lead
// rows, and the export holds them.

const ORGANIZER = 'U14HOORG';
const LEAD = 'U14HOLED';
const AIKO = 'U14HOAIK';
const KEN = 'U14HOKEN';

async function submitEvent(tb: TestBot, user: string, channel: string, title: string) {
  const start = new Date(tb.clock.now().getTime() + 3 * DAY);
  return tb.submit(
    'event.modal',
    eventValues({ title, channel, startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) }),
    user,
    '{"eventId":null}',
  );
}

describe('chapters: leads, events, digests, stats, erasure', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
    await tb.agree(ADMIN);
    await tb.command(`role add ${userLink(ORGANIZER)} organizer`, ADMIN);
    await member(tb, ORGANIZER, 'go');
    await member(tb, LEAD, 'design');
    await member(tb, AIKO, 'go');
    await member(tb, KEN, 'go');
    await createChapter(tb, 'Tokyo', TOKYO);
    await tb.command(`chapters lead add Tokyo ${userLink(LEAD)}`, ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a lead creates an event in the chapter’s channel; elsewhere, and a non-lead non-organizer, are refused', async () => {
    // `event new` opens the form pointed at the chapter's channel.
    await tb.command('event new', LEAD);
    expect(JSON.stringify(openedView(tb).blocks)).toContain(TOKYO);

    const before = await tb.snapshot();
    const elsewhere = await submitEvent(tb, LEAD, 'C0EVENTS1', 'Not here');
    expect(allText(elsewhere.json)).toContain('Only members with the organizer role');
    const stranger = await submitEvent(tb, KEN, TOKYO, 'Not mine');
    expect(allText(stranger.json)).toContain('Only members with the organizer role');
    expect(allText((await tb.command('event new', KEN)).json)).toContain(
      'Only members with the organizer or supporter role',
    );
    expect(await tb.snapshot()).toBe(before);

    const ok = await submitEvent(tb, LEAD, TOKYO, 'Tokyo picnic');
    expect(ok.status).toBe(200);
    expect(await tb.rows('SELECT title, channel, created_by FROM events')).toEqual([
      { title: 'Tokyo picnic', channel: TOKYO, created_by: LEAD },
    ]);

    // Once no longer a lead, the chapter's channel is refused too.
    await tb.command(`chapters lead remove Tokyo ${userLink(LEAD)}`, ADMIN);
    const after = await submitEvent(tb, LEAD, TOKYO, 'Too late');
    expect(allText(after.json)).toContain('Only members with the organizer role');
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 1 });
  });

  it('a lead edits and cancels their own chapter event, not an organizer’s there; a member neither', async () => {
    await submitEvent(tb, LEAD, TOKYO, 'Tokyo picnic');
    const mine =
      (await tb.row<{ id: number }>("SELECT id FROM events WHERE title = 'Tokyo picnic'"))?.id ?? 0;
    const theirs = await createEvent(tb, ORGANIZER, { title: 'Organizer night', channel: TOKYO });

    await tb.command(`event edit ${mine}`, LEAD);
    expect(JSON.stringify(openedView(tb).blocks)).toContain('Tokyo picnic');
    const before = await tb.snapshot();
    expect(allText((await tb.command(`event cancel ${theirs}`, LEAD)).json)).toContain(
      `Only the organizer who created event #${theirs} or an admin`,
    );
    expect(allText((await tb.command(`event cancel ${mine}`, KEN)).json)).toContain(
      'Only members with the organizer role',
    );
    expect(allText((await tb.command(`event attendees ${mine}`, LEAD)).json)).toContain(
      'Only members with the organizer role',
    );
    // Moving it out of the chapter's channel is refused: a lead hosts only there.
    const start = new Date(tb.clock.now().getTime() + 3 * DAY);
    const moved = await tb.submit(
      'event.modal',
      eventValues({
        title: 'Tokyo picnic',
        channel: 'C0EVENTS1',
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * HOUR),
      }),
      LEAD,
      JSON.stringify({ eventId: mine }),
    );
    expect(allText(moved.json)).toContain('Only members with the organizer role');
    expect(await tb.snapshot()).toBe(before);

    const cancelled = await tb.commandConfirmed(`event cancel ${mine}`, LEAD);
    expect(allText(cancelled.json)).toContain('“Tokyo picnic” is cancelled');
    expect(await tb.row('SELECT status FROM events WHERE id = ?', mine)).toEqual({ status: 'cancelled' });
  });

  it('a lead schedules an announcement in the chapter’s channel, and only there', async () => {
    const postAt = new Date(tb.clock.now().getTime() + HOUR);
    const refused = await tb.submit('announcement.modal', announceValues({ postAt }), LEAD, '');
    expect(allText(refused.json)).toContain('Only members with the organizer role');
    expect(await tb.row('SELECT count(*) AS n FROM announcements')).toEqual({ n: 0 });
    const stranger = await tb.submit(
      'announcement.modal',
      announceValues({ channel: TOKYO, postAt }),
      KEN,
      '',
    );
    expect(allText(stranger.json)).toContain('Only members with the organizer role');

    await tb.submit('announcement.modal', announceValues({ channel: TOKYO, postAt }), LEAD, '');
    expect(await tb.rows('SELECT channel, author FROM announcements')).toEqual([
      { channel: TOKYO, author: LEAD },
    ]);
  });

  it('chapter events come first in the members’ `events` list and digests, before interest matches', async () => {
    await createEvent(tb, ORGANIZER, {
      title: 'Go night',
      tags: 'go',
      startsAt: new Date(tb.clock.now().getTime() + DAY),
    });
    await submitEvent(tb, LEAD, TOKYO, 'Tokyo picnic');
    await tb.command('chapters join Tokyo', AIKO);

    const mine = allText((await tb.command('events', AIKO)).json);
    expect(mine.indexOf('Tokyo picnic')).toBeGreaterThanOrEqual(0);
    expect(mine.indexOf('Tokyo picnic')).toBeLessThan(mine.indexOf('Go night'));
    // Not a member: the sooner, matching event first, as before.
    const theirs = allText((await tb.command('events', KEN)).json);
    expect(theirs.indexOf('Go night')).toBeLessThan(theirs.indexOf('Tokyo picnic'));

    const digest = allText((await tb.command('digest preview', AIKO)).json);
    expect(digest.indexOf('Tokyo picnic')).toBeGreaterThanOrEqual(0);
    expect(digest.indexOf('Tokyo picnic')).toBeLessThan(digest.indexOf('Go night'));
    const other = allText((await tb.command('digest preview', KEN)).json);
    expect(other).toContain('Go night');
    expect(other).not.toContain('Tokyo picnic');
  });

  it('`stats` breaks members and events down by chapter', async () => {
    await tb.command('chapters join Tokyo', AIKO);
    await submitEvent(tb, LEAD, TOKYO, 'Tokyo picnic');
    const report = allText((await tb.command('stats', ORGANIZER)).json);
    expect(report).toContain('*Tokyo*: members 2 · upcoming events 1 · past events 0');
    expect(allText((await tb.command('stats', AIKO)).json)).toContain('Only members with the organizer');
  });

  it('erasure removes memberships and lead rows and keeps the audit without the ids; the export holds them', async () => {
    await tb.command('chapters join Tokyo', AIKO);
    await tb.command('privacy export', LEAD);
    const exported = JSON.parse(tb.fake.uploads.at(-1)?.content.toString('utf8') ?? 'null') as {
      other: { chapters: { memberships: { chapter: string }[]; leads: { chapter: string }[] } };
    };
    expect(exported.other.chapters.memberships).toMatchObject([{ chapter: 'Tokyo' }]);
    expect(exported.other.chapters.leads).toMatchObject([{ chapter: 'Tokyo' }]);

    for (const user of [LEAD, AIKO, ADMIN]) {
      await tb.press('privacy.delete', user);
      expect(await tb.rowsMentioning(user)).toEqual([]);
    }
    expect(await tb.rows('SELECT actor_id, action, subject_id FROM chapter_actions ORDER BY id')).toEqual([
      { actor_id: null, action: 'created', subject_id: null },
      { actor_id: null, action: 'lead_added', subject_id: null },
    ]);
    expect(await tb.rows('SELECT * FROM chapter_members')).toEqual([]);
    expect(await tb.rows('SELECT * FROM chapter_leads')).toEqual([]);
  });
});
