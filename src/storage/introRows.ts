/** Intro rows as read, and the one function per table that turns them into domain values. */
import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { toProfileFacts, toVisibility } from './memberRows';
import {
  introAnswerSchema,
  type IntroAnswer,
  type IntroPerson,
  type IntroSetting,
  type MeetStats,
} from '../intros/types';

type PrefsRow = Pick<Selectable<Database['intro_prefs']>, 'status' | 'snoozed_until'>;
type PersonRow = Pick<
  Selectable<Database['members']>,
  'user_id' | 'display_name' | 'title' | 'company' | 'location' | 'years_from' | 'years_to' | 'visibility'
>;
type RoundRow = Pick<Selectable<Database['intro_rounds']>, 'id' | 'round_key' | 'due_at'>;

/** What the privacy export shows of a member's intros. */
export interface IntroExport {
  readonly setting: IntroSetting;
  readonly snoozedUntil: string | null;
  readonly intros: {
    round: string;
    partners: string[];
    answer: IntroAnswer | null;
    answeredAt: string | null;
  }[];
}

/** Answers to "Did you meet?" over every round (MeetStats without the rate). */
export type MeetCounts = Omit<MeetStats, 'rate'>;

/** No row: the member never opted in (intros are opt-in). */
export function toPrefs(row: PrefsRow | undefined): { setting: IntroSetting; snoozedUntil: Date | null } {
  if (row === undefined) return { setting: 'never', snoozedUntil: null };
  return {
    setting: row.status === 'on' ? 'on' : 'off',
    snoozedUntil: row.snoozed_until === null ? null : new Date(row.snoozed_until),
  };
}

export function toPerson(row: PersonRow): IntroPerson {
  return {
    userId: row.user_id,
    visibility: toVisibility(row.visibility),
    ...toProfileFacts(row),
  };
}

export function toRound(row: RoundRow): { id: number; roundKey: string; dueAt: Date } {
  return { id: row.id, roundKey: row.round_key, dueAt: new Date(row.due_at) };
}

export function toAnswer(answer: string | null): IntroAnswer | null {
  return answer === null ? null : introAnswerSchema.catch('skip').parse(answer);
}

/**
 * Rows of (one membership, one partner), ordered by membership: each membership with its partners,
 * in that order. A LEFT JOIN gives a membership without partners one row with partner null.
 */
export function withPartners<R extends { member_id: number; partner: string | null }>(
  rows: readonly R[],
): { row: R; partners: string[] }[] {
  const out: { row: R; partners: string[] }[] = [];
  for (const row of rows) {
    let current = out[out.length - 1];
    if (current === undefined || current.row.member_id !== row.member_id) {
      current = { row, partners: [] };
      out.push(current);
    }
    if (row.partner !== null) current.partners.push(row.partner);
  }
  return out;
}
