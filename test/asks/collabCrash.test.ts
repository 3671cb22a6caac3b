import { TestBot } from '../support/testBot';
import {
  AUTHOR,
  HELPER,
  askWithResponders,
  collabMembers,
  collabRow,
  postsIn,
  startChannel,
} from './collabSupport';

// Issue 13, "no double posts across replicas or crashes": a channel is made as "claim, then call,
// then record" (src/collab/channels.ts). When Slack made the channel but the bot never recorded it
// (its answer lost, or the process died in between), the next holder adopts that channel instead of
// making a second one; and the item is posted at the top once, whatever happened after the post.

const MINUTE = 60_000;

describe('collaboration channels: a crash between the Slack call and the row write', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the channel Slack made but nobody recorded is adopted by the next press, not made twice', async () => {
    const id = await askWithResponders(tb, { title: 'Pricing advice' });
    const base = `ask-${id}-pricing-advice`;
    // Slack makes the channel, but its answer never reaches the bot (500s, retries included).
    tb.fake.override('conversations.create', (args) => {
      if (tb.fake.channelNamed(String(args.name)) === undefined)
        tb.fake.declareChannel('C0LOST001', {
          isPrivate: true,
          members: [],
          name: String(args.name),
          madeByBot: true,
        });
      return { status: 500 };
    });
    await startChannel(tb, AUTHOR, id);
    expect(await collabRow(tb, id)).toMatchObject({
      status: 'creating',
      channel_id: null,
      channel_name: base,
    });
    tb.fake.override('conversations.create', () => undefined);

    const answer = await startChannel(tb, AUTHOR, id);
    expect(answer).toContain('I created <#C0LOST001>');
    expect(await collabRow(tb, id)).toMatchObject({
      status: 'ready',
      channel_id: 'C0LOST001',
      channel_name: base,
    });
    expect(tb.fake.channelNamed(`${base}-2`)).toBeUndefined();
    expect([...(tb.fake.channel('C0LOST001')?.members ?? [])].sort()).toEqual([AUTHOR, HELPER].sort());
    expect(postsIn(tb, 'C0LOST001')).toHaveLength(1);
  });

  it('a holder that died after creating it: the next press past the stale claim adopts it', async () => {
    const id = await askWithResponders(tb, { title: 'Pricing advice' });
    const base = `ask-${id}-pricing-advice`;
    tb.fake.declareChannel('C0DIED001', { isPrivate: true, members: [], name: base, madeByBot: true });
    // What the dead holder left: its claim, and the name it was creating.
    await tb.run(
      "INSERT INTO collab_channels (ask_id, status, started_by, claim_token, claimed_at, channel_name) VALUES (?, 'creating', ?, 'dead-holder', ?, ?)",
      id,
      AUTHOR,
      new Date(tb.clock.now().getTime() - 10 * MINUTE).toISOString(),
      base,
    );
    expect(await startChannel(tb, AUTHOR, id)).toContain('I created <#C0DIED001>');
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', channel_id: 'C0DIED001' });
    expect(tb.fake.channelNamed(`${base}-2`)).toBeUndefined();
  });

  it('a channel of that name a member made is not adopted: the next name is used', async () => {
    const id = await askWithResponders(tb, { title: 'Pricing advice' });
    const base = `ask-${id}-pricing-advice`;
    tb.fake.declareChannel('C0THEIRS1', { isPrivate: true, members: [], name: base });
    await startChannel(tb, AUTHOR, id);
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', channel_name: `${base}-2` });
    expect(postsIn(tb, 'C0THEIRS1')).toEqual([]);
  });

  it('a holder that died after posting the item: the next press finishes without posting it again', async () => {
    const id = await askWithResponders(tb, { hidden: true });
    await startChannel(tb, AUTHOR, id);
    const channel = (await collabRow(tb, id))?.channel_id ?? '';
    const introTs = (await collabRow(tb, id))?.intro_ts;
    // Put the row back as the dead holder would have left it: posted, not finished.
    await tb.run(
      "UPDATE collab_channels SET status = 'creating', claim_token = 'dead-holder', claimed_at = ?, intro_ts = NULL WHERE ask_id = ?",
      new Date(tb.clock.now().getTime() - 10 * MINUTE).toISOString(),
      id,
    );
    tb.clock.advance(MINUTE);
    expect(await startChannel(tb, AUTHOR, id)).toContain(`I created <#${channel}>`);
    expect(postsIn(tb, channel)).toHaveLength(1);
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', intro_ts: introTs });
    expect(await collabMembers(tb, id)).toEqual([AUTHOR, HELPER].sort());
    expect(tb.fake.callsTo('conversations.create')).toHaveLength(1);
  });
});
