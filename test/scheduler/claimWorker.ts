// Runs in a worker thread with its own SQLite connection, claiming through the real repository, so
// that claims from several connections race for real (not just interleave on one event loop).
// Loaded by claims.test.ts through ts-node; not a test file itself.
import { sqliteStore } from '../../src/storage/kysely/open';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDatabase } from '../../src/storage/database';
import { OutboxRepository } from '../../src/storage/outbox';

const input = z.object({ file: z.string(), now: z.string(), worker: z.string() }).parse(workerData);
const db = openDatabase(input.file);
const repository = new OutboxRepository(db, sqliteStore(db));
const pause = new Int32Array(new SharedArrayBuffer(4));

function run(): string[] {
  const claimed: string[] = [];
  for (;;) {
    const { claimed: batch } = repository.expireAndClaim(input.now, input.worker, 3);
    if (batch.length === 0) break;
    for (const row of batch) {
      claimed.push(row.key);
      if (
        !repository.markSent(row.id, input.worker, { channel: row.channel, ts: '1.000001' }, null, input.now)
      ) {
        throw new Error(`lost the claim on ${row.key}`);
      }
    }
    Atomics.wait(pause, 0, 0, 1); // ~1 ms "sending", so that the others get their turn
  }
  return claimed;
}

// Everyone loads and connects first; the test then starts all workers at once.
parentPort?.once('message', () => {
  const claimed = run();
  db.close();
  parentPort?.postMessage(claimed);
});
parentPort?.postMessage('ready');
