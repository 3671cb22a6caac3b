/**
 * Issue 9 §1, coffee chats: a chat about a role in a private channel is only between members of
 * that channel. A member who left is passed over (as on a waitlist) and the contact is told the
 * request lapsed; a contact outside the channel is neither added, offered nor asked.
 */
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { dmButtonValue, dmsWith, groupPosts, tag } from '../coffee/support';
import { buttons, setUpHr } from '../jobs/support';
import { TestBot, allText } from '../support/testBot';
import { HR, INSIDER, SECRET, buildWorld, commandText, leftChannel, type World } from './support';

const TEAM_IN = 'U8TEAMIN';
const TEAM_JA = 'U8TEAMJA';
const TEAM_OUT = 'U8TEAMOUT';
/** Another member of the channel, and HR whose Slack is in Japanese, also in it. */
const OTHER = 'U8IN02';
const JA_HR = 'U8HRJA';

describe('coffee chats about a role in a private channel', () => {
  let tb: TestBot;
  let world: World;
  beforeEach(async () => {
    tb = await TestBot.start();
    tb.fake.setUser(TEAM_JA, { locale: 'ja-JP' });
    tb.fake.setUser(JA_HR, { locale: 'ja-JP' });
    world = await buildWorld(tb, [TEAM_IN, TEAM_JA, OTHER, JA_HR]);
    await tb.agree(TEAM_OUT);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  /** HR adds the contacts (all in the channel); each confirms from their DM. */
  async function confirmedContacts(contacts: readonly string[]): Promise<void> {
    await tb.command(`job contacts ${world.secretJob} ${contacts.map(tag).join(' ')}`, HR);
    await tb.tick();
    for (const contact of contacts) {
      await tb.press(
        'coffee.invite.confirm',
        contact,
        'message',
        dmButtonValue(tb, contact, 'coffee.invite.confirm'),
      );
    }
  }

  /** INSIDER asks for a chat about the private role; the first contact gets the ask. */
  async function insiderAsks(): Promise<void> {
    await tb.press('coffee.request', INSIDER, 'message', String(world.secretJob));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('I asked someone on the team behind “Secret role”'),
    );
    await tb.tick();
  }

  async function insiderLeaves(): Promise<void> {
    tb.fake.removeChannelMember(SECRET, INSIDER);
    await leftChannel(tb, INSIDER, SECRET);
  }

  const requestStatus = async () =>
    (await tb.row<{ status: string }>('SELECT status FROM coffee_requests WHERE member = ?', INSIDER))
      ?.status;

  it('the member left the channel: the contact’s Accept opens no group DM, the member gets no DM, the contact hears it lapsed', async () => {
    await confirmedContacts([TEAM_IN]);
    await insiderAsks();
    const askId = dmButtonValue(tb, TEAM_IN, 'coffee.ask.accept');
    await insiderLeaves();
    const dmsToMember = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === INSIDER).length;

    await tb.press('coffee.ask.accept', TEAM_IN, 'message', askId);
    await tb.fake.waitForResponse((r) => allText(r.body).includes(en.coffee.askLapsed('Secret role')));
    await tb.tick();
    await tb.tick();
    expect(tb.fake.callsTo('conversations.open').filter((c) => typeof c.args.users === 'string')).toEqual([]);
    expect(groupPosts(tb)).toEqual([]);
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === INSIDER)).toHaveLength(
      dmsToMember,
    );
    expect(dmsWith(tb, INSIDER, 'Good news')).toEqual([]);
    expect(await requestStatus()).toBe('unavailable');
    expect(TestBot.replyText(await tb.command(`job contacts ${world.secretJob}`, HR))).toContain(
      'Coffee chats: 1 requested · 0 held',
    );
  });

  it('the member left: “Not now” asks nobody else and sends the member no DM; the contact is told in Japanese', async () => {
    await confirmedContacts([TEAM_JA, TEAM_IN]);
    await insiderAsks();
    expect(dmsWith(tb, TEAM_JA, 'Secret role')).toHaveLength(2); // the invitation and the ask
    await insiderLeaves();
    await tb.press(
      'coffee.ask.decline',
      TEAM_JA,
      'message',
      dmButtonValue(tb, TEAM_JA, 'coffee.ask.decline'),
    );
    await tb.fake.waitForResponse((r) => allText(r.body).includes(ja.coffee.askLapsed('Secret role')));
    await tb.tick();
    expect(dmsWith(tb, TEAM_IN, 'is curious about')).toEqual([]);
    expect(dmsWith(tb, INSIDER, 'nobody on the team')).toEqual([]);
    expect(await requestStatus()).toBe('unavailable');
  });

  it('a contact who left the channel is not asked: the next one in it is, and with nobody left no chat is offered', async () => {
    await confirmedContacts([TEAM_IN, TEAM_JA]);
    tb.fake.removeChannelMember(SECRET, TEAM_IN);
    await leftChannel(tb, TEAM_IN, SECRET);
    await insiderAsks();
    expect(dmsWith(tb, TEAM_IN, 'is curious about')).toEqual([]);
    expect(dmsWith(tb, TEAM_JA, `<@${INSIDER}>`)).toHaveLength(1);

    tb.fake.removeChannelMember(SECRET, TEAM_JA);
    await leftChannel(tb, TEAM_JA, SECRET);
    await tb.press('job.curious', OTHER, 'message', String(world.secretJob));
    const reply = await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('curious about “Secret role”'),
    );
    expect(buttons(reply.body.blocks)).toEqual([]);
  });

  it('a contact asked who then left the channel: Accept counts as “Not now” and the next contact is asked', async () => {
    await confirmedContacts([TEAM_IN, TEAM_JA]);
    await insiderAsks();
    const askId = dmButtonValue(tb, TEAM_IN, 'coffee.ask.accept');
    tb.fake.removeChannelMember(SECRET, TEAM_IN);
    await leftChannel(tb, TEAM_IN, SECRET);
    await tb.press('coffee.ask.accept', TEAM_IN, 'message', askId);
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes(en.coffee.askContactOutside('Secret role')),
    );
    await tb.tick();
    expect(groupPosts(tb)).toEqual([]);
    expect(dmsWith(tb, TEAM_JA, `<@${INSIDER}>`)).toHaveLength(1);
  });

  it('job contacts refuses someone who is not in the role’s private channel; nobody is added, nothing is sent', async () => {
    await tb.command(`job contacts ${world.secretJob}`, HR); // HR's first command records them as active
    const before = await tb.snapshot();
    const calls = tb.fake.calls.length;
    const text = await commandText(
      tb,
      `job contacts ${world.secretJob} ${tag(TEAM_IN)} ${tag(TEAM_OUT)}`,
      HR,
    );
    expect(text).toBe(en.coffee.outsideChannel(`<@${TEAM_OUT}>`, `<#${SECRET}>`));
    expect(await tb.snapshot()).toBe(before);
    await tb.tick();
    expect(
      tb.fake.calls
        .slice(calls)
        .map((c) => c.method)
        .filter((m) => m !== 'users.info'),
    ).toEqual([]);
    // A public role takes anyone; a contact in the channel is added as before.
    expect(await commandText(tb, `job contacts ${world.openJob} ${tag(TEAM_OUT)}`, HR)).toContain('I asked');
    expect(await commandText(tb, `job contacts ${world.secretJob} ${tag(TEAM_IN)}`, HR)).toContain('I asked');
  });

  it('in Japanese: HR whose Slack is in Japanese is told who is outside the channel', async () => {
    await setUpHr(tb, JA_HR);
    const before = await tb.snapshot();
    const text = await commandText(tb, `job contacts ${world.secretJob} ${tag(TEAM_OUT)}`, JA_HR);
    expect(text).toBe(ja.coffee.outsideChannel(`<@${TEAM_OUT}> さん`, `<#${SECRET}>`));
    expect(await tb.snapshot()).toBe(before);
  });
});
