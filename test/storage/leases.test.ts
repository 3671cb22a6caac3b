import { LeaseRepository } from '../../src/storage/leases';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const plus = (ms: number): Date => new Date(T0.getTime() + ms);
const TTL = 30_000;

describeOnEachEngine('leases', (engine) => {
  test('one holder at a time; it renews, others wait until it expires, then one takes over', async () => {
    const [a, b] = [engine().connect(), engine().connect()].map((sql) => new LeaseRepository(sql));
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    expect(await a.acquire('scheduler', 'replica-a', T0, plus(TTL))).toBe(true);
    expect(await b.acquire('scheduler', 'replica-b', plus(1_000), plus(1_000 + TTL))).toBe(false);
    // A renews before expiry: B still cannot take it at A's first expiry.
    expect(await a.acquire('scheduler', 'replica-a', plus(20_000), plus(20_000 + TTL))).toBe(true);
    expect(await b.acquire('scheduler', 'replica-b', plus(TTL), plus(2 * TTL))).toBe(false);
    expect(await b.holderOf('scheduler', plus(TTL))).toBe('replica-a');
    // A dies (stops renewing): at its expiry B takes over, and A's late renewal fails.
    expect(await b.acquire('scheduler', 'replica-b', plus(20_000 + TTL), plus(20_000 + 2 * TTL))).toBe(true);
    expect(await a.acquire('scheduler', 'replica-a', plus(20_000 + TTL + 1), plus(20_000 + 2 * TTL))).toBe(
      false,
    );
    expect(await a.holderOf('scheduler', plus(20_000 + TTL + 1))).toBe('replica-b');
  });

  test('replicas racing for a free lease: exactly one wins', async () => {
    const replicas = [1, 2, 3, 4, 5].map((n) => ({
      name: `r${n}`,
      leases: new LeaseRepository(engine().connect()),
    }));
    const results = await Promise.all(replicas.map((r) => r.leases.acquire('race', r.name, T0, plus(TTL))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('a released lease is free at once; releasing someone else’s does nothing', async () => {
    const a = new LeaseRepository(engine().connect());
    expect(await a.acquire('digest', 'replica-a', T0, plus(TTL))).toBe(true);
    await a.release('digest', 'replica-b');
    expect(await a.holderOf('digest', T0)).toBe('replica-a');
    await a.release('digest', 'replica-a');
    expect(await a.holderOf('digest', T0)).toBeUndefined();
    expect(await a.acquire('digest', 'replica-c', plus(1), plus(TTL))).toBe(true);
  });
});
