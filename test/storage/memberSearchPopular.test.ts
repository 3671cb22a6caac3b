import { TagVocabulary } from '../../src/interests/tags';
import { findMembers } from '../../src/members/find';
import { profileBody, rankMatches } from '../../src/members/matching';
import { MemberSearchRepository, addToVocabulary } from '../../src/storage/memberSearch';
import { MemberRepository } from '../../src/storage/members';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

// Issue 15: a tag held by thousands goes through the engine's ranked statement (scores summed and
// sorted in SQL, the caller's other tags read through the tag index). Page, order and total must
// still be what the scan over the whole directory gave, ties past the statement's first rows too.

const AT = '2026-12-01T10:00:00.000Z';
const vocabulary = TagVocabulary.fromFile();
const normalize = (tag: string): string => vocabulary.normalize(tag);
// More than the hits under which find seeks each hit's tags (2,000), so the ranked path runs.
const HOLDERS = 2100;
const CALLER = 'UPCALLER';
// Names that differ, so that the ranking (score, then name) is one order on both engines.
const NAMES = ['Ann', 'ann', 'Émile', 'Zoë', '山田'];

interface Row {
  readonly id: string;
  readonly name: string | null;
  readonly visibility: 'all' | 'staff' | 'nobody';
  readonly bio: string | null;
  readonly tags: string[];
}

function community(): Row[] {
  const rows: Row[] = [
    { id: CALLER, name: 'Caller', visibility: 'all', bio: null, tags: ['popular', 'alpha', 'beta', 'gamma'] },
  ];
  for (let i = 0; i < HOLDERS; i += 1) {
    // Each holder shares a subset of two of the caller's other tags (i % 4 as bits): four score
    // levels, about 440 visible members on each, so the best level alone passes the first read's 220 rows.
    const extra = ['alpha', 'beta'].filter((_, bit) => (i & (1 << bit)) !== 0);
    rows.push({
      id: `UP${String(i).padStart(5, '0')}`,
      name: i % 6 === 5 ? null : `${NAMES[i % NAMES.length] ?? ''} ${i}`,
      visibility: i % 13 === 0 ? 'nobody' : i % 11 === 0 ? 'staff' : 'all',
      bio: i % 17 === 0 ? 'a popular place' : null,
      tags: ['popular', ...extra, `own-${i % 50}`],
    });
  }
  return rows;
}

async function seed(db: Sql, rows: readonly Row[]): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += 400) {
    const batch = rows.slice(offset, offset + 400);
    await db
      .insertInto('members')
      .values(
        batch.map((r) => ({
          user_id: r.id,
          display_name: r.name,
          bio: r.bio,
          visibility: r.visibility,
          created_at: AT,
          agreed_at: AT,
          agreed_version: 'v1',
          profile_updated_at: AT,
        })),
      )
      .execute();
    await db
      .insertInto('member_search')
      .values(batch.map((r) => ({ user_id: r.id, body: profileBody([r.name, null, null, null, r.bio]) })))
      .execute();
    await db
      .insertInto('member_interests')
      .values(batch.flatMap((r) => r.tags.map((tag) => ({ user_id: r.id, tag, added_at: AT }))))
      .execute();
    await addToVocabulary(db, [...new Set(batch.flatMap((r) => r.tags))]);
  }
}

describeOnEachEngine('find for a tag thousands hold', (engine) => {
  let members: MemberRepository;
  let search: MemberSearchRepository;

  beforeAll(async () => {
    const db = engine().connect();
    const store = new Store(db);
    members = new MemberRepository(store);
    search = new MemberSearchRepository(store);
    await seed(db, community());
  });

  const find = (query: string, staff: boolean, limit: number) =>
    findMembers(members, search, {
      callerId: CALLER,
      seesStaffOnly: staff,
      query: normalize(query),
      queryWords: query,
      normalizeTag: normalize,
      limit,
    });

  const scan = async (query: string, staff: boolean, limit: number) => {
    const ranked = rankMatches({
      query: normalize(query),
      queryWords: query,
      callerInterests: new Set(await members.interests(CALLER)),
      candidates: (await members.directory())
        .filter((entry) => entry.userId !== CALLER)
        .filter((entry) => entry.visibility === 'all' || (entry.visibility === 'staff' && staff)),
      normalizeTag: normalize,
    });
    return { matches: ranked.slice(0, limit), total: ranked.length };
  };

  test.each(['popular', 'alpha', 'own', 'place'])(
    '"%s" finds what the directory scan found, in the same order, with the same total',
    async (query) => {
      for (const staff of [false, true]) {
        for (const limit of [1, 20])
          expect(await find(query, staff, limit)).toEqual(await scan(query, staff, limit));
      }
    },
  );

  test('the ranked statement lists no hidden member, no staff-only one to members, never the caller', async () => {
    const found = await search.ranked(
      {
        callerId: CALLER,
        seesStaffOnly: false,
        weights: new Map([['popular', 100]]),
        phrase: '',
        sharedTags: ['alpha', 'beta', 'gamma'],
      },
      20,
    );
    const ids = new Set(found?.hits.map((hit) => hit.userId));
    // Every tie with the 20th best came back (the best level holds more than the first read's rows).
    expect(ids.size).toBeGreaterThan(220);
    expect(ids.has(CALLER)).toBe(false);
    for (const id of ids) {
      const i = Number(id.slice(2));
      expect(i % 13 === 0 || i % 11 === 0).toBe(false);
    }
    expect(found?.total).toBe(
      Array.from({ length: HOLDERS }, (_, i) => i).filter((i) => i % 13 !== 0 && i % 11 !== 0).length,
    );
  });
});
