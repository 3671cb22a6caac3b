import { HandledEventRepository } from '../../src/storage/handledEvents';
import { describeOnEachEngine } from '../support/engines';

const at = (iso: string): Date => new Date(iso);

describeOnEachEngine('handled events', (engine) => {
  test('an event id is claimed once; every retry of it is refused', async () => {
    const repository = new HandledEventRepository(engine().connect());
    expect(await repository.claim('Ev1', at('2026-12-01T10:00:00Z'))).toBe(true);
    expect(await repository.claim('Ev1', at('2026-12-01T10:01:00Z'))).toBe(false);
    expect(await repository.claim('Ev2', at('2026-12-01T10:01:00Z'))).toBe(true);
  });

  test('a retry reaching another replica is still refused: three replicas claim one id at once', async () => {
    const replicas = [1, 2, 3].map(() => new HandledEventRepository(engine().connect()));
    const now = at('2026-12-01T11:00:00Z');
    const results = await Promise.all(
      replicas.flatMap((r) => [r.claim('EvRace', now), r.claim('EvRace', now)]),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('ids older than a day are pruned, so a very late duplicate is handled again', async () => {
    const repository = new HandledEventRepository(engine().connect());
    expect(await repository.claim('EvOld', at('2026-12-02T00:00:00Z'))).toBe(true);
    const later = new HandledEventRepository(engine().connect());
    expect(await later.claim('EvOld', at('2026-12-03T00:00:01Z'))).toBe(true);
  });
});
