import type { Db } from './database';
import type { OpenToFlag, Profile, ProfileUpdate, Visibility } from '../members/types';
import { openToSchema, visibilitySchema } from '../members/types';

interface MemberRow {
  user_id: string;
  display_name: string | null;
  years_from: number | null;
  years_to: number | null;
  company: string | null;
  title: string | null;
  location: string | null;
  bio: string | null;
  visibility: string;
  profile_updated_at: string | null;
  welcomed_at: string | null;
  agreed_version: string | null;
  agreed_at: string | null;
  last_active_at: string | null;
  created_at: string;
}

export interface DirectoryEntry {
  readonly userId: string;
  readonly displayName: string | null;
  readonly company: string | null;
  readonly title: string | null;
  readonly location: string | null;
  readonly bio: string | null;
  readonly visibility: Visibility;
  readonly interests: readonly string[];
}

/** SQL for members, their interests and availability. */
export class MemberRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      insertIfMissing: db.prepare(
        'INSERT INTO members (user_id, created_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING',
      ),
      get: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE user_id = ?'),
      interests: db.prepare<[string], { tag: string }>(
        'SELECT tag FROM member_interests WHERE user_id = ? ORDER BY added_at, tag',
      ),
      availability: db.prepare<[string], { flag: string }>(
        'SELECT flag FROM member_availability WHERE user_id = ? ORDER BY flag',
      ),
      addInterest: db.prepare(
        'INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?) ON CONFLICT (user_id, tag) DO NOTHING',
      ),
      removeInterest: db.prepare('DELETE FROM member_interests WHERE user_id = ? AND tag = ?'),
      clearInterests: db.prepare('DELETE FROM member_interests WHERE user_id = ?'),
      clearAvailability: db.prepare('DELETE FROM member_availability WHERE user_id = ?'),
      // Choosing a flag, or keeping it ticked in the profile, starts a new term: a new expiry, and the
      // re-ask of the old term (if any) no longer waits for an answer. `since` keeps the first choice.
      addAvailability: db.prepare(
        `INSERT INTO member_availability (user_id, flag, since, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, flag) DO UPDATE SET expires_at = excluded.expires_at, asked_at = NULL`,
      ),
      removeAvailabilityExcept: db.prepare(
        'DELETE FROM member_availability WHERE user_id = ? AND flag NOT IN (SELECT value FROM json_each(?))',
      ),
      updateProfile: db.prepare(
        `UPDATE members SET display_name = @displayName, years_from = @yearsFrom, years_to = @yearsTo,
           company = @company, title = @title, location = @location, bio = @bio, visibility = @visibility,
           profile_updated_at = @now
         WHERE user_id = @userId`,
      ),
      agree: db.prepare('UPDATE members SET agreed_version = ?, agreed_at = ? WHERE user_id = ?'),
      welcome: db.prepare('UPDATE members SET welcomed_at = ? WHERE user_id = ? AND welcomed_at IS NULL'),
      unwelcome: db.prepare('UPDATE members SET welcomed_at = NULL WHERE user_id = ?'),
      // At most one write an hour per member: activity feeds 90-day windows, not a log.
      touch: db.prepare(
        'UPDATE members SET last_active_at = ? WHERE user_id = ? AND (last_active_at IS NULL OR last_active_at < ?)',
      ),
      directoryRows: db.prepare<[], MemberRow>(
        "SELECT * FROM members WHERE agreed_at IS NOT NULL AND visibility <> 'nobody'",
      ),
      allInterests: db.prepare<[], { user_id: string; tag: string }>(
        `SELECT i.user_id, i.tag FROM member_interests i JOIN members m ON m.user_id = i.user_id
         WHERE m.agreed_at IS NOT NULL AND m.visibility <> 'nobody' ORDER BY i.added_at, i.tag`,
      ),
      deleteMember: db.prepare('DELETE FROM members WHERE user_id = ?'),
      interestRows: db.prepare<[string], { tag: string; addedAt: string }>(
        'SELECT tag, added_at AS addedAt FROM member_interests WHERE user_id = ? ORDER BY added_at, tag',
      ),
      availabilityRows: db.prepare<
        [string],
        { flag: string; since: string; expiresAt: string | null; askedAt: string | null }
      >(
        'SELECT flag, since, expires_at AS expiresAt, asked_at AS askedAt FROM member_availability WHERE user_id = ? ORDER BY flag',
      ),
    };
  }

  ensure(userId: string, now: Date): void {
    this.statements.insertIfMissing.run(userId, now.toISOString());
  }

  exists(userId: string): boolean {
    return this.statements.get.get(userId) !== undefined;
  }

  row(userId: string): MemberRow | undefined {
    return this.statements.get.get(userId);
  }

  profile(userId: string): Profile | undefined {
    const row = this.statements.get.get(userId);
    if (row === undefined) return undefined;
    return {
      userId: row.user_id,
      displayName: row.display_name,
      yearsFrom: row.years_from,
      yearsTo: row.years_to,
      company: row.company,
      title: row.title,
      location: row.location,
      bio: row.bio,
      visibility: visibilitySchema.catch('all').parse(row.visibility),
      openTo: this.openTo(userId),
      interests: this.interests(userId),
      profileUpdatedAt: row.profile_updated_at,
      agreedVersion: row.agreed_version,
      agreedAt: row.agreed_at,
    };
  }

  interests(userId: string): string[] {
    return this.statements.interests.all(userId).map((row) => row.tag);
  }

  openTo(userId: string): OpenToFlag[] {
    return this.statements.availability
      .all(userId)
      .map((row) => openToSchema.safeParse(row.flag))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  }

  addInterests(userId: string, tags: readonly string[], now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const tag of tags) this.statements.addInterest.run(userId, tag, at);
    })();
  }

  removeInterests(userId: string, tags: readonly string[]): number {
    return this.db.transaction(() =>
      tags.reduce((removed, tag) => removed + this.statements.removeInterest.run(userId, tag).changes, 0),
    )();
  }

  /** `openToUntil`: when the flags chosen (or kept) in this save lapse. */
  saveProfile(userId: string, update: ProfileUpdate, now: Date, openToUntil: Date): void {
    const at = now.toISOString();
    const until = openToUntil.toISOString();
    this.db.transaction(() => {
      this.statements.updateProfile.run({
        userId,
        now: at,
        displayName: update.displayName,
        yearsFrom: update.yearsFrom,
        yearsTo: update.yearsTo,
        company: update.company,
        title: update.title,
        location: update.location,
        bio: update.bio,
        visibility: update.visibility,
      });
      this.statements.removeAvailabilityExcept.run(userId, JSON.stringify(update.openTo));
      for (const flag of update.openTo) this.statements.addAvailability.run(userId, flag, at, until);
      this.replaceInterests(userId, update.interests, now);
    })();
  }

  /** Keeps the added_at of tags that stay, so "when did I add this" survives an edit. */
  replaceInterests(userId: string, tags: readonly string[], now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      const keep = new Set(tags);
      for (const tag of this.interests(userId))
        if (!keep.has(tag)) this.statements.removeInterest.run(userId, tag);
      for (const tag of tags) this.statements.addInterest.run(userId, tag, at);
    })();
  }

  agree(userId: string, version: string, now: Date): void {
    this.statements.agree.run(version, now.toISOString(), userId);
  }

  /** True only for the call that marked the member welcomed: two join events welcome once. */
  markWelcomed(userId: string, now: Date): boolean {
    return this.statements.welcome.run(now.toISOString(), userId).changes === 1;
  }

  unmarkWelcomed(userId: string): void {
    this.statements.unwelcome.run(userId);
  }

  touch(userId: string, now: Date): void {
    this.statements.touch.run(now.toISOString(), userId, new Date(now.getTime() - 3_600_000).toISOString());
  }

  /** Members who agreed and did not hide themselves, with their interests. */
  directory(): DirectoryEntry[] {
    const tagsByMember = new Map<string, string[]>();
    for (const { user_id, tag } of this.statements.allInterests.all()) {
      const list = tagsByMember.get(user_id);
      if (list === undefined) tagsByMember.set(user_id, [tag]);
      else list.push(tag);
    }
    return this.statements.directoryRows.all().map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      company: row.company,
      title: row.title,
      location: row.location,
      bio: row.bio,
      visibility: visibilitySchema.catch('nobody').parse(row.visibility),
      interests: tagsByMember.get(row.user_id) ?? [],
    }));
  }

  interestRows(userId: string): { tag: string; addedAt: string }[] {
    return this.statements.interestRows.all(userId);
  }

  availabilityRows(
    userId: string,
  ): { flag: string; since: string; expiresAt: string | null; askedAt: string | null }[] {
    return this.statements.availabilityRows.all(userId);
  }

  delete(userId: string): void {
    this.statements.deleteMember.run(userId);
  }
}
