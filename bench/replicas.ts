/**
 * `npm run bench -- replicas`: three bot processes on one Postgres deliver a digest to 1,000
 * members against a fake Slack (over HTTP, in this process) that answers 429 (Retry-After: 1)
 * above the allowed rate. Every replica ticks its own scheduler each second, as in production;
 * the digest is planned on the last replica.
 * Two rounds: the scheduler lease on (the default: its holder plans and delivers, the other two
 * stand by) and off (all three deliver, claims keep posts once-only). Asserts nothing.
 */
import { startServer, type Server } from './ackLatency';
import { round1 } from './ackBench';
import { startBenchSlack, type BenchSlack } from './fakeSlackApi';
import { benchServerUrl, sayPostgresSkipped, scratchDatabase } from './scratchPostgres';

const ALLOWED_RATE = 50;
const REPLICAS = 3;
const MEMBERS = 1000;

async function nextJson(server: Server, field: string): Promise<Record<string, unknown> | undefined> {
  for (;;) {
    const line = await server.lines.next();
    if (line.done === true) return undefined;
    const parsed = JSON.parse(String(line.value)) as Record<string, unknown>;
    if (parsed[field] === true) return parsed;
  }
}

async function round(slack: BenchSlack, lease: 'on' | 'off'): Promise<Record<string, unknown>> {
  const scratch = await scratchDatabase();
  if (scratch === undefined) throw new Error('replicas need TEST_DATABASE_URL');
  const env = {
    BENCH_SLACK_URL: slack.url,
    BENCH_DATABASE_URL: scratch.url,
    BENCH_DIGEST_MEMBERS: String(MEMBERS),
    BENCH_BULK_RATE: String(ALLOWED_RATE),
    BENCH_SCHEDULER_CRON: '* * * * * *',
    BENCH_LEASE: lease,
  };
  const replicas: Server[] = [];
  try {
    // The first seeds the database; the others join it (their migration finds nothing to do).
    for (let i = 1; i <= REPLICAS; i += 1)
      replicas.push(
        await startServer('bot', {
          ...env,
          BENCH_TOKEN: `xoxb-bench-replica-${i}`,
          ...(i > 1 ? { BENCH_SKIP_SEED: '1' } : {}),
        }),
      );
    slack.reset();
    slack.setPostRate(ALLOWED_RATE, 10);
    // Planned on the last replica (with the lease on, a standby); delivery is the ticks' business.
    const planner = replicas[REPLICAS - 1];
    planner?.child.stdin?.write('plan\n');
    const planned = planner === undefined ? undefined : await nextJson(planner, 'planned');
    const recipients = Number(planned?.recipients ?? 0);
    const digestKeys = (): [string, number][] =>
      [...slack.acceptedKeys].filter(([key]) => key.startsWith('digest:'));
    const deadline = Date.now() + ((recipients / ALLOWED_RATE) * 3 + 30) * 1000;
    // Nothing else runs meanwhile: on a 2-core machine the driver (fake Slack and load generator in
    // one process) and the replicas share the cores, and load from the driver slowed the holder down
    // as much as the replicas' own work (see README). The single-process round in `ack` measures
    // delivery while people use the bot.
    while (digestKeys().length < recipients && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    slack.setPostRate(undefined);
    const keys = digestKeys();
    const times = keys.map(([key]) => slack.acceptedAt.get(key) ?? 0);
    const spanSec = (Math.max(...times) - Math.min(...times)) / 1000;
    // Posts per second from the first accepted to the last (the first one opens the window).
    const achieved = spanSec > 0 ? (keys.length - 1) / spanSec : 0;
    const byReplica = replicas.map((_, i) => slack.acceptedByToken.get(`xoxb-bench-replica-${i + 1}`) ?? 0);
    return {
      'scheduler lease': lease === 'on' ? 'on: holder delivers, 2 stand by' : 'off: all 3 deliver',
      members: recipients,
      'delivery span (s)': round1(spanSec),
      'achieved posts/s': round1(achieved),
      'allowed (BULK_POSTS_PER_SECOND)': ALLOWED_RATE,
      'achieved/allowed (goal ≥ 90 %)': `${round1((achieved / ALLOWED_RATE) * 100)} %`,
      'posts by replica': byReplica.join(' / '),
      '429s': slack.rejected429,
      lost: recipients - keys.length,
      duplicated: keys.filter(([, n]) => n > 1).length,
    };
  } finally {
    for (const replica of replicas) await replica.stop();
    await scratch.drop();
  }
}

export async function replicasBench(): Promise<void> {
  console.log(
    `\nDelivery with ${REPLICAS} replicas on one Postgres: a digest to ${MEMBERS.toLocaleString('en')} members; Slack answers 429 above ${ALLOWED_RATE} posts/s and each replica has BULK_POSTS_PER_SECOND=${ALLOWED_RATE}; schedulers tick every second (goal ≥ 90 % of the allowed rate)`,
  );
  if (benchServerUrl() === undefined) {
    sayPostgresSkipped('the replicas delivery');
    return;
  }
  const slack = await startBenchSlack();
  try {
    const rows = [];
    for (const lease of ['on', 'off'] as const) rows.push(await round(slack, lease));
    console.table(rows);
  } finally {
    await slack.close();
  }
}
