import { rankMatches } from '../../src/members/matching';
import type { DirectoryEntry } from '../../src/storage/members';

const entry = (userId: string, interests: string[], extra: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  userId,
  displayName: null,
  company: null,
  title: null,
  location: null,
  bio: null,
  visibility: 'all',
  interests,
  ...extra,
});

describe('rankMatches', () => {
  const rank = (query: string, candidates: DirectoryEntry[], callerInterests: string[] = []) =>
    rankMatches({
      query,
      queryWords: query,
      callerInterests: new Set(callerInterests),
      candidates,
      normalizeTag: (t) => t,
    }).map((m) => m.entry.userId);

  it('puts exact tags before partial tags before profile text, and ties by shared interests', () => {
    const people = [
      entry('text', [], { bio: 'I love design systems' }),
      entry('partial', ['design systems']),
      entry('exact', ['design']),
      entry('exactShared', ['design', 'go']),
      entry('none', ['cooking']),
    ];
    expect(rank('design', people, ['go'])).toEqual(['exactShared', 'exact', 'partial', 'text']);
  });

  it('matches any word of a several-word query against tags', () => {
    expect(rank('go or rust', [entry('a', ['rust']), entry('b', ['python'])])).toEqual(['a']);
  });
});
