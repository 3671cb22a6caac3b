import { buttons } from '../support/blocks';
import { profileValues, type ProfileFields as FormProfileFields } from '../support/forms';
import type { RecordedCall } from '../support/fakeSlack';
import { TestBot, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';

type Json = Record<string, unknown>;

export { profileValues };

/** Every button in a Block Kit tree. */
export const buttonsOf = buttons;

export const DAY = 86_400_000;
/** Monday 10:00 in Tokyo, in an even week from 2024-01-01: an intro round (with the default INTROS_CRON). */
export const ROUND_1 = '2026-11-30T01:00:00.000Z';
/** The Monday after: an odd week, no round. */
export const ODD_MONDAY = '2026-12-07T01:00:00.000Z';
export const ROUND_2 = '2026-12-14T01:00:00.000Z';

export type ProfileFields = FormProfileFields & { visibility?: 'all' | 'staff' | 'nobody' };

/** A member who agreed, saved a profile through the modal and (unless told otherwise) opted in to intros. */
export async function member(
  tb: TestBot,
  user: string,
  fields: ProfileFields & { locale?: string; intros?: boolean },
): Promise<void> {
  if (fields.locale !== undefined) tb.fake.setUser(user, { locale: fields.locale });
  await tb.agree(user);
  const saved = await tb.submit('profile.modal', profileValues(fields), user);
  if (saved.status !== 200) throw new Error(`profile not saved for ${user}: ${saved.text}`);
  if (fields.intros !== false) {
    const on = await tb.command('intros on', user);
    if (on.status !== 200) throw new Error(`intros on failed for ${user}`);
  }
}

export const postsWithPrefix = (tb: TestBot, prefix: string): RecordedCall[] =>
  tb.fake.callsTo('chat.postMessage').filter((c) => c.status === 200 && (keyOf(c) ?? '').startsWith(prefix));

/** The intro group DMs sent so far, each as its sorted members (from the outbox key). */
export function introGroups(tb: TestBot): string[][] {
  return postsWithPrefix(tb, 'intro:')
    .map((c) => (keyOf(c) ?? '').split(':').pop() ?? '')
    .map((ids) => ids.split(','))
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

export function introTo(tb: TestBot, user: string): RecordedCall | undefined {
  return postsWithPrefix(tb, 'intro:').find((c) => (keyOf(c) ?? '').includes(user));
}

export const checkinsTo = (tb: TestBot, user: string): RecordedCall[] =>
  postsWithPrefix(tb, 'intro-checkin:').filter((c) => c.args.channel === user);

/** Runs the scheduler at `at` until delivery settles. */
export async function tickAt(tb: TestBot, at: string | Date): Promise<void> {
  tb.clock.set(at);
  await tb.tick();
  await tb.tick();
}

export function textOf(call: RecordedCall | undefined): string {
  return allText(call?.args);
}

/** The last response_url body (a replaced message or an ephemeral answer). */
export function lastResponse(tb: TestBot): Json {
  return tb.fake.responses[tb.fake.responses.length - 1]?.body ?? {};
}
