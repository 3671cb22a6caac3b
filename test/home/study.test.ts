import { buttons, record } from '../support/blocks';
import { TestBot, allText } from '../support/testBot';
import { countIn, member, propose } from '../study/support';
import { homeBlocks, homeSection, publishesFor } from './support';

// Issue 13 §3 on App Home: proposals matching the member's interests with Count me in / out, and
// the groups they are in with their channels; hidden members are never named there.

const PROPOSER = 'U5HSPROP';
const SHY = 'U5HSSHYP';
const ANN = 'U5HSANNA';
const BEN = 'U5HSBENN';
const CHESS = 'U5HSCHSS';
const AIKO = 'U5HSAIKO';

const pressed = (blocks: unknown) => buttons(blocks).map((b) => [b.action_id, b.value]);

describe('App Home: study groups', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, PROPOSER, 'rust', { name: 'Pia Proposer' });
    await member(tb, SHY, 'rust', { visibility: 'nobody', name: 'Shy Proposer' });
    await member(tb, ANN, 'rust');
    await member(tb, BEN, 'rust');
    await member(tb, CHESS, 'chess');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('lists matching proposals with Count me in, naming visible proposers only; a press there refreshes Home; formed groups link their channel', async () => {
    const web = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '3' });
    const quiet = await propose(tb, SHY, { topic: 'Async Rust', minMembers: '5' });
    await propose(tb, CHESS, { topic: 'Endgames', tags: 'chess' });

    await tb.homeOpened(ANN);
    let study = homeSection(tb, ANN, 'Study groups');
    let text = allText(study);
    expect(text).toContain(`*Rust for web developers* (#${web}) · weekly · 1 of 3 in`);
    expect(text).toContain(`Proposed by <@${PROPOSER}>`);
    expect(text).toContain(`*Async Rust* (#${quiet}) · weekly · 1 of 5 in`);
    expect(text).toContain('Proposed by a member');
    expect(text).toContain('Matches your interests: `rust`');
    expect(JSON.stringify(homeBlocks(tb, ANN))).not.toContain(SHY);
    expect(text).not.toContain('Endgames');
    expect(pressed(study)).toEqual([
      ['study.in', String(quiet)],
      ['study.in', String(web)],
    ]);

    // Counting in from Home publishes it again with Count me out.
    const before = publishesFor(tb, ANN);
    await tb.press('study.in', ANN, 'home', String(web));
    expect(publishesFor(tb, ANN)).toBe(before + 1);
    study = homeSection(tb, ANN, 'Study groups');
    expect(allText(study)).toContain('2 of 3 in');
    expect(pressed(study)).toContainEqual(['study.out', String(web)]);
    await tb.press('study.out', ANN, 'home', String(web));
    expect(pressed(homeSection(tb, ANN, 'Study groups'))).toContainEqual(['study.in', String(web)]);
    await tb.press('study.in', ANN, 'home', String(web));

    // The proposer of an open proposal sees it without a button: they stay in.
    await tb.homeOpened(SHY);
    const own = homeSection(tb, SHY, 'Study groups');
    expect(allText(own)).toContain('You proposed this one.');
    expect(pressed(own)).toEqual([['study.in', String(web)]]);

    // Ben's press forms the group: Ann's Home lists it with its channel, no longer as a proposal.
    await countIn(tb, BEN, web);
    await tb.homeOpened(ANN);
    const channel = tb.fake.channelNamed(`study-${web}-rust-for-web-developers`) ?? 'none';
    study = homeSection(tb, ANN, 'Study groups');
    text = allText(study);
    expect(text).toContain(`*Your study groups*\n*Rust for web developers* · <#${channel}>`);
    expect(pressed(study)).toEqual([['study.in', String(quiet)]]);

    // A member without matching proposals or groups is told where to look.
    await member(tb, 'U5HSDSGN', 'design');
    await tb.homeOpened('U5HSDSGN');
    expect(allText(homeSection(tb, 'U5HSDSGN', 'Study groups'))).toContain(
      'No study group matching your interests is gathering members.',
    );
  });

  it('shows three proposals and how many more `study` lists, within Block Kit limits', async () => {
    for (const topic of ['One', 'Two', 'Three', 'Four', 'Five'])
      await propose(tb, PROPOSER, { topic: `Rust ${topic}` });
    await tb.homeOpened(ANN);
    const study = homeSection(tb, ANN, 'Study groups');
    expect(pressed(study)).toHaveLength(3);
    expect(allText(study)).toContain('2 more: `/alumni study` lists them all.');
    expect(homeBlocks(tb, ANN).length).toBeLessThanOrEqual(100);
  });

  it('in Japanese: 勉強会, 参加する and 参加をやめる from Home', async () => {
    await member(tb, AIKO, 'rust', { locale: 'ja-JP' });
    const web = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '4' });
    await tb.homeOpened(AIKO);
    let study = homeSection(tb, AIKO, '勉強会');
    expect(allText(study)).toContain(`*Rust for web developers*（#${web}）· 毎週 · 4 人中 1 人が参加`);
    expect(allText(study)).toContain(`提案者：<@${PROPOSER}> さん`);
    expect(buttons(study).map((b) => record(b.text).text)).toEqual(['参加する']);
    await tb.press('study.in', AIKO, 'home', String(web));
    study = homeSection(tb, AIKO, '勉強会');
    expect(buttons(study).map((b) => record(b.text).text)).toEqual(['参加をやめる']);
    expect(allText(study)).toContain('4 人中 2 人が参加');
  });
});
