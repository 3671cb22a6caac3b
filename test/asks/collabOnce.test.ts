import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot } from '../support/testBot';
import { AUTHOR, HELPER, askWithResponders, collabRow, postsIn, startChannel } from './collabSupport';

// Issue 13 §2: pressing "Start a channel" twice, or on two replicas at once, makes one channel: the
// item's row in the database is claimed before any Slack call. A taken name gets -2, -3, …; a
// refusal from Slack is explained and the next press picks up where the first stopped.

describe('collaboration channels: one per item', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a second press names the channel it has', async () => {
    const id = await askWithResponders(tb);
    await startChannel(tb, AUTHOR, id);
    const channel = (await collabRow(tb, id))?.channel_id ?? '';
    expect(await startChannel(tb, AUTHOR, id)).toBe(`This one has a channel already: <#${channel}>.`);
    expect(tb.fake.callsTo('conversations.create')).toHaveLength(1);
    expect(tb.fake.callsTo('conversations.invite')).toHaveLength(1);
    expect(postsIn(tb, channel)).toHaveLength(1);
  });

  it('a taken name gets -2, then -3; when every name is taken the author is told and may press again', async () => {
    const id = await askWithResponders(tb, { title: 'Pricing advice' });
    const base = `ask-${id}-pricing-advice`;
    tb.fake.declareChannel('C0TAKEN01', { isPrivate: false, members: [], name: base });
    tb.fake.declareChannel('C0TAKEN02', { isPrivate: true, members: [], name: `${base}-2` });
    const answer = await startChannel(tb, AUTHOR, id);
    expect(tb.fake.callsTo('conversations.create').map((call) => call.args.name)).toEqual([
      base,
      `${base}-2`,
      `${base}-3`,
    ]);
    const channel = tb.fake.channelNamed(`${base}-3`) ?? '';
    expect(answer).toContain(`I created <#${channel}>`);
    expect(await collabRow(tb, id)).toMatchObject({ channel_id: channel, channel_name: `${base}-3` });

    const other = await askWithResponders(tb, { title: 'Hiring', type: 'offer' });
    const otherBase = `offer-${other}-hiring`;
    for (const n of ['', '-2', '-3', '-4', '-5'])
      tb.fake.declareChannel(`C0FULL0${n.length === 0 ? '1' : n.slice(1)}`, {
        isPrivate: true,
        members: [],
        name: `${otherBase}${n}`,
      });
    expect(await startChannel(tb, AUTHOR, other)).toBe(
      `Every channel name I tried (${otherBase}, ${otherBase}-2, …) is taken. Rename one of those channels, then press again.`,
    );
    expect(await collabRow(tb, other)).toMatchObject({
      status: 'creating',
      claim_token: null,
      channel_id: null,
    });
    tb.fake.declareChannel('C0FULL03', { isPrivate: true, members: [], name: 'renamed' });
    expect(await startChannel(tb, AUTHOR, other)).toContain('I created');
    expect(await collabRow(tb, other)).toMatchObject({ status: 'ready', channel_name: `${otherBase}-3` });
  });

  it('a Slack refusal is explained; the next press resumes from what was made', async () => {
    const id = await askWithResponders(tb);
    tb.fake.override('conversations.create', () => ({ body: { ok: false, error: 'restricted_action' } }));
    expect(await startChannel(tb, AUTHOR, id)).toBe(
      'Slack did not let me create the channel (restricted_action). An admin may need to allow apps to create private channels; then press again.',
    );
    expect(await collabRow(tb, id)).toMatchObject({
      status: 'creating',
      claim_token: null,
      channel_id: null,
    });

    // Created, but the invitation fails: the channel is kept, and the next press invites and posts.
    tb.fake.override('conversations.create', () => undefined);
    tb.fake.override('conversations.invite', () => ({ body: { ok: false, error: 'fatal_error' } }));
    expect(await startChannel(tb, AUTHOR, id)).toBe(
      'Slack did not let me create the channel (fatal_error). An admin may need to allow apps to create private channels; then press again.',
    );
    const made = await collabRow(tb, id);
    expect(made).toMatchObject({ status: 'creating', claim_token: null });
    tb.fake.override('conversations.invite', () => undefined);
    expect(await startChannel(tb, AUTHOR, id)).toContain(`I created <#${made?.channel_id ?? ''}>`);
    // Two calls: the refused one and the one that made the channel; the resumed press made none.
    expect(
      tb.fake.callsTo('conversations.create').map((call) => (call.response as { ok: boolean }).ok),
    ).toEqual([false, true]);
    expect(tb.fake.channel(made?.channel_id ?? '')?.members).toEqual(new Set([AUTHOR, HELPER]));
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', channel_id: made?.channel_id });
  });
});

describe('collaboration channels: two replicas pressed at once', () => {
  it('make one channel; the second press is told it is on its way', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-collab-shared-'));
    const env = { DATABASE_PATH: path.join(dir, 'alumni.sqlite') };
    const a = await TestBot.start({ env });
    const b = await TestBot.start({ env, fake: a.fake, clock: a.clock });
    try {
      const id = await askWithResponders(a);
      let secondAnswer = '';
      // Replica B's press arrives while replica A is still waiting for Slack to create the channel.
      a.fake.override('conversations.create', async (_args, index) => {
        if (index === 0) secondAnswer = await startChannel(b, AUTHOR, id);
        return undefined;
      });
      const firstAnswer = await startChannel(a, AUTHOR, id);
      expect(secondAnswer).toBe('The channel is being created: it will show up in your sidebar in a moment.');
      const channel = (await collabRow(a, id))?.channel_id ?? '';
      expect(firstAnswer).toContain(`I created <#${channel}>`);
      expect(a.fake.callsTo('conversations.create')).toHaveLength(1);
      expect(await startChannel(b, AUTHOR, id)).toBe(`This one has a channel already: <#${channel}>.`);
      expect(a.fake.violations).toEqual([]);
    } finally {
      await b.stop();
      await a.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
