import { declineProposalForm } from '../../src/slack/forms/proposalForm';
import type { RecordedCall } from '../support/fakeSlack';
import { announceValues, fillForm, profileValues, type Values } from '../support/forms';
import { ADMIN, allText, type TestBot } from '../support/testBot';
import { DAY, HOUR, eventValues } from '../events/support';

export const ORGANIZERS = 'C0ORGS001';
export const EVENTS = 'C0EVENTS1';
export const NEWS = 'C0NEWS1';
export const ORGANIZER = 'U14ORG01';
export const ORGANIZER_2 = 'U14ORG02';
export const SUPPORTER = 'U14SUP01';
export const MEMBER = 'U14MEM01';
export const ENV = { ORGANIZER_CHANNEL_ID: ORGANIZERS, EVENTS_CHANNEL_ID: EVENTS };

/** An admin, two organizers and a supporter, all agreed to the charter. */
export async function setUpRoles(tb: TestBot): Promise<void> {
  await tb.agree(ADMIN);
  for (const [user, role] of [
    [ORGANIZER, 'organizer'],
    [ORGANIZER_2, 'organizer'],
    [SUPPORTER, 'supporter'],
  ] as const) {
    await tb.command(`role add <@${user}|x> ${role}`, ADMIN);
    await tb.agree(user);
  }
  await tb.agree(MEMBER);
}

/** A profile with this visibility ('all', 'staff', 'nobody'), submitted through the form. */
export async function setVisibility(tb: TestBot, user: string, visibility: string): Promise<void> {
  await tb.submit('profile.modal', profileValues({ name: 'Sana Supporter', visibility }), user);
}

/** The event form submitted by `user` (a new event); `viewId` repeats a submission. */
export function submitEvent(tb: TestBot, user: string, title = 'Alumni picnic', viewId?: string) {
  const start = new Date(tb.clock.now().getTime() + 3 * DAY);
  const values = eventValues({
    title,
    channel: EVENTS,
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * HOUR),
  });
  return tb.submit('event.modal', values, user, '{"eventId":null}', viewId);
}

export function submitAnnouncement(tb: TestBot, user: string, text = 'Picnic on Sunday!', postAt?: Date) {
  const at = postAt ?? new Date(tb.clock.now().getTime() + HOUR);
  return tb.submit('announcement.modal', announceValues({ channel: NEWS, text, postAt: at }), user, '');
}

export function declineValues(reason: string | null): Values {
  return fillForm(declineProposalForm, { reason });
}

export async function lastProposalId(tb: TestBot): Promise<number> {
  return (await tb.row<{ id: number }>('SELECT max(id) AS id FROM supporter_proposals'))?.id ?? 0;
}

export function dmsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === user);
}

/** Every post and update in the organizers' channel. */
export function organizerCards(tb: TestBot): RecordedCall[] {
  return tb.fake.calls.filter(
    (call) =>
      (call.method === 'chat.postMessage' || call.method === 'chat.update') &&
      call.args.channel === ORGANIZERS,
  );
}

export function lastOrganizerCard(tb: TestBot): string {
  return allText(organizerCards(tb).at(-1)?.args);
}

/** The ephemeral answer to the last press. */
export function lastAnswer(tb: TestBot): string {
  return allText(tb.fake.responses.at(-1)?.body);
}

/** The event cards posted (or updated) in the events channel. */
export function eventCardTexts(tb: TestBot): string[] {
  return tb.fake.calls
    .filter(
      (call) =>
        (call.method === 'chat.postMessage' || call.method === 'chat.update') && call.args.channel === EVENTS,
    )
    .map((call) => allText(call.args));
}
