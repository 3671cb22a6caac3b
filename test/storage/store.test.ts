import { Store, SlowWorkInTransaction } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const at = '2026-12-01T10:00:00.000Z';

describeOnEachEngine('the store', (engine) => {
  async function names(store: Store): Promise<string[]> {
    const rows = await store.sql.selectFrom('leases').select('name').orderBy('name').execute();
    return rows.map((row) => row.name);
  }

  async function put(store: Store, name: string): Promise<void> {
    await store.sql.insertInto('leases').values({ name, holder: 'test', expires_at: at }).execute();
  }

  test('a transaction commits everything its repositories wrote, through however many awaits', async () => {
    const store = new Store(engine().connect());
    await store.transaction(async () => {
      await put(store, 'commit:a');
      await new Promise((resolve) => setImmediate(resolve));
      await put(store, 'commit:b');
    });
    expect((await names(store)).filter((n) => n.startsWith('commit:'))).toEqual(['commit:a', 'commit:b']);
  });

  test('an error rolls back every write of the transaction, nested calls included', async () => {
    const store = new Store(engine().connect());
    await expect(
      store.transaction(async () => {
        await put(store, 'rollback:a');
        await store.transaction(async () => put(store, 'rollback:b'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await names(store)).filter((n) => n.startsWith('rollback:'))).toEqual([]);
  });

  test('work outside the transaction is not part of it, even while it is open', async () => {
    const store = new Store(engine().connect());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = store.transaction(async () => {
      await put(store, 'isolated:inside');
      await gate;
      throw new Error('undo');
    });
    // Another request meanwhile: on SQLite it waits for the one connection, on Postgres it has its own.
    const outside = (async () => {
      expect(store.inTransaction).toBe(false);
      await put(store, 'isolated:outside');
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(failing).rejects.toThrow('undo');
    await outside;
    expect((await names(store)).filter((n) => n.startsWith('isolated:'))).toEqual(['isolated:outside']);
  });

  test('a slow call inside a transaction is refused, outside it is allowed', async () => {
    const store = new Store(engine().connect());
    expect(() => store.assertNoTransaction('chat.postMessage')).not.toThrow();
    await expect(
      store.transaction(() => Promise.resolve(store.assertNoTransaction('chat.postMessage'))),
    ).rejects.toThrow(SlowWorkInTransaction);
  });
});
