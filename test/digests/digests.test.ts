import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot, ADMIN, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';

const MONDAY_9_TOKYO = '2026-11-30T00:00:00.000Z';

/** Test data: a role as HR would have posted it (the jobs module's own tests cover posting). */
async function seedJob(tb: TestBot, title: string, tags: string[], status = 'open'): Promise<number> {
  const id = await tb.insert(
    `INSERT INTO jobs (title, team, location, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
       VALUES (?, 'Platform', 'Tokyo', 'hybrid', 'full_time', 'https://jobs.example.com/' || ?, ?, ?, ?, ?)`,
    title,
    title.length,
    ADMIN,
    ADMIN,
    status,
    tb.clock.now().toISOString(),
  );
  for (const tag of tags) await tb.run('INSERT INTO job_tags (job_id, tag) VALUES (?, ?)', id, tag);
  return id;
}

const digestsTo = (tb: TestBot, user: string) =>
  tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && (keyOf(c) ?? '').startsWith('digest:'));

async function member(tb: TestBot, user: string, interests: string, locale?: string): Promise<void> {
  if (locale !== undefined) tb.fake.setUser(user, { locale });
  await tb.agree(user);
  await tb.command(`interests add ${interests}`, user);
}

describe('job digests', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-29T12:00:00Z' });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('on DIGEST_CRON each member gets only matching, new roles, best match first; nothing relevant → no message', async () => {
    await member(tb, 'U9A', 'go, design');
    await member(tb, 'U9COOK', 'cooking');
    await tb.command('interests add go', 'U9NOTAGREED'); // refused before agreeing: stays outside digests
    await member(tb, 'U9OFF', 'go');
    await tb.command('digest off', 'U9OFF');
    const both = await seedJob(tb, 'Go designer', ['go', 'design']);
    const goOnly = await seedJob(tb, 'Go engineer', ['go']);
    await seedJob(tb, 'Rust engineer', ['rust']);
    await seedJob(tb, 'Closed Go role', ['go'], 'closed');

    tb.clock.set(MONDAY_9_TOKYO);
    await tb.tick();
    await tb.tick();
    const toA = digestsTo(tb, 'U9A');
    expect(toA).toHaveLength(1);
    const text = allText(toA[0]?.args);
    expect(text.indexOf('Go designer')).toBeLessThan(text.indexOf('Go engineer'));
    expect(text).not.toContain('Rust engineer');
    expect(text).not.toContain('Closed Go role');
    expect(String(toA[0]?.args.text)).toContain('2 roles');
    expect(JSON.stringify(toA[0]?.args.blocks)).toContain('digest.off');
    for (const user of ['U9COOK', 'U9NOTAGREED', 'U9OFF']) expect(digestsTo(tb, user)).toHaveLength(0);
    const shown = await tb.rows(
      "SELECT job_id FROM funnel_events WHERE step = 'shown' AND user_id = 'U9A' ORDER BY job_id",
    );
    expect(shown).toEqual([{ job_id: both }, { job_id: goOnly }]);

    // A week later only what is new goes out; with nothing new, nothing at all.
    await seedJob(tb, 'Go SRE', ['go']);
    tb.clock.set('2026-12-07T00:00:00Z');
    await tb.tick();
    expect(digestsTo(tb, 'U9A')).toHaveLength(2);
    expect(allText(digestsTo(tb, 'U9A')[1]?.args)).toContain('Go SRE');
    expect(allText(digestsTo(tb, 'U9A')[1]?.args)).not.toContain('Go designer');
    tb.clock.set('2026-12-14T00:00:00Z');
    await tb.tick();
    expect(digestsTo(tb, 'U9A')).toHaveLength(2);
  });

  it('upcoming events that match are included; a daily member gets a digest every day at the digest time', async () => {
    await member(tb, 'U9DAILY', 'design');
    await tb.command('digest daily', 'U9DAILY');
    await tb.run(
      `INSERT INTO events (title, starts_at, ends_at, channel, reminders, created_by, created_at)
         VALUES ('Design crit', '2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z', 'C0EVENTS1', '[]', ?, ?)`,
      ADMIN,
      tb.clock.now().toISOString(),
    );
    await tb.run("INSERT INTO event_tags (event_id, tag) VALUES ((SELECT max(id) FROM events), 'design')");
    tb.clock.set('2026-12-01T00:00:00Z'); // Tuesday 09:00 Tokyo
    await tb.tick();
    const first = digestsTo(tb, 'U9DAILY');
    expect(first).toHaveLength(1);
    expect(allText(first[0]?.args)).toContain('Design crit');
    expect(JSON.stringify(first[0]?.args.blocks)).toContain('event.rsvp.going');
    await seedJob(tb, 'Design lead', ['design']);
    tb.clock.set('2026-12-02T00:00:00Z');
    await tb.tick();
    expect(digestsTo(tb, 'U9DAILY')).toHaveLength(2);
  });

  it('digest settings, preview without recording, and the Turn off button', async () => {
    await member(tb, 'U9PREF', 'go');
    const status = await tb.command('digest', 'U9PREF');
    expect(TestBot.replyText(status)).toContain('Your digest is weekly');
    await seedJob(tb, 'Go engineer', ['go']);
    const preview = await tb.command('digest preview', 'U9PREF');
    expect(allText(preview.json)).toContain('Go engineer');
    expect(await tb.row('SELECT count(*) AS n FROM digest_items')).toEqual({ n: 0 });
    await tb.command('digest daily', 'U9PREF');
    expect(await tb.row("SELECT frequency FROM digest_prefs WHERE user_id = 'U9PREF'")).toEqual({
      frequency: 'daily',
    });
    await tb.press('digest.off', 'U9PREF');
    expect(await tb.row("SELECT frequency FROM digest_prefs WHERE user_id = 'U9PREF'")).toEqual({
      frequency: 'off',
    });
    await tb.fake.waitForResponse((r) => allText(r.body).includes('Digests are off'));
    await tb.command('digest on', 'U9PREF');
    expect(await tb.row("SELECT frequency FROM digest_prefs WHERE user_id = 'U9PREF'")).toEqual({
      frequency: 'weekly',
    });
    await tb.agree('U9NEW');
    const nothing = await tb.command('digest preview', 'U9NEW');
    expect(TestBot.replyText(nothing)).toContain('Nothing new matches');
  });

  it('digests are in each member’s language', async () => {
    await member(tb, 'U9JA', 'go', 'ja-JP');
    await seedJob(tb, 'Go エンジニア', ['go']);
    tb.clock.set(MONDAY_9_TOKYO);
    await tb.tick();
    expect(allText(digestsTo(tb, 'U9JA')[0]?.args)).toContain('アルムナイ・ダイジェスト');
  });

  it('`digest send` (HR/admin) runs now and DMs a summary: sent, nothing relevant, not delivered with reasons', async () => {
    await member(tb, 'U9S1', 'go');
    await member(tb, 'U9S2', 'go');
    await member(tb, 'U9S3', 'cooking');
    await seedJob(tb, 'Go engineer', ['go']);
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === 'U9S2' ? { body: { ok: false, error: 'user_not_found' } } : undefined,
    );
    const before = await tb.snapshot();
    const refused = await tb.command('digest send', 'U9S1');
    expect(TestBot.replyText(refused)).toContain('HR');
    expect(await tb.snapshot()).toBe(before);
    const started = await tb.command('digest send', ADMIN);
    expect(TestBot.replyText(started)).toContain('2 members will get one');
    await tb.tick();
    await tb.tick();
    const reports = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === ADMIN && (keyOf(c) ?? '').startsWith('digest-report:'));
    expect(reports).toHaveLength(1);
    const report = String(reports[0]?.args.text);
    expect(report).toContain('1 sent');
    expect(report).toMatch(/2 skipped as nothing relevant/);
    expect(report).toContain('1 not delivered');
    expect(report).toContain('user_not_found');
  });

  it('bad input gets the usage', async () => {
    const before = await tb.snapshot();
    const response = await tb.command('digest hourly', 'U9BAD');
    expect(TestBot.replyText(response)).toContain('/alumni digest on');
    expect(await tb.snapshot()).toBe(before);
  });
});

describe('digest delivery survives a crash in the middle of a run', () => {
  it('every member gets exactly one digest across a crash and restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-digest-crash-'));
    const env = { DATABASE_PATH: path.join(dir, 'digest.sqlite') };
    const first = await TestBot.start({ env, now: '2026-11-29T12:00:00Z' });
    const users = Array.from({ length: 30 }, (_, i) => `U9C${String(i).padStart(3, '0')}`);
    for (const user of users) await member(first, user, 'go');
    await seedJob(first, 'Go engineer', ['go']);
    // Slack fails every send after the tenth: the run is half delivered when the process "dies".
    let accepted = 0;
    first.fake.override('chat.postMessage', () =>
      accepted++ < 10 ? undefined : { status: 500, body: { ok: false, error: 'internal_error' } },
    );
    first.clock.set(MONDAY_9_TOKYO);
    await first.tick();
    // A claim left behind, as a kill -9 between claim and send would leave it.
    await first.run(
      "UPDATE outbox SET status = 'sending', claimed_by = 'dead-process', claimed_at = ? WHERE key = (SELECT key FROM outbox WHERE status = 'pending' AND kind = 'digest' LIMIT 1)",
      '2026-11-29T23:50:00.000Z',
    );
    const sentBefore = first.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && (keyOf(c) ?? '').startsWith('digest:'));
    await first.stop();

    const second = await TestBot.start({ env, now: '2026-11-30T00:05:00Z' });
    try {
      for (let i = 0; i < 10; i += 1) {
        second.clock.advance(10 * 60_000);
        await second.tick();
      }
      const sentAfter = second.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.status === 200 && (keyOf(c) ?? '').startsWith('digest:'));
      const perUser = new Map<string, number>();
      for (const call of [...sentBefore, ...sentAfter])
        perUser.set(String(call.args.channel), (perUser.get(String(call.args.channel)) ?? 0) + 1);
      expect([...perUser.keys()].sort()).toEqual(users);
      expect([...perUser.values()].every((n) => n === 1)).toBe(true);
      expect(await second.row("SELECT count(*) AS n FROM digest_runs WHERE cadence = 'weekly'")).toEqual({
        n: 1,
      });
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('digest planning interrupted by a crash', () => {
  it('resumes at the next tick: members already planned keep their one row, the rest get theirs', async () => {
    const tb = await TestBot.start({ now: '2026-11-29T12:00:00Z' });
    try {
      const users = ['U9R001', 'U9R002', 'U9R003'];
      for (const user of users) await member(tb, user, 'go');
      await seedJob(tb, 'Go engineer', ['go']);
      const runKey = `weekly:${MONDAY_9_TOKYO}`;
      // What a process that died after its first batch leaves behind.
      await tb.run(
        "INSERT INTO digest_runs (run_key, cadence, due_at, planned_at) VALUES (?, 'weekly', ?, ?)",
        runKey,
        MONDAY_9_TOKYO,
        MONDAY_9_TOKYO,
      );
      await tb.bot.services.outbox.schedule({
        kind: 'digest',
        key: `digest:${runKey}:U9R001`,
        channel: 'U9R001',
        message: { text: 'planned before the crash' },
        dueAt: new Date(MONDAY_9_TOKYO),
      });
      tb.clock.set(MONDAY_9_TOKYO);
      await tb.tick();
      const rows = (
        await tb.rows<{ key: string }>(
          'SELECT key FROM outbox WHERE key LIKE ? ORDER BY key',
          `digest:${runKey}:%`,
        )
      ).map((r) => r.key);
      expect(rows).toEqual(users.map((u) => `digest:${runKey}:${u}`));
      expect(digestsTo(tb, 'U9R001').map((c) => c.args.text)).toEqual(['planned before the crash']);
      expect(digestsTo(tb, 'U9R002')).toHaveLength(1);
      expect(
        await tb.row(
          'SELECT recipients, CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END AS done FROM digest_runs WHERE run_key = ?',
          runKey,
        ),
      ).toEqual({ recipients: 3, done: 1 });
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});
