import { TestBot } from '../support/testBot';
import {
  AUTHOR,
  DAY,
  HELPER,
  askWithResponders,
  collabMembers,
  collabRow,
  postsIn,
  startChannel,
} from './collabSupport';
import { member, postAsk } from './support';

// Issue 13 §2 and the rules for all four: a member's export holds their collaboration channels and
// invitations; erasing them removes those rows (the channels stay in Slack: nothing is deleted
// there but the bot's post of their own item, like its card), and what the channel had planned.

type Exported = {
  other: {
    collaborationChannels: {
      channels: { askId: number; channelId: string; status: string }[];
      invitedTo: { askId: number; channelId: string }[];
    };
  };
};

async function exportOf(tb: TestBot, user: string): Promise<Exported> {
  const before = tb.fake.uploads.length;
  await tb.command('privacy export', user);
  await tb.fake.waitForCall('files.completeUploadExternal', () => tb.fake.uploads.length > before);
  return JSON.parse(tb.fake.uploads.at(-1)?.content.toString('utf8') ?? '{}') as Exported;
}

describe('collaboration channels: export and erasure', () => {
  let tb: TestBot;
  let id: number;
  let channel: string;
  beforeEach(async () => {
    tb = await TestBot.start();
    id = await askWithResponders(tb, { title: 'Zorbask partners' });
    await startChannel(tb, AUTHOR, id);
    channel = (await collabRow(tb, id))?.channel_id ?? '';
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the export holds the channels of one’s items and the channels one was invited to', async () => {
    expect((await exportOf(tb, AUTHOR)).other.collaborationChannels).toEqual({
      channels: [expect.objectContaining({ askId: id, channelId: channel, status: 'ready' })],
      invitedTo: [expect.objectContaining({ askId: id, channelId: channel })],
    });
    expect((await exportOf(tb, HELPER)).other.collaborationChannels).toEqual({
      channels: [],
      invitedTo: [expect.objectContaining({ askId: id, channelId: channel })],
    });
  });

  it('erasing a responder removes their invitation; the channel goes on', async () => {
    await tb.press('privacy.delete', HELPER);
    await tb.settle();
    expect(await collabMembers(tb, id)).toEqual([AUTHOR]);
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', channel_id: channel });
    expect(await tb.rowsMentioning(HELPER)).toEqual([]);
    expect(tb.fake.channel(channel)?.archived).toBe(false);
  });

  it('erasing the author removes the channel’s rows, deletes the post of their item, and cancels what was planned', async () => {
    // A heads-up that could not be posted yet is waiting in the outbox.
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === channel ? { body: { ok: false, error: 'internal_error' } } : undefined,
    );
    tb.clock.advance(30 * DAY);
    await tb.tick();
    const pending = () =>
      tb.rows<{ key: string; status: string }>(
        "SELECT key, status FROM outbox WHERE key LIKE 'collab:%' ORDER BY id",
      );
    expect((await pending()).map((row) => row.status)).toEqual(['pending']);
    const intro = (await collabRow(tb, id))?.intro_ts;
    // Another member's channel, which the author was invited to, stays with them out of it.
    await member(tb, 'U13COTHR', 'design');
    const other = await postAsk(tb, 'U13COTHR', { title: 'Other ask', tags: 'design' });
    await tb.press('ask.respond', AUTHOR, 'message', String(other));
    await startChannel(tb, 'U13COTHR', other);

    await tb.press('privacy.delete', AUTHOR);
    await tb.fake.waitForCall('chat.delete', (call) => call.args.ts === intro);
    expect(tb.fake.callsTo('chat.delete').map((call) => [call.args.channel, call.args.ts])).toEqual(
      expect.arrayContaining([[channel, intro]]),
    );
    expect(await collabRow(tb, id)).toBeUndefined();
    expect(await collabMembers(tb, id)).toEqual([]);
    expect((await pending()).map((row) => row.status)).toEqual(['cancelled']);
    expect(await collabMembers(tb, other)).toEqual(['U13COTHR']);
    expect(await tb.rowsMentioning(AUTHOR)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbask')).toEqual([]);
    // The channel itself stays in Slack, unarchived, and nothing more is posted there.
    expect(tb.fake.channel(channel)?.archived).toBe(false);
    tb.fake.override('chat.postMessage', () => undefined);
    const posts = postsIn(tb, channel).length;
    tb.clock.advance(40 * DAY);
    await tb.tick();
    expect(postsIn(tb, channel)).toHaveLength(posts);
    expect(tb.fake.callsTo('conversations.archive')).toEqual([]);
  });
});
