import type { Selectable } from 'kysely';
export type { MentoringFigures } from './mentoringPairs';
import {
  availabilitySchema,
  requestStatusSchema,
  type MentorAvailability,
  type MentorOffer,
  type MentorRequest,
} from '../mentoring/types';
import { MentoringPairRepository, toPair } from './mentoringPairs';
import type { Database } from './schema';

type OfferRow = Selectable<Database['mentor_offers']>;
type RequestRow = Selectable<Database['mentor_requests']>;

function toRequest(row: RequestRow): MentorRequest {
  return {
    id: row.id,
    requester: row.requester,
    goal: row.goal,
    tags: row.tags === '' ? [] : row.tags.split(','),
    status: requestStatusSchema.parse(row.status),
    currentMentor: row.current_mentor,
    askedAt: row.asked_at === null ? null : new Date(row.asked_at),
    createdAt: new Date(row.created_at),
  };
}

/** What a change to an offer sets; undefined leaves it as it is. */
export interface OfferChange {
  readonly topics?: readonly string[];
  readonly capacity?: number;
  readonly availability?: MentorAvailability;
}

/** SQL for mentors' offers, requests for a mentor, the mentors they go to, and the pairs formed. */
export class MentoringRepository extends MentoringPairRepository {
  private async withTopics(rows: readonly OfferRow[]): Promise<MentorOffer[]> {
    if (rows.length === 0) return [];
    const topics = await this.sql
      .selectFrom('mentor_topics')
      .select(['user_id', 'tag'])
      .where(
        'user_id',
        'in',
        rows.map((row) => row.user_id),
      )
      .orderBy('tag')
      .execute();
    return rows.map((row) => ({
      userId: row.user_id,
      topics: topics.filter((t) => t.user_id === row.user_id).map((t) => t.tag),
      capacity: Number(row.capacity),
      availability: availabilitySchema.catch('closed').parse(row.availability),
      activeCount: Number(row.active_count),
    }));
  }

  async offer(userId: string): Promise<MentorOffer | undefined> {
    const rows = await this.sql
      .selectFrom('mentor_offers')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    return (await this.withTopics(rows))[0];
  }

  /** Creates or changes a member's offer (topics replaced when given). */
  async saveOffer(
    userId: string,
    change: OfferChange,
    defaults: { capacity: number },
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    await this.store.transaction(async () => {
      await this.sql
        .insertInto('mentor_offers')
        .values({
          user_id: userId,
          capacity: change.capacity ?? defaults.capacity,
          availability: change.availability ?? 'open',
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            updated_at: at,
            ...(change.capacity === undefined ? {} : { capacity: change.capacity }),
            ...(change.availability === undefined ? {} : { availability: change.availability }),
          }),
        )
        .execute();
      if (change.topics === undefined) return;
      await this.sql.deleteFrom('mentor_topics').where('user_id', '=', userId).execute();
      const tags = [...new Set(change.topics)];
      if (tags.length > 0)
        await this.sql
          .insertInto('mentor_topics')
          .values(tags.map((tag) => ({ user_id: userId, tag })))
          .execute();
    });
  }

  /** Offers, not closed and with a free place, that share at least one of these topics. */
  async withFreePlaces(tags: readonly string[]): Promise<MentorOffer[]> {
    if (tags.length === 0) return [];
    const rows = await this.sql
      .selectFrom('mentor_offers')
      .selectAll()
      .where('availability', '!=', 'closed')
      .whereRef('active_count', '<', 'capacity')
      .where('user_id', 'in', (qb) =>
        qb
          .selectFrom('mentor_topics')
          .select('user_id')
          .where('tag', 'in', [...tags]),
      )
      .orderBy('user_id')
      .execute();
    return this.withTopics(rows);
  }

  /** Takes one of the mentor's places; false when none is free (a conditional update: no over-booking). */
  async takePlace(mentor: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('mentor_offers')
      .set((eb) => ({ active_count: eb('active_count', '+', 1) }))
      .where('user_id', '=', mentor)
      .whereRef('active_count', '<', 'capacity')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async freePlace(mentor: string): Promise<void> {
    await this.sql
      .updateTable('mentor_offers')
      .set((eb) => ({ active_count: eb('active_count', '-', 1) }))
      .where('user_id', '=', mentor)
      .where('active_count', '>', 0)
      .execute();
  }

  async insertRequest(
    requester: string,
    goal: string,
    tags: readonly string[],
    mentors: readonly string[],
    now: Date,
  ): Promise<number> {
    return this.store.transaction(async () => {
      const { id } = await this.sql
        .insertInto('mentor_requests')
        .values({ requester, goal, tags: tags.join(','), created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.sql
        .insertInto('mentor_candidates')
        .values(mentors.map((mentor_id, position) => ({ request_id: id, position, mentor_id })))
        .execute();
      return id;
    });
  }

  async request(id: number): Promise<MentorRequest | undefined> {
    return this.rowWhere('mentor_requests', 'id', id, toRequest);
  }

  async requestsOf(requester: string): Promise<MentorRequest[]> {
    const rows = await this.sql
      .selectFrom('mentor_requests')
      .selectAll()
      .where('requester', '=', requester)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRequest);
  }

  /** Requests waiting on this mentor now. */
  async waitingOn(mentor: string): Promise<MentorRequest[]> {
    const rows = await this.sql
      .selectFrom('mentor_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('current_mentor', '=', mentor)
      .orderBy('id')
      .execute();
    return rows.map(toRequest);
  }

  /** The next suggested mentor not yet asked, in order. */
  async nextWaiting(requestId: number): Promise<string | undefined> {
    const row = await this.sql
      .selectFrom('mentor_candidates')
      .select('mentor_id')
      .where('request_id', '=', requestId)
      .where('outcome', '=', 'waiting')
      .orderBy('position')
      .executeTakeFirst();
    return row?.mentor_id;
  }

  async candidates(requestId: number): Promise<{ mentorId: string; outcome: string }[]> {
    const rows = await this.sql
      .selectFrom('mentor_candidates')
      .select(['mentor_id', 'outcome'])
      .where('request_id', '=', requestId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({ mentorId: row.mentor_id, outcome: row.outcome }));
  }

  /** Ends a candidate's turn (from `from`); false when it was not in that state (a second press). */
  async setOutcome(requestId: number, mentor: string, from: string, to: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('mentor_candidates')
      .set({ outcome: to })
      .where('request_id', '=', requestId)
      .where('mentor_id', '=', mentor)
      .where('outcome', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The request now waits on `mentor` (or on nobody, null), asked at `askedAt`. */
  async setCurrent(requestId: number, mentor: string | null, askedAt: Date | null): Promise<void> {
    await this.sql
      .updateTable('mentor_requests')
      .set({ current_mentor: mentor, asked_at: askedAt === null ? null : askedAt.toISOString() })
      .where('id', '=', requestId)
      .where('status', '=', 'pending')
      .execute();
  }

  async closeRequest(requestId: number, status: 'accepted' | 'unmatched', now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('mentor_requests')
      .set({ status, closed_at: now.toISOString(), current_mentor: null })
      .where('id', '=', requestId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Pending requests whose mentor was asked before `cutoff`, or that wait on nobody. */
  async dueHandOns(cutoff: Date): Promise<MentorRequest[]> {
    const rows = await this.sql
      .selectFrom('mentor_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('current_mentor', 'is', null), eb('asked_at', '<=', cutoff.toISOString())]))
      .orderBy('id')
      .execute();
    return rows.map(toRequest);
  }

  /** Every offer, for the counts (the service keeps only visible mentors). */
  async allOffers(): Promise<MentorOffer[]> {
    return this.withTopics(await this.sql.selectFrom('mentor_offers').selectAll().execute());
  }

  async exportMember(userId: string): Promise<unknown> {
    return {
      offer: await this.offer(userId),
      requests: await this.requestsOf(userId),
      askedToMentor: await this.sql
        .selectFrom('mentor_candidates')
        .select(['request_id', 'outcome', 'asked_at'])
        .where('mentor_id', '=', userId)
        .execute(),
      pairs: (
        await this.sql
          .selectFrom('mentor_pairs')
          .selectAll()
          .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
          .execute()
      ).map(toPair),
    };
  }

  /**
   * Erasure (inside the privacy transaction): the member's offer, requests, turns as a suggested
   * mentor and pairs go. A mentee's place with a mentor is freed; a request that waited on the
   * member waits on nobody, so the planner hands it on. Returns the outbox keys' ids to forget.
   */
  async eraseMember(userId: string): Promise<{
    requests: { id: number; mentors: string[] }[];
    asked: number[];
    pairs: number[];
  }> {
    const requests = (await this.requestsOf(userId)).map((request) => request.id);
    const suggested = await Promise.all(
      requests.map(async (id) => ({
        id,
        mentors: (await this.candidates(id)).map((candidate) => candidate.mentorId),
      })),
    );
    const asked = (
      await this.sql
        .selectFrom('mentor_candidates')
        .select('request_id')
        .where('mentor_id', '=', userId)
        .execute()
    ).map((row) => row.request_id);
    const pairs = await this.sql
      .selectFrom('mentor_pairs')
      .selectAll()
      .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
      .execute();
    for (const pair of pairs)
      if (pair.mentee_id === userId && pair.status !== 'ended') await this.freePlace(pair.mentor_id);
    await this.sql
      .deleteFrom('mentor_pairs')
      .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
      .execute();
    await this.sql
      .updateTable('mentor_requests')
      .set({ current_mentor: null, asked_at: null })
      .where('current_mentor', '=', userId)
      .execute();
    await this.sql.deleteFrom('mentor_candidates').where('mentor_id', '=', userId).execute();
    if (requests.length > 0)
      await this.sql.deleteFrom('mentor_candidates').where('request_id', 'in', requests).execute();
    await this.sql.deleteFrom('mentor_requests').where('requester', '=', userId).execute();
    await this.sql.deleteFrom('mentor_topics').where('user_id', '=', userId).execute();
    await this.sql.deleteFrom('mentor_offers').where('user_id', '=', userId).execute();
    return { requests: suggested, asked, pairs: pairs.map((pair) => pair.id) };
  }
}
