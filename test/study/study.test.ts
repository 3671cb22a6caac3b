import { TestBot, allText } from '../support/testBot';
import {
  DAY,
  backers,
  buttons,
  countIn,
  countOut,
  dmsTo,
  groupRow,
  lastAnswer,
  member,
  openedView,
  outboxKeys,
  propose,
  submitStudy,
} from './support';

// Issue 13 §3: study groups that form when enough people want them.

const PROPOSER = 'U13SPROP';
const ANN = 'U13SANNA';
const BEN = 'U13SBENN';
const HIDDEN = 'U13SHIDE';
const CHESS = 'U13SCHSS';

describe('study groups: propose, count in and out, form once, schedule, lapse', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, PROPOSER, 'rust', { name: 'Pia Proposer' });
    await member(tb, ANN, 'rust', { name: 'Ann Rust' });
    await member(tb, BEN, 'rust, design', { name: 'Ben Both' });
    await member(tb, HIDDEN, 'rust', { visibility: 'nobody', name: 'Hana Hidden' });
    await member(tb, CHESS, 'chess');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('`study propose` opens the form; `勉強会 提案` too; a bad form shows field errors and saves nothing', async () => {
    await tb.command('study propose', PROPOSER);
    const view = openedView(tb);
    expect(view.callback_id).toBe('study.modal');
    expect(view.blocks.map((block) => block.block_id)).toEqual([
      'study.topic',
      'study.tags',
      'study.min_members',
      'study.rhythm',
    ]);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"4"');
    await member(tb, 'U13SJAPA', 'rust', { locale: 'ja-JP' });
    await tb.command('勉強会 提案', 'U13SJAPA');
    expect(openedView(tb).title.text).toBe('勉強会を提案');

    const before = await tb.snapshot();
    const bad = await submitStudy(tb, PROPOSER, { topic: '', tags: '', minMembers: '1', rhythm: null });
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: {
        'study.topic': 'Give the group a topic.',
        'study.tags': 'Add at least one tag, so that members with that interest hear of it.',
        'study.min_members': 'The minimum is a whole number from 2 to 50.',
        'study.rhythm': 'Choose how often the group meets.',
      },
    });
    expect(await tb.snapshot()).toBe(before);

    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '3' });
    expect(await backers(tb, id)).toEqual([PROPOSER]);
    expect(allText(dmsTo(tb, PROPOSER).pop()?.args)).toContain(
      `Your study group *Rust for web developers* (#${id}) is proposed.`,
    );
  });

  it('`study` lists open proposals, matching first, names visible backers only; Count me in is idempotent; out before it forms', async () => {
    const chess = await propose(tb, CHESS, { topic: 'Endgames', tags: 'chess' });
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '4' });
    await countIn(tb, HIDDEN, id);
    await countIn(tb, ANN, id);
    expect(lastAnswer(tb)).toContain('You are in for *Rust for web developers*: 3 of 4.');
    await countIn(tb, ANN, id);
    expect(lastAnswer(tb)).toBe('You were already in for *Rust for web developers*.');
    expect(await backers(tb, id)).toEqual([ANN, PROPOSER, HIDDEN].sort());

    const list = (await tb.command('study', BEN)).json;
    const text = allText(list);
    expect(text.indexOf('Rust for web developers')).toBeLessThan(text.indexOf('Endgames'));
    expect(text).toContain(`<@${PROPOSER}>`);
    expect(text).toContain(`<@${ANN}>`);
    expect(text).not.toContain(HIDDEN);
    expect(text).toContain('and 1 more');
    expect(buttons(list).map((b) => [b.action_id, b.value])).toEqual([
      ['study.in', String(id)],
      ['study.in', String(chess)],
    ]);
    // Ann sees Count me out; the proposer cannot leave.
    expect(buttons((await tb.command('study', ANN)).json).map((b) => b.action_id)).toContain('study.out');
    await countOut(tb, PROPOSER, id);
    expect(lastAnswer(tb)).toContain('You proposed this group, so you stay in.');
    await countOut(tb, ANN, id);
    expect(lastAnswer(tb)).toBe('You are out of *Rust for web developers*.');
    expect(await backers(tb, id)).toEqual([PROPOSER, HIDDEN].sort());
    expect(tb.fake.callsTo('conversations.create')).toEqual([]);
  });

  it('reaching the minimum creates one private channel, invites everyone visible, and DMs the proposer the Schedule button', async () => {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '3' });
    await countIn(tb, ANN, id);
    // The last two presses arrive together: one channel all the same.
    await Promise.all([countIn(tb, BEN, id), countIn(tb, HIDDEN, id)]);
    await tb.tick();
    await tb.settle();
    const created = tb.fake.callsTo('conversations.create');
    expect(created.map((call) => call.args)).toEqual([
      { name: `study-${id}-rust-for-web-developers`, is_private: 'true' },
    ]);
    const channel = tb.fake.channelNamed(`study-${id}-rust-for-web-developers`) ?? '';
    expect(await groupRow(tb, id)).toMatchObject({
      status: 'formed',
      channel_id: channel,
      claim_token: null,
    });
    // A backer who hides their profile is not added: they get a "Join the channel" DM (test/study/join.test.ts).
    expect([...(tb.fake.channel(channel)?.members ?? [])].sort()).toEqual(
      (await backers(tb, id)).filter((user) => user !== HIDDEN).sort(),
    );
    // Whichever press came second found the group forming and was not counted.
    const hiddenIn = (await backers(tb, id)).includes(HIDDEN);
    expect(await backers(tb, id)).toHaveLength(3);
    expect((await outboxKeys(tb, `study:${id}:`)).sort()).toEqual([
      `study:${id}:formed`,
      ...(hiddenIn ? [`study:${id}:join:${HIDDEN}`] : []),
    ]);
    const dm = dmsTo(tb, PROPOSER).find((call) => allText(call.args).includes('has its members'));
    expect(buttons(dm?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['study.schedule', String(id)],
    ]);
    // Too late to count in or out.
    await countIn(tb, CHESS, id);
    expect(lastAnswer(tb)).toContain('This group has formed already');

    // Someone else pressing the proposer's button is refused; the proposer gets the event form prefilled.
    await tb.press('study.schedule', ANN, 'message', String(id));
    expect(lastAnswer(tb)).toContain(`Only the proposer of study group #${id}`);
    await tb.press('study.schedule', PROPOSER, 'message', String(id));
    const form = JSON.stringify(openedView(tb));
    expect(openedView(tb).callback_id).toBe('event.modal');
    expect(form).toContain('"initial_value":"Rust for web developers"');
    expect(form).toContain(`"initial_conversation":"${channel}"`);
  });

  it('a proposal short of its minimum after 30 days lapses, and each backer is told once', async () => {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '5' });
    await countIn(tb, ANN, id);
    tb.clock.advance(30 * DAY - 60_000);
    await tb.tick();
    expect(await groupRow(tb, id)).toMatchObject({ status: 'open' });
    tb.clock.advance(60_000);
    await tb.tick();
    await tb.tick();
    tb.clock.advance(DAY);
    await tb.tick();
    await tb.settle();
    expect(await groupRow(tb, id)).toMatchObject({ status: 'lapsed' });
    for (const user of [PROPOSER, ANN]) {
      const told = dmsTo(tb, user).filter((call) => allText(call.args).includes('has lapsed'));
      expect(told).toHaveLength(1);
      expect(allText(told[0]?.args)).toContain('did not reach its 5 members within 30 days (2 counted in)');
    }
    expect(dmsTo(tb, BEN).filter((call) => allText(call.args).includes('has lapsed'))).toEqual([]);
    await countIn(tb, BEN, id);
    expect(lastAnswer(tb)).toContain('This proposal lapsed without enough members.');
  });

  it('erasing the proposer removes their proposals; a backer’s erasure removes their backing', async () => {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers' });
    const other = await propose(tb, CHESS, { topic: 'Endgames', tags: 'chess' });
    await countIn(tb, ANN, id);
    await countIn(tb, ANN, other);
    await tb.press('privacy.delete', ANN);
    expect(await backers(tb, other)).toEqual([CHESS]);
    await tb.press('privacy.delete', PROPOSER);
    expect(await groupRow(tb, id)).toBeUndefined();
    expect(await tb.rows('SELECT * FROM study_backers WHERE group_id = ?', id)).toEqual([]);
    expect(await tb.rows('SELECT * FROM study_tags WHERE group_id = ?', id)).toEqual([]);
    expect(await backers(tb, other)).toEqual([CHESS]);
  });
});
