import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { everyFieldWritten } from './written';
import { toProfileFacts, toVisibility } from './memberRows';
import type { OpenToFlag, Profile, ProfileUpdate, Visibility } from '../members/types';
import { openToSchema } from '../members/types';
import { profileBody } from '../members/matching';
import { addToVocabulary, pruneVocabulary, writeSearchBody } from './memberSearch';
import { StoreBacked } from './storeBacked';

type MemberRow = Selectable<Database['members']>;

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

/** The one mapping from a members row (with its flags and interests) to the domain's profile. */
function toProfile(row: MemberRow, openTo: OpenToFlag[], interests: string[]): Profile {
  return {
    userId: row.user_id,
    ...toProfileFacts(row),
    bio: row.bio,
    visibility: toVisibility(row.visibility),
    openTo,
    interests,
    profileUpdatedAt: row.profile_updated_at,
    agreedVersion: row.agreed_version,
    agreedAt: row.agreed_at,
  };
}

/** The members columns a profile form writes, every field of it (flags and interests have their own tables). */
function profileColumns(update: ProfileUpdate) {
  const {
    displayName,
    yearsFrom,
    yearsTo,
    company,
    title,
    location,
    bio,
    visibility,
    openTo: _inMemberAvailability,
    interests: _inMemberInterests,
    ...unwritten
  } = update;
  everyFieldWritten(unwritten);
  return {
    display_name: displayName,
    years_from: yearsFrom,
    years_to: yearsTo,
    company,
    title,
    location,
    bio,
    visibility,
  };
}

/** Member rows with their tags (in the order given) as directory entries. */
function toEntries(listed: MemberRow[], tags: { user_id: string; tag: string }[]): DirectoryEntry[] {
  const tagsByMember = new Map<string, string[]>();
  for (const { user_id, tag } of tags) {
    const list = tagsByMember.get(user_id);
    if (list === undefined) tagsByMember.set(user_id, [tag]);
    else list.push(tag);
  }
  return listed.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    company: row.company,
    title: row.title,
    location: row.location,
    bio: row.bio,
    visibility: toVisibility(row.visibility),
    interests: tagsByMember.get(row.user_id) ?? [],
  }));
}

/** SQL for members, their interests and availability. */
export class MemberRepository extends StoreBacked {
  async ensure(userId: string, now: Date): Promise<void> {
    await this.sql
      .insertInto('members')
      .values({ user_id: userId, created_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .execute();
  }

  async exists(userId: string): Promise<boolean> {
    return (await this.row(userId)) !== undefined;
  }

  async row(userId: string): Promise<MemberRow | undefined> {
    return this.sql.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  async profile(userId: string): Promise<Profile | undefined> {
    const row = await this.row(userId);
    if (row === undefined) return undefined;
    return toProfile(row, await this.openTo(userId), await this.interests(userId));
  }

  async interests(userId: string): Promise<string[]> {
    return (await this.interestRows(userId)).map((row) => row.tag);
  }

  async openTo(userId: string): Promise<OpenToFlag[]> {
    const rows = await this.sql
      .selectFrom('member_availability')
      .select('flag')
      .where('user_id', '=', userId)
      .orderBy('flag')
      .execute();
    return rows
      .map((row) => openToSchema.safeParse(row.flag))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  }

  async addInterests(userId: string, tags: readonly string[], now: Date): Promise<void> {
    if (tags.length === 0) return;
    const at = now.toISOString();
    await this.sql
      .insertInto('member_interests')
      .values(tags.map((tag) => ({ user_id: userId, tag, added_at: at })))
      .onConflict((conflict) => conflict.columns(['user_id', 'tag']).doNothing())
      .execute();
    await addToVocabulary(this.sql, tags);
  }

  async removeInterests(userId: string, tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const result = await this.sql
      .deleteFrom('member_interests')
      .where('user_id', '=', userId)
      .where('tag', 'in', [...tags])
      .executeTakeFirst();
    await pruneVocabulary(this.sql, tags);
    return Number(result.numDeletedRows);
  }

  /** `openToUntil`: when the flags chosen (or kept) in this save lapse. */
  async saveProfile(userId: string, update: ProfileUpdate, now: Date, openToUntil: Date): Promise<void> {
    const at = now.toISOString();
    const until = openToUntil.toISOString();
    await this.store.transaction(async () => {
      await this.sql
        .updateTable('members')
        .set({ ...profileColumns(update), profile_updated_at: at })
        .where('user_id', '=', userId)
        .execute();
      let dropped = this.sql.deleteFrom('member_availability').where('user_id', '=', userId);
      if (update.openTo.length > 0) dropped = dropped.where('flag', 'not in', [...update.openTo]);
      await dropped.execute();
      // Choosing a flag, or keeping it ticked in the profile, starts a new term: a new expiry, and the
      // re-ask of the old term (if any) no longer waits for an answer. `since` keeps the first choice.
      if (update.openTo.length > 0)
        await this.sql
          .insertInto('member_availability')
          .values(update.openTo.map((flag) => ({ user_id: userId, flag, since: at, expires_at: until })))
          .onConflict((conflict) =>
            conflict
              .columns(['user_id', 'flag'])
              .doUpdateSet((eb) => ({ expires_at: eb.ref('excluded.expires_at'), asked_at: null })),
          )
          .execute();
      await this.replaceInterests(userId, update.interests, now);
      const { displayName, company, title, location, bio } = update;
      await writeSearchBody(this.sql, userId, profileBody([displayName, company, title, location, bio]));
    });
  }

  /** Keeps the added_at of tags that stay, so "when did I add this" survives an edit. */
  async replaceInterests(userId: string, tags: readonly string[], now: Date): Promise<void> {
    await this.store.transaction(async () => {
      const keep = new Set(tags);
      const gone = (await this.interests(userId)).filter((tag) => !keep.has(tag));
      await this.removeInterests(userId, gone);
      await this.addInterests(userId, tags, now);
    });
  }

  async agree(userId: string, version: string, now: Date): Promise<void> {
    await this.sql
      .updateTable('members')
      .set({ agreed_version: version, agreed_at: now.toISOString() })
      .where('user_id', '=', userId)
      .execute();
  }

  /** True only for the call that marked the member welcomed: two join events welcome once. */
  async markWelcomed(userId: string, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('members')
      .set({ welcomed_at: now.toISOString() })
      .where('user_id', '=', userId)
      .where('welcomed_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async unmarkWelcomed(userId: string): Promise<void> {
    await this.sql.updateTable('members').set({ welcomed_at: null }).where('user_id', '=', userId).execute();
  }

  /** At most one write an hour per member: activity feeds 90-day windows, not a log. */
  async touch(userId: string, now: Date): Promise<void> {
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    await this.sql
      .updateTable('members')
      .set({ last_active_at: now.toISOString() })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_active_at', 'is', null), eb('last_active_at', '<', hourAgo)]))
      .execute();
  }

  /** Members who agreed and did not hide themselves, with their interests. */
  async directory(): Promise<DirectoryEntry[]> {
    const listed = await this.sql
      .selectFrom('members')
      .selectAll()
      .where('agreed_at', 'is not', null)
      .where('visibility', '<>', 'nobody')
      .execute();
    const tags = await this.sql
      .selectFrom('member_interests as i')
      .innerJoin('members as m', 'm.user_id', 'i.user_id')
      .select(['i.user_id', 'i.tag'])
      .where('m.agreed_at', 'is not', null)
      .where('m.visibility', '<>', 'nobody')
      .orderBy('i.added_at')
      .orderBy('i.tag')
      .execute();
    return toEntries(listed, tags);
  }

  /** The directory entries of these members (a page of find's results), whoever they are. */
  async entries(userIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (userIds.length === 0) return [];
    const ids = [...userIds];
    const listed = await this.sql.selectFrom('members').selectAll().where('user_id', 'in', ids).execute();
    const tags = await this.sql
      .selectFrom('member_interests')
      .select(['user_id', 'tag'])
      .where('user_id', 'in', ids)
      .orderBy('added_at')
      .orderBy('tag')
      .execute();
    return toEntries(listed, tags);
  }

  async interestRows(userId: string): Promise<{ tag: string; addedAt: string }[]> {
    const rows = await this.sql
      .selectFrom('member_interests')
      .select(['tag', 'added_at'])
      .where('user_id', '=', userId)
      .orderBy('added_at')
      .orderBy('tag')
      .execute();
    return rows.map((row) => ({ tag: row.tag, addedAt: row.added_at }));
  }

  async availabilityRows(
    userId: string,
  ): Promise<{ flag: string; since: string; expiresAt: string | null; askedAt: string | null }[]> {
    const rows = await this.sql
      .selectFrom('member_availability')
      .select(['flag', 'since', 'expires_at', 'asked_at'])
      .where('user_id', '=', userId)
      .orderBy('flag')
      .execute();
    return rows.map((row) => ({
      flag: row.flag,
      since: row.since,
      expiresAt: row.expires_at,
      askedAt: row.asked_at,
    }));
  }

  async delete(userId: string): Promise<void> {
    await this.store.transaction(async () => {
      const held = await this.interests(userId);
      await this.sql.deleteFrom('members').where('user_id', '=', userId).execute();
      await pruneVocabulary(this.sql, held);
    });
  }
}
