// Runs in a worker thread with its own SQLite connection, claiming through the real repository, so
// that claims from several connections race for real (not just interleave on one event loop).
// Loaded by claims.test.ts through ts-node; not a test file itself.
import { sqliteStore } from '../../src/storage/kysely/open';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { openDatabase } from '../../src/storage/database';
import { OutboxRepository } from '../../src/storage/outbox';
import { claimUntilEmpty } from './claimLoop';

const input = z.object({ file: z.string(), now: z.string(), worker: z.string() }).parse(workerData);
const db = openDatabase(input.file);
const repository = new OutboxRepository(sqliteStore(db));
const pause = new Int32Array(new SharedArrayBuffer(4));

// Everyone loads and connects first; the test then starts all workers at once.
parentPort?.once('message', () => {
  const sleepOneMs = (): Promise<void> => {
    Atomics.wait(pause, 0, 0, 1); // blocks this thread only, as a send would keep it busy
    return Promise.resolve();
  };
  claimUntilEmpty(repository, { now: input.now, worker: input.worker, batch: 3 }, sleepOneMs).then(
    (claimed) => {
      db.close();
      parentPort?.postMessage(claimed);
    },
    (error: unknown) => {
      throw error;
    },
  );
});
parentPort?.postMessage('ready');
