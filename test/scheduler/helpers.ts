import { webApi } from '@slack/bolt';
import type { ScheduleRequest } from '../../src/scheduler/types';
import type { FakeSlack, RecordedCall } from '../support/fakeSlack';
import type { TestBot } from '../support/testBot';

export const MINUTE = 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The outbox key a chat.postMessage call carried in its metadata, if any. */
export function keyOf(call: RecordedCall): string | undefined {
  const metadata = call.args.metadata;
  if (!isRecord(metadata) || metadata.event_type !== 'homecoming_outbox') return undefined;
  const payload = metadata.event_payload;
  return isRecord(payload) && typeof payload.key === 'string' ? payload.key : undefined;
}

function succeeded(call: RecordedCall): boolean {
  return call.status === 200 && isRecord(call.response) && call.response.ok === true;
}

/** chat.postMessage calls Slack accepted for this key (in one or more fakes). */
export function postsFor(key: string, ...fakes: FakeSlack[]): RecordedCall[] {
  return fakes.flatMap((fake) =>
    fake.callsTo('chat.postMessage').filter((call) => keyOf(call) === key && succeeded(call)),
  );
}

/** Every chat.postMessage call (accepted or not) for this key. */
export function attemptsFor(key: string, fake: FakeSlack): RecordedCall[] {
  return fake.callsTo('chat.postMessage').filter((call) => keyOf(call) === key);
}

/** A request due `inMs` from the bot's clock, posted to `channel`. */
export function request(
  tb: TestBot,
  key: string,
  overrides: Partial<ScheduleRequest> = {},
  inMs = MINUTE,
): ScheduleRequest {
  return {
    kind: 'test_post',
    key,
    channel: 'C0OUTBOX1',
    message: { text: `Reminder for ${key}` },
    dueAt: new Date(tb.clock.now().getTime() + inMs),
    ...overrides,
  };
}

/** Posts straight to the fake (as if an earlier process had sent it before crashing). */
export async function postAsEarlierProcess(
  fake: FakeSlack,
  channel: string,
  key: string,
  extra: { thread_ts?: string } = {},
): Promise<{ ts: string; channel: string }> {
  const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl });
  const result = await client.chat.postMessage({
    channel,
    text: `Reminder for ${key}`,
    metadata: { event_type: 'homecoming_outbox', event_payload: { key } },
    ...extra,
  });
  if (typeof result.ts !== 'string' || typeof result.channel !== 'string')
    throw new Error('fake did not answer with ts');
  return { ts: result.ts, channel: result.channel };
}

/** Leaves a row as a process that crashed between claim and send would: 'sending', claimed long ago. */
export async function simulateCrashedClaim(
  tb: TestBot,
  key: string,
  claimedAt: Date,
  claimedBy = 'otherhost/4242/0badc0de',
): Promise<void> {
  const changed = await tb.run(
    "UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE key = ?",
    claimedBy,
    claimedAt.toISOString(),
    key,
  );
  if (changed !== 1) throw new Error(`no outbox row ${key}`);
}
