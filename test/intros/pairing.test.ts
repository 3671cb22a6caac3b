import { pairMembers, pairsIn, type PairingCandidate } from '../../src/intros/pairing';

const key = (pair: readonly string[]): string => [...pair].sort().join('+');

function everyPair(groups: readonly { members: readonly string[] }[]): string[] {
  return groups.flatMap((g) => pairsIn(g.members).map(key));
}

function placed(groups: readonly { members: readonly string[] }[]): string[] {
  return groups.flatMap((g) => g.members).sort();
}

describe('intro pairing', () => {
  it('pairs members who share the most interests', () => {
    const candidates: PairingCandidate[] = [
      { userId: 'UA', tags: ['go', 'rust', 'design'] },
      { userId: 'UB', tags: ['cooking'] },
      { userId: 'UC', tags: ['go', 'rust', 'design', 'tennis'] },
      { userId: 'UD', tags: ['cooking', 'wine'] },
    ];
    const { groups, leftOut } = pairMembers({ candidates, recentPairs: [], seed: 'r1' });
    expect(leftOut).toEqual([]);
    expect(groups).toEqual([
      { members: ['UA', 'UC'], sharedTags: ['go', 'rust', 'design'] },
      { members: ['UB', 'UD'], sharedTags: ['cooking'] },
    ]);
  });

  it('never repeats a recent pair, even when they share the most', () => {
    const candidates: PairingCandidate[] = [
      { userId: 'UA', tags: ['go', 'rust'] },
      { userId: 'UB', tags: ['go', 'rust'] },
      { userId: 'UC', tags: ['go'] },
      { userId: 'UD', tags: ['rust'] },
    ];
    const { groups, leftOut } = pairMembers({ candidates, recentPairs: [['UB', 'UA']], seed: 'r2' });
    expect(leftOut).toEqual([]);
    expect(everyPair(groups)).not.toContain('UA+UB');
    expect(placed(groups)).toEqual(['UA', 'UB', 'UC', 'UD']);
  });

  it('makes exactly one trio when the count is odd, choosing the pair the third shares most with', () => {
    const candidates: PairingCandidate[] = [
      { userId: 'UA', tags: ['go'] },
      { userId: 'UB', tags: ['go'] },
      { userId: 'UC', tags: ['chess'] },
      { userId: 'UD', tags: ['chess'] },
      { userId: 'UE', tags: ['chess', 'go'] },
    ];
    const { groups, leftOut } = pairMembers({ candidates, recentPairs: [], seed: 'r3' });
    expect(leftOut).toEqual([]);
    expect(groups.filter((g) => g.members.length === 3)).toHaveLength(1);
    expect(groups.filter((g) => g.members.length === 2)).toHaveLength(1);
    expect(placed(groups)).toEqual(['UA', 'UB', 'UC', 'UD', 'UE']);
  });

  it('a trio’s shared tags are those at least two of them hold, most widely held first', () => {
    const candidates: PairingCandidate[] = [
      { userId: 'UA', tags: ['go', 'chess'] },
      { userId: 'UB', tags: ['go', 'chess', 'wine'] },
      { userId: 'UC', tags: ['go', 'wine'] },
    ];
    const { groups } = pairMembers({ candidates, recentPairs: [], seed: 'r4' });
    expect(groups).toEqual([{ members: ['UA', 'UB', 'UC'], sharedTags: ['go', 'chess', 'wine'] }]);
  });

  it('members without shared interests are still paired, and a lone member sits out', () => {
    const { groups } = pairMembers({
      candidates: [
        { userId: 'UA', tags: [] },
        { userId: 'UB', tags: ['x'] },
      ],
      recentPairs: [],
      seed: 's',
    });
    expect(groups).toEqual([{ members: ['UA', 'UB'], sharedTags: [] }]);
    expect(pairMembers({ candidates: [{ userId: 'UA', tags: [] }], recentPairs: [], seed: 's' })).toEqual({
      groups: [],
      leftOut: ['UA'],
    });
  });

  it('swaps with an existing pair rather than leave two members out', () => {
    // UA and UB share everything but met last round; UC and UD met nobody.
    const candidates: PairingCandidate[] = [
      { userId: 'UA', tags: ['go'] },
      { userId: 'UB', tags: ['go'] },
      { userId: 'UC', tags: ['chess'] },
      { userId: 'UD', tags: ['chess'] },
    ];
    const { groups, leftOut } = pairMembers({
      candidates,
      recentPairs: [
        ['UA', 'UB'],
        ['UC', 'UD'],
      ],
      seed: 'x',
    });
    expect(leftOut).toEqual([]);
    expect(everyPair(groups).sort()).not.toEqual(expect.arrayContaining(['UA+UB']));
    expect(everyPair(groups)).not.toContain('UC+UD');
    expect(placed(groups)).toEqual(['UA', 'UB', 'UC', 'UD']);
  });

  it('leaves out whoever could only repeat a recent pair', () => {
    const { groups, leftOut } = pairMembers({
      candidates: [
        { userId: 'UA', tags: [] },
        { userId: 'UB', tags: [] },
        { userId: 'UC', tags: [] },
      ],
      recentPairs: [
        ['UA', 'UB'],
        ['UA', 'UC'],
        ['UB', 'UC'],
      ],
      seed: 'y',
    });
    expect(groups).toEqual([]);
    expect(leftOut).toEqual(['UA', 'UB', 'UC']);
  });

  it('is deterministic for a seed and independent of input order', () => {
    const candidates: PairingCandidate[] = Array.from({ length: 41 }, (_, i) => ({
      userId: `U${String(i).padStart(3, '0')}`,
      tags: [`t${i % 5}`, `s${i % 3}`],
    }));
    const first = pairMembers({ candidates, recentPairs: [], seed: 'round-1' });
    const again = pairMembers({ candidates: [...candidates].reverse(), recentPairs: [], seed: 'round-1' });
    expect(again).toEqual(first);
    expect(first.groups.filter((g) => g.members.length === 3)).toHaveLength(1);
    expect(placed(first.groups)).toHaveLength(41);
  });

  it('over many rounds with a rolling six-round history, no pair ever repeats within six rounds', () => {
    const candidates: PairingCandidate[] = Array.from({ length: 31 }, (_, i) => ({
      userId: `U${String(i).padStart(3, '0')}`,
      tags: [`t${i % 4}`],
    }));
    const rounds: string[][] = [];
    for (let round = 0; round < 12; round += 1) {
      const recent = rounds.slice(-6).flat();
      const recentPairs = recent.map((k) => k.split('+') as [string, string]);
      const { groups, leftOut } = pairMembers({ candidates, recentPairs, seed: `round-${round}` });
      const pairs = everyPair(groups);
      for (const pair of pairs) expect(recent).not.toContain(pair);
      expect(leftOut).toEqual([]);
      rounds.push(pairs);
    }
  });

  it('prefers interest overlap at scale: most pairs share something when tags are common', () => {
    const candidates: PairingCandidate[] = Array.from({ length: 2000 }, (_, i) => ({
      userId: `U${i}`,
      tags: [`t${i % 50}`, `u${i % 37}`],
    }));
    const { groups, leftOut } = pairMembers({ candidates, recentPairs: [], seed: 'scale' });
    expect(leftOut).toEqual([]);
    const sharing = groups.filter((g) => g.sharedTags.length > 0).length;
    expect(sharing / groups.length).toBeGreaterThan(0.95);
  });
});
