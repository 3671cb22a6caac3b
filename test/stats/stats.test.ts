import { TestBot, ADMIN, allText } from '../support/testBot';
import { parseCsv } from '../support/csv';
import { checkBlockKit } from '../support/blockKit';
import type { SignedResponse } from '../support/signing';
import {
  CHARTER_VERSION,
  DAY,
  HR,
  M1,
  M2,
  M3,
  M4,
  M6,
  ORG,
  at,
  seedCallers,
  seedCommunity,
  type Seeded,
} from './seed';

type Json = Record<string, unknown>;

/** The ephemeral report: its Block Kit must be valid, and its text is what the tests read. */
function reportOf(response: SignedResponse): { text: string; blocks: Json[] } {
  expect(response.status).toBe(200);
  const body = response.json as Json;
  expect(body.response_type).toBe('ephemeral');
  expect(checkBlockKit('message', body)).toEqual([]);
  return { text: allText(body.blocks), blocks: body.blocks as Json[] };
}

function sectionWith(blocks: Json[], heading: string): string {
  const block = blocks.find((b) => b.type === 'section' && allText(b).includes(heading));
  if (block === undefined) throw new Error(`no section with ${heading}`);
  return allText(block);
}

describe('stats: figures for organizers and HR', () => {
  let tb: TestBot;
  let seeded: Seeded;
  beforeEach(async () => {
    tb = await TestBot.start();
    seeded = await seedCommunity(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('members: total, agreed, profiles complete and active in 30 days, exactly', async () => {
    const { blocks } = reportOf(await tb.command('stats', ORG));
    const members = blocks.find((b) => b.type === 'section' && allText(b).startsWith('*Members*')) as {
      fields: { text: string }[];
    };
    // 10 rows; 8 agreed (M5 and M7 never did; M6 agreed to an older version and counts);
    // complete: ORG, M1, M4, M6 (ADMIN and M3 lack an interest, HR a name, M2 the years);
    // active: ADMIN, ORG, HR, M1 (29 days), M2 (RSVP 3 days ago), M3 (exactly 30 days), M6.
    expect(members.fields.map((f) => f.text)).toEqual([
      '*Total*\n10',
      '*Agreed to the code of conduct*\n8',
      '*Profile complete (name, years, an interest)*\n4',
      '*Active in the last 30 days*\n7',
    ]);
  });

  it('the active window moves with the clock', async () => {
    // A second later M3's activity (exactly 30 days ago) falls out of the window.
    tb.clock.advance(1000);
    const { blocks } = reportOf(await tb.command('stats', ORG));
    expect(sectionWith(blocks, 'Members')).toContain('*Active in the last 30 days*\n6');
  });

  it('top interests with member counts; a tag fewer than 3 members hold is left out', async () => {
    const { blocks } = reportOf(await tb.command('stats', ORG));
    // python: ORG, M1, M2, M6; design (M1, M4), go, tennis and the fillers are too rare to show.
    expect(sectionWith(blocks, 'Top 10 interests')).toBe(
      [
        '*Top 10 interests (members holding each; only interests 3 or more members hold)*',
        '1. `python`: 4',
      ].join('\n'),
    );
  });

  it('events: upcoming, RSVPs to them, and attendance of the last five past events', async () => {
    const { blocks } = reportOf(await tb.command('stats', ORG));
    // Upcoming: the meetup and the one in progress; the cancelled one is not counted, nor is "not going".
    expect(sectionWith(blocks, '*Events*')).toBe(
      '*Events*\nUpcoming: 2\nRSVPs to upcoming events: 3 going · 1 maybe · 1 on the waitlist\nEvents hosted by supporters: 0',
    );
    const attendance = sectionWith(blocks, 'Attendance (RSVP going)').split('\n');
    expect(attendance[0]).toBe('*Attendance (RSVP going), last 5 past events*');
    const lines = attendance
      .slice(1)
      .map((line) => line.replace(/<!date\^\d+\^\{date_short\}\|[^>]+>/, 'DATE'));
    expect(lines).toEqual([
      '#9 Year-end party &lt;b&gt; (DATE): 3 going',
      '#8 Quiet evening (DATE): 0 going',
      '#7 Hackathon (DATE): 2 going',
      '#6 Career talk (DATE): 1 going',
      '#5 Summer BBQ (DATE): 1 going',
    ]);
    const start = Math.floor(new Date(at(tb, -10 * DAY)).getTime() / 1000);
    expect(attendance[1]).toContain(`<!date^${start}^{date_short}|`);
  });

  it('the comeback funnel overall: distinct members per step, rates between steps', async () => {
    const { blocks } = reportOf(await tb.command('stats', HR));
    // shown: M1, M2, M4, M6, ORG and one erased member = 6 (M1 shown twice and in two roles counts once);
    // curious: M1, M2, M3, M4, M6 and the erased one = 6; apply: M1, M3, M4, M6 = 4; hired: M4 = 1.
    expect(sectionWith(blocks, 'Comeback funnel, all roles')).toBe(
      [
        '*Comeback funnel, all roles*',
        'Shown in a digest: 6',
        'Curious: 6 (100.0% of those shown)',
        'Clicked apply: 4 (66.7% of the curious)',
        'Hired: 1 (25.0% of those who clicked apply)',
        'Referrals: 3',
      ].join('\n'),
    );
  });

  it('open roles, top ten by activity, each with its funnel and rates (dash for no rate)', async () => {
    const { blocks } = reportOf(await tb.command('stats', ADMIN));
    const start = blocks.findIndex((b) => allText(b).startsWith('*Open roles, top 10 by activity*'));
    const roles = blocks.slice(start + 1).map((b) => allText(b));
    const { backend, designer, formula, fillers } = seeded.jobs;
    expect(roles).toEqual([
      `*#${backend} Backend engineer*\nShown in a digest 6 → Curious 3 (50.0%) → Clicked apply 1 (33.3%) → Hired 0 (0.0%) · Referrals: 2`,
      `*#${designer} Designer*\nShown in a digest 0 → Curious 1 (—) → Clicked apply 1 (100.0%) → Hired 0 (0.0%) · Referrals: 0`,
      `*#${formula} =HYPERLINK("http://evil.example","Click")*\nShown in a digest 0 → Curious 0 (—) → Clicked apply 0 (—) → Hired 0 (—) · Referrals: 0`,
      ...fillers
        .slice(0, 7)
        .map(
          (id, i) =>
            `*#${id} Filler role ${i + 1}*\nShown in a digest 0 → Curious 0 (—) → Clicked apply 0 (—) → Hired 0 (—) · Referrals: 0`,
        ),
    ]);
    // The filled role is in the overall funnel only.
    expect(roles.join('\n')).not.toContain('Data scientist');
  });

  it('a Japanese caller gets the report in Japanese', async () => {
    tb.fake.setUser(ORG, { locale: 'ja-JP' });
    const { text, blocks } = reportOf(await tb.command('stats', ORG));
    expect(allText(blocks[0])).toBe('コミュニティの統計');
    expect(text).toContain('*合計*\n10');
    expect(text).toContain('*行動規範に同意*\n8');
    expect(text).toContain('*直近30日間に活動*\n7');
    expect(text).toContain('1. `python`：4人');
    expect(text).toContain('今後のイベント：2件\n今後のイベントへの回答：参加 3 · 未定 1 · キャンセル待ち 1');
    expect(text).toContain('）：参加 3人');
    expect(sectionWith(blocks, '再入社ファネル')).toBe(
      [
        '*再入社ファネル（全求人）*',
        'ダイジェストで表示：6',
        '興味あり：6（表示された人の100.0%）',
        '応募クリック：4（興味ありの人の66.7%）',
        '採用：1（応募クリックした人の25.0%）',
        '紹介：3件',
      ].join('\n'),
    );
    expect(text).toContain(
      `*#${seeded.jobs.designer} Designer*\nダイジェストで表示 0 → 興味あり 1（—） → 応募クリック 1（100.0%） → 採用 0（0.0%） · 紹介：0件`,
    );
    expect(text).not.toContain('Members');
  });

  it('works in a DM too, as a message the fake checks against Block Kit', async () => {
    await tb.dm('stats', HR);
    const post = await tb.fake.waitForCall('chat.postMessage', (c) =>
      allText(c.args.blocks).includes('Comeback funnel'),
    );
    expect(allText(post.args.blocks)).toContain('Curious: 6 (100.0% of those shown)');
  });

  it('is refused to a plain member, naming the roles, and changes nothing', async () => {
    await tb.command('help', M1); // caches the member's language, so the snapshot below is final
    const before = await tb.snapshot();
    for (const text of ['stats', 'stats csv']) {
      const response = await tb.command(text, M1);
      expect(TestBot.replyText(response)).toBe(
        'Only members with the organizer or HR role can do that. Ask an admin if you need it.',
      );
    }
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.uploads).toHaveLength(0);
    expect(tb.fake.callsTo('conversations.open')).toHaveLength(0);
  });

  it('`stats foo` gets the usage message', async () => {
    const response = await tb.command('stats foo', ORG);
    expect(TestBot.replyText(response)).toBe(
      'Use `/alumni stats` for the report, or `/alumni stats csv` to get it as CSV files in a direct message.',
    );
  });

  it('help lists stats for organizers and HR, not for plain members', async () => {
    for (const user of [ORG, HR, ADMIN])
      expect(allText((await tb.command('help', user)).json)).toContain('`stats csv`');
    expect(allText((await tb.command('help', M1)).json)).not.toContain('`stats');
  });

  describe('stats csv', () => {
    async function csvFiles(
      user: string,
    ): Promise<{ names: string[]; funnel: string[][]; members: string[][] }> {
      await tb.command('stats csv', user);
      await tb.fake.waitForResponse((r) => allText(r.body).includes('two CSV files'));
      const names = tb.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename));
      expect(tb.fake.uploads).toHaveLength(2);
      const [funnel, members] = tb.fake.uploads.map((u) => parseCsv(u.content.toString('utf8')));
      if (funnel === undefined || members === undefined) throw new Error('two files expected');
      return { names, funnel, members };
    }

    it('uploads the funnel per role and member engagement to the caller’s DM', async () => {
      const { names, funnel, members } = await csvFiles(HR);
      expect(names).toEqual(['comeback-funnel-2026-11-24.csv', 'member-engagement-2026-11-24.csv']);
      const complete = tb.fake.callsTo('files.completeUploadExternal');
      expect(complete).toHaveLength(2);
      const dm = tb.fake.callsTo('conversations.open');
      expect(dm.map((c) => c.args.users)).toEqual([HR, HR]);

      const { backend, data, formula, designer, fillers } = seeded.jobs;
      expect(funnel[0]).toEqual([
        'job_id',
        'title',
        'status',
        'posted_on',
        'shown',
        'curious',
        'apply_clicks',
        'referrals',
        'hired',
        'curious_per_shown_pct',
        'apply_per_curious_pct',
        'hired_per_apply_pct',
      ]);
      expect(funnel.slice(1, 5)).toEqual([
        [
          String(backend),
          'Backend engineer',
          'open',
          '2026-11-04',
          '6',
          '3',
          '1',
          '2',
          '0',
          '50.0',
          '33.3',
          '0.0',
        ],
        // Posted 2026-09-25 20:00 UTC: already the 26th in Tokyo (DEFAULT_TIMEZONE).
        [
          String(data),
          'Data scientist',
          'filled',
          '2026-09-26',
          '3',
          '2',
          '2',
          '1',
          '1',
          '66.7',
          '100.0',
          '50.0',
        ],
        // The formula arrives as text: a leading quote keeps spreadsheets from running it.
        [
          String(formula),
          `'=HYPERLINK("http://evil.example","Click")`,
          'open',
          '2026-11-19',
          '0',
          '0',
          '0',
          '0',
          '0',
          '',
          '',
          '',
        ],
        [String(designer), 'Designer', 'open', '2026-11-21', '0', '1', '1', '0', '0', '', '100.0', '0.0'],
      ]);
      // Every role, open or not, not only the top ten, then the total row (test/stats/totals.test.ts).
      expect(funnel).toHaveLength(1 + 4 + fillers.length + 1);
      expect(funnel[funnel.length - 1]?.[0]).toBe('total');

      expect(members[0]).toEqual([
        'user_id',
        'agreed_at',
        'agreed_version',
        'profile_complete',
        'interests',
        'last_active_at',
        'rsvps',
        'curious',
        'apply_clicks',
        'digest_frequency',
      ]);
      const agreedAt = at(tb, -100 * DAY);
      const v = CHARTER_VERSION;
      // Only members who agreed (not U9M0005, U9M0007), by user id.
      expect(members.slice(1)).toEqual([
        [HR, agreedAt, v, 'no', '0', at(tb, -2 * DAY), '1', '0', '0', 'weekly'],
        [M1, agreedAt, v, 'yes', '12', at(tb, -29 * DAY), '2', '1', '1', 'daily'],
        // Last active is their RSVP 3 days ago, later than the command 31 days ago.
        [M2, agreedAt, v, 'no', '1', at(tb, -3 * DAY), '1', '1', '0', 'off'],
        [M3, agreedAt, v, 'no', '0', at(tb, -30 * DAY), '1', '1', '1', 'weekly'],
        [M4, agreedAt, v, 'yes', '1', at(tb, -45 * DAY), '1', '1', '1', 'weekly'],
        // "Not going" is not counted as an RSVP.
        [M6, agreedAt, '2025-01-01', 'yes', '2', at(tb, -10 * DAY), '0', '1', '1', 'weekly'],
        [ORG, agreedAt, v, 'yes', '1', at(tb, -DAY), '1', '0', '0', 'weekly'],
        [ADMIN, agreedAt, v, 'no', '0', at(tb, -DAY), '0', '0', '0', 'weekly'],
      ]);
    });

    it('the files change nothing in the database except the caller’s activity', async () => {
      const before = await tb.row('SELECT count(*) AS n FROM funnel_events');
      await csvFiles(HR);
      expect(await tb.row('SELECT count(*) AS n FROM funnel_events')).toEqual(before);
      expect(await tb.row('SELECT last_active_at FROM members WHERE user_id = ?', HR)).toEqual({
        last_active_at: tb.clock.now().toISOString(),
      });
    });

    it('confirms in Japanese for a Japanese caller; the column names stay fixed', async () => {
      tb.fake.setUser(HR, { locale: 'ja-JP' });
      await tb.command('stats csv', HR);
      await tb.fake.waitForResponse((r) => allText(r.body).includes('CSV ファイルを2つ送りました'));
      const titles = tb.fake.callsTo('files.completeUploadExternal').map((c) => JSON.stringify(c.args.files));
      expect(titles.join()).toContain('求人ごとの再入社ファネル');
      const header = parseCsv(tb.fake.uploads[0]?.content.toString('utf8') ?? '')[0];
      expect(header?.[0]).toBe('job_id');
    });
  });
});

describe('stats: an empty community', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await seedCallers(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('shows zeros, dashes for every rate over nobody, and says what is missing', async () => {
    const { text, blocks } = reportOf(await tb.command('stats', ORG));
    expect(sectionWith(blocks, 'Members')).toContain('*Total*\n3');
    expect(text).toContain(
      '*Events*\nUpcoming: 0\nRSVPs to upcoming events: 0 going · 0 maybe · 0 on the waitlist',
    );
    expect(text).toContain('No past events yet.');
    expect(sectionWith(blocks, 'Comeback funnel')).toBe(
      [
        '*Comeback funnel, all roles*',
        'Shown in a digest: 0',
        'Curious: 0 (—)',
        'Clicked apply: 0 (—)',
        'Hired: 0 (—)',
        'Referrals: 0',
      ].join('\n'),
    );
    expect(text).toContain('*Open roles, top 10 by activity*\nNo open roles.');
  });

  it('a CSV of no roles is its header and a total row of zeros', async () => {
    await tb.command('stats csv', HR);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('two CSV files'));
    const funnel = parseCsv(tb.fake.uploads[0]?.content.toString('utf8') ?? '');
    expect(funnel).toHaveLength(2);
    expect(funnel[1]).toEqual([
      'total',
      'No roles yet: every count is 0.',
      '',
      '',
      '0',
      '0',
      '0',
      '0',
      '0',
      '',
      '',
      '',
    ]);
    const members = parseCsv(tb.fake.uploads[1]?.content.toString('utf8') ?? '');
    expect(members.map((row) => row[0])).toEqual(['user_id', HR, ORG, ADMIN]);
  });
});
