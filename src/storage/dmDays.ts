import { StoreBacked } from './storeBacked';

/** A member's day claimed by one unsolicited DM. */
export interface ClaimedDay {
  readonly day: string;
  readonly dueAt: Date;
}

/**
 * SQL for unsolicited_dm_days: the one day each unsolicited DM of asks, study groups and mentoring
 * claims per member (src/members/dmLimit.ts holds the rule).
 */
export class DmDayRepository extends StoreBacked {
  /** The day this DM (its outbox key) claimed already, for any of these members. */
  async claimedFor(userIds: readonly string[], ref: string): Promise<ClaimedDay | undefined> {
    if (userIds.length === 0) return undefined;
    const row = await this.sql
      .selectFrom('unsolicited_dm_days')
      .select(['day', 'due_at'])
      .where('user_id', 'in', [...userIds])
      .where('ref', '=', ref)
      .orderBy('day')
      .executeTakeFirst();
    return row === undefined ? undefined : { day: row.day, dueAt: new Date(row.due_at) };
  }

  /** The days from `fromDay` (YYYY-MM-DD) on that any of these members has claimed. */
  async takenDays(userIds: readonly string[], fromDay: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.sql
      .selectFrom('unsolicited_dm_days')
      .select('day')
      .where('user_id', 'in', [...userIds])
      .where('day', '>=', fromDay)
      .execute();
    return new Set(rows.map((row) => row.day));
  }

  /**
   * Claims `day` for every one of these members, or for none (false when one of them has it
   * already). Each row is a conditional insert against the primary key (user, day): of two
   * replicas claiming at once, one inserts and the other's insert does nothing (on Postgres it
   * waits for the first to commit, then sees its row). Members are claimed in user-id order, so
   * two group claims never wait on each other crosswise.
   */
  async claim(
    userIds: readonly string[],
    day: string,
    ref: string,
    dueAt: Date,
    now: Date,
  ): Promise<boolean> {
    const members = [...new Set(userIds)].sort();
    return this.store.transaction(async () => {
      const inserted: string[] = [];
      for (const userId of members) {
        const result = await this.sql
          .insertInto('unsolicited_dm_days')
          .values({
            user_id: userId,
            day,
            ref,
            due_at: dueAt.toISOString(),
            claimed_at: now.toISOString(),
          })
          .onConflict((conflict) => conflict.doNothing())
          .executeTakeFirst();
        if (result.numInsertedOrUpdatedRows !== 1n) {
          // All or none: the day is not free for everyone, so the members claimed so far give it back.
          if (inserted.length > 0)
            await this.sql
              .deleteFrom('unsolicited_dm_days')
              .where('user_id', 'in', inserted)
              .where('day', '=', day)
              .where('ref', '=', ref)
              .execute();
          return false;
        }
        inserted.push(userId);
      }
      return true;
    });
  }

  async exportMember(userId: string): Promise<{ day: string; dueAt: string }[]> {
    const rows = await this.sql
      .selectFrom('unsolicited_dm_days')
      .select(['day', 'due_at'])
      .where('user_id', '=', userId)
      .orderBy('day')
      .execute();
    return rows.map((row) => ({ day: row.day, dueAt: row.due_at }));
  }

  async eraseMember(userId: string): Promise<void> {
    await this.sql.deleteFrom('unsolicited_dm_days').where('user_id', '=', userId).execute();
  }
}
