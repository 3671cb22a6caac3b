import { sql } from 'kysely';
import { TagVocabulary } from '../../src/interests/tags';
import { findMembers } from '../../src/members/find';
import { rankMatches } from '../../src/members/matching';
import type { ProfileUpdate, Visibility } from '../../src/members/types';
import { MemberSearchRepository } from '../../src/storage/memberSearch';
import { MemberRepository } from '../../src/storage/members';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

// Issue 15: find goes through the engines' indexes. What it answers must be what the scan over
// the whole directory answered (rankMatches over members.directory()), page and total alike.

const NOW = new Date('2026-12-01T10:00:00.000Z');
const vocabulary = TagVocabulary.fromFile();
const normalize = (tag: string): string => vocabulary.normalize(tag);

interface Person {
  readonly id: string;
  readonly name: string | null;
  readonly visibility?: Visibility;
  readonly company?: string;
  readonly title?: string;
  readonly location?: string;
  readonly bio?: string;
  readonly tags: readonly string[];
}

const PEOPLE: readonly Person[] = [
  { id: 'USCALLER', name: 'Caller', tags: ['python', 'golf', 'hiking'] },
  { id: 'USPY1', name: 'Aiko', tags: ['python', 'golf'], location: 'Tokyo' },
  { id: 'USPY2', name: 'Ben', tags: ['python', 'hiking', 'data science'], company: 'Pythonic Ltd' },
  { id: 'USPY3', name: 'Chen', tags: ['pytorch', 'machine learning'], title: 'Data Engineer' },
  { id: 'USGO1', name: 'Dana', tags: ['go', 'golf'], bio: 'I write Go at ＡＣＭＥ in 東京都渋谷区' },
  { id: 'USJA1', name: '山田 花子', tags: ['テニス', 'データ分析'], location: '東京', title: 'エンジニア' },
  { id: 'USJA2', name: '鈴木', tags: ['ボルダリング'], bio: '大阪のエンジニアです 100%' },
  { id: 'USNONAME', name: null, tags: ['python'], bio: 'under_score and 50% "quoted"' },
  { id: 'USSTAFF', name: 'Staff Only', visibility: 'staff', tags: ['python'], location: 'Tokyo' },
  {
    id: 'USHIDDEN',
    name: 'Hidden Person',
    visibility: 'nobody',
    tags: ['python', 'secretive'],
    bio: 'tokyo',
  },
  { id: 'USTIE1', name: 'Eve', tags: ['chess'] },
  { id: 'USTIE2', name: 'eve', tags: ['chess'] },
  { id: 'USTIE3', name: 'Émile', tags: ['chess', 'golf'] },
];

function update(person: Person): ProfileUpdate {
  return {
    displayName: person.name,
    yearsFrom: 2015,
    yearsTo: null,
    company: person.company ?? null,
    title: person.title ?? null,
    location: person.location ?? null,
    bio: person.bio ?? null,
    visibility: person.visibility ?? 'all',
    openTo: [],
    interests: person.tags.map(normalize),
  };
}

async function seed(members: MemberRepository, people: readonly Person[]): Promise<void> {
  for (const person of people) {
    await members.ensure(person.id, NOW);
    await members.agree(person.id, 'v1', NOW);
    await members.saveProfile(person.id, update(person), NOW, NOW);
  }
}

/** The scan find did before issue 15, kept here as the specification. */
async function scan(
  members: MemberRepository,
  callerId: string,
  staff: boolean,
  query: string,
  limit: number,
) {
  const ranked = rankMatches({
    query: normalize(query),
    queryWords: query,
    callerInterests: new Set(await members.interests(callerId)),
    candidates: (await members.directory())
      .filter((entry) => entry.userId !== callerId)
      .filter((entry) => entry.visibility === 'all' || (entry.visibility === 'staff' && staff)),
    normalizeTag: normalize,
  });
  return { matches: ranked.slice(0, limit), total: ranked.length };
}

const QUERIES = [
  'python',
  'Python',
  'ｐｙｔｈｏｎ',
  'py',
  'pyt',
  'go',
  'g',
  'golf',
  'data',
  'data science',
  'engineer',
  'tokyo',
  '東京',
  '東京都',
  '東',
  'エンジニア',
  'テニス',
  'てにす',
  'ボルダ',
  'chess',
  'eve',
  'acme',
  '100%',
  '%',
  '_',
  'under_score',
  '"quoted"',
  'secretive',
  'nobody matches this',
  '渋谷区',
];

describeOnEachEngine('find through the indexes', (engine) => {
  let db: Sql;
  let members: MemberRepository;
  let search: MemberSearchRepository;

  beforeAll(async () => {
    db = engine().connect();
    const store = new Store(db);
    members = new MemberRepository(store);
    search = new MemberSearchRepository(store);
    await seed(members, PEOPLE);
  });

  const find = (query: string, staff: boolean, limit = 3, callerId = 'USCALLER') =>
    findMembers(members, search, {
      callerId,
      seesStaffOnly: staff,
      query: normalize(query),
      queryWords: query,
      normalizeTag: normalize,
      limit,
    });

  test.each(QUERIES)(
    '"%s" finds what the directory scan found, in the same order, with the same total',
    async (query) => {
      for (const staff of [false, true]) {
        for (const limit of [1, 3, 20]) {
          expect(await find(query, staff, limit)).toEqual(
            await scan(members, 'USCALLER', staff, query, limit),
          );
        }
      }
    },
  );

  test('hidden members are never found; staff-only members only by HR and admins; never the caller', async () => {
    const ids = async (query: string, staff: boolean) =>
      (await find(query, staff, 20)).matches.map((m) => m.entry.userId);
    for (const query of ['python', 'tokyo', 'secretive', 'hidden']) {
      expect(await ids(query, true)).not.toContain('USHIDDEN');
      expect(await ids(query, false)).not.toContain('USHIDDEN');
    }
    expect(await ids('python', false)).not.toContain('USSTAFF');
    expect(await ids('python', true)).toContain('USSTAFF');
    expect(await ids('python', true)).not.toContain('USCALLER');
    expect((await find('secretive', true)).total).toBe(0);
  });

  test('tags, words, substrings, Japanese text and one- or two-character queries are found', async () => {
    const ids = async (query: string) => (await find(query, false, 20)).matches.map((m) => m.entry.userId);
    expect(await ids('python')).toEqual(expect.arrayContaining(['USPY1', 'USPY2', 'USNONAME']));
    expect(await ids('pyt')).toContain('USPY3'); // a part of the tag pytorch
    expect(await ids('data')).toEqual(expect.arrayContaining(['USPY2', 'USPY3']));
    expect(await ids('東京')).toEqual(expect.arrayContaining(['USJA1', 'USGO1'])); // two characters: LIKE
    expect(await ids('渋谷区')).toEqual(['USGO1']); // three: the trigram index
    expect(await ids('acme')).toEqual(['USGO1']); // ＡＣＭＥ typed full-width, stored canonical
    expect(await ids('エンジニア')).toEqual(expect.arrayContaining(['USJA1', 'USJA2']));
    expect((await ids('%')).sort()).toEqual(['USJA2', 'USNONAME']); // LIKE's wildcard, taken literally
    expect(await ids('_')).toEqual(['USNONAME']);
  });

  test('a profile edited outside a save is followed, and an erased member leaves no text behind', async () => {
    await seed(members, [{ id: 'USEDIT', name: 'Zed', tags: ['curling', 'golf'] }]);
    await db
      .updateTable('members')
      .set({ location: 'Quixotic Bay' })
      .where('user_id', '=', 'USEDIT')
      .execute();
    expect((await find('quixotic', false, 20)).matches.map((m) => m.entry.userId)).toEqual(['USEDIT']);
    await members.delete('USEDIT');
    expect(
      await db.selectFrom('member_search').selectAll().where('user_id', '=', 'USEDIT').execute(),
    ).toEqual([]);
    expect((await find('quixotic', true, 20)).total).toBe(0);
    // A tag only the erased member held leaves the vocabulary with them; one others hold stays.
    const vocabulary = await search.vocabulary();
    expect(vocabulary).not.toContain('curling');
    expect(vocabulary).toContain('golf');
    if (engine().name === 'sqlite') {
      // The trigram index no longer answers for the erased text (secure-delete removed its entries).
      const { rows } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM member_search_fts WHERE member_search_fts MATCH '"quixotic"'`.execute(db);
      expect(rows[0]?.n).toBe(0);
    }
  });
});
