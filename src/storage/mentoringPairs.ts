import type { Selectable } from 'kysely';
import { pairStatusSchema, type MentorPair, type PairStatus } from '../mentoring/types';
import { countedWithHidden } from '../stats/hidden';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

type PairRow = Selectable<Database['mentor_pairs']>;

export function toPair(row: PairRow): MentorPair {
  return {
    id: row.id,
    requestId: row.request_id,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    status: pairStatusSchema.parse(row.status),
    startedAt: new Date(row.started_at),
    nextCheckinAt: new Date(row.next_checkin_at),
  };
}

/** Counts for `stats`, of mentors whose profile all alumni may see (the service filters). */
export interface MentoringFigures {
  readonly mentors: number;
  readonly freePlaces: number;
  readonly activePairs: number;
  readonly pausedPairs: number;
  readonly endedPairs: number;
  readonly pendingRequests: number;
  readonly unmatchedRequests: number;
}

/** SQL for mentoring pairs and their check-ins; the rest of mentoring's SQL extends it. */
export class MentoringPairRepository extends StoreBacked {
  async insertPair(
    requestId: number,
    mentor: string,
    mentee: string,
    now: Date,
    firstCheckin: Date,
  ): Promise<number> {
    const { id } = await this.sql
      .insertInto('mentor_pairs')
      .values({
        request_id: requestId,
        mentor_id: mentor,
        mentee_id: mentee,
        started_at: now.toISOString(),
        next_checkin_at: firstCheckin.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async pair(id: number): Promise<MentorPair | undefined> {
    return this.rowWhere('mentor_pairs', 'id', id, toPair);
  }

  /** The member's pairs as mentor or mentee, ended ones left out. */
  async pairsOf(userId: string): Promise<MentorPair[]> {
    const rows = await this.sql
      .selectFrom('mentor_pairs')
      .selectAll()
      .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
      .where('status', '!=', 'ended')
      .orderBy('id')
      .execute();
    return rows.map(toPair);
  }

  /** Moves a pair to `to` when it is not ended; false when it was already `to` or ended. */
  async setPairStatus(id: number, to: PairStatus, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('mentor_pairs')
      .set({ status: to, ended_at: to === 'ended' ? now.toISOString() : null })
      .where('id', '=', id)
      .where('status', '!=', 'ended')
      .where('status', '!=', to)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async dueCheckins(now: Date): Promise<MentorPair[]> {
    const rows = await this.sql
      .selectFrom('mentor_pairs')
      .selectAll()
      .where('status', '!=', 'ended')
      .where('next_checkin_at', '<=', now.toISOString())
      .orderBy('id')
      .execute();
    return rows.map(toPair);
  }

  /** Moves the next check-in on, once: false when another tick already did. */
  async advanceCheckin(id: number, from: Date, to: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('mentor_pairs')
      .set({ next_checkin_at: to.toISOString() })
      .where('id', '=', id)
      .where('next_checkin_at', '=', from.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Pairs and requests by state. A pair with a hidden member (profile not visible to all, or no
   * profile), or a hidden member's request, is counted only in company (stats/hidden.ts).
   */
  async counts(): Promise<Omit<MentoringFigures, 'mentors' | 'freePlaces'>> {
    const pairs = await this.sql
      .selectFrom('mentor_pairs as p')
      .leftJoin('members as mentor', 'mentor.user_id', 'p.mentor_id')
      .leftJoin('members as mentee', 'mentee.user_id', 'p.mentee_id')
      .select(['p.status', 'mentor.visibility as a', 'mentee.visibility as b'])
      .execute();
    const requests = await this.sql
      .selectFrom('mentor_requests as r')
      .leftJoin('members as m', 'm.user_id', 'r.requester')
      .select(['r.status', 'm.visibility as a', 'm.visibility as b'])
      .execute();
    const of = (rows: { status: string; a: string | null; b: string | null }[], status: string) => {
      const rowsOf = rows.filter((row) => row.status === status);
      const visible = rowsOf.filter((row) => row.a === 'all' && row.b === 'all').length;
      return countedWithHidden({ visible, hidden: rowsOf.length - visible });
    };
    return {
      activePairs: of(pairs, 'active'),
      pausedPairs: of(pairs, 'paused'),
      endedPairs: of(pairs, 'ended'),
      pendingRequests: of(requests, 'pending'),
      unmatchedRequests: of(requests, 'unmatched'),
    };
  }
}
