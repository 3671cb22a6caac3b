import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  HR,
  JOBS_CHANNEL,
  buttons,
  cardCalls,
  dmsTo,
  funnelRows,
  jobRow,
  postJob,
  saveProfile,
  setUpHr,
  submitReferral,
} from './support';

type Json = Record<string, unknown>;

function lastHome(tb: TestBot, user: string): Json {
  const view = tb.fake
    .callsTo('views.publish')
    .filter((c) => c.args.user_id === user)
    .pop()?.args.view;
  return typeof view === 'object' && view !== null ? (view as Json) : {};
}

async function lastCardBlocks(tb: TestBot, jobId: number): Promise<string> {
  const calls = [
    ...(await cardCalls(tb, jobId, 'chat.postMessage')),
    ...(await cardCalls(tb, jobId, 'chat.update')),
  ].sort((a, b) => a.at - b.at);
  return JSON.stringify(calls[calls.length - 1]?.args.blocks ?? []);
}

describe('jobs: listing, closing, hires and the close-date planner', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('/alumni jobs lists open roles, interest matches first, with the three actions', async () => {
    await tb.agree('U7LIST');
    expect(TestBot.replyText(await tb.command('jobs', 'U7LIST'))).toBe(
      'There are no open roles right now. New ones appear here and in the jobs channel.',
    );
    await postJob(tb, { title: 'Older python role', tags: 'python' });
    tb.clock.advance(60_000);
    await postJob(tb, { title: 'Newest general role' });
    tb.clock.advance(60_000);
    const closed = await postJob(tb, { title: 'Closed golang role', tags: 'golang' });
    await tb.commandConfirmed(`job close ${closed}`, HR);
    await tb.command('interests add Python, golang', 'U7LIST');
    const response = await tb.command('jobs', 'U7LIST');
    const text = allText(response.json);
    expect(text).toContain('Open roles');
    expect(text.indexOf('Older python role')).toBeLessThan(text.indexOf('Newest general role'));
    expect(text).toContain('matches your interests: `python`');
    expect(text).not.toContain('Closed golang role');
    const ids = buttons(response.json).map((b) => b.action_id);
    expect(ids.filter((id) => id === 'job.curious')).toHaveLength(2);
    expect(ids.filter((id) => id === 'job.refer')).toHaveLength(2);
    expect(ids.filter((id) => id === 'job.apply')).toHaveLength(2);
  });

  it('/alumni jobs in Japanese, and from a DM', async () => {
    await postJob(tb, { title: 'Tokyo role', workStyle: 'onsite', employmentType: 'part_time' });
    tb.fake.setUser('U7JA', { locale: 'ja-JP' });
    await tb.agree('U7JA');
    const response = await tb.command('jobs', 'U7JA');
    expect(allText(response.json)).toContain('募集中の求人');
    expect(allText(response.json)).toContain('出社 · パートタイム');
    expect(buttons(response.json).map((b) => (b.text as { text: string }).text)).toEqual([
      '興味あり',
      '知人を紹介',
      '応募する',
    ]);
    await tb.dm('job', 'U7JA');
    expect(
      allText(dmsTo(tb, 'DU7JA').pop()?.args ?? tb.fake.callsTo('chat.postMessage').pop()?.args),
    ).toContain('募集中の求人');
  });

  it('job close closes the role and updates its card; a second close changes nothing', async () => {
    const id = await postJob(tb, { title: 'Ops lead' });
    const response = await tb.commandConfirmed(`job close ${id}`, HR);
    expect(TestBot.replyText(response) + allText(tb.fake.responses.map((r) => r.body))).toContain(
      '“Ops lead” is closed; its card now says so.',
    );
    await tb.settle();
    expect(await jobRow(tb, id)).toMatchObject({ status: 'closed', closed_at: tb.clock.now().toISOString() });
    const card = await lastCardBlocks(tb, id);
    expect(card).toContain('This role is closed');
    expect(card).not.toContain('job.curious');
    const before = await tb.snapshot();
    const again = await tb.commandConfirmed(`job close ${id}`, HR);
    expect(TestBot.replyText(again)).toBe('“Ops lead” is not open any more. Nothing changed.');
    expect(await tb.snapshot()).toBe(before);
  });

  it('job hired records a comeback hire, marks the role filled and updates the card; twice records once', async () => {
    const id = await postJob(tb, { title: 'Returning SRE' });
    const response = await tb.command(`job hired ${id} <@U7BACK|ken>`, HR);
    expect(TestBot.replyText(response)).toBe(
      ':tada: <@U7BACK> is recorded as hired for “Returning SRE”, and the role is marked filled. Welcome back!',
    );
    expect(await jobRow(tb, id)).toMatchObject({ status: 'filled' });
    expect(await funnelRows(tb, id)).toContainEqual({ user_id: 'U7BACK', step: 'hired' });
    expect(await lastCardBlocks(tb, id)).toContain('This role has been filled');
    const again = await tb.command(`job hired ${id} <@U7BACK|ken>`, HR);
    expect(TestBot.replyText(again)).toBe(
      '<@U7BACK> was already recorded as hired for “Returning SRE”. Nothing changed.',
    );
    expect((await funnelRows(tb, id)).filter((r) => r.step === 'hired')).toHaveLength(1);
    // A second opening filled by someone else is a second hire.
    await tb.command(`job hired ${id} <@U7BACK2>`, HR);
    expect((await funnelRows(tb, id)).filter((r) => r.step === 'hired')).toHaveLength(2);
  });

  it('a closed role can still record a hire; a Japanese HR member gets Japanese replies', async () => {
    tb.fake.setUser('U7HRJA', { locale: 'ja-JP' });
    await setUpHr(tb, 'U7HRJA');
    const id = await postJob(tb, { title: 'QA' }, 'U7HRJA');
    expect(TestBot.replyText(await tb.commandConfirmed(`job close ${id}`, 'U7HRJA'))).toBe(
      '「QA」の募集を締め切り、カードにも反映しました。',
    );
    expect(TestBot.replyText(await tb.command(`job hired ${id} <@U7BACK>`, 'U7HRJA'))).toContain(
      '<@U7BACK> さんを「QA」の採用として記録し',
    );
    expect((await jobRow(tb, id)).status).toBe('filled');
  });

  it('the planner closes a role once its close date is over (in DEFAULT_TIMEZONE) and updates its card once', async () => {
    // Now: 2026-11-24T01:00Z, 10:00 in Tokyo. The role stays open through 25 November, Tokyo time.
    const id = await postJob(tb, { title: 'Seasonal role', closesOn: '2026-11-25' });
    const forever = await postJob(tb, { title: 'Evergreen role' });
    tb.clock.set('2026-11-25T14:59:00Z');
    await tb.tick();
    expect((await jobRow(tb, id)).status).toBe('open');
    expect(await cardCalls(tb, id, 'chat.update')).toHaveLength(0);
    tb.clock.set('2026-11-25T15:00:00Z');
    await tb.tick();
    expect(await jobRow(tb, id)).toMatchObject({ status: 'closed', closed_at: '2026-11-25T15:00:00.000Z' });
    expect(await cardCalls(tb, id, 'chat.update')).toHaveLength(1);
    expect(await lastCardBlocks(tb, id)).toContain('This role is closed');
    await tb.tick();
    expect(await cardCalls(tb, id, 'chat.update')).toHaveLength(1);
    expect((await jobRow(tb, forever)).status).toBe('open');
    expect(tb.logs.some((line) => line.includes(`job ${id} closed: its close date 2026-11-25 is over`))).toBe(
      true,
    );
  });

  it('a role past its close date is not listed even before the planner runs', async () => {
    await postJob(tb, { title: 'Short role', closesOn: '2026-11-24' });
    await tb.agree('U7LIST');
    tb.clock.set('2026-11-24T15:30:00Z');
    expect(TestBot.replyText(await tb.command('jobs', 'U7LIST'))).toContain(
      'There are no open roles right now',
    );
  });

  it('a card update that fails does not stop the planner or other roles from closing', async () => {
    const first = await postJob(tb, { title: 'First', closesOn: '2026-11-24' });
    const second = await postJob(tb, { title: 'Second', closesOn: '2026-11-24' });
    tb.fake.override('chat.update', (_args, index) =>
      index === 0 ? { body: { ok: false, error: 'message_not_found' } } : undefined,
    );
    tb.clock.set('2026-11-25T00:00:00Z');
    const summary = await tb.tick();
    expect(summary.plannerFailures).toEqual([]);
    expect([(await jobRow(tb, first)).status, (await jobRow(tb, second)).status]).toEqual([
      'closed',
      'closed',
    ]);
  });
});

describe('jobs: App Home and help', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('members see up to three best-matched roles with the actions; HR sees open roles with their funnel counts', async () => {
    const match = await postJob(tb, { title: 'Design systems lead', tags: 'design' });
    for (const title of ['Role B', 'Role C', 'Role D']) await postJob(tb, { title });
    await tb.agree('U7HOME');
    await saveProfile(tb, 'U7HOME', 'all', 'design');
    await tb.press('job.curious', 'U7HOME', 'message', String(match));
    await tb.press('job.apply', 'U7HOME', 'message', String(match));
    await tb.press('job.apply', 'U7HOME', 'message', String(match));
    await submitReferral(tb, 'U7HOME', match, { name: 'Aoi', contact: 'aoi@example.com' });
    await tb.run(
      "INSERT INTO funnel_events (job_id, user_id, step, at) VALUES (?, 'U7SEEN', 'shown', ?)",
      match,
      tb.clock.now().toISOString(),
    );
    await tb.command(`job hired ${match} <@U7HOME>`, HR);
    const open = await postJob(tb, { title: 'Still open', tags: 'design' });

    await tb.homeOpened('U7HOME');
    const member = lastHome(tb, 'U7HOME');
    const text = allText(member);
    expect(text).toContain('Open roles for you');
    expect(text.indexOf('Still open')).toBeGreaterThan(-1);
    expect(text).not.toContain('Design systems lead'); // filled
    expect(buttons(member).filter((b) => b.action_id === 'job.curious')).toHaveLength(3);
    expect(text).not.toContain('Open roles and their funnel');

    await tb.press('job.curious', 'U7HOME', 'message', String(open));
    await tb.press('job.apply', 'U7HOME', 'message', String(open));
    // Digests record 'shown': twice to the same member counts once; an erased member's row counts too.
    for (const user of ['U7SEEN', 'U7SEEN', null]) {
      await tb.run(
        "INSERT INTO funnel_events (job_id, user_id, step, at) VALUES (?, ?, 'shown', ?)",
        open,
        user,
        tb.clock.now().toISOString(),
      );
    }
    await tb.homeOpened(HR);
    const hr = allText(lastHome(tb, HR));
    expect(hr).toContain('Open roles and their funnel');
    expect(hr).toContain(
      `*Still open*  _#${open}_\nshown 2 · curious 1 · apply clicks 1 · referrals 0 · hired 0`,
    );
    expect(hr).not.toContain('Design systems lead');
    // The filled role's funnel, each member counted once per step.
    expect((await funnelRows(tb, match)).map((r) => r.step).sort()).toEqual([
      'apply_click',
      'curious',
      'hired',
      'posted',
      'referral',
      'shown',
    ]);
  });

  it('HR home shows Japanese funnel labels; admins see it too', async () => {
    const id = await postJob(tb, { title: 'Any' });
    tb.fake.setUser('U7ADMJA', { locale: 'ja-JP' });
    await tb.command('role add <@U7ADMJA> admin', ADMIN);
    await tb.agree('U7ADMJA');
    await tb.homeOpened('U7ADMJA');
    expect(allText(lastHome(tb, 'U7ADMJA'))).toContain(
      `*Any*  _#${id}_\n表示 0 · 興味あり 0 · 応募クリック 0 · 紹介 0 · 採用 0`,
    );
  });

  it('a member without matching interests still sees open roles, with a tip to add interests', async () => {
    await postJob(tb, { title: 'Anything goes' });
    await tb.agree('U7NOINT');
    await tb.homeOpened('U7NOINT');
    const text = allText(lastHome(tb, 'U7NOINT'));
    expect(text).toContain('Anything goes');
    expect(text).toContain('Add interests to see the roles that match you first.');
  });

  it('help shows the HR verbs to HR and admins only', async () => {
    const hr = await tb.command('help', HR);
    expect(allText(hr.json)).toContain('As HR you can');
    expect(allText(hr.json)).toContain('`job new`');
    const admin = await tb.command('help', ADMIN);
    expect(allText(admin.json)).toContain('As HR you can');
    await tb.agree('U7MEM');
    const member = await tb.command('help', 'U7MEM');
    expect(allText(member.json)).not.toContain('As HR you can');
    expect(allText(member.json)).toContain('`jobs`: open roles');
  });
});

describe('jobs: privacy', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  async function memberActive(user: string, jobId: number): Promise<void> {
    await tb.agree(user);
    await saveProfile(tb, user, 'all');
    await tb.press('job.curious', user, 'message', String(jobId));
    await tb.press('job.apply', user, 'message', String(jobId));
    await submitReferral(tb, user, jobId, { name: 'Aoi', contact: 'aoi@example.com' });
    const referral = (await tb.row<{ id: number }>('SELECT max(id) AS id FROM referrals'))?.id ?? 0;
    await tb.press('job.referral.contacted', HR, 'message', String(referral));
    await tb.tick();
  }

  it('export includes the member’s funnel steps and referrals made', async () => {
    const id = await postJob(tb, { title: 'Exported role' });
    await memberActive('U7EXP', id);
    await tb.command('privacy export', 'U7EXP');
    const upload = tb.fake.uploads[tb.fake.uploads.length - 1];
    const data = JSON.parse(upload?.content.toString('utf8') ?? '{}') as {
      other: { jobs: { funnelSteps: Json[]; referralsMade: Json[]; roles: Json[] } };
    };
    expect(data.other.jobs.funnelSteps.map((s) => [s.job_id, s.title, s.step])).toEqual([
      [id, 'Exported role', 'curious'],
      [id, 'Exported role', 'apply_click'],
      [id, 'Exported role', 'referral'],
    ]);
    expect(data.other.jobs.referralsMade).toEqual([
      expect.objectContaining({ job_id: id, candidate_name: 'Aoi', status: 'contacted' }),
    ]);
    expect(data.other.jobs.roles).toEqual([]);
  });

  it('erasing a member leaves no row naming them; HR’s counts stay', async () => {
    const id = await postJob(tb, { title: 'Erased role' });
    await memberActive('U7ERASE', id);
    expect((await tb.rowsMentioning('U7ERASE')).length).toBeGreaterThan(0);
    await tb.press('privacy.delete', 'U7ERASE');
    expect(await tb.rowsMentioning('U7ERASE')).toEqual([]);
    expect(await funnelRows(tb, id)).toEqual([
      { user_id: HR, step: 'posted' },
      { user_id: null, step: 'curious' },
      { user_id: null, step: 'apply_click' },
      { user_id: null, step: 'referral' },
    ]);
    expect(await tb.rows('SELECT referrer, candidate_name FROM referrals')).toEqual([
      { referrer: null, candidate_name: 'Aoi' },
    ]);
  });

  it('erasing the recruiter and poster removes their name from roles; export lists the roles first', async () => {
    const id = await postJob(tb, { title: 'HR role' });
    await memberActive('U7OTHER', id);
    await tb.command('privacy export', HR);
    const data = JSON.parse(
      tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '{}',
    ) as { other: { jobs: { roles: Json[] } } };
    expect(data.other.jobs.roles).toEqual([
      expect.objectContaining({ id, title: 'HR role', recruiter: true, posted: true }),
    ]);
    await tb.press('privacy.delete', HR);
    expect(await tb.rowsMentioning(HR)).toEqual([]);
    expect(await jobRow(tb, id)).toMatchObject({ recruiter: null, posted_by: null, status: 'open' });
    expect((await funnelRows(tb, id))[0]).toEqual({ user_id: null, step: 'posted' });
  });
});
