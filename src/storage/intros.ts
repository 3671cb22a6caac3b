import { z } from 'zod';
import type { Db } from './database';
import type { Store } from './store';
import { visibilitySchema } from '../members/types';
import { introAnswerSchema, type IntroAnswer, type IntroPerson, type IntroSetting } from '../intros/types';

interface PersonRow {
  user_id: string;
  display_name: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  years_from: number | null;
  years_to: number | null;
  visibility: string;
}

const userList = z.array(z.string());

function parseUsers(json: string | null): string[] {
  if (json === null) return [];
  try {
    const parsed = userList.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** SQL for intros: preferences, rounds, groups, answers, and who is eligible. */
export class IntroRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      prefs: db.prepare<[string], { status: string; snoozed_until: string | null }>(
        'SELECT status, snoozed_until FROM intro_prefs WHERE user_id = ?',
      ),
      setPrefs: db.prepare<{ user: string; status: string; snoozedUntil: string | null; now: string }>(
        `INSERT INTO intro_prefs (user_id, status, snoozed_until, updated_at) VALUES (@user, @status, @snoozedUntil, @now)
         ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, snoozed_until = excluded.snoozed_until,
           updated_at = excluded.updated_at`,
      ),
      // Opted in, agreed, not snoozed at @at, and active since @since (used the bot or answered an event).
      eligible: db.prepare<{ at: string; since: string }, { user_id: string }>(
        `SELECT m.user_id FROM members m JOIN intro_prefs p ON p.user_id = m.user_id
         WHERE m.agreed_at IS NOT NULL AND p.status = 'on' AND (p.snoozed_until IS NULL OR p.snoozed_until <= @at)
           AND (m.last_active_at >= @since
                OR EXISTS (SELECT 1 FROM event_rsvps r WHERE r.user_id = m.user_id AND r.responded_at >= @since))`,
      ),
      optedInInterests: db.prepare<[], { user_id: string; tag: string }>(
        `SELECT i.user_id, i.tag FROM member_interests i JOIN intro_prefs p ON p.user_id = i.user_id
         WHERE p.status = 'on' ORDER BY i.added_at, i.tag`,
      ),
      people: db.prepare<[string], PersonRow>(
        `SELECT user_id, display_name, title, company, location, years_from, years_to, visibility FROM members
         WHERE user_id IN (SELECT value FROM json_each(?))`,
      ),
      insertRound: db.prepare(
        'INSERT INTO intro_rounds (round_key, due_at, planned_at) VALUES (?, ?, ?) ON CONFLICT (round_key) DO NOTHING',
      ),
      roundByKey: db.prepare<[string], { id: number; completed_at: string | null }>(
        'SELECT id, completed_at FROM intro_rounds WHERE round_key = ?',
      ),
      membersInRound: db.prepare<[number], { user_id: string }>(
        'SELECT user_id FROM intro_members WHERE round_id = ? AND user_id IS NOT NULL',
      ),
      // Erased members (NULL) pair with nobody, so they drop out of the history by themselves.
      recentPairs: db.prepare<{ before: string; rounds: number }, { a: string; b: string }>(
        `WITH recent AS (SELECT id FROM intro_rounds WHERE due_at < @before ORDER BY due_at DESC LIMIT @rounds)
         SELECT a.user_id AS a, b.user_id AS b FROM intro_members a
           JOIN intro_members b ON b.group_id = a.group_id AND a.user_id < b.user_id
         WHERE a.round_id IN (SELECT id FROM recent)`,
      ),
      takenInRound: db.prepare<{ round: number; users: string }, { n: number }>(
        'SELECT count(*) AS n FROM intro_members WHERE round_id = @round AND user_id IN (SELECT value FROM json_each(@users))',
      ),
      insertGroup: db.prepare('INSERT INTO intro_groups (round_id, created_at) VALUES (?, ?)'),
      insertMember: db.prepare('INSERT INTO intro_members (group_id, round_id, user_id) VALUES (?, ?, ?)'),
      completeRound: db.prepare<{ id: number; leftOut: number; now: string }>(
        `UPDATE intro_rounds SET completed_at = coalesce(completed_at, @now), left_out = @leftOut,
           group_count = (SELECT count(*) FROM intro_groups WHERE round_id = @id),
           member_count = (SELECT count(*) FROM intro_members WHERE round_id = @id)
         WHERE id = @id`,
      ),
      roundCounts: db.prepare<[number], { groups: number; members: number }>(
        'SELECT group_count AS groups, member_count AS members FROM intro_rounds WHERE id = ?',
      ),
      roundsForCheckins: db.prepare<[string], { id: number; round_key: string; due_at: string }>(
        `SELECT id, round_key, due_at FROM intro_rounds
         WHERE completed_at IS NOT NULL AND checkins_planned_at IS NULL AND due_at <= ? ORDER BY due_at`,
      ),
      // Only members who still have intros on, and only about partners who did not erase their data.
      checkinTargets: db.prepare<[number], { group_id: number; user_id: string; partners: string | null }>(
        `SELECT m.group_id, m.user_id,
           (SELECT json_group_array(user_id) FROM
              (SELECT o.user_id FROM intro_members o WHERE o.group_id = m.group_id AND o.user_id IS NOT NULL
                 AND o.user_id <> m.user_id ORDER BY o.user_id)) AS partners
         FROM intro_members m JOIN intro_prefs p ON p.user_id = m.user_id
         WHERE m.round_id = ? AND p.status = 'on' ORDER BY m.id`,
      ),
      markCheckinsPlanned: db.prepare(
        'UPDATE intro_rounds SET checkins_planned_at = ? WHERE id = ? AND checkins_planned_at IS NULL',
      ),
      membership: db.prepare<[number, string], { due_at: string }>(
        `SELECT r.due_at FROM intro_members m JOIN intro_rounds r ON r.id = m.round_id WHERE m.group_id = ? AND m.user_id = ?`,
      ),
      answer: db.prepare(
        'UPDATE intro_members SET answer = ?, answered_at = ? WHERE group_id = ? AND user_id = ?',
      ),
      meetStats: db.prepare<
        [],
        { rounds: number; introduced: number; yes: number; not_yet: number; skip: number }
      >(
        `SELECT (SELECT count(*) FROM intro_rounds WHERE completed_at IS NOT NULL) AS rounds, count(*) AS introduced,
           coalesce(sum(answer = 'yes'), 0) AS yes, coalesce(sum(answer = 'not_yet'), 0) AS not_yet,
           coalesce(sum(answer = 'skip'), 0) AS skip
         FROM intro_members`,
      ),
      history: db.prepare<
        [string],
        {
          due_at: string;
          group_id: number;
          answer: string | null;
          answered_at: string | null;
          partners: string | null;
        }
      >(
        `SELECT r.due_at, m.group_id, m.answer, m.answered_at,
           (SELECT json_group_array(user_id) FROM
              (SELECT o.user_id FROM intro_members o WHERE o.group_id = m.group_id AND o.user_id IS NOT NULL
                 AND o.user_id <> m.user_id ORDER BY o.user_id)) AS partners
         FROM intro_members m JOIN intro_rounds r ON r.id = m.round_id WHERE m.user_id = ? ORDER BY r.due_at`,
      ),
      partnersByRound: db.prepare<[string], { round_key: string; partner: string }>(
        `SELECT r.round_key, o.user_id AS partner FROM intro_members m
           JOIN intro_rounds r ON r.id = m.round_id
           JOIN intro_members o ON o.group_id = m.group_id AND o.user_id IS NOT NULL AND o.user_id <> m.user_id
         WHERE m.user_id = ?`,
      ),
      erasePrefs: db.prepare('DELETE FROM intro_prefs WHERE user_id = ?'),
      anonymize: db.prepare('UPDATE intro_members SET user_id = NULL WHERE user_id = ?'),
    };
  }

  prefs(userId: string): { setting: IntroSetting; snoozedUntil: Date | null } {
    const row = this.s.prefs.get(userId);
    if (row === undefined) return { setting: 'never', snoozedUntil: null };
    return {
      setting: row.status === 'on' ? 'on' : 'off',
      snoozedUntil: row.snoozed_until === null ? null : new Date(row.snoozed_until),
    };
  }

  setPrefs(userId: string, status: 'on' | 'off', snoozedUntil: Date | null, now: Date): void {
    this.s.setPrefs.run({
      user: userId,
      status,
      snoozedUntil: snoozedUntil?.toISOString() ?? null,
      now: now.toISOString(),
    });
  }

  /** Members an intro round at `at` may pair, with their interests (two queries, whatever the size). */
  eligible(at: Date, activeSince: Date): { userId: string; tags: string[] }[] {
    const tags = new Map<string, string[]>();
    for (const { user_id, tag } of this.s.optedInInterests.all()) {
      const list = tags.get(user_id);
      if (list === undefined) tags.set(user_id, [tag]);
      else list.push(tag);
    }
    return this.s.eligible
      .all({ at: at.toISOString(), since: activeSince.toISOString() })
      .map(({ user_id }) => ({ userId: user_id, tags: tags.get(user_id) ?? [] }));
  }

  people(userIds: readonly string[]): IntroPerson[] {
    return this.s.people.all(JSON.stringify(userIds)).map((row) => ({
      userId: row.user_id,
      // Unknown values are treated as the most private choice.
      visibility: visibilitySchema.catch('nobody').parse(row.visibility),
      displayName: row.display_name,
      title: row.title,
      company: row.company,
      location: row.location,
      yearsFrom: row.years_from,
      yearsTo: row.years_to,
    }));
  }

  /** The round (created if new); `completed` once every group has been planned. */
  openRound(roundKey: string, dueAt: Date, now: Date): { id: number; completed: boolean } {
    this.s.insertRound.run(roundKey, dueAt.toISOString(), now.toISOString());
    const row = this.s.roundByKey.get(roundKey);
    if (row === undefined) throw new Error(`intro round ${roundKey} vanished`);
    return { id: row.id, completed: row.completed_at !== null };
  }

  membersInRound(roundId: number): Set<string> {
    return new Set(this.s.membersInRound.all(roundId).map((row) => row.user_id));
  }

  /** Pairs who were in one group in the `rounds` rounds before `before`. */
  recentPairs(before: Date, rounds: number): [string, string][] {
    return this.s.recentPairs.all({ before: before.toISOString(), rounds }).map((row) => [row.a, row.b]);
  }

  /**
   * Records a group of the round; undefined (and nothing written) when one of its members is already
   * in a group of this round, placed by another process meanwhile. Run inside immediate().
   */
  addGroup(roundId: number, members: readonly string[], now: Date): number | undefined {
    if ((this.s.takenInRound.get({ round: roundId, users: JSON.stringify(members) })?.n ?? 0) > 0)
      return undefined;
    const groupId = Number(this.s.insertGroup.run(roundId, now.toISOString()).lastInsertRowid);
    for (const member of members) this.s.insertMember.run(groupId, roundId, member);
    return groupId;
  }

  completeRound(roundId: number, leftOut: number, now: Date): { groups: number; members: number } {
    this.s.completeRound.run({ id: roundId, leftOut, now: now.toISOString() });
    return this.s.roundCounts.get(roundId) ?? { groups: 0, members: 0 };
  }

  roundsForCheckins(dueBefore: Date): { id: number; roundKey: string; dueAt: Date }[] {
    return this.s.roundsForCheckins
      .all(dueBefore.toISOString())
      .map((row) => ({ id: row.id, roundKey: row.round_key, dueAt: new Date(row.due_at) }));
  }

  checkinTargets(roundId: number): { groupId: number; userId: string; partners: string[] }[] {
    return this.s.checkinTargets
      .all(roundId)
      .map((row) => ({ groupId: row.group_id, userId: row.user_id, partners: parseUsers(row.partners) }));
  }

  markCheckinsPlanned(roundId: number, now: Date): void {
    this.s.markCheckinsPlanned.run(now.toISOString(), roundId);
  }

  /** When the member's group was introduced; undefined if they are not in that group. */
  membership(groupId: number, userId: string): { dueAt: Date } | undefined {
    const row = this.s.membership.get(groupId, userId);
    return row === undefined ? undefined : { dueAt: new Date(row.due_at) };
  }

  answer(groupId: number, userId: string, answer: IntroAnswer, now: Date): boolean {
    return this.s.answer.run(answer, now.toISOString(), groupId, userId).changes === 1;
  }

  meetStats(): { rounds: number; introduced: number; yes: number; notYet: number; skip: number } {
    const row = this.s.meetStats.get();
    return {
      rounds: row?.rounds ?? 0,
      introduced: row?.introduced ?? 0,
      yes: row?.yes ?? 0,
      notYet: row?.not_yet ?? 0,
      skip: row?.skip ?? 0,
    };
  }

  exportMember(userId: string): {
    setting: IntroSetting;
    snoozedUntil: string | null;
    intros: { round: string; partners: string[]; answer: IntroAnswer | null; answeredAt: string | null }[];
  } {
    const prefs = this.prefs(userId);
    return {
      setting: prefs.setting,
      snoozedUntil: prefs.snoozedUntil?.toISOString() ?? null,
      intros: this.s.history.all(userId).map((row) => ({
        round: row.due_at,
        partners: parseUsers(row.partners),
        answer: row.answer === null ? null : introAnswerSchema.catch('skip').parse(row.answer),
        answeredAt: row.answered_at,
      })),
    };
  }

  /** Every (round, partner) the member was introduced to: their check-in DMs name the member. */
  partnersByRound(userId: string): { roundKey: string; partner: string }[] {
    return this.s.partnersByRound
      .all(userId)
      .map((row) => ({ roundKey: row.round_key, partner: row.partner }));
  }

  /** Deletes the preference; answers stay for the meet rate, without the member's id (so no pair history either). */
  eraseMember(userId: string): void {
    this.s.erasePrefs.run(userId);
    this.s.anonymize.run(userId);
  }

  /** Runs `work` in a BEGIN IMMEDIATE transaction, so that a check-then-insert cannot race another process. */
  immediate<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
