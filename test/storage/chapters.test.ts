import { ChapterRepository } from '../../src/storage/chapters';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (hours: number): string => new Date(T0.getTime() + hours * 3_600_000).toISOString();

// The chapters' SQL on both engines: the unique keys that decide names and channels, joins and
// leads as no-ops the second time, counts by visibility, events counted by the chapter's channel,
// and erasure.
describeOnEachEngine('ChapterRepository', (engine) => {
  let store: Store;
  let repo: ChapterRepository;
  beforeAll(() => {
    store = new Store(engine().connect());
    repo = new ChapterRepository(store);
  });

  it('one active chapter per name and per channel; archiving frees both', async () => {
    const tokyo = await repo.insert('Tokyo', 'tokyo', 'C0TOKYO1', T0);
    expect(tokyo).toBeDefined();
    expect(await repo.insert('TOKYO', 'tokyo', 'C0OTHER1', T0)).toBeUndefined();
    expect(await repo.insert('Kanto', 'kanto', 'C0TOKYO1', T0)).toBeUndefined();
    expect(await repo.byKey('tokyo')).toEqual({ id: tokyo, name: 'Tokyo', channelId: 'C0TOKYO1' });
    expect(await repo.archive(tokyo ?? 0, T0)).toBe(true);
    expect(await repo.archive(tokyo ?? 0, T0)).toBe(false);
    expect(await repo.byKey('tokyo')).toBeUndefined();
    const again = await repo.insert('Tokyo', 'tokyo', 'C0TOKYO1', T0);
    expect(again).toBeDefined();
    expect(again).not.toBe(tokyo);
  });

  it('joins and leads once; members split by visibility; events counted by channel; erasure', async () => {
    const id = (await repo.insert('Osaka', 'osaka', 'C0OSAKA1', T0)) ?? 0;
    const sql = store.sql;
    await sql
      .insertInto('members')
      .values([
        { user_id: 'U1SEEN', visibility: 'all', created_at: at(0) },
        { user_id: 'U1HIDDEN', visibility: 'nobody', created_at: at(0) },
      ])
      .execute();
    expect(await repo.join(id, 'U1SEEN', T0)).toBe(true);
    expect(await repo.join(id, 'U1SEEN', T0)).toBe(false);
    expect(await repo.join(id, 'U1HIDDEN', T0)).toBe(true);
    expect(await repo.join(id, 'U1NOROW', T0)).toBe(true);
    expect(await repo.addLead(id, 'U1SEEN', T0)).toBe(true);
    expect(await repo.addLead(id, 'U1SEEN', T0)).toBe(false);
    await repo.record(id, 'UADMIN', 'lead_added', 'U1SEEN', T0);
    expect(await repo.leadsIn('U1SEEN', 'C0OSAKA1')).toBe(true);
    expect(await repo.leadsIn('U1SEEN', 'C0OTHER1')).toBe(false);
    expect((await repo.active()).find((row) => row.id === id)).toMatchObject({
      visibleMembers: 1,
      hiddenMembers: 2,
    });
    expect((await repo.memberChannels(['U1SEEN', 'U1STRANGER'])).get('U1SEEN')).toEqual(
      new Set(['C0OSAKA1']),
    );

    await sql
      .insertInto('events')
      .values([
        {
          title: 'Past',
          starts_at: at(-5),
          ends_at: at(-4),
          channel: 'C0OSAKA1',
          created_at: at(-9),
          status: 'scheduled',
        },
        {
          title: 'Soon',
          starts_at: at(5),
          ends_at: at(6),
          channel: 'C0EVENTS',
          card_channel: 'C0OSAKA1',
          created_at: at(0),
          status: 'scheduled',
        },
        {
          title: 'Off',
          starts_at: at(5),
          ends_at: at(6),
          channel: 'C0OSAKA1',
          created_at: at(0),
          status: 'cancelled',
        },
      ])
      .execute();
    expect((await repo.eventCounts(T0)).get('C0OSAKA1')).toEqual({ upcoming: 1, past: 1 });

    expect(await repo.exportMember('U1SEEN')).toMatchObject({
      memberships: [{ chapter: 'Osaka' }],
      leads: [{ chapter: 'Osaka' }],
      actions: [{ actorId: 'UADMIN', action: 'lead_added', subjectId: 'U1SEEN' }],
    });
    await repo.eraseMember('U1SEEN');
    await repo.eraseMember('UADMIN');
    expect(await repo.exportMember('U1SEEN')).toEqual({ memberships: [], leads: [], actions: [] });
    expect(await repo.actions(id)).toMatchObject([{ actorId: null, action: 'lead_added', subjectId: null }]);
    expect(await repo.leadsIn('U1SEEN', 'C0OSAKA1')).toBe(false);
  });
});
