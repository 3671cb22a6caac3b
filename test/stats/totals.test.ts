/**
 * Issue 12 §4: `stats` and `stats csv` count the comeback funnel alike. The report's overall funnel
 * counts each member once per step over all roles; the file's rows count per role and it ends with
 * a total row holding the report's figures, and both say what they count.
 */
import { TestBot, allText } from '../support/testBot';
import { HR, seedCommunity } from './seed';

type Json = Record<string, unknown>;

/** Reads the funnel CSV (RFC 4180, quoted cells, CRLF rows, a BOM). */
function csvRows(content: string): string[][] {
  return content
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

/** The five counts of the report's overall funnel, in the CSV's column order. */
function reportFunnel(blocks: Json[], heading: string): string[] {
  const section = allText(blocks.find((b) => allText(b).includes(heading)));
  const numbers = section
    .split('\n')
    .slice(1)
    .map((line) => /[:：]\s*(\d+)/.exec(line)?.[1] ?? '?');
  const [shown, curious, apply, hired, referrals] = numbers;
  return [shown, curious, apply, referrals, hired].map(String);
}

async function funnelFile(tb: TestBot): Promise<string[][]> {
  await tb.command('stats csv', HR);
  await tb.fake.waitForCall('files.completeUploadExternal');
  return csvRows(tb.fake.uploads[0]?.content.toString('utf8') ?? '');
}

describe('stats and stats csv agree on the comeback funnel', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await seedCommunity(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the file ends with a total row holding the report’s figures, and both say what they count', async () => {
    const report = (await tb.command('stats', HR)).json as Json;
    const blocks = report.blocks as Json[];
    const overall = reportFunnel(blocks, 'Comeback funnel, all roles');
    expect(overall).toEqual(['6', '6', '4', '3', '1']);
    expect(allText(report)).toContain(
      'Overall, each member counts once per step however many roles they reached',
    );

    const rows = await funnelFile(tb);
    const total = rows[rows.length - 1] ?? [];
    expect(total[0]).toBe('total');
    expect(total.slice(4, 9)).toEqual(overall);
    expect(total.slice(9)).toEqual(['100.0', '66.7', '25.0']);
    expect(total[1]).toMatch(
      /^All \d+ roles: each member once per step however many roles, as in \/alumni stats\./,
    );
    // The per-role rows count a member once for each role, so their sum is larger: the label says so.
    const shownSum = rows.slice(1, -1).reduce((sum, row) => sum + Number(row[4]), 0);
    expect(shownSum).toBeGreaterThan(Number(total[4]));
    expect(total[1]).toContain('The rows above count per role, so they can add up to more.');
  });

  it('in Japanese: the same total, said in Japanese', async () => {
    tb.fake.setUser(HR, { locale: 'ja-JP' });
    const report = (await tb.command('stats', HR)).json as Json;
    const overall = reportFunnel(report.blocks as Json[], '再入社ファネル');
    expect(overall).toEqual(['6', '6', '4', '3', '1']);
    expect(allText(report)).toContain('何件の求人に接しても各段階で1人1回と数えます');
    const rows = await funnelFile(tb);
    const total = rows[rows.length - 1] ?? [];
    expect(total.slice(0, 1)).toEqual(['total']);
    expect(total.slice(4, 9)).toEqual(overall);
    expect(total[1]).toMatch(/^全\d+件の求人の合計：何件の求人に接しても各段階で1人1回と数えます/);
  });
});
