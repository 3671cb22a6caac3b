import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  AUTHOR,
  HELPER,
  HIDDEN,
  STRANGER,
  askWithResponders,
  collabMembers,
  collabRow,
  postsIn,
  startChannel,
  textOf,
} from './collabSupport';
import { buttons, member, postAsk } from './support';

// Issue 13 §2: when an ask or offer has someone besides its author on it, the author sees
// "Start a channel" in `asks mine`; pressing it creates a private channel named after the item,
// invites the people on it and posts the item at the top, pinned. Only the author or an admin may.

describe('collaboration channels: starting one', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const mineButtons = async (user = AUTHOR) =>
    buttons((await tb.command('asks mine', user)).json).map((b) => [b.action_id, b.value]);

  it('shows Start a channel only once someone who may be invited responded, resolved items too', async () => {
    await member(tb, AUTHOR, 'design');
    await member(tb, HELPER, 'design');
    await member(tb, HIDDEN, 'design', { visibility: 'nobody' });
    const id = await postAsk(tb, AUTHOR, { title: 'Intro to a design agency', tags: 'design' });
    expect(await mineButtons()).toEqual([
      ['ask.extend', String(id)],
      ['ask.resolve', String(id)],
    ]);
    // Alone, pressing anyway (an old message) is explained, and nothing is made.
    const before = await tb.snapshot();
    expect(await startChannel(tb, AUTHOR, id)).toBe(
      'A channel needs someone besides you: nobody who may be invited has responded yet. Responders whose profile is not visible to all alumni are not invited.',
    );
    expect(await tb.snapshot()).toBe(before);
    // A responder who hides their profile is not put in a room with others: still no button.
    await tb.press('ask.respond', HIDDEN, 'message', String(id));
    expect(await mineButtons()).not.toContainEqual(['ask.channel', String(id)]);
    await tb.press('ask.respond', HELPER, 'message', String(id));
    expect(await mineButtons()).toEqual([
      ['ask.extend', String(id)],
      ['ask.resolve', String(id)],
      ['ask.channel', String(id)],
    ]);
    expect(tb.fake.callsTo('conversations.create')).toEqual([]);
    expect(await collabRow(tb, id)).toBeUndefined();
    // Resolved: the people who helped may still want a room of their own.
    await tb.submit('ask.resolve.modal', {}, AUTHOR, JSON.stringify({ askId: id }));
    expect(await mineButtons()).toEqual([['ask.channel', String(id)]]);
  });

  it('the author starts it: a private channel named after the item, the people invited, the item pinned', async () => {
    const id = await askWithResponders(tb, { hidden: true });
    const answer = await startChannel(tb, AUTHOR, id);

    const create = tb.fake.callsTo('conversations.create');
    expect(create.map((call) => call.args)).toEqual([
      { name: `ask-${id}-intro-to-a-design-agency`, is_private: 'true' },
    ]);
    const channel = tb.fake.channelNamed(`ask-${id}-intro-to-a-design-agency`) ?? '';
    expect(tb.fake.channel(channel)?.isPrivate).toBe(true);
    expect(tb.fake.callsTo('conversations.invite').map((call) => call.args)).toEqual([
      { channel, users: `${AUTHOR},${HELPER}`, force: 'true' },
    ]);
    expect([...(tb.fake.channel(channel)?.members ?? [])]).toEqual([AUTHOR, HELPER]);
    const intro = postsIn(tb, channel);
    expect(intro).toHaveLength(1);
    expect(textOf(intro[0])).toContain(
      `This channel is for <@${AUTHOR}>'s ask *Intro to a design agency* (#${id}) and the people who responded.`,
    );
    expect(textOf(intro[0])).toContain(
      'If nobody writes here for 30 days, I will say so here; 7 days later I archive the channel. Nothing is deleted.',
    );
    const ts = (intro[0]?.response as { ts: string }).ts;
    expect([...(tb.fake.channel(channel)?.pins ?? [])]).toEqual([ts]);

    expect(answer).toBe(
      `I created <#${channel}>, invited <@${AUTHOR}>, <@${HELPER}> and pinned the item at the top.\n` +
        `I did not add <@${HIDDEN}>: their profile is not visible to all alumni, and the members of a channel see one another. I sent them a button to join if they wish.`,
    );
    expect(await collabRow(tb, id)).toMatchObject({
      status: 'ready',
      started_by: AUTHOR,
      claim_token: null,
      channel_id: channel,
      intro_ts: ts,
      last_message_at: tb.clock.now().toISOString(),
    });
    expect(await collabMembers(tb, id)).toEqual([AUTHOR, HELPER].sort());
    // `asks mine` now names the channel instead of offering to start one.
    const mine = (await tb.command('asks mine', AUTHOR)).json;
    expect(allText(mine)).toContain(`Channel: <#${channel}>`);
    expect(buttons(mine).map((b) => b.action_id)).not.toContain('ask.channel');
  });

  it('in Japanese: a Japanese title gets the kind as its name, and the words are Japanese', async () => {
    tb.fake.setUser(AUTHOR, { locale: 'ja-JP' });
    const id = await askWithResponders(tb, { title: '資金調達の相談に乗ってください', kind: 'fundraising' });
    const answer = await startChannel(tb, AUTHOR, id);
    const channel = tb.fake.channelNamed(`ask-${id}-fundraising`) ?? '';
    expect(channel).not.toBe('');
    expect(answer).toBe(
      `<#${channel}> を作成して <@${AUTHOR}> さん、<@${HELPER}> さん を招待し、先頭に内容をピン留めしました。`,
    );
    // The author reads Japanese and the helper English: the post is in both, the author's first.
    const intro = textOf(postsIn(tb, channel)[0]);
    expect(intro).toContain(
      `このチャンネルは、<@${AUTHOR}> さんの相談 *資金調達の相談に乗ってください*（#${id}）と、反応した人たちのためのものです。`,
    );
    expect(intro).toContain(`This channel is for <@${AUTHOR}>'s ask`);
    expect(intro.indexOf('このチャンネル')).toBeLessThan(intro.indexOf('This channel'));
    expect(allText((await tb.command('asks mine', AUTHOR)).json)).toContain(`チャンネル：<#${channel}>`);
  });

  it('refuses anyone but the author or an admin, with a clear answer, and changes nothing', async () => {
    const JA_STRANGER = 'U13CSTJA';
    tb.fake.setUser(JA_STRANGER, { locale: 'ja-JP' });
    const id = await askWithResponders(tb);
    await member(tb, JA_STRANGER, 'chess');
    // An item for matching members only is not even there for someone who may not see it.
    const quiet = await postAsk(tb, AUTHOR, { title: 'Quiet one', tags: 'design', audience: 'matches' });
    const before = await tb.snapshot();
    for (const user of [HELPER, STRANGER])
      expect(await startChannel(tb, user, id)).toBe(
        `Only its author or an admin can start a channel for #${id}.`,
      );
    expect(await startChannel(tb, JA_STRANGER, id)).toBe(
      `#${id} のチャンネルを作れるのは、投稿者か管理者だけです。`,
    );
    expect(await startChannel(tb, STRANGER, quiet)).toBe(
      `There is no ask or offer #${quiet} that you can see.`,
    );
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.callsTo('conversations.create')).toEqual([]);
    expect(tb.logs.some((line) => line.includes(`refused ${STRANGER}: only its author or an admin`))).toBe(
      true,
    );
  });

  it('bad input: a forged or unknown value is explained, and nothing changes', async () => {
    const id = await askWithResponders(tb);
    const before = await tb.snapshot();
    expect(await startChannel(tb, AUTHOR, 'abc')).toBe('There is no ask or offer #? that you can see.');
    expect(await startChannel(tb, AUTHOR, '-3')).toBe('There is no ask or offer #? that you can see.');
    expect(await startChannel(tb, AUTHOR, id + 1000)).toBe(
      `There is no ask or offer #${id + 1000} that you can see.`,
    );
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.callsTo('conversations.create')).toEqual([]);
  });

  it('an admin may start it for the author; the admin is not invited', async () => {
    const id = await askWithResponders(tb);
    await tb.agree(ADMIN);
    const answer = await startChannel(tb, ADMIN, id);
    expect(answer).toContain(`invited <@${AUTHOR}>, <@${HELPER}>`);
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', started_by: ADMIN });
    expect(await collabMembers(tb, id)).toEqual([AUTHOR, HELPER].sort());
  });
});
