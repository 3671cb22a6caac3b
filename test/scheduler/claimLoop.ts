import type { OutboxRepository } from '../../src/storage/outbox';

/**
 * One worker's share of a claim race: claims `batch` due rows at a time through the real repository
 * and marks each sent (fenced on its claim, so a row claimed twice shows up as a lost claim), until
 * nothing is left. Returns the keys it claimed.
 */
export async function claimUntilEmpty(
  repository: OutboxRepository,
  input: { now: string; worker: string; batch: number },
  pause: () => Promise<void>,
): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const { claimed: rows } = await repository.expireAndClaim(input.now, input.worker, input.batch);
    if (rows.length === 0) return claimed;
    for (const row of rows) {
      claimed.push(row.key);
      const slack = { channel: row.channel, ts: '1.000001' };
      if (!(await repository.markSent(row.id, input.worker, slack, null, input.now)))
        throw new Error(`${input.worker} lost the claim on ${row.key}`);
    }
    await pause(); // "sending", so that the others get their turn
  }
}

/** The due rows the workers race for, on `channels` channels. */
export async function insertDueRows(
  repository: OutboxRepository,
  count: number,
  now: string,
  channels = 7,
): Promise<void> {
  await repository.transaction(async () => {
    for (let i = 0; i < count; i += 1) {
      await repository.insert({
        kind: 'test_post',
        key: `claim:${i}`,
        channel: `C0CLAIM${i % channels}`,
        payload: JSON.stringify({ text: `post ${i}` }),
        dueAt: now,
        expiresAt: null,
        notifyOnFailure: null,
        status: 'pending',
        lastError: null,
        now,
      });
    }
  });
}
