import { TestBot, allText } from '../support/testBot';
import {
  AUTHOR,
  HELPER,
  HIDDEN,
  STRANGER,
  askWithResponders,
  collabMembers,
  collabRow,
  startChannel,
} from './collabSupport';
import { buttons, dmsTo, lastAnswer, member } from './support';

// Issue 13: one visibility rule for the channels the bot makes (src/collab/channels.ts). A responder
// whose profile is hidden is not put in the channel, where the others would see them: they get a
// "Join the channel" DM (solicited: they responded) and are added only when they press it.

const STAFF_ONLY = 'U13CSTAF';

describe('collaboration channels: a responder who hides their profile joins by their own press', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('is sent a Join button when the channel starts, and pressing it adds them', async () => {
    const id = await askWithResponders(tb, { hidden: true });
    await member(tb, STAFF_ONLY, 'design', { visibility: 'staff', locale: 'ja-JP' });
    await tb.press('ask.respond', STAFF_ONLY, 'message', String(id));
    await startChannel(tb, AUTHOR, id);
    const channel = (await collabRow(tb, id))?.channel_id ?? '';
    const members = () => [...(tb.fake.channel(channel)?.members ?? [])].sort();
    expect(members()).toEqual([AUTHOR, HELPER].sort());
    await tb.tick();
    await tb.settle();

    const dm = dmsTo(tb, HIDDEN).find((call) => allText(call.args).includes('Join the channel'));
    expect(allText(dm?.args)).toContain(
      `A channel was started for *Intro to a design agency* (#${id}), which you responded to: <#${channel}>.`,
    );
    expect(buttons(dm?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['collab.join', String(id)],
    ]);
    const jaDm = dmsTo(tb, STAFF_ONLY).find((call) => allText(call.args).includes('チャンネルに参加'));
    expect(allText(jaDm?.args)).toContain(`のチャンネルができました：<#${channel}>`);
    expect(dmsTo(tb, HELPER).filter((call) => allText(call.args).includes('Join the channel'))).toEqual([]);

    await tb.press('collab.join', HIDDEN, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`I added you to <#${channel}>.`);
    expect(members()).toEqual([AUTHOR, HELPER, HIDDEN].sort());
    expect(await collabMembers(tb, id)).toEqual([AUTHOR, HELPER, HIDDEN].sort());
    // Pressing again changes nothing more.
    await tb.press('collab.join', HIDDEN, 'message', String(id));
    expect(members()).toEqual([AUTHOR, HELPER, HIDDEN].sort());
  });

  it('someone who did not respond, or a channel that is archived, cannot be joined by the button', async () => {
    const id = await askWithResponders(tb, { hidden: true });
    await startChannel(tb, AUTHOR, id);
    const channel = (await collabRow(tb, id))?.channel_id ?? '';
    const before = await tb.snapshot();
    const invites = tb.fake.callsTo('conversations.invite').length;
    await tb.press('collab.join', STRANGER, 'message', String(id));
    expect(lastAnswer(tb)).toBe(
      'This channel cannot be joined through me any more: it was archived, or you are no longer on the item or group it was made for.',
    );
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.callsTo('conversations.invite')).toHaveLength(invites);

    await tb.run("UPDATE collab_channels SET status = 'archived' WHERE ask_id = ?", id);
    await tb.press('collab.join', HIDDEN, 'message', String(id));
    expect(lastAnswer(tb)).toContain('This channel cannot be joined through me any more');
    expect([...(tb.fake.channel(channel)?.members ?? [])]).not.toContain(HIDDEN);
  });
});
