import type { Db } from './database';
import type { Store } from './store';
import { openToSchema, visibilitySchema, type OpenToFlag } from '../members/types';
import type { TalentCandidate } from '../availability/types';

interface TalentRow {
  user_id: string;
  display_name: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  years_from: number | null;
  years_to: number | null;
  visibility: string;
  last_active_at: string | null;
  expires_at: string;
}

function flagOf(value: string): OpenToFlag | undefined {
  const parsed = openToSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** SQL for availability that expires: lapsing, re-asking, keeping and dropping flags, and HR's talent search. */
export class AvailabilityRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      lapse: db.prepare<[string], { user_id: string; flag: string }>(
        'DELETE FROM member_availability WHERE expires_at IS NOT NULL AND expires_at <= ? RETURNING user_id, flag',
      ),
      dueForAsk: db.prepare<{ now: string; askBy: string }, { user_id: string }>(
        `SELECT DISTINCT a.user_id FROM member_availability a JOIN members m ON m.user_id = a.user_id
         WHERE m.agreed_at IS NOT NULL AND a.asked_at IS NULL AND a.expires_at > @now AND a.expires_at <= @askBy
         ORDER BY a.user_id`,
      ),
      toAsk: db.prepare<{ user: string; now: string; until: string }, { flag: string; expires_at: string }>(
        `SELECT flag, expires_at FROM member_availability
         WHERE user_id = @user AND asked_at IS NULL AND expires_at > @now AND expires_at <= @until ORDER BY expires_at, flag`,
      ),
      markAsked: db.prepare<{ user: string; flags: string; now: string }>(
        'UPDATE member_availability SET asked_at = @now WHERE user_id = @user AND flag IN (SELECT value FROM json_each(@flags))',
      ),
      held: db.prepare<
        { user: string; now: string },
        { flag: string; expires_at: string | null; asked_at: string | null }
      >(
        `SELECT flag, expires_at, asked_at FROM member_availability
         WHERE user_id = @user AND (expires_at IS NULL OR expires_at > @now) ORDER BY flag`,
      ),
      keep: db.prepare<{ user: string; flag: string; now: string; until: string }>(
        `UPDATE member_availability SET expires_at = @until, asked_at = NULL
         WHERE user_id = @user AND flag = @flag AND (expires_at IS NULL OR expires_at > @now)`,
      ),
      drop: db.prepare('DELETE FROM member_availability WHERE user_id = ? AND flag = ?'),
      talent: db.prepare<[string], TalentRow>(
        `SELECT m.user_id, m.display_name, m.title, m.company, m.location, m.years_from, m.years_to, m.visibility,
           m.last_active_at, a.expires_at
         FROM members m JOIN member_availability a ON a.user_id = m.user_id AND a.flag = 'comeback'
         WHERE m.agreed_at IS NOT NULL AND m.visibility IN ('all', 'staff') AND a.expires_at > ?`,
      ),
      talentInterests: db.prepare<[string], { user_id: string; tag: string }>(
        `SELECT i.user_id, i.tag FROM member_interests i
           JOIN member_availability a ON a.user_id = i.user_id AND a.flag = 'comeback' AND a.expires_at > ?
         ORDER BY i.added_at, i.tag`,
      ),
      job: db.prepare<[number], { title: string; card_channel: string | null }>(
        'SELECT title, card_channel FROM jobs WHERE id = ?',
      ),
      jobTags: db.prepare<[number], { tag: string }>(
        'SELECT tag FROM job_tags WHERE job_id = ? ORDER BY tag',
      ),
    };
  }

  /** Deletes every flag whose time is up; returns what lapsed. */
  lapse(now: Date): { userId: string; flag: string }[] {
    return this.s.lapse.all(now.toISOString()).map((row) => ({ userId: row.user_id, flag: row.flag }));
  }

  /** Members with a flag lapsing by `askBy` that they have not been asked about. */
  dueForAsk(now: Date, askBy: Date): string[] {
    return this.s.dueForAsk
      .all({ now: now.toISOString(), askBy: askBy.toISOString() })
      .map((row) => row.user_id);
  }

  /** The member's flags lapsing by `until`, not asked about yet, soonest first. */
  toAsk(userId: string, now: Date, until: Date): { flag: OpenToFlag; expiresAt: Date }[] {
    return this.s.toAsk
      .all({ user: userId, now: now.toISOString(), until: until.toISOString() })
      .flatMap((row) => {
        const flag = flagOf(row.flag);
        return flag === undefined ? [] : [{ flag, expiresAt: new Date(row.expires_at) }];
      });
  }

  markAsked(userId: string, flags: readonly OpenToFlag[], now: Date): void {
    this.s.markAsked.run({ user: userId, flags: JSON.stringify(flags), now: now.toISOString() });
  }

  /** Flags the member holds now, with their end and whether a re-ask is waiting for an answer. */
  held(userId: string, now: Date): { flag: OpenToFlag; expiresAt: Date | null; askedAt: Date | null }[] {
    return this.s.held.all({ user: userId, now: now.toISOString() }).flatMap((row) => {
      const flag = flagOf(row.flag);
      if (flag === undefined) return [];
      return [
        {
          flag,
          expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
          askedAt: row.asked_at === null ? null : new Date(row.asked_at),
        },
      ];
    });
  }

  /** Extends a flag the member still holds; false if it is gone (dropped or lapsed). */
  keep(userId: string, flag: OpenToFlag, now: Date, until: Date): boolean {
    return (
      this.s.keep.run({ user: userId, flag, now: now.toISOString(), until: until.toISOString() }).changes ===
      1
    );
  }

  drop(userId: string, flag: OpenToFlag): boolean {
    return this.s.drop.run(userId, flag).changes === 1;
  }

  /** Members HR may see who are open to coming back now, with their interests. */
  talentCandidates(now: Date): TalentCandidate[] {
    const at = now.toISOString();
    const interests = new Map<string, string[]>();
    for (const { user_id, tag } of this.s.talentInterests.all(at)) {
      const list = interests.get(user_id);
      if (list === undefined) interests.set(user_id, [tag]);
      else list.push(tag);
    }
    return this.s.talent.all(at).map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      title: row.title,
      company: row.company,
      location: row.location,
      yearsFrom: row.years_from,
      yearsTo: row.years_to,
      visibility: visibilitySchema.catch('nobody').parse(row.visibility),
      interests: interests.get(row.user_id) ?? [],
      comebackUntil: new Date(row.expires_at),
      lastActiveAt: row.last_active_at,
    }));
  }

  /** A role's title, interest tags and card channel; undefined when there is no such role. */
  job(jobId: number): { title: string; tags: string[]; cardChannel: string | null } | undefined {
    const row = this.s.job.get(jobId);
    return row === undefined
      ? undefined
      : {
          title: row.title,
          tags: this.s.jobTags.all(jobId).map((t) => t.tag),
          cardChannel: row.card_channel,
        };
  }

  /** Runs `work` in a BEGIN IMMEDIATE transaction. */
  immediate<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
