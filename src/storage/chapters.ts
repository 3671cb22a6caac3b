import type { ChapterAction, ChapterActionRecord, ChapterExport, Chapter } from '../chapters/types';
import { countedWithHidden } from '../stats/hidden';
import { chunks } from './chunks';
import { StoreBacked } from './storeBacked';

const ACTIONS: readonly ChapterAction[] = ['created', 'archived', 'lead_added', 'lead_removed'];

/** A chapter's two rosters, who joined it and who leads it: the same columns but for the time one. */
type Roster = 'chapter_members' | 'chapter_leads';

/** A chapter with its member split by visibility (a member with no profile row counts as hidden). */
export interface ChapterRow extends Chapter {
  readonly visibleMembers: number;
  readonly hiddenMembers: number;
}

/** SQL for chapters, their members, leads and audit trail. */
export class ChapterRepository extends StoreBacked {
  /** A new active chapter; undefined when an active one already has the name or the channel (the unique indexes decide). */
  async insert(name: string, key: string, channelId: string, now: Date): Promise<number | undefined> {
    return this.insertOnce('chapters', {
      name,
      name_key: key,
      channel_id: channelId,
      created_at: now.toISOString(),
    });
  }

  async byKey(key: string): Promise<Chapter | undefined> {
    return this.activeWhere('name_key', key);
  }

  async byId(id: number): Promise<Chapter | undefined> {
    return this.activeWhere('id', id);
  }

  async byChannel(channelId: string): Promise<Chapter | undefined> {
    return this.activeWhere('channel_id', channelId);
  }

  /** The active chapter whose key, id or channel this is. */
  private async activeWhere(
    column: 'name_key' | 'id' | 'channel_id',
    value: string | number,
  ): Promise<Chapter | undefined> {
    const row = await this.sql
      .selectFrom('chapters')
      .select(['id', 'name', 'channel_id'])
      .where(column, '=', value)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, name: row.name, channelId: row.channel_id };
  }

  async names(): Promise<string[]> {
    const rows = await this.sql
      .selectFrom('chapters')
      .select('name')
      .where('status', '=', 'active')
      .execute();
    return rows.map((row) => row.name);
  }

  /** Active chapters by name, each with its members split by visibility. */
  async active(): Promise<ChapterRow[]> {
    const chapters = await this.sql
      .selectFrom('chapters')
      .select(['id', 'name', 'channel_id'])
      .where('status', '=', 'active')
      .orderBy('name_key')
      .execute();
    const split = await this.sql
      .selectFrom('chapter_members as cm')
      .innerJoin('chapters as c', 'c.id', 'cm.chapter_id')
      .leftJoin('members as m', 'm.user_id', 'cm.user_id')
      .select([
        'cm.chapter_id',
        (eb) =>
          eb.fn.count<number | string>('cm.user_id').filterWhere('m.visibility', '=', 'all').as('visible'),
        (eb) => eb.fn.countAll<number | string>().as('total'),
      ])
      .where('c.status', '=', 'active')
      .groupBy('cm.chapter_id')
      .execute();
    const counts = new Map(split.map((row) => [row.chapter_id, row]));
    return chapters.map((row) => {
      const count = counts.get(row.id);
      const visible = Number(count?.visible ?? 0);
      return {
        id: row.id,
        name: row.name,
        channelId: row.channel_id,
        visibleMembers: visible,
        hiddenMembers: Number(count?.total ?? 0) - visible,
      };
    });
  }

  async archive(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('chapters')
      .set({ status: 'archived', archived_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** True when the member was not in it before (the primary key makes a second join a no-op). */
  async join(chapterId: number, userId: string, now: Date): Promise<boolean> {
    return this.enrol('chapter_members', chapterId, userId, now);
  }

  async leave(chapterId: number, userId: string): Promise<boolean> {
    return this.strike('chapter_members', chapterId, userId);
  }

  async addLead(chapterId: number, userId: string, now: Date): Promise<boolean> {
    return this.enrol('chapter_leads', chapterId, userId, now);
  }

  async removeLead(chapterId: number, userId: string): Promise<boolean> {
    return this.strike('chapter_leads', chapterId, userId);
  }

  /** Adds the member to a roster; false when already on it (the primary key makes a second add a no-op). */
  private async enrol(roster: Roster, chapterId: number, userId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const person = { chapter_id: chapterId, user_id: userId };
    const values = roster === 'chapter_members' ? { ...person, joined_at: at } : { ...person, added_at: at };
    const result = await this.sql
      .insertInto(roster)
      .values(values)
      .onConflict((conflict) => conflict.columns(['chapter_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return result !== undefined;
  }

  private async strike(roster: Roster, chapterId: number, userId: string): Promise<boolean> {
    const result = await this.sql
      .deleteFrom(roster)
      .where('chapter_id', '=', chapterId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async record(
    chapterId: number,
    actorId: string,
    action: ChapterAction,
    subjectId: string | null,
    now: Date,
  ): Promise<void> {
    await this.sql
      .insertInto('chapter_actions')
      .values({
        chapter_id: chapterId,
        actor_id: actorId,
        action,
        subject_id: subjectId,
        at: now.toISOString(),
      })
      .execute();
  }

  /** The audit trail of a chapter, oldest first. */
  async actions(chapterId: number): Promise<ChapterActionRecord[]> {
    const rows = await this.sql
      .selectFrom('chapter_actions')
      .selectAll()
      .where('chapter_id', '=', chapterId)
      .orderBy('id')
      .execute();
    return rows.map(toAction);
  }

  /** Active chapters the member joined, by id. */
  async joinedBy(userId: string): Promise<Set<number>> {
    return this.activeOn('chapter_members', userId);
  }

  /** Active chapters the member leads, by id. */
  async ledBy(userId: string): Promise<Set<number>> {
    return this.activeOn('chapter_leads', userId);
  }

  /** The active chapters on whose roster the member is, by id. */
  private async activeOn(roster: Roster, userId: string): Promise<Set<number>> {
    const rows = await this.sql
      .selectFrom(this.sql.dynamic.table(roster).as('x'))
      .innerJoin('chapters as c', 'c.id', 'x.chapter_id')
      .select('c.id')
      .where('x.user_id', '=', userId)
      .where('c.status', '=', 'active')
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Whether the member leads the active chapter whose channel this is. */
  async leadsIn(userId: string, channelId: string): Promise<boolean> {
    const row = await this.sql
      .selectFrom('chapter_leads as l')
      .innerJoin('chapters as c', 'c.id', 'l.chapter_id')
      .select('c.id')
      .where('l.user_id', '=', userId)
      .where('c.channel_id', '=', channelId)
      .where('c.status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The channels of the active chapters each of these members joined. */
  async memberChannels(userIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (const part of chunks(userIds)) {
      const rows = await this.sql
        .selectFrom('chapter_members as cm')
        .innerJoin('chapters as c', 'c.id', 'cm.chapter_id')
        .select(['cm.user_id', 'c.channel_id'])
        .where('cm.user_id', 'in', part)
        .where('c.status', '=', 'active')
        .execute();
      for (const row of rows) {
        const set = out.get(row.user_id) ?? new Set<string>();
        set.add(row.channel_id);
        out.set(row.user_id, set);
      }
    }
    return out;
  }

  /** Per active chapter channel: scheduled events not yet ended, and those that ended. */
  async eventCounts(now: Date): Promise<Map<string, { upcoming: number; past: number }>> {
    const at = now.toISOString();
    const rows = await this.sql
      .selectFrom('events as e')
      .innerJoin('chapters as c', (join) =>
        join.on((eb) => eb(eb.fn.coalesce('e.card_channel', 'e.channel'), '=', eb.ref('c.channel_id'))),
      )
      .select([
        'c.channel_id',
        (eb) => eb.fn.count<number | string>('e.id').filterWhere('e.ends_at', '>', at).as('upcoming'),
        (eb) => eb.fn.count<number | string>('e.id').filterWhere('e.ends_at', '<=', at).as('past'),
      ])
      .where('c.status', '=', 'active')
      .where('e.status', '=', 'scheduled')
      .groupBy('c.channel_id')
      .execute();
    return new Map(
      rows.map((row) => [row.channel_id, { upcoming: Number(row.upcoming), past: Number(row.past) }]),
    );
  }

  async exportMember(userId: string): Promise<ChapterExport> {
    const memberships = await this.sql
      .selectFrom('chapter_members as cm')
      .innerJoin('chapters as c', 'c.id', 'cm.chapter_id')
      .select(['c.name', 'cm.joined_at'])
      .where('cm.user_id', '=', userId)
      .orderBy('cm.joined_at')
      .execute();
    const leads = await this.sql
      .selectFrom('chapter_leads as l')
      .innerJoin('chapters as c', 'c.id', 'l.chapter_id')
      .select(['c.name', 'l.added_at'])
      .where('l.user_id', '=', userId)
      .orderBy('l.added_at')
      .execute();
    const actions = await this.sql
      .selectFrom('chapter_actions')
      .selectAll()
      .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_id', '=', userId)]))
      .orderBy('id')
      .execute();
    return {
      memberships: memberships.map((row) => ({ chapter: row.name, joinedAt: row.joined_at })),
      leads: leads.map((row) => ({ chapter: row.name, addedAt: row.added_at })),
      actions: actions.map(toAction),
    };
  }

  /** Erasure: memberships and lead rows go; the audit trail keeps its actions without the member's id. */
  async eraseMember(userId: string): Promise<void> {
    await this.sql.deleteFrom('chapter_members').where('user_id', '=', userId).execute();
    await this.sql.deleteFrom('chapter_leads').where('user_id', '=', userId).execute();
    await this.sql
      .updateTable('chapter_actions')
      .set({ actor_id: null })
      .where('actor_id', '=', userId)
      .execute();
    await this.sql
      .updateTable('chapter_actions')
      .set({ subject_id: null })
      .where('subject_id', '=', userId)
      .execute();
  }
}

function toAction(row: {
  chapter_id: number;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  at: string;
}): ChapterActionRecord {
  return {
    chapterId: row.chapter_id,
    actorId: row.actor_id,
    // The CHECK constraint allows nothing else.
    action: ACTIONS.find((action) => action === row.action) ?? 'created',
    subjectId: row.subject_id,
    at: row.at,
  };
}

/** What a listing shows of a chapter's size (hidden members only in company). */
export const shownMembers = (row: ChapterRow): number =>
  countedWithHidden({ visible: row.visibleMembers, hidden: row.hiddenMembers });
