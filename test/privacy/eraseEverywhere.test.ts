import { ADMIN, TestBot, allText } from '../support/testBot';
import { profileValues } from '../support/forms';
import {
  HR,
  JOBS_CHANNEL,
  cardCalls as jobCardCalls,
  dmsTo,
  postJob,
  setUpHr,
  submitReferral,
} from '../jobs/support';
import { DAY, createEvent, lastCardText, pressOnCard } from '../events/support';
import { dmButtonValue, tag } from '../coffee/support';
import { ROUND_1, tickAt } from '../intros/support';
import { keyOf, postAsEarlierProcess } from '../scheduler/helpers';

// Issue 9 §3: after a member confirms `privacy delete`, no table holds their Slack id or the free
// text they typed about themselves, every card that showed them is updated, and their place on a
// full event goes to the first person waiting, who is told.

const ERASED = 'U9ERASE1';
const PARTNER = 'U9PART01';
const WAITING = 'U9WAIT01';

/** What the member typed about themselves: none of it may survive the erasure, anywhere. */
const FREE_TEXT = {
  name: 'Zorblat Quenby',
  title: 'Chief Zorblatter',
  company: 'Quenbyworks',
  location: 'Zorbtown',
  bio: 'Zorbbio about me',
  tag: 'zorbtag',
  relationship: 'Zorbrelation we worked together',
  note: 'Zorbnote from the referrer',
};

const A_WEEK_AFTER_ROUND = new Date(new Date(ROUND_1).getTime() + 7 * DAY).toISOString();

function announceValues(text: string, postAt: Date): Record<string, Record<string, Record<string, unknown>>> {
  return {
    'announce.channel': { value: { type: 'conversations_select', selected_conversation: 'C0NEWS1' } },
    'announce.text': { value: { type: 'plain_text_input', value: text } },
    'announce.post_at': {
      value: { type: 'datetimepicker', selected_date_time: Math.floor(postAt.getTime() / 1000) },
    },
    'announce.repeat': { value: { type: 'static_select', selected_option: { value: 'none' } } },
    'announce.cron': { value: { type: 'plain_text_input', value: null } },
  };
}

/** Every text cell, in every table (listed from the schema, so a future table is covered too), that holds `needle`. */
async function cellsHolding(tb: TestBot, needle: string): Promise<string[]> {
  return (await tb.rowsMentioning(needle)).map(({ table, row }) => {
    const columns = Object.entries(row).filter(
      ([, value]) => typeof value === 'string' && value.includes(needle),
    );
    return `${table}.${columns.map(([column]) => column).join('/')}: ${JSON.stringify(row)}`;
  });
}

async function member(
  tb: TestBot,
  user: string,
  interests: string,
  extra: Parameters<typeof profileValues>[0] = {},
): Promise<void> {
  await tb.agree(user);
  const saved = await tb.submit(
    'profile.modal',
    profileValues({ name: `Member ${user}`, from: '2015', interests, ...extra }),
    user,
  );
  if (saved.status !== 200) throw new Error(`profile not saved for ${user}`);
}

/** What the member's erasure must update: the events they went to and the role they recruited for. */
interface Touched {
  readonly full: number;
  readonly open: number;
  readonly recruited: number;
}

/** A member who did a bit of everything the bot offers, among others. */
async function memberWhoDidEverything(tb: TestBot): Promise<Touched> {
  // The member: a full profile, intros, organizer and HR roles.
  await member(tb, ERASED, `${FREE_TEXT.tag}, go`, {
    name: FREE_TEXT.name,
    title: FREE_TEXT.title,
    company: FREE_TEXT.company,
    location: FREE_TEXT.location,
    bio: FREE_TEXT.bio,
    openTo: ['comeback', 'mentoring'],
  });
  for (const role of ['organizer', 'hr']) await tb.command(`role add ${tag(ERASED)} ${role}`, ADMIN);
  await tb.command('intros on', ERASED);
  await tb.command('digest daily', ERASED);
  await member(tb, PARTNER, 'go');
  await tb.command('intros on', PARTNER);
  await member(tb, WAITING, 'chess');

  // HR asks them to be a contact for a role, but that DM fails for good: HR is told, in a notice whose
  // key embeds the failed DM's key (and so the member's id).
  const quiet = await postJob(tb, { title: 'Quiet role' });
  tb.fake.override('chat.postMessage', (args) =>
    args.channel === ERASED && JSON.stringify(args).includes(`coffee:contact:${quiet}:`)
      ? { body: { ok: false, error: 'channel_not_found' } }
      : undefined,
  );
  await tb.command(`job contacts ${quiet} ${tag(ERASED)}`, HR);
  await tb.tick();
  await tb.tick();
  tb.fake.reset();

  // Events: one they created with one seat (they take it, another waits), one they go to.
  const startsAt = new Date(new Date(A_WEEK_AFTER_ROUND).getTime() + 3 * DAY);
  const full = await createEvent(tb, ERASED, {
    title: 'One seat dinner',
    capacity: '1',
    startsAt,
    reminders: ['1w', '1d'],
  });
  await pressOnCard(tb, 'event.rsvp.going', ERASED, full);
  await pressOnCard(tb, 'event.rsvp.going', WAITING, full);
  const open = await createEvent(tb, ADMIN, { title: 'Open picnic', startsAt, reminders: ['1w'] });
  await pressOnCard(tb, 'event.rsvp.going', ERASED, open);
  await pressOnCard(tb, 'event.rsvp.going', PARTNER, open);
  expect(await lastCardText(tb, open)).toContain('Zorblat');

  // An announcement they scheduled.
  const announced = await tb.submit(
    'announcement.modal',
    announceValues('Picnic next month!', new Date(tb.clock.now().getTime() + 30 * DAY)),
    ERASED,
    '',
  );
  expect(announced.json).toMatchObject({ response_action: 'update' });

  // Roles: one they recruit for (its card names them), one they are curious about and refer to.
  const recruited = await postJob(tb, { title: 'Platform lead', tags: 'go', recruiter: ERASED });
  expect(JSON.stringify((await jobCardCalls(tb, recruited, 'chat.postMessage'))[0]?.args.blocks)).toContain(
    `<@${ERASED}>`,
  );
  const other = await postJob(tb, { title: 'Go engineer', tags: 'go' });
  await tb.press('job.curious', PARTNER, 'message', String(recruited));
  await tb.press('job.curious', ERASED, 'message', String(other));
  await tb.press('job.apply', ERASED, 'message', String(other));
  const referred = await submitReferral(tb, ERASED, other, {
    name: 'Candidate Ren',
    contact: 'ren@example.com',
    relationship: FREE_TEXT.relationship,
    note: FREE_TEXT.note,
  });
  expect(referred.json).toMatchObject({ response_action: 'update' });

  // Coffee chats: they add a contact as HR, and are a confirmed contact themselves.
  await tb.command(`job contacts ${other} ${tag(PARTNER)}`, ERASED);
  await tb.command(`job contacts ${other} ${tag(ERASED)}`, HR);
  await tb.tick();
  await tb.press(
    'coffee.invite.confirm',
    ERASED,
    'message',
    dmButtonValue(tb, ERASED, 'coffee.invite.confirm'),
  );

  // A digest they ran by hand as HR, and the digests sent to them.
  const sent = await tb.command('digest send', ERASED);
  expect(sent.status).toBe(200);
  await tb.tick();
  await tb.tick();

  // An intro round, then "Did you meet?" a week later (the events' 1-week reminders fall due too).
  await tickAt(tb, ROUND_1);
  await tickAt(tb, A_WEEK_AFTER_ROUND);
  await tb.press(
    'intro.met.yes',
    ERASED,
    'message',
    String(
      (await tb.row<{ group_id: number }>('SELECT group_id FROM intro_members WHERE user_id = ?', ERASED))
        ?.group_id,
    ),
  );
  await tb.tick();

  return { full, open, recruited };
}

describe('privacy: erase removes everything and everywhere', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a member who did everything leaves neither their id nor their words in any table', async () => {
    await memberWhoDidEverything(tb);
    // Something of everything was stored about them.
    const before = new Set((await tb.rowsMentioning(ERASED)).map((found) => found.table));
    expect(
      await tb.rows("SELECT channel, status FROM outbox WHERE key LIKE 'outbox-failure:coffee:contact:%'"),
    ).toEqual([{ channel: HR, status: 'sent' }]);
    for (const table of [
      'members',
      'member_roles',
      'event_rsvps',
      'events',
      'announcements',
      'jobs',
      'funnel_events',
      'referrals',
      'job_contacts',
      'digest_runs',
      'digest_items',
      'intro_members',
      'member_nags',
      'outbox',
      'user_locales',
    ]) {
      expect(before).toContain(table);
    }
    const partnerBefore = (await tb.rowsMentioning(PARTNER)).length;

    await tb.press('privacy.delete', ERASED);

    const needles = [ERASED, ...Object.values(FREE_TEXT)];
    const leftovers: Record<string, string[]> = {};
    for (const needle of needles) leftovers[needle] = await cellsHolding(tb, needle);
    expect(leftovers).toEqual(Object.fromEntries(needles.map((needle) => [needle, []])));
    // Others keep what is theirs: only rows that named the erased member went.
    expect((await tb.rowsMentioning(PARTNER)).length).toBeGreaterThan(0);
    expect((await tb.rowsMentioning(PARTNER)).length).toBeLessThanOrEqual(partnerBefore);
    // The event they created and the referral they made stay, without them.
    expect(await tb.row("SELECT created_by FROM events WHERE title = 'One seat dinner'")).toEqual({
      created_by: null,
    });
    expect(
      await tb.rows('SELECT referrer, candidate_name, contact, relationship, note FROM referrals'),
    ).toEqual([
      {
        referrer: null,
        candidate_name: 'Candidate Ren',
        contact: 'ren@example.com',
        relationship: null,
        note: null,
      },
    ]);
  });

  it('every card that showed the member is updated, and their seat goes to the first member waiting, who is told once', async () => {
    const { full, open, recruited } = await memberWhoDidEverything(tb);
    tb.fake.reset();

    await tb.press('privacy.delete', ERASED);

    // The full event: the seat went to the member waiting, and the card says so.
    expect(await tb.rows('SELECT user_id, status FROM event_rsvps WHERE event_id = ?', full)).toEqual([
      { user_id: WAITING, status: 'going' },
    ]);
    expect(await lastCardText(tb, full)).toContain(`*1 going*: Member`);
    expect(await lastCardText(tb, full)).not.toContain('Zorblat');
    // The other event's card neither names nor counts them.
    expect(await lastCardText(tb, open)).toContain('*1 going*: Member');
    expect(await lastCardText(tb, open)).not.toContain('Zorblat');
    // The role they recruited for: the card says the HR team now.
    const roleCard = await jobCardCalls(tb, recruited, 'chat.update');
    expect(roleCard).toHaveLength(1);
    expect(allText(roleCard[0]?.args.blocks)).toContain('Recruiter: the HR team');
    expect(JSON.stringify(roleCard[0]?.args)).not.toContain(ERASED);

    // The member promoted from the waitlist is told, once.
    await tb.tick();
    const told = () => dmsTo(tb, WAITING).filter((call) => allText(call.args).includes('One seat dinner'));
    expect(told()).toHaveLength(1);
    expect(allText(told()[0]?.args)).toContain('A place freed up: you are now going to *One seat dinner*');
    await tb.tick();
    expect(told()).toHaveLength(1);
    // Nothing is sent to or about the erased member afterwards.
    expect(
      tb.fake.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes(ERASED)),
    ).toEqual([]);
  });

  it('a digest run keyed by its starter (before run keys were random) loses the id, and a post in doubt is found in Slack, not sent twice', async () => {
    await member(tb, ERASED, 'chess');
    await tb.command(`role add ${tag(ERASED)} hr`, ADMIN);
    await member(tb, PARTNER, 'go');
    await member(tb, WAITING, 'go');
    await postJob(tb, { title: 'Go engineer', tags: 'go' });
    // Slack answers 500 to the digests: each may or may not have been posted.
    tb.fake.override('chat.postMessage', (args) =>
      JSON.stringify(args).includes('digest:') ? { status: 500 } : undefined,
    );
    await tb.command('digest send', ERASED);
    await tb.tick();
    tb.fake.reset();
    // Rewind the run to how it was keyed before: manual:<time>:<starter>.
    const run = await tb.row<{ run_key: string }>("SELECT run_key FROM digest_runs WHERE cadence = 'manual'");
    const legacy = `manual:${tb.clock.now().toISOString()}:${ERASED}`;
    await tb.run("UPDATE digest_runs SET run_key = ? WHERE cadence = 'manual'", legacy);
    await tb.run(
      "UPDATE outbox SET key = replace(key, ?, ?) WHERE key LIKE 'digest%'",
      run?.run_key ?? '',
      legacy,
    );
    const doubtful = `digest:${legacy}:${PARTNER}`;
    expect(
      await tb.rows(
        "SELECT key, status, CASE WHEN unconfirmed_since IS NOT NULL THEN 1 ELSE 0 END AS doubt FROM outbox WHERE key LIKE 'digest:%' ORDER BY key",
      ),
    ).toEqual([
      { key: doubtful, status: 'pending', doubt: 1 },
      { key: `digest:${legacy}:${WAITING}`, status: 'pending', doubt: 1 },
    ]);
    // The partner's digest did reach Slack, under the key of the time.
    await postAsEarlierProcess(tb.fake, PARTNER, doubtful);

    await tb.press('privacy.delete', ERASED);
    expect(await cellsHolding(tb, ERASED)).toEqual([]);
    const renamed = (
      await tb.rows<{ key: string }>("SELECT key FROM outbox WHERE key LIKE 'digest:%' ORDER BY key")
    ).map((row) => row.key);
    expect(renamed).toEqual([
      expect.stringMatching(/^digest:manual:.+:erased\.\d+:U9PART01$/),
      expect.stringMatching(/^digest:manual:.+:erased\.\d+:U9WAIT01$/),
    ]);

    tb.clock.advance(60 * 60_000);
    await tb.tick();
    const digestsTo = (user: string) =>
      tb.fake
        .callsTo('chat.postMessage')
        .filter((call) => call.args.channel === user && (keyOf(call) ?? '').startsWith('digest:'));
    expect(digestsTo(PARTNER)).toHaveLength(1); // only the earlier process's post
    expect(digestsTo(WAITING)).toHaveLength(1);
    expect(await tb.row('SELECT status, last_error FROM outbox WHERE key = ?', renamed[0] ?? '')).toEqual({
      status: 'sent',
      last_error: 'found_in_history',
    });
    await tb.tick();
    expect(digestsTo(PARTNER)).toHaveLength(1);
  });

  it('a new digest run by hand is keyed without the id of whoever started it', async () => {
    await member(tb, ERASED, 'chess');
    await tb.command(`role add ${tag(ERASED)} hr`, ADMIN);
    await member(tb, PARTNER, 'go');
    await postJob(tb, { title: 'Go engineer', tags: 'go' });
    await tb.command('digest send', ERASED);
    const keys = (await tb.rows<{ key: string }>("SELECT key FROM outbox WHERE key LIKE 'digest%'")).map(
      (row) => row.key,
    );
    expect(keys).toEqual([
      expect.stringMatching(/^digest:manual:2026-11-26T01:00:00\.000Z:[0-9a-f]{8}:U9PART01$/),
    ]);
    const run = await tb.row<{ run_key: string; started_by: string }>(
      "SELECT run_key, started_by FROM digest_runs WHERE cadence = 'manual'",
    );
    expect(run?.run_key).toMatch(/^manual:2026-11-26T01:00:00\.000Z:[0-9a-f]{8}$/);
    // Who started it is kept (for the report) only until they erase their data.
    expect(run?.started_by).toBe(ERASED);
  });
});
