import { askForm } from '../../src/slack/forms/askForm';
import { buttons } from '../support/blocks';
import type { RecordedCall } from '../support/fakeSlack';
import { fillForm, profileValues, type Values } from '../support/forms';
import { TestBot, allText } from '../support/testBot';

type Json = Record<string, unknown>;

export { buttons };

export const ASKS_CHANNEL = 'C0ASKS01';
export const DAY = 86_400_000;

export interface AskFields {
  /** null: nothing chosen. */
  kind?: string | null;
  title?: string;
  details?: string;
  tags?: string;
  audience?: string | null;
  days?: string | null;
}

/** view.state.values of the ask/offer modal, as Slack sends them. */
export function askValues(fields: AskFields = {}): Values {
  const chosen = (value: string | null | undefined, fallback: string) =>
    value === undefined ? fallback : value;
  return fillForm(askForm, {
    ...fields,
    kind: chosen(fields.kind, 'introduction'),
    title: fields.title ?? 'An introduction to someone at Acme',
    audience: chosen(fields.audience, 'all'),
    days: chosen(fields.days, '30'),
  });
}

/** A member who agreed and saved a profile with these interests and visibility. */
export async function member(
  tb: TestBot,
  user: string,
  interests: string,
  options: {
    visibility?: 'all' | 'staff' | 'nobody';
    locale?: 'en-US' | 'ja-JP';
    name?: string;
    /** "Open to" flags ticked on the profile. */
    openTo?: string[];
  } = {},
): Promise<void> {
  if (options.locale !== undefined) tb.fake.setUser(user, { locale: options.locale });
  await tb.agree(user);
  const saved = await tb.submit(
    'profile.modal',
    profileValues({
      name: options.name ?? `Member ${user}`,
      from: '2015',
      interests,
      visibility: options.visibility ?? 'all',
      ...(options.openTo === undefined ? {} : { openTo: options.openTo }),
    }),
    user,
  );
  if (saved.status !== 200) throw new Error(`profile not saved for ${user}: ${saved.text}`);
}

/** Submits the form; `viewId` names the view for replays. */
export function submitAsk(
  tb: TestBot,
  user: string,
  fields: AskFields = {},
  type: 'ask' | 'offer' = 'ask',
  viewId?: string,
) {
  return tb.submit('ask.modal', askValues(fields), user, JSON.stringify({ type }), viewId);
}

/** Posts an item through the form; returns its id. */
export async function postAsk(
  tb: TestBot,
  user: string,
  fields: AskFields = {},
  type: 'ask' | 'offer' = 'ask',
): Promise<number> {
  const response = await submitAsk(tb, user, fields, type);
  if (response.status !== 200 || (response.json !== null && typeof response.json === 'object')) {
    throw new Error(`ask not posted: ${response.text}`);
  }
  const row = await tb.row<{ id: number | null }>('SELECT max(id) AS id FROM asks WHERE author = ?', user);
  if (row === undefined || row.id === null) throw new Error('no ask row');
  return Number(row.id);
}

export function askRow(tb: TestBot, id: number): Promise<Json | undefined> {
  return tb.row<Json>('SELECT * FROM asks WHERE id = ?', id);
}

export async function responseRows(tb: TestBot, id: number): Promise<{ user_id: string; thanked: number }[]> {
  const rows = await tb.rows<{ user_id: string; thanked: number | string }>(
    'SELECT user_id, thanked FROM ask_responses WHERE ask_id = ? ORDER BY responded_at, user_id',
    id,
  );
  return rows.map((row) => ({ user_id: row.user_id, thanked: Number(row.thanked) }));
}

/** The card's post, found by the ts stored with the item, and its updates. */
export async function cardCalls(
  tb: TestBot,
  id: number,
  method: 'chat.postMessage' | 'chat.update',
): Promise<RecordedCall[]> {
  const ts = (await askRow(tb, id))?.card_ts;
  return tb.fake
    .callsTo(method)
    .filter((call) =>
      method === 'chat.update'
        ? call.args.ts === ts
        : (call.response as { ts?: string } | undefined)?.ts === ts,
    );
}

/** The text of the card as it stands: its last update, or its post. */
export async function cardText(tb: TestBot, id: number): Promise<string> {
  const last =
    (await cardCalls(tb, id, 'chat.update')).pop() ?? (await cardCalls(tb, id, 'chat.postMessage'))[0];
  return allText(last?.args);
}

/** chat.postMessage calls to the member's DM. */
export function dmsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === user);
}

/** chat.postMessage calls to group DMs (the fake names them G + the members' ids). */
export function groupPosts(tb: TestBot): RecordedCall[] {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((call) => typeof call.args.channel === 'string' && call.args.channel.startsWith('G'));
}

/** The ephemeral answer to the last button press (its response_url post). */
export function lastAnswer(tb: TestBot): string {
  return allText(tb.fake.responses.at(-1)?.body);
}

/** The view of the last views.open call. */
export function openedView(tb: TestBot): {
  callback_id: string;
  private_metadata: string;
  blocks: Json[];
  title: { text: string };
} {
  const view = tb.fake.callsTo('views.open').pop()?.args.view;
  if (typeof view !== 'object' || view === null) throw new Error('no views.open call');
  return view as { callback_id: string; private_metadata: string; blocks: Json[]; title: { text: string } };
}

/** Rows in the outbox whose key starts with the prefix. */
export async function outboxKeys(tb: TestBot, prefix: string): Promise<string[]> {
  // Filtered here rather than by LIKE, so that no character of the prefix is a wildcard.
  const rows = await tb.rows<{ key: string }>('SELECT key FROM outbox ORDER BY id');
  return rows.map((row) => row.key).filter((key) => key.startsWith(prefix));
}
