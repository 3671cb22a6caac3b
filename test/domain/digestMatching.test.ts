import { TagIndex, selectDigests } from '../../src/digests/matching';

describe('digest matching', () => {
  const jobs = new TagIndex([
    { id: 1, tags: ['go'], rank: 1 },
    { id: 2, tags: ['go', 'design'], rank: 2 },
    { id: 3, tags: ['rust'], rank: 3 },
    { id: 4, tags: ['go'], rank: 4 },
  ]);

  it('ranks by shared interests, then newer first; leaves out what was sent and what does not match', () => {
    expect(jobs.best(['go', 'design'], undefined, 5)).toEqual([
      { id: 2, score: 2, sharedTags: ['go', 'design'] },
      { id: 4, score: 1, sharedTags: ['go'] },
      { id: 1, score: 1, sharedTags: ['go'] },
    ]);
    expect(jobs.best(['go'], new Set([4]), 1)).toEqual([{ id: 2, score: 1, sharedTags: ['go'] }]);
    expect(jobs.best(['cooking'], undefined, 5)).toEqual([]);
  });

  it('is not disturbed by earlier queries (the shared counters are reset)', () => {
    jobs.best(['go', 'design', 'rust'], undefined, 2);
    expect(jobs.best(['rust'], undefined, 5)).toEqual([{ id: 3, score: 1, sharedTags: ['rust'] }]);
  });

  it('leaves members with nothing relevant out entirely', () => {
    const selections = selectDigests({
      recipients: [
        { userId: 'A', interests: ['go'] },
        { userId: 'B', interests: ['cooking'] },
        { userId: 'C', interests: [] },
      ],
      jobs,
      events: new TagIndex([]),
      sentJobs: new Map([['A', new Set([1, 2, 4])]]),
      sentEvents: new Map(),
    });
    expect([...selections.keys()]).toEqual([]);
  });
});
