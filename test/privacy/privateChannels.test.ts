/**
 * Issue 9 §1: an event or role whose card is in a private channel reaches only that channel's
 * members, through every door (commands, DMs, App Home, digests, .ics, buttons), and the forms
 * let organizers and HR post only in channels they are in.
 */
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { createEvent } from '../events/support';
import { pressInEphemeral, submitReferral } from '../jobs/support';
import { keyOf } from '../scheduler/helpers';
import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  DIGEST_TIME,
  HR,
  INSIDER,
  ORG,
  OUTSIDER,
  SECRET,
  buildWorld,
  commandText,
  digestsTo,
  homeText,
  joinedChannel,
  leftChannel,
  member,
  rsvpOf,
  toldSince,
  type World,
} from './support';

describe('items in a private channel reach only its members', () => {
  let tb: TestBot;
  let world: World;
  beforeEach(async () => {
    tb = await TestBot.start();
    world = await buildWorld(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('an outsider does not see them in events, jobs, a DM command, App Home or digest preview; a member does', async () => {
    const doors = async (user: string): Promise<string> => {
      const dmBefore = tb.fake.callsTo('chat.postMessage').length;
      await tb.dm('events', user);
      const dm = tb.fake
        .callsTo('chat.postMessage')
        .slice(dmBefore)
        .map((c) => allText(c.args))
        .join('\n');
      return [
        await commandText(tb, 'events', user),
        await commandText(tb, 'jobs', user),
        dm,
        await homeText(tb, user),
        await commandText(tb, 'digest preview', user),
      ].join('\n');
    };
    const outside = await doors(OUTSIDER);
    expect(outside).toContain('Open meetup');
    expect(outside).toContain('Open role');
    expect(outside).not.toContain('Secret offsite');
    expect(outside).not.toContain('Secret role');

    const inside = await doors(INSIDER);
    expect(inside).toContain('Secret offsite');
    expect(inside).toContain('Secret role');
    expect(inside).toContain('Open meetup');
  });

  it('the scheduled digest offers them only to members of the channel', async () => {
    tb.clock.set(DIGEST_TIME);
    await tb.tick();
    await tb.tick();
    const toOutsider = digestsTo(tb, OUTSIDER)
      .map((c) => allText(c.args))
      .join('\n');
    expect(toOutsider).toContain('Open role');
    expect(toOutsider).toContain('Open meetup');
    expect(toOutsider).not.toContain('Secret');
    const toInsider = digestsTo(tb, INSIDER)
      .map((c) => allText(c.args))
      .join('\n');
    expect(toInsider).toContain('Secret role');
    expect(toInsider).toContain('Secret offsite');
    const shown = await tb.rows<{ user_id: string }>(
      "SELECT user_id FROM funnel_events WHERE step = 'shown' AND job_id = ?",
      world.secretJob,
    );
    expect(shown.map((row) => row.user_id)).not.toContain(OUTSIDER);
  });

  it("an outsider's Going, Maybe, .ics, curious, refer, apply and coffee presses are refused ephemerally; nothing changes", async () => {
    const presses: [string, number][] = [
      ['event.rsvp.going', world.secretEvent],
      ['event.rsvp.maybe', world.secretEvent],
      ['event.ics', world.secretEvent],
      ['job.curious', world.secretJob],
      ['job.refer', world.secretJob],
      ['job.apply', world.secretJob],
      ['coffee.request', world.secretJob],
    ];
    for (const [action, id] of presses) {
      const before = await tb.snapshot();
      const calls = tb.fake.calls.length;
      const told = tb.fake.responses.length;
      await tb.press(action, OUTSIDER, 'message', String(id));
      const refusal = action.startsWith('event.') ? en.events.notInAudience : en.jobs.notInAudience;
      expect(toldSince(tb, told)).toEqual([{ text: refusal, ephemeral: true }]);
      expect(await tb.snapshot()).toBe(before);
      // No file, no modal, no card update, no DM to the recruiter: only the locale lookup may have run.
      expect(
        tb.fake.calls
          .slice(calls)
          .map((c) => c.method)
          .filter((m) => m !== 'users.info'),
      ).toEqual([]);
    }
    expect(await rsvpOf(tb, world.secretEvent, OUTSIDER)).toBeUndefined();
  });

  it('a forged referral form for the role is refused in the modal, and a press from a list in Japanese too', async () => {
    const before = await tb.snapshot();
    const response = await submitReferral(tb, OUTSIDER, world.secretJob, {
      name: 'Ken',
      contact: 'ken@example.com',
    });
    expect(allText(response.json)).toContain(en.jobs.notInAudience);
    expect(await tb.snapshot()).toBe(before);

    tb.fake.setUser('U8OUTJA', { locale: 'ja-JP' });
    await member(tb, 'U8OUTJA');
    const told = tb.fake.responses.length;
    await pressInEphemeral(tb, 'event.rsvp.going', 'U8OUTJA', String(world.secretEvent));
    expect(toldSince(tb, told)).toEqual([{ text: ja.events.notInAudience, ephemeral: true }]);
    expect(await rsvpOf(tb, world.secretEvent, 'U8OUTJA')).toBeUndefined();
  });

  it('a member of the channel can answer: Going, .ics and curious work', async () => {
    await tb.press('event.rsvp.going', INSIDER, 'message', String(world.secretEvent));
    expect(await rsvpOf(tb, world.secretEvent, INSIDER)).toBe('going');
    await tb.press('event.ics', INSIDER, 'message', String(world.secretEvent));
    expect(tb.fake.uploads.map((u) => u.content.toString('utf8')).join('')).toContain(
      'SUMMARY:Secret offsite',
    );
    await tb.press('job.curious', INSIDER, 'message', String(world.secretJob));
    await tb.tick();
    const toRecruiter = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === HR);
    expect(toRecruiter.map((c) => allText(c.args)).join('\n')).toContain(`<@${INSIDER}>`);
  });
});

describe('membership follows the channel', () => {
  let tb: TestBot;
  let world: World;
  const STAYER = 'U8STAY01';
  const NEWCOMER = 'U8NEW01';
  beforeEach(async () => {
    tb = await TestBot.start();
    world = await buildWorld(tb, [STAYER]);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('after member_left_channel the former member loses access at once, and gets no reminder', async () => {
    for (const user of [INSIDER, STAYER])
      await tb.press('event.rsvp.going', user, 'message', String(world.secretEvent));
    expect(await commandText(tb, 'events', INSIDER)).toContain('Secret offsite');

    tb.fake.removeChannelMember(SECRET, INSIDER);
    await leftChannel(tb, INSIDER, SECRET);
    expect(await commandText(tb, 'events', INSIDER)).not.toContain('Secret offsite');
    expect(await commandText(tb, 'jobs', INSIDER)).not.toContain('Secret role');
    expect(await homeText(tb, INSIDER)).not.toContain('Secret');
    const told = tb.fake.responses.length;
    await tb.press('event.rsvp.maybe', INSIDER, 'message', String(world.secretEvent));
    expect(toldSince(tb, told)).toEqual([{ text: en.events.notInAudience, ephemeral: true }]);
    expect(await rsvpOf(tb, world.secretEvent, INSIDER)).toBe('going');

    // The day-before reminder goes to those still in the channel only.
    tb.clock.set('2026-12-02T10:00:00Z');
    await tb.tick();
    const reminded = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => (keyOf(c) ?? '').includes(':reminder:1d:dm:'));
    expect(reminded.map((c) => c.args.channel)).toEqual([STAYER]);
  });

  it('after member_joined_channel a new member gains access', async () => {
    await member(tb, NEWCOMER);
    expect(await commandText(tb, 'events', NEWCOMER)).not.toContain('Secret offsite');
    tb.fake.addChannelMember(SECRET, NEWCOMER);
    await joinedChannel(tb, NEWCOMER, SECRET);
    expect(await commandText(tb, 'events', NEWCOMER)).toContain('Secret offsite');
    await tb.press('event.rsvp.going', NEWCOMER, 'message', String(world.secretEvent));
    expect(await rsvpOf(tb, world.secretEvent, NEWCOMER)).toBe('going');
  });

  it('a missed event is healed: the member list is read again once it is six hours old', async () => {
    tb.fake.removeChannelMember(SECRET, INSIDER); // Slack never tells the bot
    tb.fake.addChannelMember(SECRET, NEWCOMER);
    await member(tb, NEWCOMER);
    tb.clock.set(new Date(tb.clock.now().getTime() + 5 * 3_600_000));
    await tb.tick();
    expect(await commandText(tb, 'events', INSIDER)).toContain('Secret offsite');
    const reads = tb.fake.callsTo('conversations.members').length;
    tb.clock.set(new Date(tb.clock.now().getTime() + 3_600_000));
    await tb.tick();
    expect(tb.fake.callsTo('conversations.members').length).toBeGreaterThan(reads);
    expect(await commandText(tb, 'events', INSIDER)).not.toContain('Secret offsite');
    expect(await commandText(tb, 'events', NEWCOMER)).toContain('Secret offsite');
  });
});

describe('a large private channel', () => {
  it('is read page by page with the cursor, and its last member sees the event', async () => {
    const tb = await TestBot.start();
    try {
      const crowd = Array.from({ length: 1500 }, (_, i) => `U9C${String(i).padStart(5, '0')}`);
      const last = crowd[crowd.length - 1] ?? '';
      tb.fake.declareChannel('C0LARGE1', { isPrivate: true, members: [ORG, ...crowd] });
      await tb.agree(ADMIN);
      await tb.command(`role add <@${ORG}|org> organizer`, ADMIN);
      await tb.agree(ORG);
      await createEvent(tb, ORG, { title: 'Crowded party', channel: 'C0LARGE1' });
      const pages = tb.fake.callsTo('conversations.members').filter((c) => c.args.channel === 'C0LARGE1');
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.some((c) => typeof c.args.cursor === 'string' && c.args.cursor !== '')).toBe(true);
      await tb.agree(last);
      expect(await commandText(tb, 'events', last)).toContain('Crowded party');
      await tb.agree('U9STRANGER');
      expect(await commandText(tb, 'events', 'U9STRANGER')).not.toContain('Crowded party');
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});
