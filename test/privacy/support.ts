/** Helpers for the private-channel scenarios: members, items in channels, and what each member sees. */
import { createEvent } from '../events/support';
import { postJob, setUpHr } from '../jobs/support';
import { keyOf } from '../scheduler/helpers';
import type { RecordedCall } from '../support/fakeSlack';
import { ADMIN, TestBot, allText } from '../support/testBot';
import leftChannelFixture from '../fixtures/payloads/event_member_left_channel.json';
import joinedChannelFixture from '../fixtures/payloads/event_member_joined_channel.json';

export const ORG = 'U8ORG01';
export const HR = 'U8HR01';
export const INSIDER = 'U8IN01';
export const OUTSIDER = 'U8OUT01';
export const SECRET = 'C0SECRET1';
export const OPEN_EVENTS = 'C0EVENTS1';
export const OPEN_JOBS = 'C0JOBS01';
/** Thursday 19:00 Tokyo: after the Monday digest, within its 30-day horizon. */
export const EVENT_START = new Date('2026-12-03T10:00:00Z');
/** Monday 09:00 Tokyo, when the weekly digest goes out. */
export const DIGEST_TIME = '2026-11-30T00:00:00Z';

export interface World {
  secretEvent: number;
  openEvent: number;
  secretJob: number;
  openJob: number;
}

/** A member who agreed and is interested in design (every item below is tagged design). */
export async function member(tb: TestBot, user: string): Promise<void> {
  await tb.agree(user);
  await tb.command('interests add design', user);
}

/**
 * An organizer and HR, a private channel with them and INSIDER in it, and in it an event and a
 * role; the same again in public channels. OUTSIDER is in the workspace but not in the channel.
 */
export async function buildWorld(tb: TestBot, extraMembers: readonly string[] = []): Promise<World> {
  tb.fake.declareChannel(SECRET, { isPrivate: true, members: [ORG, HR, INSIDER, ...extraMembers] });
  await tb.agree(ADMIN);
  await tb.command(`role add <@${ORG}|org> organizer`, ADMIN);
  await tb.agree(ORG);
  await setUpHr(tb, HR);
  for (const user of [INSIDER, OUTSIDER, ...extraMembers]) await member(tb, user);
  const hour = 3_600_000;
  const event = (title: string, channel: string) =>
    createEvent(tb, ORG, {
      title,
      channel,
      tags: 'design',
      startsAt: EVENT_START,
      endsAt: new Date(EVENT_START.getTime() + 2 * hour),
    });
  return {
    secretEvent: await event('Secret offsite', SECRET),
    openEvent: await event('Open meetup', OPEN_EVENTS),
    secretJob: await postJob(tb, { title: 'Secret role', channel: SECRET, tags: 'design' }, HR),
    openJob: await postJob(tb, { title: 'Open role', channel: OPEN_JOBS, tags: 'design' }, HR),
  };
}

/** Everything a command showed the member: the ack body and whatever came to its response_url. */
export async function commandText(tb: TestBot, text: string, user: string): Promise<string> {
  const before = tb.fake.responses.length;
  const response = await tb.command(text, user);
  return [allText(response.json), ...tb.fake.responses.slice(before).map((r) => allText(r.body))].join('\n');
}

/** The member's App Home as last published. */
export async function homeText(tb: TestBot, user: string): Promise<string> {
  await tb.homeOpened(user);
  const calls = tb.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);
  return allText(calls[calls.length - 1]?.args.view);
}

export function digestsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && (keyOf(c) ?? '').startsWith('digest:'));
}

/** What the presser was told, ephemerally, since `from` posts to response URLs. */
export function toldSince(tb: TestBot, from: number): { text: string; ephemeral: boolean }[] {
  return tb.fake.responses
    .slice(from)
    .map((r) => ({ text: allText(r.body), ephemeral: r.body.response_type === 'ephemeral' }));
}

export function leftChannel(tb: TestBot, user: string, channel: string) {
  return tb.event({ ...leftChannelFixture.event, user, channel }, { fixture: leftChannelFixture });
}

export function joinedChannel(tb: TestBot, user: string, channel: string) {
  return tb.event({ ...joinedChannelFixture.event, user, channel }, { fixture: joinedChannelFixture });
}

export async function rsvpOf(tb: TestBot, eventId: number, user: string): Promise<string | undefined> {
  return (
    await tb.row<{ status: string }>(
      'SELECT status FROM event_rsvps WHERE event_id = ? AND user_id = ?',
      eventId,
      user,
    )
  )?.status;
}
