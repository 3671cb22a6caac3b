/** Digest rows as read, and the one function per table that turns them into domain values. */
import type { Selectable } from 'kysely';
import type { Database } from './schema';
import {
  digestFrequencySchema,
  type DigestEvent,
  type DigestFrequency,
  type DigestJob,
} from '../digests/types';

type JobRow = Pick<
  Selectable<Database['jobs']>,
  | 'id'
  | 'title'
  | 'team'
  | 'location'
  | 'work_style'
  | 'employment_type'
  | 'apply_url'
  | 'created_at'
  | 'card_channel'
>;
type EventRow = Pick<
  Selectable<Database['events']>,
  'id' | 'title' | 'starts_at' | 'ends_at' | 'place' | 'url' | 'channel'
>;
type RunRow = Pick<
  Selectable<Database['digest_runs']>,
  'id' | 'run_key' | 'started_by' | 'recipients' | 'nothing_new'
>;

/** A finished manual run still to be reported to whoever started it. */
export interface ManualRun {
  readonly id: number;
  readonly runKey: string;
  readonly startedBy: string;
  readonly recipients: number;
  readonly nothingNew: number;
}

export function toFrequency(
  row: Pick<Selectable<Database['digest_prefs']>, 'frequency'>,
): DigestFrequency | undefined {
  const parsed = digestFrequencySchema.safeParse(row.frequency);
  return parsed.success ? parsed.data : undefined;
}

export function toJob(row: JobRow, tags: readonly string[]): DigestJob {
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    location: row.location,
    workStyle: row.work_style,
    employmentType: row.employment_type,
    applyUrl: row.apply_url,
    tags,
    createdAt: row.created_at,
    channel: row.card_channel,
  };
}

/** `channel` is where the card is (the card's channel when it was posted, else the event's own). */
export function toEvent(row: EventRow, tags: readonly string[]): DigestEvent {
  return {
    id: row.id,
    title: row.title,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    place: row.place,
    url: row.url,
    tags,
    channel: row.channel,
  };
}

/** Undefined for a run nobody started (a scheduled one, or one whose starter erased their data). */
export function toManualRun(row: RunRow): ManualRun | undefined {
  if (row.started_by === null) return undefined;
  return {
    id: row.id,
    runKey: row.run_key,
    startedBy: row.started_by,
    recipients: Number(row.recipients),
    nothingNew: Number(row.nothing_new),
  };
}

export function grouped<K, V>(rows: readonly { key: K; value: V }[]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const { key, value } of rows) {
    const list = out.get(key);
    if (list === undefined) out.set(key, [value]);
    else list.push(value);
  }
  return out;
}

export function addTo(map: Map<string, Set<number>>, user: string, id: number): void {
  const set = map.get(user);
  if (set === undefined) map.set(user, new Set([id]));
  else set.add(id);
}
