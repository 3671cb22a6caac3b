/**
 * `find <interest>` at scale, in a fresh process:
 *   node dist/bench/findQueries.js <members> <tags each> sqlite|postgres [scan]
 * (postgres: the empty database in BENCH_DATABASE_URL). Seeds a community with profile text and
 * Zipf-distributed tags, then times find for interests drawn as members would type them (popular
 * ones more often), some words of profile text and a few two-character queries. `scan` times the
 * code before issue 15 instead (the whole directory read and ranked in JavaScript): the baseline.
 * Prints one JSON line.
 */
import { sql as rawSql } from 'kysely';
import { TagVocabulary } from '../src/interests/tags';
import { findMembers } from '../src/members/find';
import { profileBody, rankMatches } from '../src/members/matching';
import { openSql } from '../src/storage/kysely/open';
import { MemberSearchRepository } from '../src/storage/memberSearch';
import { MemberRepository } from '../src/storage/members';
import type { Sql } from '../src/storage/schema';
import { Store } from '../src/storage/store';
import { openBenchEngine } from './benchEngine';
import { median, percentile, pickTags, rng, wordVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 100000);
const tagsEach = Number(process.argv[3] ?? 20);
const engineKind = process.argv[4] === 'postgres' ? 'postgres' : 'sqlite';
const scan = process.argv[5] === 'scan';
const VOCABULARY = 2000;
const QUERIES = scan ? 3 : 200;
const at = new Date('2026-11-30T00:00:00Z').toISOString();

const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Pied Piper',
  '株式会社サンプル',
  'Stark',
];
const TITLES = ['Engineer', 'Product Manager', 'Designer', 'Data Scientist', 'エンジニア', 'Recruiter'];
const PLACES = ['Tokyo', 'Osaka', 'London', 'Berlin', '東京都渋谷区', 'New York', 'Singapore', '福岡'];

async function seed(sql: Sql, random: () => number, vocabulary: readonly string[]): Promise<void> {
  await sql.transaction().execute(async (trx) => {
    for (let offset = 0; offset < vocabulary.length; offset += 500)
      await trx
        .insertInto('interest_vocabulary')
        .values(vocabulary.slice(offset, offset + 500).map((tag) => ({ tag })))
        .execute();
    for (let offset = 0; offset < members; offset += 500) {
      const batch = Array.from({ length: Math.min(500, members - offset) }, (_, k) => {
        const i = offset + k;
        const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
        return {
          user_id: `U${String(i).padStart(8, '0')}`,
          display_name: `Member ${i}`,
          company: pick(COMPANIES),
          title: pick(TITLES),
          location: pick(PLACES),
          // One in twenty hides their profile, one in twenty shows it to staff only.
          visibility: i % 20 === 0 ? 'nobody' : i % 20 === 1 ? 'staff' : 'all',
          tags: pickTags(random, vocabulary, tagsEach),
        };
      });
      await trx
        .insertInto('members')
        .values(
          batch.map((m) => ({
            user_id: m.user_id,
            display_name: m.display_name,
            company: m.company,
            title: m.title,
            location: m.location,
            visibility: m.visibility,
            created_at: at,
            agreed_at: at,
            agreed_version: 'bench',
            profile_updated_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('member_search')
        .values(
          batch.map((m) => ({
            user_id: m.user_id,
            body: profileBody([m.display_name, m.company, m.title, m.location, null]),
          })),
        )
        .execute();
      for (let t = 0; t < batch.length; t += 100) {
        await trx
          .insertInto('member_interests')
          .values(
            batch
              .slice(t, t + 100)
              .flatMap((m) => m.tags.map((tag) => ({ user_id: m.user_id, tag, added_at: at }))),
          )
          .execute();
      }
    }
  });
}

async function main(): Promise<void> {
  const { engine, cleanUp } = await openBenchEngine(engineKind, 'findQueries.js');
  const sql = openSql(engine);
  const random = rng(11);
  const vocabulary = wordVocabulary(VOCABULARY);
  const seedStart = process.hrtime.bigint();
  await seed(sql, random, vocabulary);
  // Fresh statistics, as autovacuum would have after a bulk load, so the planner knows the indexes pay.
  if (engine.kind === 'postgres') await rawSql`ANALYZE`.execute(sql);
  const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;

  const store = new Store(sql);
  const repo = new MemberRepository(store);
  const search = new MemberSearchRepository(store);
  const tags = TagVocabulary.fromFile();
  const normalize = (tag: string): string => tags.normalize(tag);
  // As members type them: interests, popular ones more often; every tenth a word of profile text or two characters.
  const texts = ['tokyo', 'engineer', 'acme', '渋谷区', 'エンジニア', 'data', 'member 4242', 'pied piper'];
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    i % 10 === 9
      ? (texts[i % texts.length] ?? 'tokyo')
      : i % 20 === 4
        ? 'ta'
        : (pickTags(random, vocabulary, 1)[0] ?? 'tag-0'),
  );
  const caller = 'U00000007';
  const timings: number[] = [];
  let found = 0;
  for (const query of queries) {
    const started = process.hrtime.bigint();
    if (scan) {
      const callerInterests = new Set(await repo.interests(caller));
      const ranked = rankMatches({
        query: normalize(query),
        queryWords: query,
        callerInterests,
        candidates: (await repo.directory()).filter((e) => e.userId !== caller && e.visibility === 'all'),
        normalizeTag: normalize,
      });
      found += ranked.length;
    } else {
      const result = await findMembers(repo, search, {
        callerId: caller,
        seesStaffOnly: false,
        query: normalize(query),
        queryWords: query,
        normalizeTag: normalize,
        limit: 20,
      });
      found += result.total;
    }
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (process.env.BENCH_VERBOSE)
      process.stderr.write(`${query}\t${Math.round(timings[timings.length - 1] ?? 0)}\n`);
  }
  await sql.destroy();
  cleanUp();
  const round = (n: number): number => Math.round(n * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({
      engine: engineKind,
      members,
      tagsEach,
      scan,
      queries: queries.length,
      seedMs: Math.round(seedMs),
      medianMs: round(median(timings)),
      p99Ms: round(percentile(timings, 99)),
      maxMs: round(Math.max(...timings)),
      meanFound: Math.round(found / queries.length),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
