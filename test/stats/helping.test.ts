import { ADMIN, TestBot, allText } from '../support/testBot';
import { DAY, countIn, member, propose } from '../study/support';
import { requestRow, say } from '../mentoring/support';
import { postAsk } from '../asks/support';
import { grantRole } from './seed';
import { parseCsv } from '../support/csv';

// Issue 13 in `stats`: study groups (proposals by state, members of formed groups) and mentoring,
// where a member whose profile is hidden is never counted alone (src/stats/hidden.ts).

const PIA = 'U5SHPIAA';
const ANN = 'U5SHANNA';
const BEN = 'U5SHBENN';
const CAT = 'U5SHCATT';
const SHY = 'U5SHSHYY';
const SHY2 = 'U5SHSHY2';
const ORG_JA = 'U5SHORGJ';

/** The file uploaded under a name starting with this prefix, parsed. */
function uploaded(tb: TestBot, prefix: string): string[][] {
  const index = tb.fake
    .callsTo('files.getUploadURLExternal')
    .findIndex((call) => String(call.args.filename).startsWith(prefix));
  return parseCsv(tb.fake.uploads[index]?.content.toString('utf8') ?? '');
}

/** The `stats` section that starts with this heading. */
async function statsSection(tb: TestBot, heading: string, user = ADMIN): Promise<string> {
  const reply = (await tb.command('stats', user)).json as { blocks?: unknown[] };
  const section = (reply.blocks ?? [])
    .map((block) => allText(block))
    .find((text) => text.startsWith(heading));
  return section ?? '';
}

describe('stats: study groups and mentoring', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await tb.agree(ADMIN);
    await member(tb, PIA, 'rust');
    await member(tb, ANN, 'rust');
    await member(tb, BEN, 'rust');
    await member(tb, CAT, 'rust');
    await member(tb, SHY, 'rust', { visibility: 'staff' });
    await member(tb, SHY2, 'rust', { visibility: 'nobody' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('counts proposals open, formed and lapsed, and members of formed groups, a hidden one only in company', async () => {
    await propose(tb, PIA, { topic: 'Old idea', minMembers: '5' });
    tb.clock.advance(30 * DAY + 60_000);
    await tb.tick();
    await tb.settle();
    await propose(tb, ANN, { topic: 'Still gathering', minMembers: '5' });
    const pair = await propose(tb, PIA, { topic: 'Rust pairs', minMembers: '2' });
    await countIn(tb, SHY, pair);
    let study = await statsSection(tb, '*Study groups*');
    expect(study).toContain('Proposals gathering members: 1 · formed: 1 · lapsed: 1');
    // Pia and a hidden member: a figure of 2 would count the hidden one in a pair, so only Pia counts.
    expect(study).toContain('Members in formed groups: 1');

    const trio = await propose(tb, BEN, { topic: 'Rust trio', minMembers: '2' });
    await countIn(tb, CAT, trio);
    study = await statsSection(tb, '*Study groups*');
    expect(study).toContain('Proposals gathering members: 1 · formed: 2 · lapsed: 1');
    expect(study).toContain('Members in formed groups: 4');

    // In Japanese for a ja-JP organizer.
    tb.fake.setUser(ORG_JA, { locale: 'ja-JP' });
    await member(tb, ORG_JA, 'rust', { locale: 'ja-JP' });
    await grantRole(tb, ORG_JA, 'organizer');
    const ja = await statsSection(tb, '*勉強会*', ORG_JA);
    expect(ja).toContain('募集中の提案：1 · 始まった勉強会：2 · 締め切り：1');
    expect(ja).toContain('始まった勉強会のメンバー：4 人');
  });

  it('mentoring pairs and requests count a hidden member only in company', async () => {
    await say(tb, 'mentor offer rust', PIA);
    await say(tb, 'mentor capacity 5', PIA);
    await say(tb, 'mentor request rust: ship a crate', SHY);
    await tb.press('mentor.accept', PIA, 'message', String((await requestRow(tb, SHY))?.id));
    await say(tb, 'mentor request rust: learn lifetimes', SHY2);
    let mentoring = await statsSection(tb, '*Mentoring*');
    // One pair, with a hidden mentee; one request, a hidden member's: neither is counted alone.
    expect(mentoring).toContain('Pairs: 0 active · 0 paused · 0 ended');
    expect(mentoring).toContain('Requests: 0 waiting · 0 without a mentor');

    for (const mentee of [ANN, BEN]) {
      await say(tb, 'mentor request rust: grow', mentee);
      await tb.press('mentor.accept', PIA, 'message', String((await requestRow(tb, mentee))?.id));
    }
    mentoring = await statsSection(tb, '*Mentoring*');
    expect(mentoring).toContain('Mentors: 1 · free places: 2');
    expect(mentoring).toContain('Pairs: 3 active · 0 paused · 0 ended');
    expect(mentoring).toContain('Requests: 0 waiting · 0 without a mentor');
  });

  it('stats csv has one row per study group, no member named; HR and admins get it with the asks file, organizers too', async () => {
    const formed = await propose(tb, PIA, { topic: 'Rust pairs', minMembers: '2', tags: 'rust, wasm' });
    await countIn(tb, SHY, formed);
    const open = await propose(tb, ANN, { topic: '=Rust trio', minMembers: '4' });
    for (const user of [BEN, CAT]) await countIn(tb, user, open);
    await postAsk(tb, BEN, { title: 'An intro to Acme' });

    await tb.command('stats csv', ADMIN);
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('Another file has one row per study group.'),
    );
    const answer = allText(tb.fake.responses.at(-1)?.body);
    expect(answer).toContain('A third file has one row per ask and offer.');
    expect(tb.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename))).toEqual([
      'comeback-funnel-2026-11-24.csv',
      'member-engagement-2026-11-24.csv',
      'asks-and-offers-2026-11-24.csv',
      'study-groups-2026-11-24.csv',
    ]);
    const rows = uploaded(tb, 'study-groups-');
    expect(rows[0]).toEqual([
      'group_id',
      'status',
      'rhythm',
      'min_members',
      'members',
      'created_at',
      'lapses_at',
      'formed_at',
      'lapsed_at',
      'topic',
      'tags',
    ]);
    // Pia and a hidden member: 1; Ann, Ben and Cat: 3. A topic starting with = is quoted for spreadsheets.
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4], row[9], row[10]])).toEqual([
      [String(formed), 'formed', '2', '1', 'Rust pairs', 'rust, wasm'],
      [String(open), 'open', '4', '3', "'=Rust trio", 'rust'],
    ]);
    expect(rows[1]?.[7]).not.toBe('');
    expect(rows.flat().join()).not.toContain('U5SH');

    tb.fake.reset();
    tb.fake.setUser(ORG_JA, { locale: 'ja-JP' });
    await member(tb, ORG_JA, 'rust', { locale: 'ja-JP' });
    await grantRole(tb, ORG_JA, 'organizer');
    await tb.command('stats csv', ORG_JA);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('勉強会を 1 件 1 行にまとめたものです。'));
    expect(tb.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename))).toEqual([
      'event-engagement-2026-11-24.csv',
      'asks-and-offers-2026-11-24.csv',
      'study-groups-2026-11-24.csv',
    ]);
    expect(uploaded(tb, 'study-groups-')).toEqual(rows);

    // Members without the role get no file, and nothing changes.
    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command('stats csv', BEN))).toContain('organizer or HR role');
    expect(await tb.snapshot()).toBe(before);
  });
});
