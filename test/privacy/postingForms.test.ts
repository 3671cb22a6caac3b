/**
 * Issue 9 §1: the event, role and announcement forms post only to channels the submitter is a member of.
 * A refused channel gets an error on its field, and nothing is saved.
 */
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { createEvent, eventValues } from '../events/support';
import { jobValues, setUpHr } from '../jobs/support';
import { announceValues } from '../support/forms';
import { ADMIN, TestBot } from '../support/testBot';

const ORG = 'U8ORG01';
const ORG_JA = 'U8ORGJA';
const HR = 'U8HR01';

async function count(tb: TestBot, table: 'events' | 'jobs' | 'announcements'): Promise<number> {
  return (await tb.row<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;
}

function fieldErrors(response: { json: unknown }): Record<string, string> {
  const body = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(body?.response_action).toBe('errors');
  return body?.errors ?? {};
}

describe('the event, role and announcement forms check the submitter is in the channel', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    tb.fake.setUser(ORG_JA, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    for (const organizer of [ORG, ORG_JA]) {
      await tb.command(`role add <@${organizer}|org> organizer`, ADMIN);
      await tb.agree(organizer);
    }
    await setUpHr(tb, HR);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const submitEvent = (user: string, channel: string) => {
    const start = new Date(tb.clock.now().getTime() + 3 * 86_400_000);
    return tb.submit(
      'event.modal',
      eventValues({
        title: 'Board games',
        channel,
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
      }),
      user,
      '{"eventId":null}',
    );
  };

  it('an event in a private channel the organizer is not in: an error on the channel field, nothing saved', async () => {
    tb.fake.declareChannel('C0HRONLY1', { isPrivate: true, members: [HR] });
    const before = await tb.snapshot();
    const response = await submitEvent(ORG, 'C0HRONLY1');
    expect(fieldErrors(response)).toEqual({ 'event.channel': en.events.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
    expect(await count(tb, 'events')).toBe(0);
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0HRONLY1')).toHaveLength(0);
  });

  it('the same in a public channel the organizer is not in, in Japanese for a ja-JP organizer', async () => {
    tb.fake.declareChannel('C0CLUB01', { isPrivate: false, members: [HR] });
    const before = await tb.snapshot();
    const response = await submitEvent(ORG_JA, 'C0CLUB01');
    expect(fieldErrors(response)).toEqual({ 'event.channel': ja.events.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
  });

  it('a private channel the bot is not in: the field says to invite the bot', async () => {
    tb.fake.declareChannel('C0NOBOT01', { isPrivate: true, members: [ORG], botIsMember: false });
    const before = await tb.snapshot();
    const response = await submitEvent(ORG, 'C0NOBOT01');
    expect(fieldErrors(response)).toEqual({ 'event.channel': en.events.errors.channelUnreadable });
    expect(en.events.errors.channelUnreadable).toContain('/invite @Homecoming');
    expect(await tb.snapshot()).toBe(before);
  });

  it('when Slack cannot answer in time, the field asks to try again; nothing saved', async () => {
    tb.fake.override('conversations.info', () => ({ status: 429, headers: { 'Retry-After': '30' } }));
    const before = await tb.snapshot();
    const response = await submitEvent(ORG, 'C0BUSY01');
    expect(fieldErrors(response)).toEqual({ 'event.channel': en.events.errors.channelUnavailable });
    expect(await tb.snapshot()).toBe(before);
  });

  it('editing an event into a channel the organizer is not in is refused too; the event stays as it was', async () => {
    tb.fake.declareChannel('C0HRONLY1', { isPrivate: true, members: [HR] });
    const id = await createEvent(tb, ORG, { title: 'Board games' });
    const before = await tb.snapshot();
    const start = new Date(tb.clock.now().getTime() + 3 * 86_400_000);
    const response = await tb.submit(
      'event.modal',
      eventValues({
        title: 'Board games',
        channel: 'C0HRONLY1',
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
      }),
      ORG,
      JSON.stringify({ eventId: id }),
    );
    expect(fieldErrors(response)).toEqual({ 'event.channel': en.events.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
  });

  it('a member of the private channel may post there', async () => {
    tb.fake.declareChannel('C0ORGS01', { isPrivate: true, members: [ORG] });
    await createEvent(tb, ORG, { title: 'Organizers only', channel: 'C0ORGS01' });
    expect(await count(tb, 'events')).toBe(1);
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0ORGS01')).toHaveLength(1);
  });

  it('a role in a channel HR is not in: an error on the channel field, nothing saved', async () => {
    tb.fake.declareChannel('C0ORGS01', { isPrivate: true, members: [ORG] });
    const before = await tb.snapshot();
    const response = await tb.submit('job.modal', jobValues({ channel: 'C0ORGS01' }, HR), HR, '');
    expect(fieldErrors(response)).toEqual({ 'job.channel': en.jobs.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
    expect(await count(tb, 'jobs')).toBe(0);
  });

  const submitAnnouncement = (user: string, channel: string) =>
    tb.submit(
      'announcement.modal',
      announceValues({
        channel,
        text: 'Staff plans',
        postAt: new Date(tb.clock.now().getTime() + 86_400_000),
      }),
      user,
      '',
    );

  it('an announcement into a private channel the organizer is not in: an error on the channel field, nothing saved or posted', async () => {
    tb.fake.declareChannel('C0HRONLY1', { isPrivate: true, members: [HR] });
    const before = await tb.snapshot();
    const response = await submitAnnouncement(ORG, 'C0HRONLY1');
    expect(fieldErrors(response)).toEqual({ 'announce.channel': en.announcements.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
    expect(await count(tb, 'announcements')).toBe(0);
    tb.clock.advance(2 * 86_400_000);
    await tb.tick();
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0HRONLY1')).toHaveLength(0);
  });

  it('the same for a public channel, in Japanese for a ja-JP organizer', async () => {
    tb.fake.declareChannel('C0CLUB01', { isPrivate: false, members: [HR] });
    const before = await tb.snapshot();
    const response = await submitAnnouncement(ORG_JA, 'C0CLUB01');
    expect(fieldErrors(response)).toEqual({ 'announce.channel': ja.announcements.errors.channelNotMember });
    expect(await tb.snapshot()).toBe(before);
  });

  it('an announcement: invite the bot to a private channel it cannot see; try again when Slack does not answer', async () => {
    tb.fake.declareChannel('C0NOBOT01', { isPrivate: true, members: [ORG], botIsMember: false });
    const before = await tb.snapshot();
    expect(fieldErrors(await submitAnnouncement(ORG, 'C0NOBOT01'))).toEqual({
      'announce.channel': en.announcements.errors.channelUnreadable,
    });
    expect(en.announcements.errors.channelUnreadable).toContain('/invite @Homecoming');
    tb.fake.override('conversations.info', () => ({ status: 429, headers: { 'Retry-After': '30' } }));
    expect(fieldErrors(await submitAnnouncement(ORG, 'C0BUSY01'))).toEqual({
      'announce.channel': en.announcements.errors.channelUnavailable,
    });
    expect(await tb.snapshot()).toBe(before);
  });

  it('an organizer in the private channel may schedule an announcement there', async () => {
    tb.fake.declareChannel('C0ORGS01', { isPrivate: true, members: [ORG] });
    const response = await submitAnnouncement(ORG, 'C0ORGS01');
    expect((response.json as { response_action?: string }).response_action).toBe('update');
    expect(await count(tb, 'announcements')).toBe(1);
  });
});
