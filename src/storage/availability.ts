import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { toProfileFacts, toVisibility } from './memberRows';
import { openToSchema, type OpenToFlag } from '../members/types';
import type { TalentCandidate } from '../availability/types';
import { StoreBacked } from './storeBacked';

type AvailabilityRow = Selectable<Database['member_availability']>;
type MemberRow = Selectable<Database['members']>;

/** A flag the member holds, with its end and whether a re-ask is waiting for an answer. */
export interface HeldFlag {
  readonly flag: OpenToFlag;
  readonly since: Date;
  readonly expiresAt: Date | null;
  readonly askedAt: Date | null;
}

/** The one mapping of a member_availability row; undefined for a flag this version does not know. */
function toHeldFlag(row: AvailabilityRow): HeldFlag | undefined {
  const flag = openToSchema.safeParse(row.flag);
  if (!flag.success) return undefined;
  return {
    flag: flag.data,
    since: new Date(row.since),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    askedAt: row.asked_at === null ? null : new Date(row.asked_at),
  };
}

/** The one mapping of a member HR may see, open to coming back until `comebackUntil`. */
function toTalentCandidate(
  row: Pick<
    MemberRow,
    | 'user_id'
    | 'display_name'
    | 'title'
    | 'company'
    | 'location'
    | 'years_from'
    | 'years_to'
    | 'visibility'
    | 'last_active_at'
  >,
  comebackUntil: string,
  interests: readonly string[],
): TalentCandidate {
  return {
    userId: row.user_id,
    ...toProfileFacts(row),
    visibility: toVisibility(row.visibility),
    interests,
    comebackUntil: new Date(comebackUntil),
    lastActiveAt: row.last_active_at,
  };
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** SQL for availability that expires: lapsing, re-asking, keeping and dropping flags, and HR's talent search. */
export class AvailabilityRepository extends StoreBacked {
  /** Deletes every flag whose time is up; returns what lapsed. */
  async lapse(now: Date): Promise<{ userId: string; flag: string }[]> {
    const rows = await this.sql
      .deleteFrom('member_availability')
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', now.toISOString())
      .returning(['user_id', 'flag'])
      .execute();
    return rows.map((row) => ({ userId: row.user_id, flag: row.flag }));
  }

  /** Members with a flag lapsing by `askBy` that they have not been asked about. */
  async dueForAsk(now: Date, askBy: Date): Promise<string[]> {
    const rows = await this.sql
      .selectFrom('member_availability as a')
      .innerJoin('members as m', 'm.user_id', 'a.user_id')
      .select('a.user_id')
      .distinct()
      .where('m.agreed_at', 'is not', null)
      .where('a.asked_at', 'is', null)
      .where('a.expires_at', '>', now.toISOString())
      .where('a.expires_at', '<=', askBy.toISOString())
      .orderBy('a.user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** The member's flags lapsing by `until`, not asked about yet, soonest first. */
  async toAsk(userId: string, now: Date, until: Date): Promise<{ flag: OpenToFlag; expiresAt: Date }[]> {
    const rows = await this.sql
      .selectFrom('member_availability')
      .selectAll()
      .where('user_id', '=', userId)
      .where('asked_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .where('expires_at', '<=', until.toISOString())
      .orderBy('expires_at')
      .orderBy('flag')
      .execute();
    return rows
      .map(toHeldFlag)
      .filter(present)
      .flatMap((held) => (held.expiresAt === null ? [] : [{ flag: held.flag, expiresAt: held.expiresAt }]));
  }

  /**
   * Marks the flags as asked about at `now`, but only those still unasked and lapsing by `until`:
   * true when every one of them was marked. Two replicas planning at once both read the flags as
   * unasked, but their updates take the rows' locks in turn; the second finds them asked and marks
   * nothing. When only some were marked (another replica asked about an overlapping set, or the
   * member changed a flag meanwhile) those marks are undone and the member waits for the next tick.
   * Call inside the transaction that schedules the DM.
   */
  async markAsked(userId: string, flags: readonly OpenToFlag[], now: Date, until: Date): Promise<boolean> {
    if (flags.length === 0) return false;
    return this.store.transaction(async () => {
      const marked = await this.sql
        .updateTable('member_availability')
        .set({ asked_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('flag', 'in', [...flags])
        .where('asked_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .where('expires_at', '<=', until.toISOString())
        .returning('flag')
        .execute();
      if (marked.length === flags.length) return true;
      if (marked.length > 0)
        await this.sql
          .updateTable('member_availability')
          .set({ asked_at: null })
          .where('user_id', '=', userId)
          .where(
            'flag',
            'in',
            marked.map((row) => row.flag),
          )
          .execute();
      return false;
    });
  }

  /** Flags the member holds now, with their end and whether a re-ask is waiting for an answer. */
  async held(userId: string, now: Date): Promise<HeldFlag[]> {
    const rows = await this.sql
      .selectFrom('member_availability')
      .selectAll()
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
      .orderBy('flag')
      .execute();
    return rows.map(toHeldFlag).filter(present);
  }

  /** Extends a flag the member still holds; false if it is gone (dropped or lapsed). */
  async keep(userId: string, flag: OpenToFlag, now: Date, until: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('member_availability')
      .set({ expires_at: until.toISOString(), asked_at: null })
      .where('user_id', '=', userId)
      .where('flag', '=', flag)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async drop(userId: string, flag: OpenToFlag): Promise<boolean> {
    const result = await this.sql
      .deleteFrom('member_availability')
      .where('user_id', '=', userId)
      .where('flag', '=', flag)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Members HR may see who are open to coming back now, with their interests. */
  async talentCandidates(now: Date): Promise<TalentCandidate[]> {
    const at = now.toISOString();
    const interestRows = await this.sql
      .selectFrom('member_interests as i')
      .innerJoin('member_availability as a', (join) =>
        join.onRef('a.user_id', '=', 'i.user_id').on('a.flag', '=', 'comeback').on('a.expires_at', '>', at),
      )
      .select(['i.user_id', 'i.tag'])
      .orderBy('i.added_at')
      .orderBy('i.tag')
      .execute();
    const interests = new Map<string, string[]>();
    for (const { user_id, tag } of interestRows) {
      const list = interests.get(user_id);
      if (list === undefined) interests.set(user_id, [tag]);
      else list.push(tag);
    }
    const rows = await this.sql
      .selectFrom('members as m')
      .innerJoin('member_availability as a', (join) =>
        join.onRef('a.user_id', '=', 'm.user_id').on('a.flag', '=', 'comeback'),
      )
      .select([
        'm.user_id',
        'm.display_name',
        'm.title',
        'm.company',
        'm.location',
        'm.years_from',
        'm.years_to',
        'm.visibility',
        'm.last_active_at',
        'a.expires_at',
      ])
      .where('m.agreed_at', 'is not', null)
      .where('m.visibility', 'in', ['all', 'staff'])
      .where('a.expires_at', '>', at)
      .execute();
    return rows.flatMap((row) =>
      row.expires_at === null
        ? []
        : [toTalentCandidate(row, row.expires_at, interests.get(row.user_id) ?? [])],
    );
  }

  /** A role's title, interest tags and card channel; undefined when there is no such role. */
  async job(
    jobId: number,
  ): Promise<{ title: string; tags: string[]; cardChannel: string | null } | undefined> {
    const row = await this.sql
      .selectFrom('jobs')
      .select(['title', 'card_channel'])
      .where('id', '=', jobId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const tags = await this.sql
      .selectFrom('job_tags')
      .select('tag')
      .where('job_id', '=', jobId)
      .orderBy('tag')
      .execute();
    return { title: row.title, tags: tags.map((t) => t.tag), cardChannel: row.card_channel };
  }

  /** Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite); joins one already open. */
  immediate<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
