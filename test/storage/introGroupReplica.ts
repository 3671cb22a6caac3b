/**
 * One replica adding intro groups, for test/storage/introGroups.test.ts. It runs in a process of
 * its own (ts-node), so that on SQLite too it is another connection with its own event loop, as a
 * second bot process would be:
 *   introGroupReplica.ts <sqlite|postgres> <file or URL>
 * Prints "ready" once connected. Then each line on stdin is a task (JSON, see `task`): the groups
 * are added in transactions of the given size, each first taking the round's lock when asked (as
 * the planner does); one JSON line answers with the id of each group, or null where a member was
 * taken. Ends when stdin closes.
 */
import readline from 'node:readline';
import { z } from 'zod';
import { openDatabase } from '../../src/storage/database';
import { openSql } from '../../src/storage/kysely/open';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { IntroRepository } from '../../src/storage/intros';
import { Store } from '../../src/storage/store';

const [engine, address] = z.tuple([z.enum(['sqlite', 'postgres']), z.string()]).parse(process.argv.slice(2));

const task = z.object({
  roundId: z.number().int(),
  perTransaction: z.number().int().positive(),
  lockRound: z.boolean(),
  groups: z.array(z.array(z.string())),
});

async function main(): Promise<void> {
  const db = engine === 'sqlite' ? openDatabase(address) : undefined;
  const sql =
    db !== undefined
      ? openSql({ kind: 'sqlite', db })
      : openSql({ kind: 'postgres', pool: openPostgresPool(address, { maxConnections: 1 }) });
  const store = new Store(sql);
  const intros = new IntroRepository(store);
  const now = new Date('2026-11-30T01:00:00.000Z');
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const { roundId, perTransaction, lockRound, groups } = task.parse(JSON.parse(line));
    const ids: (number | null)[] = [];
    for (let offset = 0; offset < groups.length; offset += perTransaction) {
      await store.transaction(async () => {
        if (lockRound) await intros.lockRound(roundId);
        const batch: (number | null)[] = [];
        for (const members of groups.slice(offset, offset + perTransaction))
          batch.push((await intros.addGroup(roundId, members, now)) ?? null);
        ids.push(...batch);
      });
    }
    process.stdout.write(`${JSON.stringify(ids)}\n`);
  }
  await sql.destroy();
  db?.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
