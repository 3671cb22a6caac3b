import { ADMIN, TestBot, allText } from '../support/testBot';
import { DAY, countIn, member, propose } from '../study/support';
import { requestRow, say } from '../mentoring/support';
import { grantRole } from './seed';

// Issue 13 in `stats`: study groups (proposals by state, members of formed groups) and mentoring,
// where a member whose profile is hidden is never counted alone (src/stats/hidden.ts).

const PIA = 'U5SHPIAA';
const ANN = 'U5SHANNA';
const BEN = 'U5SHBENN';
const CAT = 'U5SHCATT';
const SHY = 'U5SHSHYY';
const SHY2 = 'U5SHSHY2';
const ORG_JA = 'U5SHORGJ';

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
});
