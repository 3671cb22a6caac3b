import { AskRepository } from '../../src/storage/asks';
import { InterestTagRepository } from '../../src/storage/interestTags';
import { ViewSubmissionRepository } from '../../src/storage/viewSubmissions';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (days: number): Date => new Date(T0.getTime() + days * 86_400_000);

describeOnEachEngine('AskRepository', (engine) => {
  let repo: AskRepository;
  let store: Store;
  beforeAll(() => {
    store = new Store(engine().connect());
    repo = new AskRepository(store);
  });

  it('writes every column and reads it back', async () => {
    const id = await repo.insert(
      {
        type: 'offer',
        kind: 'fundraising',
        title: '資金調達の相談に乗ります',
        details: 'Seed and series A',
        tags: ['venture capital', 'startups'],
        audience: 'matches',
        days: 30,
      },
      'UAUTHOR',
      T0,
      at(30),
    );
    await repo.attachCard(id, 'C0ASKS', '1700000000.000100');
    expect(await repo.addResponse(id, 'UHELP1', at(1))).toBe(true);
    expect(await repo.addResponse(id, 'UHELP1', at(2))).toBe(false);
    expect(await repo.addResponse(id, 'UHELP2', at(2))).toBe(true);
    expect(await repo.markReminded(id, at(30))).toBe(true);
    expect(await repo.markReminded(id, at(30))).toBe(false);
    expect(await repo.resolve(id, at(3))).toBe(true);
    expect(await repo.resolve(id, at(4))).toBe(false);
    expect(await repo.thank(id, ['UHELP2', 'USTRANGER'])).toBe(1);

    expect(await repo.get(id)).toEqual({
      id,
      type: 'offer',
      kind: 'fundraising',
      author: 'UAUTHOR',
      title: '資金調達の相談に乗ります',
      details: 'Seed and series A',
      tags: ['startups', 'venture capital'],
      audience: 'matches',
      status: 'resolved',
      expiresAt: at(30),
      remindedFor: at(30),
      createdAt: T0,
      resolvedAt: at(3),
      cardChannel: 'C0ASKS',
      cardTs: '1700000000.000100',
    });
    expect(await repo.responses(id)).toEqual([
      { askId: id, userId: 'UHELP1', respondedAt: at(1), thanked: false },
      { askId: id, userId: 'UHELP2', respondedAt: at(2), thanked: true },
    ]);
    expect(await repo.figures()).toEqual({
      asks: { open: 0, resolved: 0, lapsed: 0 },
      offers: { open: 0, resolved: 1, lapsed: 0 },
      responses: 2,
      helpers: 1,
    });
  });

  it('reminds once per expiry, lapses what has expired, and an extension starts a new term', async () => {
    const id = await repo.insert(
      { type: 'ask', kind: 'advice', title: 'Pricing', details: null, tags: [], audience: 'all', days: 10 },
      'UAUTHOR2',
      T0,
      at(10),
    );
    expect((await repo.dueReminders(at(6), at(9))).map((item) => item.id)).not.toContain(id);
    expect((await repo.dueReminders(at(7), at(10))).map((item) => item.id)).toContain(id);
    expect(await repo.markReminded(id, at(10))).toBe(true);
    expect((await repo.dueReminders(at(7), at(10))).map((item) => item.id)).not.toContain(id);
    expect(await repo.extend(id, at(40), at(8))).toBe(true);
    expect((await repo.dueReminders(at(37), at(40))).map((item) => item.id)).toContain(id);
    expect(await repo.lapse(id, at(39))).toBe(false);
    expect((await repo.dueLapses(at(40))).map((item) => item.id)).toContain(id);
    expect(await repo.lapse(id, at(40))).toBe(true);
    expect(await repo.extend(id, at(70), at(41))).toBe(false);
    expect((await repo.get(id))?.status).toBe('lapsed');
  });

  it('erasing a member deletes their items and their responses, and says which cards showed them', async () => {
    const theirs = await repo.insert(
      {
        type: 'ask',
        kind: 'hiring',
        title: 'Hiring',
        details: null,
        tags: ['go'],
        audience: 'all',
        days: 30,
      },
      'UGONE',
      T0,
      at(30),
    );
    await repo.attachCard(theirs, 'C0ASKS', '1700000000.000200');
    const other = await repo.insert(
      { type: 'ask', kind: 'other', title: 'Other', details: null, tags: [], audience: 'all', days: 30 },
      'USTAYS',
      T0,
      at(30),
    );
    await repo.addResponse(theirs, 'USTAYS', at(1));
    await repo.addResponse(other, 'UGONE', at(1));
    const erased = await store.transaction(() => repo.eraseMember('UGONE'));
    expect(erased).toEqual({
      removedCards: [{ channel: 'C0ASKS', ts: '1700000000.000200' }],
      touched: [other],
      erasedItems: [{ id: theirs, responders: ['USTAYS'] }],
    });
    expect(await repo.get(theirs)).toBeUndefined();
    expect(await repo.responses(other)).toEqual([]);
    expect(await repo.exportMember('UGONE')).toEqual({ items: [], responses: [] });
    // Ids are never handed out again, so keys that named the erased item cannot name a new one.
    const next = await repo.insert(
      { type: 'ask', kind: 'other', title: 'Next', details: null, tags: [], audience: 'all', days: 30 },
      'USTAYS',
      T0,
      at(30),
    );
    expect(next).toBeGreaterThan(other);
  });

  it('reads the "open to" flags members hold, leaving out those past their expiry', async () => {
    const since = T0.toISOString();
    await store.sql
      .insertInto('members')
      .values(['UFLAG1', 'UFLAG2', 'UFLAG3'].map((user_id) => ({ user_id, created_at: since })))
      .execute();
    await store.sql
      .insertInto('member_availability')
      .values([
        { user_id: 'UFLAG1', flag: 'mentoring', since, expires_at: at(90).toISOString(), asked_at: null },
        { user_id: 'UFLAG1', flag: 'referrals', since, expires_at: null, asked_at: null },
        { user_id: 'UFLAG2', flag: 'collaboration', since, expires_at: at(1).toISOString(), asked_at: null },
        { user_id: 'UFLAG3', flag: 'mentoring', since, expires_at: null, asked_at: null },
      ])
      .execute();
    const flags = await repo.openToOf(['UFLAG1', 'UFLAG2', 'UFLAG1', 'UNONE'], at(2));
    expect(new Map([...flags].map(([user, held]) => [user, [...held].sort()]))).toEqual(
      new Map([['UFLAG1', ['mentoring', 'referrals']]]),
    );
  });

  it('an ask form is recorded once per view', async () => {
    const submissions = new ViewSubmissionRepository(store);
    const create = () =>
      repo.insert(
        { type: 'ask', kind: 'other', title: 'Once', details: null, tags: [], audience: 'all', days: 30 },
        'UONCE',
        T0,
        at(30),
      );
    const first = await submissions.once('VASK1', 'ask', T0, create);
    const again = await submissions.once('VASK1', 'ask', T0, create);
    expect(again).toEqual({ id: first.id, first: false });
    expect((await repo.byAuthor('UONCE', 10)).length).toBe(1);
  });

  it('a Japanese tag moved to its key moves on asks too, keeping one row where the key was already there', async () => {
    const both = await repo.insert(
      {
        type: 'ask',
        kind: 'other',
        title: 'Both',
        details: null,
        tags: ['テニス', 'tennis'],
        audience: 'all',
        days: 30,
      },
      'URETAG',
      T0,
      at(30),
    );
    const one = await repo.insert(
      {
        type: 'ask',
        kind: 'other',
        title: 'One',
        details: null,
        tags: ['テニス'],
        audience: 'all',
        days: 30,
      },
      'URETAG',
      T0,
      at(30),
    );
    const tags = new InterestTagRepository(store);
    expect(await tags.storedTags()).toContain('テニス');
    await tags.retag('テニス', 'tennis');
    expect((await repo.get(both))?.tags).toEqual(['tennis']);
    expect((await repo.get(one))?.tags).toEqual(['tennis']);
    expect(await tags.storedTags()).not.toContain('テニス');
  });
});
