import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Sql } from './schema';
import type { Store } from './store';
import { PROFILE_TEXT } from '../members/matching';

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

/** A hit scored whole by the engine: tag weights, the phrase in the text, the caller's other tags. */
export interface RankedHit {
  readonly userId: string;
  readonly displayName: string | null;
  readonly score: number;
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
// Bound parameters one ranked statement may carry (query tags and the caller's): under SQLite's
// 32,766 and Postgres's 65,535. A query matching more tags takes the chunked path (hits()).
const RANKED_PARAMETERS = 20000;
// Rows past the page the first ranked statement returns, so that ties with the last row of the
// page usually come back at once; when they may not have, a second statement reads every tie.
const TIE_ROOM = 200;

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

  /**
   * The hits of a query that can be on its page, scored in the engine, and how many hits there
   * are in all; undefined when the query matches too many tags for one statement (then hits()).
   * Only rows scoring at least the `limit`-th best come back (ties included), so a popular tag's
   * tens of thousands of hits never reach JavaScript: the engine reads the query's tags and the
   * caller's through member_interests(tag), the text through its trigram index, and sorts.
   */
  async ranked(query: SearchQuery, limit: number): Promise<{ hits: RankedHit[]; total: number } | undefined> {
    if (query.weights.size + query.sharedTags.length > RANKED_PARAMETERS) return undefined;
    const found = this.foundRows(query);
    if (found === undefined || limit < 1) return { hits: [], total: 0 };
    const visible = query.seesStaffOnly ? ['all', 'staff'] : ['all'];
    const { rows: counted } = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM (${this.foundIds(query)}) AS u
      JOIN members AS m ON m.user_id = u.user_id
      WHERE m.agreed_at IS NOT NULL AND m.visibility IN (${sql.join(visible)})
        AND m.user_id <> ${query.callerId}`.execute(this.sql);
    const total = Number(counted[0]?.n ?? 0);
    if (total === 0) return { hits: [], total };
    // The caller's other tags add a point each. A few hits: a primary key seek per hit and tag.
    // Many (a popular tag): reading those tags' holders through the tag index once costs less.
    const tags = sql.join(query.sharedTags);
    const shared =
      query.sharedTags.length === 0
        ? sql`0`
        : total <= SEEK_HITS
          ? sql`(SELECT count(*) FROM member_interests AS x WHERE x.user_id = f.user_id AND x.tag IN (${tags}))`
          : sql`coalesce(sh.n, 0)`;
    const holders =
      query.sharedTags.length === 0 || total <= SEEK_HITS
        ? sql``
        : sql`LEFT JOIN (SELECT user_id, count(*) AS n FROM member_interests
                         WHERE tag IN (${tags}) GROUP BY user_id) AS sh ON sh.user_id = f.user_id`;
    const scored = sql`
      SELECT f.user_id, m.display_name, f.points + ${shared} AS score
      FROM (SELECT user_id, sum(points) AS points FROM (${found}) AS rows_found GROUP BY user_id) AS f
      JOIN members AS m ON m.user_id = f.user_id
      ${holders}
      WHERE m.agreed_at IS NOT NULL AND m.visibility IN (${sql.join(visible)})
        AND m.user_id <> ${query.callerId}`;
    const read = async (least?: number, rows?: number): Promise<RankedHit[]> => {
      const { rows: out } = await sql<{ user_id: string; display_name: string | null; score: number }>`
        SELECT t.user_id, t.display_name, t.score FROM (${scored}) AS t
        ${least === undefined ? sql`` : sql`WHERE t.score >= ${least}`} ORDER BY t.score DESC
        ${rows === undefined ? sql`` : sql`LIMIT ${sql.lit(rows)}`}`.execute(this.sql);
      return out.map((row) => ({
        userId: row.user_id,
        displayName: row.display_name,
        score: Number(row.score),
      }));
    };
    let hits = await read(undefined, limit + TIE_ROOM);
    const last = hits[limit - 1]?.score;
    // The statement's limit may have cut a run of rows tied with the page's last: read them all.
    if (last !== undefined && hits.length === limit + TIE_ROOM && hits[hits.length - 1]?.score === last)
      hits = await read(last);
    return { hits, total };
  }

  /** Rows (user_id, points): one per query tag a member holds, one for the phrase in their text. */
  private foundRows(query: SearchQuery): RawBuilder<unknown> | undefined {
    const parts: RawBuilder<unknown>[] = [];
    if (query.weights.size > 0) {
      const byWeight = new Map<number, string[]>();
      for (const [tag, weight] of query.weights) byWeight.set(weight, [...(byWeight.get(weight) ?? []), tag]);
      const classes = [...byWeight.entries()].sort((a, b) => a[1].length - b[1].length);
      const commonest = classes.pop()?.[0] ?? 0;
      // Weights are our own integer constants, so they are written into the statement as literals.
      const points =
        classes.length === 0
          ? sql`${sql.lit(commonest)}`
          : sql`CASE ${sql.join(
              classes.map(
                ([weight, listed]) => sql`WHEN tag IN (${sql.join(listed)}) THEN ${sql.lit(weight)}`,
              ),
              sql` `,
            )} ELSE ${sql.lit(commonest)} END`;
      parts.push(
        sql`SELECT user_id, ${points} AS points FROM member_interests
            WHERE tag IN (${sql.join([...query.weights.keys()])})`,
      );
    }
    if (query.phrase.length > 0)
      parts.push(sql`SELECT user_id, ${sql.lit(PROFILE_TEXT)} AS points FROM member_search AS s
                     WHERE ${this.textHolds(query.phrase)}`);
    return parts.length === 0 ? undefined : sql.join(parts, sql` UNION ALL `);
  }

  /** The distinct members a query finds, whoever they are (the caller filters visibility). */
  private foundIds(query: SearchQuery): RawBuilder<unknown> {
    const parts: RawBuilder<unknown>[] = [];
    if (query.weights.size > 0)
      parts.push(
        sql`SELECT user_id FROM member_interests WHERE tag IN (${sql.join([...query.weights.keys()])})`,
      );
    if (query.phrase.length > 0)
      parts.push(sql`SELECT user_id FROM member_search AS s WHERE ${this.textHolds(query.phrase)}`);
    return sql.join(parts, sql` UNION `);
  }

  /**
   * Exactly the profile texts containing `phrase`: the index narrows (trigram FTS5 or LIKE), then
   * a byte-exact substring test, as the JavaScript includes() did on the rows the index gave.
   */
  private textHolds(phrase: string): RawBuilder<unknown> {
    const exact =
      this.store.dialect === 'sqlite'
        ? sql`instr(s.body, ${phrase}) > 0`
        : sql`strpos(s.body, ${phrase}) > 0`;
    if (phrase.length >= TRIGRAM && this.store.dialect === 'sqlite') {
      const quoted = `"${phrase.replace(/"/g, '""')}"`;
      return sql`s.id IN (SELECT rowid FROM member_search_fts WHERE member_search_fts MATCH ${quoted}) AND ${exact}`;
    }
    return sql`s.body LIKE ${likePattern(phrase)} AND ${exact}`;
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
