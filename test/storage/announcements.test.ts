import { AnnouncementRepository } from '../../src/storage/announcements';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const FIRST = new Date('2026-12-02T09:30:00.000Z');
const SECOND = new Date('2026-12-03T09:30:00.000Z');
const AUTHOR = 'U0AUTHOR1';

describeOnEachEngine('announcement repository', (engine) => {
  test('every column written is read back, and only active rows are listed, in due order', async () => {
    const repo = new AnnouncementRepository(new Store(engine().connect()));
    const id = await repo.insert(
      {
        channel: 'C0NEWS001',
        text: 'Hello *alumni* 👋',
        firstAt: FIRST,
        repeat: 'cron',
        cron: '30 18 * * *',
      },
      'Asia/Tokyo',
      AUTHOR,
      T0,
    );
    const earlier = await repo.insert(
      { channel: 'G0PRIV001', text: 'once', firstAt: T0, repeat: 'none', cron: null },
      'UTC',
      'U0OTHER01',
      T0,
    );
    expect(await repo.get(id)).toEqual({
      id,
      channel: 'C0NEWS001',
      text: 'Hello *alumni* 👋',
      firstAt: FIRST,
      repeat: 'cron',
      cron: '30 18 * * *',
      timeZone: 'Asia/Tokyo',
      author: AUTHOR,
      status: 'active',
      nextAt: FIRST,
    });
    expect(await repo.get(id + earlier + 100)).toBeUndefined();
    expect((await repo.active()).map((a) => a.id)).toEqual([earlier, id]);
    expect((await repo.due(T0)).map((a) => a.id)).toEqual([earlier]);
    expect((await repo.due(FIRST)).map((a) => a.id)).toEqual([earlier, id]);

    expect(await repo.cancel(earlier, T0)).toBe(true);
    expect(await repo.cancel(earlier, T0)).toBe(false);
    expect((await repo.get(earlier))?.status).toBe('cancelled');
    expect((await repo.active()).map((a) => a.id)).toEqual([id]);

    expect(await repo.exportMember(AUTHOR)).toEqual([
      { id, channel: 'C0NEWS001', repeat: 'cron', status: 'active', created_at: T0.toISOString() },
    ]);
    await repo.eraseMember(AUTHOR);
    expect(await repo.exportMember(AUTHOR)).toEqual([]);
    expect((await repo.get(id))?.author).toBeNull();
  });

  test('two replicas advancing the same occurrence: one moves it on, the other changes nothing', async () => {
    const [a, b] = [engine().connect(), engine().connect()].map(
      (sql) => new AnnouncementRepository(new Store(sql)),
    );
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const id = await a.insert(
      { channel: 'C0NEWS001', text: 'daily', firstAt: FIRST, repeat: 'daily', cron: '30 9 * * *' },
      'UTC',
      AUTHOR,
      T0,
    );
    const results = await Promise.all([a.advance(id, FIRST, SECOND), b.advance(id, FIRST, SECOND)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await b.get(id))?.nextAt).toEqual(SECOND);
    // A stale `current` moves nothing; the last occurrence (no next) finishes it.
    expect(await b.advance(id, FIRST, null)).toBe(false);
    expect(await b.advance(id, SECOND, null)).toBe(true);
    expect(await a.get(id)).toMatchObject({ status: 'finished', nextAt: null });
    expect((await a.due(SECOND)).map((due) => due.id)).not.toContain(id);
  });
});
