import { ADMIN, TestBot, allText } from '../support/testBot';
import { DAY, member, tickAt } from '../intros/support';

const HR = 'U6HR';

/** Test data: a role as HR would have posted it (the jobs module's own tests cover posting). */
async function seedJob(tb: TestBot, title: string, tags: string[]): Promise<number> {
  const id = await tb.insert(
    `INSERT INTO jobs (title, work_style, employment_type, apply_url, recruiter, posted_by, created_at)
       VALUES (?, 'hybrid', 'full_time', 'https://jobs.example.com/1', ?, ?, ?)`,
    title,
    HR,
    HR,
    tb.clock.now().toISOString(),
  );
  for (const tag of tags) await tb.run('INSERT INTO job_tags (job_id, tag) VALUES (?, ?)', id, tag);
  return id;
}

const mentionsIn = (text: string): string[] => [...text.matchAll(/<@(U[A-Z0-9]+)>/g)].map((m) => m[1] ?? '');

describe('HR’s talent search', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ now: '2026-08-10T01:00:00Z' });
    await tb.agree(ADMIN);
    // Open to coming back 100+ days ago and never confirmed since: the flag has lapsed.
    await member(tb, 'U6T6', {
      name: 'Lapsed',
      interests: 'go, design',
      openTo: ['comeback'],
      intros: false,
    });
    await tickAt(tb, '2026-11-24T01:00:00Z');
    await tb.agree(HR);
    await tb.command(`role add <@${HR}|hr> hr`, ADMIN);
    await member(tb, 'U6T1', {
      name: 'Taro',
      title: 'Engineer',
      company: 'Acme',
      location: 'Osaka',
      interests: 'go, design',
      openTo: ['comeback'],
      intros: false,
    });
    await member(tb, 'U6T2', {
      name: 'Sachi',
      title: 'Designer',
      interests: 'go',
      openTo: ['comeback', 'mentoring'],
      visibility: 'staff',
      intros: false,
    });
    await member(tb, 'U6T3', {
      name: 'Hidden',
      interests: 'go, design',
      openTo: ['comeback'],
      visibility: 'nobody',
      intros: false,
    });
    await member(tb, 'U6T4', {
      name: 'Mentor',
      interests: 'go, design',
      openTo: ['mentoring'],
      intros: false,
    });
    await member(tb, 'U6T5', { name: 'Cook', interests: 'cooking', openTo: ['comeback'], intros: false });
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('lists members open to coming back whose interests match, best first, within their visibility', async () => {
    expect(await tb.row("SELECT count(*) AS n FROM member_availability WHERE user_id = 'U6T6'")).toEqual({
      n: 0,
    });
    const reply = allText((await tb.command('talent go, design', HR)).json);
    expect(reply).toContain('Open to coming back, matching `go`, `design` (2):');
    expect(mentionsIn(reply)).toEqual(['U6T1', 'U6T2']);
    expect(reply).toContain(
      '<@U6T1> · *Taro* · Engineer at Acme · Osaka\nmatches: `go`, `design` · open to coming back until <!date^',
    );
    // 'staff' profiles are for HR: shown in full.
    expect(reply).toContain('<@U6T2> · *Sachi* · Designer\nmatches: `go`');
    expect(reply).not.toMatch(/Hidden|Mentor|Cook|Lapsed/);
  });

  it('takes a role number and matches the role’s tags', async () => {
    const id = await seedJob(tb, 'Platform engineer', ['design', 'go']);
    const reply = allText((await tb.command(`talent #${id}`, HR)).json);
    expect(reply).toContain(`Open to coming back, matching role #${id} “Platform engineer” (2):`);
    expect(mentionsIn(reply)).toEqual(['U6T1', 'U6T2']);
    const untagged = await seedJob(tb, 'Generalist', []);
    expect(TestBot.replyText(await tb.command(`talent ${untagged}`, HR))).toContain(
      `Role #${untagged} “Generalist” has no interest tags`,
    );
    expect(TestBot.replyText(await tb.command('talent 99999', HR))).toContain('There is no role #99999');
    expect(TestBot.replyText(await tb.command('talent sailing', HR))).toBe(
      'Nobody open to coming back matches `sailing` right now.',
    );
  });

  it('refuses members without the HR role and changes nothing', async () => {
    await tb.command('talent go', ADMIN); // admins may do what HR may
    const before = await tb.snapshot();
    const reply = TestBot.replyText(await tb.command('talent go', 'U6T1'));
    expect(reply).toBe('Only members with the HR role can do that. Ask an admin if you need it.');
    expect(TestBot.replyText(await tb.command('talent 1', 'U6T1'))).toContain('HR role');
    expect(await tb.snapshot()).toBe(before);
  });

  it.each([
    ['talent', 'Use `/alumni talent 12`'],
    ['talent ,, ,', 'Use `/alumni talent 12`'],
    [`talent ${'x'.repeat(120)}`, 'longer than 100 characters'],
  ])('bad input “%s” gets a clear answer and changes nothing', async (text, expected) => {
    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command(text, HR))).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });

  it('answers in Japanese', async () => {
    tb.fake.setUser('U6HRJA', { locale: 'ja-JP' });
    await tb.agree('U6HRJA');
    await tb.command('role add <@U6HRJA|hrja> hr', ADMIN);
    const reply = allText((await tb.command('talent go', 'U6HRJA')).json);
    expect(reply).toContain('カムバックに前向きで、`go`に合うメンバー（2人）：');
    expect(reply).toContain('一致：`go`');
  });

  it('a comeback flag that lapses drops out of the results', async () => {
    tb.clock.set(new Date(new Date('2026-11-24T01:00:00Z').getTime() + 91 * DAY));
    await tb.tick();
    await tb.command('interests', HR); // HR stays active; nothing else matters here
    expect(TestBot.replyText(await tb.command('talent go', HR))).toBe(
      'Nobody open to coming back matches `go` right now.',
    );
  });
});
