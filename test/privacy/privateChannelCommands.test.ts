/**
 * Issue 9 §1, the remaining doors: an event or role whose card is in a private channel is shown
 * and managed only by members of that channel, also through `stats`, the organizer and HR commands
 * that take a number, waitlist promotion, referral updates and `announce list`. No role is exempt.
 */
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { createEvent, eventValues, HOUR } from '../events/support';
import { setUpHr, submitReferral } from '../jobs/support';
import { keyOf } from '../scheduler/helpers';
import { announceValues } from '../support/forms';
import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  EVENT_START,
  HR,
  INSIDER,
  OPEN_EVENTS,
  ORG,
  OUTSIDER,
  SECRET,
  buildWorld,
  commandText,
  leftChannel,
  rsvpOf,
  type World,
} from './support';

/** An organizer and an HR member who are not in the private channel. */
const OUT_ORG = 'U8ORGOUT';
const OUT_HR = 'U8HROUT';

describe('commands on items in a private channel', () => {
  let tb: TestBot;
  let world: World;
  beforeEach(async () => {
    tb = await TestBot.start();
    world = await buildWorld(tb);
    await tb.command(`role add <@${OUT_ORG}|o> organizer`, ADMIN);
    await tb.agree(OUT_ORG);
    await setUpHr(tb, OUT_HR);
    await tb.press('event.rsvp.going', INSIDER, 'message', String(world.secretEvent));
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  /** Runs the command and checks it was refused with `refusal` alone: nothing saved, opened, posted or uploaded. */
  async function expectRefused(text: string, user: string, refusal: string): Promise<void> {
    const before = await tb.snapshot();
    const calls = tb.fake.calls.length;
    expect(await commandText(tb, text, user)).toBe(refusal);
    expect(await tb.snapshot()).toBe(before);
    await tb.tick();
    expect(
      tb.fake.calls
        .slice(calls)
        .map((c) => c.method)
        .filter((m) => m !== 'users.info'),
    ).toEqual([]);
    expect(await tb.snapshot()).toBe(before);
  }

  it('organizers and admins outside the channel are refused event edit, cancel and attendees', async () => {
    for (const user of [OUT_ORG, ADMIN]) {
      for (const verb of ['edit', 'cancel', 'attendees']) {
        await expectRefused(`event ${verb} ${world.secretEvent}`, user, en.events.notInAudienceManage);
      }
    }
    // The same commands on the public event, and by the organizer in the channel, still work.
    expect(await commandText(tb, `event attendees ${world.openEvent}`, OUT_ORG)).toContain('Open meetup');
    expect(await commandText(tb, `event attendees ${world.secretEvent}`, ORG)).toContain(`<@${INSIDER}>`);
  });

  it('a forged edit form from an organizer outside the channel saves nothing and tells no one', async () => {
    const before = await tb.snapshot();
    const response = await tb.submit(
      'event.modal',
      eventValues({
        title: 'Not secret any more',
        channel: OPEN_EVENTS,
        startsAt: EVENT_START,
        endsAt: new Date(EVENT_START.getTime() + HOUR),
      }),
      OUT_ORG,
      JSON.stringify({ eventId: world.secretEvent }),
    );
    expect(allText(response.json)).toContain(en.events.notInAudienceManage);
    expect(await tb.snapshot()).toBe(before);
    await tb.tick();
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => (keyOf(c) ?? '').includes(':changed:'))).toEqual(
      [],
    );
  });

  it('HR and admins outside the channel are refused job close, hired, contacts, post and talent', async () => {
    for (const user of [OUT_HR, ADMIN]) {
      for (const text of [
        `job close ${world.secretJob}`,
        `job hired ${world.secretJob} <@${OUTSIDER}|o>`,
        `job contacts ${world.secretJob}`,
        `job contacts ${world.secretJob} <@${OUTSIDER}|o>`,
        `job post ${world.secretJob}`,
        `talent ${world.secretJob}`,
      ]) {
        await expectRefused(text, user, en.jobs.notInAudienceManage);
      }
    }
    expect(await commandText(tb, `talent ${world.openJob}`, OUT_HR)).not.toContain(
      en.jobs.notInAudienceManage,
    );
    const closed = await tb.commandConfirmed(`job close ${world.secretJob}`, HR);
    expect(allText(closed.json)).toBe(en.jobs.closedDone('Secret role'));
  });

  it('in Japanese: an HR member outside the channel is refused in their language', async () => {
    const JA_HR = 'U8HRJA';
    tb.fake.setUser(JA_HR, { locale: 'ja-JP' });
    await setUpHr(tb, JA_HR);
    await expectRefused(`job close ${world.secretJob}`, JA_HR, ja.jobs.notInAudienceManage);
    await tb.command(`role add <@${JA_HR}|j> organizer`, ADMIN);
    await expectRefused(`event attendees ${world.secretEvent}`, JA_HR, ja.events.notInAudienceManage);
  });

  it('stats and stats csv name private items only to members of their channel; totals count them', async () => {
    await tb.press('job.curious', INSIDER, 'message', String(world.secretJob));
    tb.clock.set(new Date(EVENT_START.getTime() + 3 * HOUR)); // both events are over
    const outside = await commandText(tb, 'stats', OUT_HR);
    expect(outside).toContain('Open role');
    expect(outside).toContain('Open meetup');
    expect(outside).not.toContain('Secret');
    const inside = await commandText(tb, 'stats', HR);
    expect(inside).toContain('Secret role');
    expect(inside).toContain('Secret offsite');

    const uploads = tb.fake.uploads.length;
    await tb.command('stats csv', OUT_HR);
    await tb.fake.waitForResponse((r) => allText(r.body).includes(en.stats.csvSent));
    const funnel = tb.fake.uploads
      .slice(uploads)
      .map((u) => u.content.toString('utf8'))
      .find((csv) => csv.includes('"job_id","title"'));
    expect(funnel).toContain('Open role');
    expect(funnel).not.toContain('Secret role');
    expect(funnel?.split('\r\n').filter((line) => line.startsWith(`"${world.secretJob}",`))).toEqual([]);

    // The overall funnel names no role: it counts the curious member of the private role for everyone.
    const curiousTotal = (text: string) => /Curious\D*(\d+)/.exec(text)?.[1];
    expect(curiousTotal(outside)).toBe('1');
    expect(curiousTotal(inside)).toBe('1');
  });

  it('an organizer outside the channel does not see an announcement scheduled into it, nor may an admin outside cancel it', async () => {
    const ack = await tb.submit(
      'announcement.modal',
      announceValues({ channel: SECRET, text: 'Secret plans', postAt: new Date('2026-11-25T01:00:00Z') }),
      ORG,
      '',
    );
    expect((ack.json as { response_action: string }).response_action).toBe('update');
    const id = (await tb.row<{ id: number }>('SELECT max(id) AS id FROM announcements'))?.id ?? 0;
    expect(await commandText(tb, 'announce list', ORG)).toContain(`#${id}`);
    expect(await commandText(tb, 'announce list', OUT_ORG)).not.toContain(`#${id}`);
    await expectRefused(`announce cancel ${id}`, ADMIN, en.announcements.notInAudienceManage);
    expect(allText((await tb.commandConfirmed(`announce cancel ${id}`, ORG)).json)).toBe(
      en.announcements.cancelled(id),
    );
  });
});

describe('messages about a private item go only to members of its channel', () => {
  const FIRST = 'U8WAIT1';
  const SECOND = 'U8WAIT2';
  let tb: TestBot;
  let world: World;
  beforeEach(async () => {
    tb = await TestBot.start();
    world = await buildWorld(tb, [FIRST, SECOND]);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a freed seat skips the first member waiting who left the channel, and goes to the next', async () => {
    const full = await createEvent(tb, ORG, {
      title: 'Small dinner',
      channel: SECRET,
      capacity: '1',
      startsAt: EVENT_START,
    });
    await tb.press('event.rsvp.going', INSIDER, 'message', String(full));
    await tb.press('event.rsvp.going', FIRST, 'message', String(full));
    await tb.press('event.rsvp.going', SECOND, 'message', String(full));
    expect([await rsvpOf(tb, full, FIRST), await rsvpOf(tb, full, SECOND)]).toEqual(['waitlist', 'waitlist']);

    tb.fake.removeChannelMember(SECRET, FIRST);
    await leftChannel(tb, FIRST, SECRET);
    await tb.press('event.rsvp.not_going', INSIDER, 'message', String(full));
    expect(await rsvpOf(tb, full, FIRST)).toBe('waitlist');
    expect(await rsvpOf(tb, full, SECOND)).toBe('going');
    await tb.tick();
    const promoted = tb.fake
      .callsTo('chat.postMessage')
      .filter((c) => (keyOf(c) ?? '').includes(':promoted:'));
    expect(promoted.map((c) => c.args.channel)).toEqual([SECOND]);
  });

  it('a referrer who left the channel is not told that their referral moved on', async () => {
    await submitReferral(tb, INSIDER, world.secretJob, { name: 'Ken', contact: 'ken@example.com' });
    const referral = (await tb.row<{ id: number }>('SELECT max(id) AS id FROM referrals'))?.id ?? 0;
    tb.fake.removeChannelMember(SECRET, INSIDER);
    await leftChannel(tb, INSIDER, SECRET);
    await tb.press('job.referral.contacted', HR, 'message', String(referral));
    await tb.tick();
    expect(
      (await tb.row<{ status: string }>('SELECT status FROM referrals WHERE id = ?', referral))?.status,
    ).toBe('contacted');
    expect(
      tb.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === INSIDER && (keyOf(c) ?? '').includes(':moved:')),
    ).toEqual([]);
  });
});
