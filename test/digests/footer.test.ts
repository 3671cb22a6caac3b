/** Issue 12 §4: the digest footer states the member's own frequency, also in a run HR starts by hand. */
import { TestBot, ADMIN, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';

async function seedJob(tb: TestBot, title: string, tag: string): Promise<void> {
  const id = await tb.insert(
    `INSERT INTO jobs (title, team, location, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
       VALUES (?, 'Platform', 'Tokyo', 'hybrid', 'full_time', 'https://jobs.example.com/1', ?, ?, 'open', ?)`,
    title,
    ADMIN,
    ADMIN,
    tb.clock.now().toISOString(),
  );
  await tb.run('INSERT INTO job_tags (job_id, tag) VALUES (?, ?)', id, tag);
}

function footerTo(tb: TestBot, user: string): string {
  const digest = tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && (keyOf(c) ?? '').startsWith('digest:'))
    .pop();
  if (digest === undefined) throw new Error(`no digest to ${user}`);
  return allText(digest.args);
}

describe('the digest footer states the member’s real frequency', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-29T12:00:00Z' });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('digest send: daily members read “daily”, weekly ones “weekly”, in English and Japanese', async () => {
    tb.fake.setUser('U9FJD', { locale: 'ja-JP' });
    tb.fake.setUser('U9FJW', { locale: 'ja-JP' });
    for (const user of ['U9FED', 'U9FEW', 'U9FJD', 'U9FJW']) {
      await tb.agree(user);
      await tb.command('interests add go', user);
    }
    await tb.command('digest daily', 'U9FED');
    await tb.command('digest daily', 'U9FJD');
    await seedJob(tb, 'Go engineer', 'go');
    await tb.command('digest send', ADMIN);
    await tb.tick();
    await tb.tick();
    expect(footerTo(tb, 'U9FED')).toContain('You get this daily.');
    expect(footerTo(tb, 'U9FEW')).toContain('You get this weekly.');
    expect(footerTo(tb, 'U9FJD')).toContain('毎日お届けしています。');
    expect(footerTo(tb, 'U9FJW')).toContain('毎週お届けしています。');
    expect(footerTo(tb, 'U9FED')).not.toContain('weekly.');
    expect(footerTo(tb, 'U9FJD')).not.toContain('毎週');
  });
});
