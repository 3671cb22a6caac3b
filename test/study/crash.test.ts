import { TestBot, allText } from '../support/testBot';
import { countIn, dmsTo, groupRow, member, outboxKeys, propose } from './support';

// Issue 13, "no double posts across replicas or crashes": a study group's channel is made through the
// same "create a private channel once" as collaboration channels (src/collab/channels.ts), and its
// first post carries a key that a resumed forming finds, so a crash never makes a second channel
// nor a second welcome.

const PROPOSER = 'U13XPROP';
const ANN = 'U13XANNA';
const MINUTE = 60_000;

const postsIn = (tb: TestBot, channel: string) =>
  tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

describe('study groups: forming resumed after a crash', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, PROPOSER, 'rust');
    await member(tb, ANN, 'rust');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a channel Slack made before the process died is adopted by the planner, not made twice', async () => {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '3' });
    await countIn(tb, ANN, id);
    const base = `study-${id}-rust-for-web-developers`;
    tb.fake.declareChannel('C0DIED002', { isPrivate: true, members: [], name: base, madeByBot: true });
    // The third backer's press started forming; the process died after conversations.create.
    await tb.run(
      'INSERT INTO study_backers (group_id, user_id, backed_at) VALUES (?, ?, ?)',
      id,
      'U13XTHRD',
      tb.clock.now().toISOString(),
    );
    await tb.run(
      "UPDATE study_groups SET status = 'forming', claim_token = 'dead-holder', claimed_at = ?, channel_name = ? WHERE id = ?",
      new Date(tb.clock.now().getTime() - 10 * MINUTE).toISOString(),
      base,
      id,
    );
    await tb.tick();
    await tb.settle();
    expect(await groupRow(tb, id)).toMatchObject({ status: 'formed', channel_id: 'C0DIED002' });
    expect(tb.fake.channelNamed(`${base}-2`)).toBeUndefined();
    expect(postsIn(tb, 'C0DIED002')).toHaveLength(1);
  });

  it('a forming that died after the welcome: the planner finishes it without a second welcome or DM', async () => {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '2' });
    await countIn(tb, ANN, id);
    await tb.tick();
    await tb.settle();
    const channel = (await groupRow(tb, id))?.channel_id ?? '';
    expect(postsIn(tb, channel)).toHaveLength(1);
    await tb.run(
      "UPDATE study_groups SET status = 'forming', claim_token = 'dead-holder', claimed_at = ? WHERE id = ?",
      new Date(tb.clock.now().getTime() - 10 * MINUTE).toISOString(),
      id,
    );
    tb.clock.advance(MINUTE);
    await tb.tick();
    await tb.settle();
    expect(await groupRow(tb, id)).toMatchObject({
      status: 'formed',
      channel_id: channel,
      claim_token: null,
    });
    expect(postsIn(tb, channel)).toHaveLength(1);
    expect(tb.fake.callsTo('conversations.create')).toHaveLength(1);
    expect(await outboxKeys(tb, `study:${id}:`)).toEqual([`study:${id}:formed`]);
    expect(dmsTo(tb, PROPOSER).filter((call) => allText(call.args).includes('has its members'))).toHaveLength(
      1,
    );
  });
});
