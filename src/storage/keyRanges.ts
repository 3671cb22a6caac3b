import { sql as rawSql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { Database } from './schema';

/**
 * The first key after every key that starts with `prefix`: the prefix with its last character
 * moved on by one ('job:' → 'job;'). Keys are COLLATE "C" on Postgres, so `key >= prefix AND key <
 * upperBound(prefix)` is the same byte range on both engines and can use the key's index.
 */
export function upperBound(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1);
  if (last === undefined) throw new RangeError('an empty prefix has no upper bound');
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/** A LIKE pattern for values ending in ":<id>", the id's own wildcards escaped (use with ESCAPE '\'). */
export function endingInId(id: string): string {
  return `%:${id.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
}

/**
 * Outbox rows under `prefix` whose key ends with ":<userId>": the DMs a module queued for someone
 * else that name the member (e.g. job:<id>:curious:<member>).
 */
export function outboxKeysNaming(
  eb: ExpressionBuilder<Database, 'outbox'>,
  prefix: string,
  userId: string,
): ExpressionWrapper<Database, 'outbox', SqlBool> {
  return eb.and([
    eb('key', '>=', prefix),
    eb('key', '<', upperBound(prefix)),
    rawSql<boolean>`${rawSql.ref('key')} like ${endingInId(userId)} escape '\\'`,
  ]);
}
