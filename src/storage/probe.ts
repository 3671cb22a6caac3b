import { sql as rawSql } from 'kysely';
import type { Sql } from './schema';

/**
 * True when the database answers a trivial query within `timeoutMs`. /healthz asks it, so that a
 * load balancer stops sending requests to a replica that lost its database (a Postgres restart, a
 * full pool) instead of letting Slack's 3-second limit run out on them.
 */
export async function databaseAnswers(sql: Sql, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const answered = rawSql<{ ok: number }>`select 1 as ok`
      .execute(sql)
      .then((result) => result.rows[0]?.ok === 1)
      .catch(() => false);
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}
