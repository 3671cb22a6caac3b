import type { Selectable } from 'kysely';
import { STUDY_RHYTHMS, type StudyGroup, type StudyInput, type StudyStatus } from '../study/types';
import type { Database } from './schema';
import { claimLetGoOrStale } from './claims';
import { StoreBacked } from './storeBacked';

type GroupRow = Selectable<Database['study_groups']>;

const STATUSES: readonly StudyStatus[] = ['open', 'forming', 'formed', 'lapsed'];

function toGroup(row: GroupRow, tags: readonly string[], backers: number): StudyGroup {
  return {
    id: row.id,
    proposer: row.proposer,
    topic: row.topic,
    tags,
    minMembers: row.min_members,
    rhythm: STUDY_RHYTHMS.find((rhythm) => rhythm === row.rhythm) ?? 'monthly',
    // A status from a newer build reads as lapsed: nothing acts on a proposal it does not understand.
    status: STATUSES.find((status) => status === row.status) ?? 'lapsed',
    createdAt: new Date(row.created_at),
    lapsesAt: new Date(row.lapses_at),
    channelId: row.channel_id,
    backers,
  };
}

/** SQL for study-group proposals, their tags, backers and digest mentions. */
export class StudyRepository extends StoreBacked {
  /** A new proposal with its tags, its proposer its first backer. */
  async insert(proposer: string, input: StudyInput, now: Date, lapsesAt: Date): Promise<number> {
    const at = now.toISOString();
    const row = await this.sql
      .insertInto('study_groups')
      .values({
        proposer,
        topic: input.topic,
        min_members: input.minMembers,
        rhythm: input.rhythm,
        created_at: at,
        lapses_at: lapsesAt.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tags = [...new Set(input.tags)];
    if (tags.length > 0)
      await this.sql
        .insertInto('study_tags')
        .values(tags.map((tag) => ({ group_id: row.id, tag })))
        .execute();
    await this.back(row.id, proposer, now);
    return row.id;
  }

  async get(id: number): Promise<StudyGroup | undefined> {
    const row = await this.sql.selectFrom('study_groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await this.complete([row]))[0];
  }

  /** Proposals with these statuses, oldest first. */
  async withStatus(statuses: readonly StudyStatus[]): Promise<StudyGroup[]> {
    const rows = await this.sql
      .selectFrom('study_groups')
      .selectAll()
      .where('status', 'in', [...statuses])
      .orderBy('id')
      .execute();
    return this.complete(rows);
  }

  /** Open proposals whose 30 days are over. */
  async dueLapse(now: Date): Promise<StudyGroup[]> {
    const rows = await this.sql
      .selectFrom('study_groups')
      .selectAll()
      .where('status', '=', 'open')
      .where('lapses_at', '<=', now.toISOString())
      .orderBy('id')
      .execute();
    return this.complete(rows);
  }

  private async complete(rows: readonly GroupRow[]): Promise<StudyGroup[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const tags = await this.sql
      .selectFrom('study_tags')
      .select(['group_id', 'tag'])
      .where('group_id', 'in', ids)
      .orderBy('tag')
      .execute();
    const counts = await this.sql
      .selectFrom('study_backers')
      .select(['group_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
      .where('group_id', 'in', ids)
      .groupBy('group_id')
      .execute();
    const countOf = new Map(counts.map((row) => [row.group_id, Number(row.n)]));
    return rows.map((row) =>
      toGroup(
        row,
        tags.filter((tag) => tag.group_id === row.id).map((tag) => tag.tag),
        countOf.get(row.id) ?? 0,
      ),
    );
  }

  /** The backers, first come first. */
  async backers(id: number): Promise<string[]> {
    const rows = await this.sql
      .selectFrom('study_backers')
      .select('user_id')
      .where('group_id', '=', id)
      .orderBy('backed_at')
      .orderBy('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** The proposals each of these members backs. */
  async backedBy(userIds: readonly string[]): Promise<Map<string, Set<number>>> {
    return this.pairs('study_backers', userIds);
  }

  /** The proposals each of these members has heard of in a digest. */
  async mentionedTo(userIds: readonly string[]): Promise<Map<string, Set<number>>> {
    return this.pairs('study_mentions', userIds);
  }

  private async pairs(
    table: 'study_backers' | 'study_mentions',
    userIds: readonly string[],
  ): Promise<Map<string, Set<number>>> {
    const found = new Map<string, Set<number>>();
    if (userIds.length === 0) return found;
    const unique = [...new Set(userIds)];
    // Slices keep the statement's parameters well within both engines' limits.
    for (let first = 0; first < unique.length; first += 500) {
      const rows = await this.sql
        .selectFrom(table)
        .select(['group_id', 'user_id'])
        .where('user_id', 'in', unique.slice(first, first + 500))
        .execute();
      for (const row of rows) {
        const ids = found.get(row.user_id) ?? new Set<number>();
        ids.add(row.group_id);
        found.set(row.user_id, ids);
      }
    }
    return found;
  }

  async recordMentions(mentions: readonly { userId: string; groupId: number }[], now: Date): Promise<void> {
    if (mentions.length === 0) return;
    await this.sql
      .insertInto('study_mentions')
      .values(
        mentions.map((m) => ({ group_id: m.groupId, user_id: m.userId, mentioned_at: now.toISOString() })),
      )
      .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  /**
   * "Count me in", only while the proposal is open: true when the member was not in already. A
   * press that arrives once the group is forming adds nobody, so everyone counted in is among the
   * backers the forming read (and is invited, or sent the Join button).
   */
  async back(id: number, userId: string, now: Date): Promise<boolean> {
    const result = await this.sql
      .insertInto('study_backers')
      .columns(['group_id', 'user_id', 'backed_at'])
      .expression((eb) =>
        eb
          .selectFrom('study_groups')
          .select([
            'study_groups.id',
            eb.val(userId).as('user_id'),
            eb.val(now.toISOString()).as('backed_at'),
          ])
          .where('study_groups.id', '=', id)
          .where('study_groups.status', '=', 'open'),
      )
      .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /** "Count me out", only while the proposal is open: true when the member was in. */
  async unback(id: number, userId: string): Promise<boolean> {
    const result = await this.sql
      .deleteFrom('study_backers')
      .where('group_id', '=', id)
      .where('user_id', '=', userId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('study_groups')
            .select('study_groups.id')
            .where('study_groups.id', '=', id)
            .where('study_groups.status', '=', 'open'),
        ),
      )
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /**
   * Takes the right to make the group's channel, in one statement: an open proposal becomes
   * forming under this token, or a forming one whose holder let go or went quiet before
   * `staleBefore` is taken over. However many presses (or replicas) arrive at once, one wins.
   */
  async claim(id: number, token: string, now: Date, staleBefore: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('study_groups')
      .set({ status: 'forming', claim_token: token, claimed_at: now.toISOString() })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'open'),
          eb.and([eb('status', '=', 'forming'), claimLetGoOrStale(staleBefore)]),
        ]),
      )
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Whether another group has this channel recorded. */
  async channelTakenElsewhere(id: number, channelId: string): Promise<boolean> {
    const row = await this.sql
      .selectFrom('study_groups')
      .select('id')
      .where('channel_id', '=', channelId)
      .where('id', '<>', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The name the holder is about to create, recorded before the Slack call (see CollabRepository). */
  async intendName(id: number, token: string, name: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('study_groups')
      .set({ channel_name: name })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('channel_id', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async recordChannel(id: number, token: string, channelId: string, name: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('study_groups')
      .set({ channel_id: channelId, channel_name: name })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async finish(id: number, token: string, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('study_groups')
      .set({ status: 'formed', claim_token: null, formed_at: now.toISOString() })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'forming')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** A failed attempt lets go, so that the next press or tick resumes from what was recorded. */
  async release(id: number, token: string): Promise<void> {
    await this.sql
      .updateTable('study_groups')
      .set({ claim_token: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .execute();
  }

  async markLapsed(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('study_groups')
      .set({ status: 'lapsed', lapsed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Whether the member proposed a formed group whose channel this is: they may host its sessions. */
  async proposedGroupIn(userId: string, channelId: string): Promise<boolean> {
    const row = await this.sql
      .selectFrom('study_groups')
      .select('id')
      .where('proposer', '=', userId)
      .where('channel_id', '=', channelId)
      .where('status', '=', 'formed')
      .executeTakeFirst();
    return row !== undefined;
  }

  async exportMember(
    userId: string,
  ): Promise<{ proposed: unknown[]; backed: unknown[]; heardOf: unknown[] }> {
    const proposed = await this.sql
      .selectFrom('study_groups')
      .select(['id', 'topic', 'min_members', 'rhythm', 'status', 'created_at', 'channel_id', 'formed_at'])
      .where('proposer', '=', userId)
      .orderBy('id')
      .execute();
    const backed = await this.sql
      .selectFrom('study_backers')
      .select(['group_id', 'backed_at'])
      .where('user_id', '=', userId)
      .orderBy('group_id')
      .execute();
    const heardOf = await this.sql
      .selectFrom('study_mentions')
      .select(['group_id', 'mentioned_at'])
      .where('user_id', '=', userId)
      .orderBy('group_id')
      .execute();
    return { proposed, backed, heardOf };
  }

  /** The member's proposals (with everyone's rows about them), backings and mentions; returns the proposals' ids. */
  async eraseMember(userId: string): Promise<number[]> {
    const mine = await this.sql
      .selectFrom('study_groups')
      .select('id')
      .where('proposer', '=', userId)
      .execute();
    const ids = mine.map((row) => row.id);
    if (ids.length > 0) {
      // Explicit rather than by cascade alone: SQLite enforces foreign keys only when asked to.
      await this.sql.deleteFrom('study_tags').where('group_id', 'in', ids).execute();
      await this.sql.deleteFrom('study_backers').where('group_id', 'in', ids).execute();
      await this.sql.deleteFrom('study_mentions').where('group_id', 'in', ids).execute();
      await this.sql.deleteFrom('study_groups').where('id', 'in', ids).execute();
    }
    await this.sql.deleteFrom('study_backers').where('user_id', '=', userId).execute();
    await this.sql.deleteFrom('study_mentions').where('user_id', '=', userId).execute();
    return ids;
  }
}
