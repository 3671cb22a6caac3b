import { eventForm } from '../../src/slack/forms/eventForm';
import type { RecordedCall } from '../support/fakeSlack';
import { fillForm, type Values } from '../support/forms';
import type { TestBot } from '../support/testBot';

export interface EventFields {
  title?: string;
  description?: string;
  startsAt?: Date;
  endsAt?: Date;
  place?: string;
  url?: string;
  channel?: string;
  capacity?: string;
  tags?: string;
  reminders?: string[];
}

/** view.state.values of the event modal, as Slack sends them. */
export function eventValues(fields: EventFields): Values {
  return fillForm(eventForm, { ...fields, reminders: fields.reminders ?? ['1d', '1h'] });
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Creates an event through the modal as an organizer; returns its id. */
export async function createEvent(tb: TestBot, organizer: string, fields: EventFields): Promise<number> {
  const start = fields.startsAt ?? new Date(tb.clock.now().getTime() + 3 * DAY);
  const response = await tb.submit(
    'event.modal',
    eventValues({
      title: 'Alumni meetup',
      channel: 'C0EVENTS1',
      endsAt: new Date(start.getTime() + 2 * HOUR),
      ...fields,
      startsAt: start,
    }),
    organizer,
    '{"eventId":null}',
  );
  if (
    response.status !== 200 ||
    (response.json !== null && typeof response.json === 'object' && 'response_action' in response.json)
  ) {
    throw new Error(`event not created: ${response.text}`);
  }
  const row = await tb.row<{ id: number }>('SELECT max(id) AS id FROM events');
  if (row === undefined) throw new Error('no event row');
  return row.id;
}

/** Presses an RSVP button on the event's card in the channel. */
export function pressOnCard(tb: TestBot, actionId: string, user: string, eventId: number) {
  return tb.press(actionId, user, 'message', String(eventId));
}

/** The card's post and every update of it, found by the ts stored with the event. */
export async function cardCalls(
  tb: TestBot,
  eventId: number,
  method: 'chat.postMessage' | 'chat.update',
): Promise<RecordedCall[]> {
  const card = await tb.row<{ card_ts: string | null }>('SELECT card_ts FROM events WHERE id = ?', eventId);
  const ts = card?.card_ts ?? undefined;
  return tb.fake
    .callsTo(method)
    .filter((call) =>
      method === 'chat.update'
        ? call.args.ts === ts
        : (call.response as { ts?: string } | undefined)?.ts === ts,
    );
}

export async function lastCardText(tb: TestBot, eventId: number): Promise<string> {
  const calls = [
    ...(await cardCalls(tb, eventId, 'chat.postMessage')),
    ...(await cardCalls(tb, eventId, 'chat.update')),
  ].sort((a, b) => a.at - b.at);
  return JSON.stringify(calls[calls.length - 1]?.args.blocks ?? []);
}
