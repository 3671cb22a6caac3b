import { sqliteStore } from '../../src/storage/kysely/open';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../src/storage/database';
import { OutboxRepository } from '../../src/storage/outbox';

// Four connections claiming in parallel threads: SQLite's BEGIN IMMEDIATE and the single
// UPDATE … RETURNING must hand each row to exactly one of them.
describe('outbox claims across connections', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-claims-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a worker; resolves once it is connected and waiting, with a function that runs it. */
  const startWorker = (file: string, now: string, worker: string): Promise<() => Promise<string[]>> =>
    new Promise((resolveReady, reject) => {
      const bootstrap = `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(path.join(__dirname, 'claimWorker.ts'))});`;
      const thread = new Worker(bootstrap, { eval: true, workerData: { file, now, worker } });
      thread.once('error', reject);
      thread.once('message', () => {
        resolveReady(
          () =>
            new Promise<string[]>((resolve, fail) => {
              thread.once('message', (keys: string[]) => resolve(keys));
              thread.once('error', fail);
              thread.postMessage('go');
            }),
        );
      });
    });

  it('gives every due row to exactly one worker', async () => {
    const file = path.join(dir, 'alumni.sqlite');
    const db = openDatabase(file);
    const repository = new OutboxRepository(db, sqliteStore(db));
    const now = '2026-11-24T01:00:00.000Z';
    db.transaction(() => {
      for (let i = 0; i < 600; i += 1) {
        repository.insert({
          kind: 'test_post',
          key: `claim:${i}`,
          channel: `C0CLAIM${i % 7}`,
          payload: JSON.stringify({ text: `post ${i}` }),
          dueAt: now,
          expiresAt: null,
          notifyOnFailure: null,
          status: 'pending',
          lastError: null,
          now,
        });
      }
    })();
    db.close();

    const workers = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((worker) => startWorker(file, now, worker)),
    );
    const results = await Promise.all(workers.map((go) => go()));
    const all = results.flat();
    expect(all).toHaveLength(600);
    expect(new Set(all).size).toBe(600);
    // Parallel for real: more than one worker got rows.
    expect(results.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
  }, 30_000);
});
