import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { sql as rawSql } from 'kysely';
import { IntroRepository } from '../../src/storage/intros';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine, type EngineUnderTest } from '../support/engines';

const T0 = new Date('2026-11-30T01:00:00.000Z');
const REPO = path.resolve(__dirname, '..', '..');
const REPLICA = path.join(__dirname, 'introGroupReplica.ts');
const TS_NODE_REGISTER = require.resolve('ts-node/register/transpile-only');

interface Task {
  readonly roundId: number;
  readonly perTransaction: number;
  readonly lockRound: boolean;
  readonly groups: readonly (readonly string[])[];
}

/** Another bot process, as far as intro groups go: its own connection and event loop. */
class Replica {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting: (() => void) | undefined;
  private errors = '';
  private exited = false;

  constructor(engine: EngineUnderTest) {
    this.child = spawn(process.execPath, ['-r', TS_NODE_REGISTER, REPLICA, engine.name, engine.address], {
      cwd: REPO,
      env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json') },
    });
    let partial = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      partial += chunk.toString();
      const complete = partial.split('\n');
      partial = complete.pop() ?? '';
      this.lines.push(...complete);
      this.waiting?.();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.errors += chunk.toString();
    });
    this.child.on('exit', () => {
      this.exited = true;
      this.waiting?.();
    });
  }

  private async nextLine(): Promise<string> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.exited) throw new Error(`replica exited: ${this.errors}`);
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
      this.waiting = undefined;
    }
  }

  async ready(): Promise<void> {
    expect(await this.nextLine()).toBe('ready');
  }

  /** The id each group got, or null where the replica found a member taken. */
  async run(task: Task): Promise<(number | null)[]> {
    this.child.stdin.write(`${JSON.stringify(task)}\n`);
    return JSON.parse(await this.nextLine()) as (number | null)[];
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exit;
  }
}

async function membersByGroup(sql: Sql, roundId: number): Promise<Map<number, string[]>> {
  const groups = await sql.selectFrom('intro_groups').select('id').where('round_id', '=', roundId).execute();
  const members = await sql
    .selectFrom('intro_members')
    .select(['group_id', 'user_id'])
    .where('round_id', '=', roundId)
    .orderBy('user_id')
    .execute();
  const out = new Map(groups.map((g) => [g.id, [] as string[]]));
  for (const m of members) {
    const list = out.get(m.group_id);
    if (list === undefined) throw new Error(`member row of group ${m.group_id}, which is not in the round`);
    if (m.user_id !== null) list.push(m.user_id);
  }
  return out;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const user = (n: number): string => `UR${String(n).padStart(3, '0')}`;
/** Pairs (start, start+1), (start+2, start+3), … below `end`, members in order. */
const pairsFrom = (start: number, end: number): string[][] =>
  Array.from({ length: Math.floor((end - start) / 2) }, (_, i) => [
    user(start + 2 * i),
    user(start + 2 * i + 1),
  ]);

describeOnEachEngine('intro groups on several replicas', (engine) => {
  jest.setTimeout(90_000);

  let replicas: Replica[] = [];

  beforeAll(async () => {
    replicas = [new Replica(engine()), new Replica(engine())];
    await Promise.all(replicas.map((replica) => replica.ready()));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  /**
   * Both replicas get their task at the same moment. Each of one replica's groups shares a member
   * with one or two of the other's; they go through the members side by side (every group contended)
   * or from opposite ends (meeting in the middle).
   */
  async function race(
    roundKey: string,
    perTransaction: number,
    lockRound: boolean,
    direction: 'same' | 'opposite',
  ): Promise<void> {
    const store = new Store(engine().connect());
    const round = await new IntroRepository(store).openRound(roundKey, T0, T0);
    const plans = [pairsFrom(0, 400), direction === 'same' ? pairsFrom(1, 400) : pairsFrom(1, 400).reverse()];
    const results = await Promise.all(
      replicas.map((replica, i) =>
        replica.run({ roundId: round.id, perTransaction, lockRound, groups: plans[i] ?? [] }),
      ),
    );
    const stored = await membersByGroup(store.sql, round.id);
    const placed = [...stored.values()].flat();
    expect(new Set(placed).size).toBe(placed.length);
    // Exactly the groups the replicas were told were recorded, each with all its members.
    const expected = new Map<number, string[]>();
    results.forEach((ids, r) =>
      ids.forEach((id, g) => {
        if (id !== null) expected.set(id, plans[r]?.[g] ?? []);
      }),
    );
    expect(stored).toEqual(expected);
    expect(results.flat().filter((id) => id === null).length).toBeGreaterThan(0);
  }

  test('two processes adding overlapping groups for one round at once, a transaction each: nobody in two groups, no group half made', async () => {
    await race('race-side-by-side', 1, false, 'same');
    await race('race-opposite', 1, false, 'opposite');
  });

  test('the same in batches, as the planner adds them (the round locked per batch): no deadlock, nobody twice', async () => {
    await race('race-batches', 25, true, 'opposite');
  });

  test('a plan made before another replica committed: the taken group leaves nothing, the rest of the batch stands', async () => {
    const a = new IntroRepository(new Store(engine().connect()));
    const bStore = new Store(engine().connect());
    const b = new IntroRepository(bStore);
    const round = await a.openRound('stale-plan', T0, T0);
    const first = await a.addGroup(round.id, ['US1', 'US2'], T0);
    const [taken, free] = await bStore.transaction(async () => [
      await b.addGroup(round.id, ['US2', 'US3'], T0),
      await b.addGroup(round.id, ['US4', 'US5'], T0),
    ]);
    expect(taken).toBeUndefined();
    expect(free).toEqual(expect.any(Number));
    expect(await membersByGroup(bStore.sql, round.id)).toEqual(
      new Map([
        [first, ['US1', 'US2']],
        [free, ['US4', 'US5']],
      ]),
    );
  });

  test('Postgres: a replica waits for the other’s open transaction, then yields if it committed, or takes the member if it rolled back', async () => {
    // On SQLite a second writer cannot even begin while the first holds BEGIN IMMEDIATE; the
    // child-process race above covers it.
    if (engine().name !== 'postgres') return;
    const aStore = new Store(engine().connect());
    const a = new IntroRepository(aStore);
    const b = new IntroRepository(new Store(engine().connect()));
    const observer = engine().connect();
    const round = await a.openRound('waits', T0, T0);
    const waitingOnALock = async (): Promise<void> => {
      for (let i = 0; i < 500; i += 1) {
        const { rows } = await rawSql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()`.execute(observer);
        if ((rows[0]?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the second replica never waited for the first');
    };

    // A commits: B, which was waiting on UW2, finds it taken and leaves nothing.
    const aInserted = deferred();
    const aMayEnd = deferred();
    const aGroup = aStore.transaction(async () => {
      const id = await a.addGroup(round.id, ['UW1', 'UW2'], T0);
      aInserted.resolve();
      await aMayEnd.promise;
      return id;
    });
    await aInserted.promise;
    const bGroup = b.addGroup(round.id, ['UW2', 'UW3'], T0);
    await waitingOnALock();
    aMayEnd.resolve();
    const committed = await aGroup;
    expect(await bGroup).toBeUndefined();

    // A rolls back: B, which was waiting on UW5, gets its group.
    const aInsertedAgain = deferred();
    const aMayFail = deferred();
    const rolledBack = aStore.transaction(async () => {
      await a.addGroup(round.id, ['UW4', 'UW5'], T0);
      aInsertedAgain.resolve();
      await aMayFail.promise;
      throw new Error('replica A gives up');
    });
    await aInsertedAgain.promise;
    const bSecond = b.addGroup(round.id, ['UW5', 'UW6'], T0);
    await waitingOnALock();
    aMayFail.resolve();
    await expect(rolledBack).rejects.toThrow('replica A gives up');
    const second = await bSecond;
    expect(second).toEqual(expect.any(Number));

    expect(await membersByGroup(observer, round.id)).toEqual(
      new Map([
        [committed, ['UW1', 'UW2']],
        [second, ['UW5', 'UW6']],
      ]),
    );
  });
});
