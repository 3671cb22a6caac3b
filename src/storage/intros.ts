import { sql as rawSql } from 'kysely';
import { CHUNK } from './chunks';
import type { IntroAnswer, IntroPerson, IntroSetting } from '../intros/types';
import {
  toAnswer,
  toPerson,
  toPrefs,
  toRound,
  withPartners,
  type IntroExport,
  type MeetCounts,
} from './introRows';
import { StoreBacked } from './storeBacked';

/** SQL for intros: preferences, rounds, groups, answers, and who is eligible. */
export class IntroRepository extends StoreBacked {
  async prefs(userId: string): Promise<{ setting: IntroSetting; snoozedUntil: Date | null }> {
    const row = await this.sql
      .selectFrom('intro_prefs')
      .select(['status', 'snoozed_until'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return toPrefs(row);
  }

  async setPrefs(userId: string, status: 'on' | 'off', snoozedUntil: Date | null, now: Date): Promise<void> {
    await this.sql
      .insertInto('intro_prefs')
      .values({
        user_id: userId,
        status,
        snoozed_until: snoozedUntil?.toISOString() ?? null,
        updated_at: now.toISOString(),
      })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          snoozed_until: eb.ref('excluded.snoozed_until'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /**
   * Members an intro round at `at` may pair, with their interests (two queries, whatever the size):
   * opted in, agreed, not snoozed at `at`, and active since `activeSince` (used the bot or answered
   * an event).
   */
  async eligible(at: Date, activeSince: Date): Promise<{ userId: string; tags: string[] }[]> {
    const tags = new Map<string, string[]>();
    const interestRows = await this.sql
      .selectFrom('member_interests as i')
      .innerJoin('intro_prefs as p', 'p.user_id', 'i.user_id')
      .select(['i.user_id', 'i.tag'])
      .where('p.status', '=', 'on')
      .orderBy('i.added_at')
      .orderBy('i.tag')
      .execute();
    for (const { user_id, tag } of interestRows) {
      const list = tags.get(user_id);
      if (list === undefined) tags.set(user_id, [tag]);
      else list.push(tag);
    }
    const since = activeSince.toISOString();
    const rows = await this.sql
      .selectFrom('members as m')
      .innerJoin('intro_prefs as p', 'p.user_id', 'm.user_id')
      .select('m.user_id')
      .where('m.agreed_at', 'is not', null)
      .where('p.status', '=', 'on')
      .where((eb) =>
        eb.or([eb('p.snoozed_until', 'is', null), eb('p.snoozed_until', '<=', at.toISOString())]),
      )
      .where((eb) =>
        eb.or([
          eb('m.last_active_at', '>=', since),
          eb.exists(
            eb
              .selectFrom('event_rsvps as r')
              .select('r.user_id')
              .whereRef('r.user_id', '=', 'm.user_id')
              .where('r.responded_at', '>=', since),
          ),
        ]),
      )
      .execute();
    return rows.map(({ user_id }) => ({ userId: user_id, tags: tags.get(user_id) ?? [] }));
  }

  /** What intros may say about these members: one query per few hundred. */
  async people(userIds: readonly string[]): Promise<IntroPerson[]> {
    const unique = [...new Set(userIds)];
    const people: IntroPerson[] = [];
    for (let offset = 0; offset < unique.length; offset += CHUNK) {
      const rows = await this.sql
        .selectFrom('members')
        .select([
          'user_id',
          'display_name',
          'title',
          'company',
          'location',
          'years_from',
          'years_to',
          'visibility',
        ])
        .where('user_id', 'in', unique.slice(offset, offset + CHUNK))
        .execute();
      people.push(...rows.map(toPerson));
    }
    return people;
  }

  /** The round (created if new); `completed` once every group has been planned. */
  async openRound(roundKey: string, dueAt: Date, now: Date): Promise<{ id: number; completed: boolean }> {
    await this.sql
      .insertInto('intro_rounds')
      .values({ round_key: roundKey, due_at: dueAt.toISOString(), planned_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('round_key').doNothing())
      .execute();
    const row = await this.sql
      .selectFrom('intro_rounds')
      .select(['id', 'completed_at'])
      .where('round_key', '=', roundKey)
      .executeTakeFirst();
    if (row === undefined) throw new Error(`intro round ${roundKey} vanished`);
    return { id: row.id, completed: row.completed_at !== null };
  }

  async membersInRound(roundId: number): Promise<Set<string>> {
    const rows = await this.sql
      .selectFrom('intro_members')
      .select('user_id')
      .where('round_id', '=', roundId)
      .where('user_id', 'is not', null)
      .execute();
    return new Set(rows.flatMap((row) => row.user_id ?? []));
  }

  /**
   * Pairs from the last `rounds` rounds due at or before `before`, other than `exceptRoundId` (the
   * round being planned): a round an admin ran by hand at the same instant counts as recent too.
   */
  async recentPairs(before: Date, rounds: number, exceptRoundId?: number): Promise<[string, string][]> {
    // Erased members (NULL) pair with nobody, so they drop out of the history by themselves.
    const rows = await this.sql
      .selectFrom('intro_members as a')
      .innerJoin('intro_members as b', (join) =>
        join.onRef('b.group_id', '=', 'a.group_id').onRef('a.user_id', '<', 'b.user_id'),
      )
      .select(['a.user_id as a', 'b.user_id as b'])
      .where('a.round_id', 'in', (eb) =>
        eb
          .selectFrom('intro_rounds')
          .select('id')
          .where('due_at', '<=', before.toISOString())
          .$if(exceptRoundId !== undefined, (query) => query.where('id', '<>', exceptRoundId ?? 0))
          .orderBy('due_at', 'desc')
          .orderBy('id', 'desc')
          .limit(rounds),
      )
      .execute();
    return rows.flatMap(({ a, b }): [string, string][] => (a === null || b === null ? [] : [[a, b]]));
  }

  /**
   * Holds the round's row until the end of the caller's transaction, so that two processes planning
   * the same round take turns batch by batch instead of interleaving (on Postgres two batches that
   * took overlapping members in different orders would deadlock). SQLite's BEGIN IMMEDIATE already
   * serializes; the update changes nothing.
   */
  async lockRound(roundId: number): Promise<void> {
    await this.sql
      .updateTable('intro_rounds')
      .set((eb) => ({ planned_at: eb.ref('planned_at') }))
      .where('id', '=', roundId)
      .execute();
  }

  /**
   * Records a group of the round with its members, all or nothing: undefined (and nothing written)
   * when one of them is already in a group of this round, placed by another process meanwhile.
   * The unique key on (round, member) decides, even against a transaction not yet committed (Postgres
   * waits for it); a savepoint undoes the group when a member was taken. Joins the caller's
   * transaction, if any.
   */
  async addGroup(roundId: number, members: readonly string[], now: Date): Promise<number | undefined> {
    return this.store.transaction(async () => {
      await rawSql`savepoint intro_group`.execute(this.sql);
      const group = await this.sql
        .insertInto('intro_groups')
        .values({ round_id: roundId, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const placed = await this.sql
        .insertInto('intro_members')
        .values(members.map((userId) => ({ group_id: group.id, round_id: roundId, user_id: userId })))
        .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
        .executeTakeFirst();
      const complete = Number(placed.numInsertedOrUpdatedRows ?? 0) === members.length;
      if (!complete) await rawSql`rollback to savepoint intro_group`.execute(this.sql);
      await rawSql`release savepoint intro_group`.execute(this.sql);
      return complete ? group.id : undefined;
    });
  }

  async completeRound(
    roundId: number,
    leftOut: number,
    now: Date,
  ): Promise<{ groups: number; members: number }> {
    const row = await this.sql
      .updateTable('intro_rounds')
      .set((eb) => ({
        completed_at: eb.fn.coalesce('completed_at', eb.val(now.toISOString())),
        left_out: leftOut,
        group_count: eb
          .selectFrom('intro_groups')
          .select((count) => count.fn.countAll<number>().as('n'))
          .where('round_id', '=', roundId),
        member_count: eb
          .selectFrom('intro_members')
          .select((count) => count.fn.countAll<number>().as('n'))
          .where('round_id', '=', roundId),
      }))
      .where('id', '=', roundId)
      .returning(['group_count', 'member_count'])
      .executeTakeFirst();
    return { groups: Number(row?.group_count ?? 0), members: Number(row?.member_count ?? 0) };
  }

  async roundsForCheckins(dueBefore: Date): Promise<{ id: number; roundKey: string; dueAt: Date }[]> {
    const rows = await this.sql
      .selectFrom('intro_rounds')
      .select(['id', 'round_key', 'due_at'])
      .where('completed_at', 'is not', null)
      .where('checkins_planned_at', 'is', null)
      .where('due_at', '<=', dueBefore.toISOString())
      .orderBy('due_at')
      .execute();
    return rows.map(toRound);
  }

  /**
   * Who gets "Did you meet?" and about whom: only members who still have intros on, and only about
   * partners who did not erase their data. One query for the round.
   */
  async checkinTargets(roundId: number): Promise<{ groupId: number; userId: string; partners: string[] }[]> {
    const rows = await this.sql
      .selectFrom('intro_members as m')
      .innerJoin('intro_prefs as p', 'p.user_id', 'm.user_id')
      .leftJoin('intro_members as o', (join) =>
        join
          .onRef('o.group_id', '=', 'm.group_id')
          .on('o.user_id', 'is not', null)
          .onRef('o.user_id', '<>', 'm.user_id'),
      )
      .select(['m.id as member_id', 'm.group_id', 'm.user_id', 'o.user_id as partner'])
      .where('m.round_id', '=', roundId)
      .where('p.status', '=', 'on')
      .orderBy('m.id')
      .orderBy('o.user_id')
      .execute();
    return withPartners(rows).flatMap(({ row, partners }) =>
      row.user_id === null ? [] : [{ groupId: row.group_id, userId: row.user_id, partners }],
    );
  }

  async markCheckinsPlanned(roundId: number, now: Date): Promise<void> {
    await this.sql
      .updateTable('intro_rounds')
      .set({ checkins_planned_at: now.toISOString() })
      .where('id', '=', roundId)
      .where('checkins_planned_at', 'is', null)
      .execute();
  }

  /** When the member's group was introduced; undefined if they are not in that group. */
  async membership(groupId: number, userId: string): Promise<{ dueAt: Date } | undefined> {
    const row = await this.sql
      .selectFrom('intro_members as m')
      .innerJoin('intro_rounds as r', 'r.id', 'm.round_id')
      .select('r.due_at')
      .where('m.group_id', '=', groupId)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : { dueAt: new Date(row.due_at) };
  }

  async answer(groupId: number, userId: string, answer: IntroAnswer, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('intro_members')
      .set({ answer, answered_at: now.toISOString() })
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async meetStats(): Promise<MeetCounts> {
    const rounds = await this.sql
      .selectFrom('intro_rounds')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('completed_at', 'is not', null)
      .executeTakeFirst();
    const row = await this.sql
      .selectFrom('intro_members')
      .select((eb) => {
        const answered = (answer: IntroAnswer) =>
          eb.fn.sum<number | null>(eb.case().when('answer', '=', answer).then(1).else(0).end());
        return [
          eb.fn.countAll<number>().as('introduced'),
          answered('yes').as('yes'),
          answered('not_yet').as('not_yet'),
          answered('skip').as('skip'),
        ];
      })
      .executeTakeFirst();
    return {
      rounds: Number(rounds?.n ?? 0),
      introduced: Number(row?.introduced ?? 0),
      yes: Number(row?.yes ?? 0),
      notYet: Number(row?.not_yet ?? 0),
      skip: Number(row?.skip ?? 0),
    };
  }

  async exportMember(userId: string): Promise<IntroExport> {
    const prefs = await this.prefs(userId);
    const rows = await this.roundsOf(userId)
      .select(['m.id as member_id', 'r.due_at', 'm.answer', 'm.answered_at', 'o.user_id as partner'])
      .orderBy('r.due_at')
      .orderBy('m.id')
      .orderBy('o.user_id')
      .execute();
    return {
      setting: prefs.setting,
      snoozedUntil: prefs.snoozedUntil?.toISOString() ?? null,
      intros: withPartners(rows).map(({ row, partners }) => ({
        round: row.due_at,
        partners,
        answer: toAnswer(row.answer),
        answeredAt: row.answered_at,
      })),
    };
  }

  /** Every (round, partner) the member was introduced to: their check-in DMs name the member. */
  async partnersByRound(userId: string): Promise<{ roundKey: string; partner: string }[]> {
    const rows = await this.roundsOf(userId).select(['r.round_key', 'o.user_id as partner']).execute();
    return rows.flatMap((row) =>
      row.partner === null ? [] : [{ roundKey: row.round_key, partner: row.partner }],
    );
  }

  /** The member's intro rows, each with its round and (a row each) the others in their group, if any. */
  private roundsOf(userId: string) {
    return this.sql
      .selectFrom('intro_members as m')
      .innerJoin('intro_rounds as r', 'r.id', 'm.round_id')
      .leftJoin('intro_members as o', (join) =>
        join
          .onRef('o.group_id', '=', 'm.group_id')
          .on('o.user_id', 'is not', null)
          .onRef('o.user_id', '<>', 'm.user_id'),
      )
      .where('m.user_id', '=', userId);
  }

  /** Deletes the preference; answers stay for the meet rate, without the member's id (so no pair history either). */
  async eraseMember(userId: string): Promise<void> {
    await this.store.transaction(async () => {
      await this.sql.deleteFrom('intro_prefs').where('user_id', '=', userId).execute();
      await this.sql
        .updateTable('intro_members')
        .set({ user_id: null })
        .where('user_id', '=', userId)
        .execute();
    });
  }

  /** Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite); a nested call joins the open one. */
  immediate<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
