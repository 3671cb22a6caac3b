import type { StudyFigures, StudyGroupRow } from '../stats/types';
import { countedWithHidden } from '../stats/hidden';
import { StoreBacked } from './storeBacked';

/** A formed group as a member's App Home lists it: its topic and where it meets. */
export interface MemberStudyGroup {
  readonly id: number;
  readonly topic: string;
  readonly channelId: string;
}

/** Reads of study groups for App Home and `stats` (the proposals' own SQL is in ./study). */
export class StudyReadRepository extends StoreBacked {
  /** The formed groups this member counted themselves into, newest first. */
  async formedGroupsOf(userId: string, limit: number): Promise<MemberStudyGroup[]> {
    const rows = await this.sql
      .selectFrom('study_groups as g')
      .innerJoin('study_backers as b', 'b.group_id', 'g.id')
      .select(['g.id', 'g.topic', 'g.channel_id'])
      .where('b.user_id', '=', userId)
      .where('g.status', '=', 'formed')
      .where('g.channel_id', 'is not', null)
      .orderBy('g.id', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((row) =>
      row.channel_id === null ? [] : [{ id: row.id, topic: row.topic, channelId: row.channel_id }],
    );
  }

  /**
   * Proposals by state (items every member saw listed, so counted whole), and the distinct members
   * of formed groups, where members whose profile is hidden are counted only in company
   * (countedWithHidden). A member with no profile row counts as hidden.
   */
  async figures(): Promise<StudyFigures> {
    const groups = await this.sql
      .selectFrom('study_groups')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const of = (...statuses: string[]): number =>
      groups.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.n), 0);
    const members = await this.sql
      .selectFrom('study_backers as b')
      .innerJoin('study_groups as g', 'g.id', 'b.group_id')
      .leftJoin('members as m', 'm.user_id', 'b.user_id')
      .select(['b.user_id', 'm.visibility'])
      .distinct()
      .where('g.status', '=', 'formed')
      .execute();
    const visible = members.filter((row) => row.visibility === 'all').length;
    return {
      // A proposal that reached its minimum and whose channel is being made is still gathering.
      open: of('open', 'forming'),
      formed: of('formed'),
      lapsed: of('lapsed'),
      membersInFormed: countedWithHidden({ visible, hidden: members.length - visible }),
    };
  }

  /** Every proposal, oldest first, with its tags and its members (hidden ones only in company). */
  async rows(): Promise<StudyGroupRow[]> {
    const groups = await this.sql.selectFrom('study_groups').selectAll().orderBy('id').execute();
    if (groups.length === 0) return [];
    const tags = await this.sql
      .selectFrom('study_tags')
      .select(['group_id', 'tag'])
      .orderBy('group_id')
      .orderBy('tag')
      .execute();
    const backers = await this.sql
      .selectFrom('study_backers as b')
      .leftJoin('members as m', 'm.user_id', 'b.user_id')
      .select(['b.group_id', 'm.visibility'])
      .execute();
    return groups.map((group) => {
      const mine = backers.filter((row) => row.group_id === group.id);
      const visible = mine.filter((row) => row.visibility === 'all').length;
      return {
        id: group.id,
        status: group.status,
        rhythm: group.rhythm,
        minMembers: group.min_members,
        members: countedWithHidden({ visible, hidden: mine.length - visible }),
        createdAt: group.created_at,
        lapsesAt: group.lapses_at,
        formedAt: group.formed_at,
        lapsedAt: group.lapsed_at,
        topic: group.topic,
        tags: tags.filter((row) => row.group_id === group.id).map((row) => row.tag),
      };
    });
  }
}
