import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Sql } from './schema';
import type { Store } from './store';

/** A member find may list, with what the query's tags and text found on them. */
export interface SearchHit {
  readonly userId: string;
  readonly displayName: string | null;
  /** The sum of the weights of the query's tags the member holds. */
  points: number;
  /** The member's profile text, when it contains the query's phrase (checked by the caller). */
  body: string | null;
  /** How many of `sharedTags` (the caller's other tags) the member holds. */
  shared: number;
}

export interface SearchQuery {
  readonly callerId: string;
  readonly seesStaffOnly: boolean;
  /** Every stored tag the query matches, with what holding it is worth (the service weighed them). */
  readonly weights: ReadonlyMap<string, number>;
  /** The canonical phrase looked for in profile text; '' for none. */
  readonly phrase: string;
  /** The caller's tags that are not among `tags`: each adds a point. */
  readonly sharedTags: readonly string[];
}

// Patterns are a superset of "contains the phrase": characters LIKE or GLOB would read as wildcards
// become a one-character wildcard, and the caller checks every body it gets back with includes().
const likePattern = (phrase: string): string => `%${phrase.replace(/[%_\\]/g, '_')}%`;
// FTS5's trigram index answers a phrase of three characters or more; shorter ones read every body.
const TRIGRAM = 3;
// Under both engines' bound-parameter limits, with room for the rest of the statement.
const IN_LIST = 500;
// Above this many hits, counting shared tags reads the tags' holders instead of seeking each hit.
const SEEK_HITS = 2000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Eb = ExpressionBuilder<Database & { s: Database['member_search'] }, 's'>;

/**
 * SQL for find (issue 15): the query goes to the engine's indexes, never through every member in
 * JavaScript. Tags through member_interests(tag); profile text through a trigram index (FTS5 on
 * SQLite, pg_trgm GIN on Postgres), a plain LIKE for phrases under three characters.
 */
export class MemberSearchRepository {
  constructor(private readonly store: Store) {}

  private get sql(): Sql {
    return this.store.sql;
  }

  /** Every distinct tag a member holds (kept by the member repository: see vocabularyAfter). */
  async vocabulary(): Promise<string[]> {
    return (await this.sql.selectFrom('interest_vocabulary').select('tag').execute()).map((row) => row.tag);
  }

  /** The profile text rows whose body may contain `phrase` (a superset: the caller checks). */
  private textMatch(eb: Eb, phrase: string): Expression<SqlBool> {
    if (phrase.length >= TRIGRAM && this.store.dialect === 'sqlite') {
      // A quoted FTS5 phrase: with the trigram tokenizer, rows holding it as a substring.
      const quoted = `"${phrase.replace(/"/g, '""')}"`;
      return eb(
        's.id',
        'in',
        sql<number>`(SELECT rowid FROM member_search_fts WHERE member_search_fts MATCH ${quoted})`,
      );
    }
    return eb('s.body', 'like', likePattern(phrase));
  }

  /** Members the query finds that the caller may see, with what found them. */
  async hits(query: SearchQuery): Promise<SearchHit[]> {
    const visible = query.seesStaffOnly ? ['all', 'staff'] : ['all'];
    const byId = new Map<string, SearchHit>();
    // Few tags carry a weight of their own (the query as a tag, its words); the many partial ones
    // share the commonest weight, so the CASE stays short and each hit comes back as one row.
    const byWeight = new Map<number, string[]>();
    for (const [tag, weight] of query.weights) byWeight.set(weight, [...(byWeight.get(weight) ?? []), tag]);
    const classes = [...byWeight.entries()].sort((a, b) => a[1].length - b[1].length);
    const commonest = classes.pop()?.[0] ?? 0;
    // Weights are our own integer constants, so they are written into the statement as literals.
    const arms = classes.map(
      ([weight, listed]) => sql`WHEN i.tag IN (${sql.join(listed)}) THEN ${sql.lit(weight)}`,
    );
    const points =
      arms.length === 0
        ? sql<number>`sum(${sql.lit(commonest)})`
        : sql<number>`sum(CASE ${sql.join(arms, sql` `)} ELSE ${sql.lit(commonest)} END)`;
    for (const tags of chunks([...query.weights.keys()], IN_LIST)) {
      const rows = await this.sql
        .selectFrom('member_interests as i')
        .innerJoin('members as m', 'm.user_id', 'i.user_id')
        .select(['i.user_id', 'm.display_name', points.as('points')])
        .where('i.tag', 'in', tags)
        .where('m.agreed_at', 'is not', null)
        .where('m.visibility', 'in', visible)
        .where('m.user_id', '<>', query.callerId)
        .groupBy(['i.user_id', 'm.display_name'])
        .execute();
      for (const row of rows) {
        const hit = byId.get(row.user_id);
        if (hit === undefined)
          byId.set(row.user_id, {
            userId: row.user_id,
            displayName: row.display_name,
            points: Number(row.points),
            body: null,
            shared: 0,
          });
        else hit.points += Number(row.points);
      }
    }
    if (query.phrase.length > 0) {
      const rows = await this.sql
        .selectFrom('member_search as s')
        .innerJoin('members as m', 'm.user_id', 's.user_id')
        .select(['s.user_id', 's.body', 'm.display_name'])
        .where((eb) => this.textMatch(eb, query.phrase))
        .where('m.agreed_at', 'is not', null)
        .where('m.visibility', 'in', visible)
        .where('m.user_id', '<>', query.callerId)
        .execute();
      for (const row of rows) {
        if (!row.body.includes(query.phrase)) continue;
        const hit = byId.get(row.user_id);
        if (hit === undefined)
          byId.set(row.user_id, {
            userId: row.user_id,
            displayName: row.display_name,
            points: 0,
            body: row.body,
            shared: 0,
          });
        else hit.body = row.body;
      }
    }
    if (byId.size > 0 && query.sharedTags.length > 0) {
      for (const row of await this.sharedCounts([...byId.keys()], query.sharedTags)) {
        const hit = byId.get(row.user_id);
        if (hit !== undefined) hit.shared = Number(row.n);
      }
    }
    return [...byId.values()];
  }

  /**
   * How many of `tags` (the caller's, at most 30) each of `userIds` holds. A few hits: one primary
   * key seek per hit and tag. Many (a popular tag): reading the tags' holders through the tag index
   * costs less than that many seeks.
   */
  private async sharedCounts(
    userIds: readonly string[],
    tags: readonly string[],
  ): Promise<{ user_id: string; n: number }[]> {
    const count = (db: Sql) =>
      db
        .selectFrom('member_interests')
        .select((eb) => ['user_id', eb.fn.countAll<number>().as('n')])
        .where('tag', 'in', [...tags])
        .groupBy('user_id');
    if (userIds.length > SEEK_HITS) return count(this.sql).execute();
    const out: { user_id: string; n: number }[] = [];
    for (const ids of chunks(userIds, IN_LIST))
      out.push(...(await count(this.sql).where('user_id', 'in', ids).execute()));
    return out;
  }

  /** Stores the profile text find searches; called with every profile save, in its transaction. */
  async write(userId: string, body: string): Promise<void> {
    await writeSearchBody(this.sql, userId, body);
  }
}

export async function writeSearchBody(db: Sql, userId: string, body: string): Promise<void> {
  await db
    .insertInto('member_search')
    .values({ user_id: userId, body })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ body }))
    .execute();
}

/** Adds tags a member now holds to the distinct tags find reads. */
export async function addToVocabulary(db: Sql, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('interest_vocabulary')
    .values(tags.map((tag) => ({ tag })))
    .onConflict((conflict) => conflict.column('tag').doNothing())
    .execute();
}

/** Removes, of these tags, those no member holds any more (after a removal, a retag or an erasure). */
export async function pruneVocabulary(db: Sql, tags: readonly string[]): Promise<void> {
  for (const some of chunks(tags, IN_LIST)) {
    await db
      .deleteFrom('interest_vocabulary')
      .where('tag', 'in', some)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('member_interests as i')
              .select('i.tag')
              .whereRef('i.tag', '=', 'interest_vocabulary.tag'),
          ),
        ),
      )
      .execute();
  }
}
