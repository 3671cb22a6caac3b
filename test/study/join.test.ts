import { TestBot, allText } from '../support/testBot';
import { buttons, countIn, dmsTo, groupRow, lastAnswer, member, propose } from './support';

// Issue 13: "a hidden member is never suggested, listed or named". A study group's channel shows its
// members to one another, so a backer whose profile is hidden (admins and HR only, or nobody) is not
// added by the bot: they get a "Join the channel" button, and are added when they press it. The
// same rule holds for collaboration channels (test/asks/collabJoin.test.ts).

const PROPOSER = 'U13JPROP';
const ANN = 'U13JANNA';
const STAFF_ONLY = 'U13JSTAF';
const NOBODY = 'U13JNOBO';
const OUTSIDER = 'U13JOUTS';

describe('study groups: a backer who hides their profile joins by their own press', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, PROPOSER, 'rust');
    await member(tb, ANN, 'rust');
    await member(tb, STAFF_ONLY, 'rust', { visibility: 'staff' });
    await member(tb, NOBODY, 'rust', { visibility: 'nobody', locale: 'ja-JP' });
    await member(tb, OUTSIDER, 'rust');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  async function formed(): Promise<{ id: number; channel: string }> {
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '4' });
    await countIn(tb, STAFF_ONLY, id);
    await countIn(tb, NOBODY, id);
    await countIn(tb, ANN, id);
    await tb.tick();
    await tb.settle();
    const channel = (await groupRow(tb, id))?.channel_id ?? '';
    expect(channel).not.toBe('');
    return { id, channel };
  }

  it('is not invited when the group forms; the DM’s button adds them, in their language', async () => {
    const { id, channel } = await formed();
    const members = () => [...(tb.fake.channel(channel)?.members ?? [])].sort();
    expect(members()).toEqual([ANN, PROPOSER].sort());
    for (const call of tb.fake.callsTo('conversations.invite'))
      expect(String(call.args.users)).not.toMatch(new RegExp(`${STAFF_ONLY}|${NOBODY}`));

    const staffDm = dmsTo(tb, STAFF_ONLY).find((call) => allText(call.args).includes('Join the channel'));
    expect(allText(staffDm?.args)).toContain(
      `The study group *Rust for web developers* has formed in <#${channel}>. Your profile is not visible to all alumni, so I did not add you`,
    );
    expect(buttons(staffDm?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['study.join', String(id)],
    ]);
    const jaDm = dmsTo(tb, NOBODY).find((call) => allText(call.args).includes('チャンネルに参加'));
    expect(allText(jaDm?.args)).toContain('勉強会 *Rust for web developers* が');
    // Others were not told of them either: the channel's first post names nobody hidden.
    const intro = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    expect(allText(intro.map((call) => call.args))).not.toMatch(new RegExp(`${STAFF_ONLY}|${NOBODY}`));

    await tb.press('study.join', STAFF_ONLY, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`I added you to <#${channel}>.`);
    expect(members()).toEqual([ANN, PROPOSER, STAFF_ONLY].sort());
    await tb.press('study.join', NOBODY, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`<#${channel}> に追加しました。`);
    expect(members()).toEqual([ANN, NOBODY, PROPOSER, STAFF_ONLY].sort());
  });

  it('someone who did not back the group cannot join it by the button; nothing changes', async () => {
    const { id, channel } = await formed();
    const before = await tb.snapshot();
    const invites = tb.fake.callsTo('conversations.invite').length;
    await tb.press('study.join', OUTSIDER, 'message', String(id));
    expect(lastAnswer(tb)).toBe(
      'This channel cannot be joined through me any more: it was archived, or you are no longer on the item or group it was made for.',
    );
    expect(tb.fake.callsTo('conversations.invite')).toHaveLength(invites);
    expect([...(tb.fake.channel(channel)?.members ?? [])]).not.toContain(OUTSIDER);
    expect(await tb.snapshot()).toBe(before);
  });

  it('a proposer who hides their profile is not named in the channel and joins by the button too', async () => {
    const id = await propose(tb, NOBODY, { topic: 'Rust for web developers', minMembers: '3' });
    await countIn(tb, ANN, id);
    await countIn(tb, PROPOSER, id);
    await tb.tick();
    await tb.settle();
    const channel = (await groupRow(tb, id))?.channel_id ?? '';
    const intro = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    expect(allText(intro.map((call) => call.args))).not.toContain(NOBODY);
    expect(allText(intro.map((call) => call.args))).toContain('The proposer schedules the sessions');
    expect([...(tb.fake.channel(channel)?.members ?? [])]).not.toContain(NOBODY);
    await tb.press('study.join', NOBODY, 'message', String(id));
    expect([...(tb.fake.channel(channel)?.members ?? [])]).toContain(NOBODY);
  });
});
