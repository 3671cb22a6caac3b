/**
 * Issue 15: a digest run is planned a page of members at a time (DIGEST_PAGE_SIZE), read in
 * user_id order. With pages of 3, a community of a dozen spans several pages: every member is
 * planned once, a run cut short between pages (or inside one) resumes where it stopped, and the
 * "nothing new" count covers every page.
 */
import { TestBot, ADMIN } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';

const MONDAY_9_TOKYO = '2026-11-30T00:00:00.000Z';
const PAGE = { DIGEST_PAGE_SIZE: '3' };
/** In user_id order; 'go' members have a role waiting, 'cooking' members nothing new. */
const GO = ['U9P01', 'U9P02', 'U9P03', 'U9P04', 'U9P05', 'U9P07', 'U9P08'];
const COOKING = ['U9P06', 'U9P09', 'U9P10', 'U9P11'];

async function community(tb: TestBot): Promise<void> {
  for (const user of [...GO, ...COOKING].sort()) {
    await tb.agree(user);
    await tb.command(`interests add ${GO.includes(user) ? 'go' : 'cooking'}`, user);
  }
  const id = await tb.insert(
    `INSERT INTO jobs (title, team, location, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
       VALUES ('Go engineer', 'Platform', 'Tokyo', 'hybrid', 'full_time', 'https://jobs.example.com/go', ?, ?, 'open', ?)`,
    ADMIN,
    ADMIN,
    tb.clock.now().toISOString(),
  );
  await tb.run("INSERT INTO job_tags (job_id, tag) VALUES (?, 'go')", id);
}

async function outboxKeys(tb: TestBot, runKey: string): Promise<string[]> {
  const rows = await tb.rows<{ key: string }>(
    'SELECT key FROM outbox WHERE key LIKE ? ORDER BY key',
    `digest:${runKey}:%`,
  );
  return rows.map((row) => row.key);
}

describe('digest runs planned in pages of members', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-29T12:00:00Z', env: PAGE });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a run across several pages plans every member once and counts nothing new on every page', async () => {
    await tb.agree(ADMIN); // agreed, no interests: nothing new for them either
    await community(tb);
    const started = await tb.command('digest send', ADMIN);
    expect(TestBot.replyText(started)).toContain(`${GO.length} members will get one, 5 had nothing new`);
    const run = await tb.row<{ run_key: string; recipients: number; nothing_new: number }>(
      "SELECT run_key, recipients, nothing_new FROM digest_runs WHERE cadence = 'manual'",
    );
    expect(run).toMatchObject({ recipients: GO.length, nothing_new: COOKING.length + 1 });
    expect(await outboxKeys(tb, run?.run_key ?? '')).toEqual(GO.map((u) => `digest:${run?.run_key}:${u}`));
    expect(await tb.rows('SELECT user_id FROM digest_items ORDER BY user_id')).toEqual(
      GO.map((user_id) => ({ user_id })),
    );
    await tb.tick();
    await tb.tick();
    const delivered = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => (keyOf(c) ?? '').startsWith('digest:'))
      .map((c) => String(c.args.channel))
      .sort();
    expect(delivered).toEqual(GO);
    const report = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === ADMIN && (keyOf(c) ?? '').startsWith('digest-report:'));
    expect(String(report[0]?.args.text)).toContain(
      `${GO.length} sent, ${COOKING.length + 1} skipped as nothing relevant`,
    );
  });

  it('a run cut short between pages and inside one resumes: planned members keep their one row', async () => {
    await community(tb);
    const runKey = `weekly:${MONDAY_9_TOKYO}`;
    // What a process that died leaves behind: the first page (U9P01–03) written, and of the
    // second page U9P04 (a page is one transaction here; another process may still have raced).
    await tb.run(
      "INSERT INTO digest_runs (run_key, cadence, due_at, planned_at) VALUES (?, 'weekly', ?, ?)",
      runKey,
      MONDAY_9_TOKYO,
      MONDAY_9_TOKYO,
    );
    const before = ['U9P01', 'U9P02', 'U9P03', 'U9P04'];
    for (const user of before)
      await tb.bot.services.outbox.schedule({
        kind: 'digest',
        key: `digest:${runKey}:${user}`,
        channel: user,
        message: { text: 'planned before the crash' },
        dueAt: new Date(MONDAY_9_TOKYO),
      });
    tb.clock.set(MONDAY_9_TOKYO);
    await tb.tick();
    expect(await outboxKeys(tb, runKey)).toEqual(GO.map((u) => `digest:${runKey}:${u}`));
    // Only the members planned after the restart were recorded now: the others were left alone.
    expect(await tb.rows('SELECT DISTINCT user_id FROM digest_items ORDER BY user_id')).toEqual(
      GO.filter((u) => !before.includes(u)).map((user_id) => ({ user_id })),
    );
    const texts = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => (keyOf(c) ?? '').startsWith('digest:'))
      .map((c) => [String(c.args.channel), String(c.args.text)] as const);
    // Delivery order is the outbox's affair; who got which text is what matters.
    expect(
      texts
        .filter(([, text]) => text === 'planned before the crash')
        .map(([u]) => u)
        .sort(),
    ).toEqual(before);
    expect(texts.map(([u]) => u).sort()).toEqual(GO);
    expect(
      await tb.row(
        'SELECT recipients, nothing_new, CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END AS done FROM digest_runs WHERE run_key = ?',
        runKey,
      ),
    ).toEqual({ recipients: GO.length, nothing_new: COOKING.length, done: 1 });

    // The run is complete: a later tick plans nothing again.
    tb.clock.advance(10 * 60_000);
    await tb.tick();
    expect(await outboxKeys(tb, runKey)).toHaveLength(GO.length);
  });
});
