import type { RecordedCall } from '../support/fakeSlack';
import { TestBot, allText } from '../support/testBot';
import { lastAnswer, member, postAsk } from './support';

// Helpers of the collaboration-channel tests (issue 13 §2).

export const DAY = 86_400_000;
export const AUTHOR = 'U13CAUTH';
export const HELPER = 'U13CHELP';
export const HIDDEN = 'U13CHIDE';
export const STRANGER = 'U13CSTRN';

export type CollabRow = {
  ask_id: number;
  status: string;
  started_by: string | null;
  claim_token: string | null;
  channel_id: string | null;
  channel_name: string | null;
  intro_ts: string | null;
  last_message_at: string | null;
  heads_up_for: string | null;
  archived_at: string | null;
};

export function collabRow(tb: TestBot, askId: number): Promise<CollabRow | undefined> {
  return tb.row<CollabRow>('SELECT * FROM collab_channels WHERE ask_id = ?', askId);
}

export async function collabMembers(tb: TestBot, askId: number): Promise<string[]> {
  const rows = await tb.rows<{ user_id: string }>(
    'SELECT user_id FROM collab_members WHERE ask_id = ? ORDER BY user_id',
    askId,
  );
  return rows.map((row) => row.user_id);
}

/** Presses "Start a channel" and returns the ephemeral answer. */
export async function startChannel(tb: TestBot, user: string, value: string | number): Promise<string> {
  const before = tb.fake.responses.length;
  await tb.press('ask.channel', user, 'message', String(value));
  return tb.fake.responses.length > before ? lastAnswer(tb) : '';
}

/** The three members, an ask by AUTHOR that HELPER (and, with `hidden`, HIDDEN) responded to. */
export async function askWithResponders(
  tb: TestBot,
  options: { title?: string; hidden?: boolean; type?: 'ask' | 'offer'; kind?: string } = {},
): Promise<number> {
  await member(tb, AUTHOR, 'design');
  await member(tb, HELPER, 'design');
  await member(tb, HIDDEN, 'design', { visibility: 'nobody' });
  await member(tb, STRANGER, 'chess');
  const id = await postAsk(
    tb,
    AUTHOR,
    { title: options.title ?? 'Intro to a design agency', tags: 'design', kind: options.kind },
    options.type,
  );
  await tb.press('ask.respond', HELPER, 'message', String(id));
  if (options.hidden === true) await tb.press('ask.respond', HIDDEN, 'message', String(id));
  return id;
}

/** A member's message event in a private channel, as message.groups delivers it. */
export function channelMessage(
  tb: TestBot,
  channel: string,
  user: string,
  extra: Record<string, unknown> = {},
): Promise<unknown> {
  return tb.event({
    type: 'message',
    channel,
    channel_type: 'group',
    user,
    text: 'Any news?',
    ts: `${(tb.clock.now().getTime() / 1000).toFixed(6)}`,
    event_ts: `${(tb.clock.now().getTime() / 1000).toFixed(6)}`,
    ...extra,
  });
}

/** Slack's ts for a moment of the ManualClock. */
export const tsAt = (date: Date): string => (date.getTime() / 1000).toFixed(6);

/** Posts the bot made in a channel. */
export function postsIn(tb: TestBot, channel: string): RecordedCall[] {
  return tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
}

export function textOf(call: RecordedCall | undefined): string {
  return allText(call?.args);
}
