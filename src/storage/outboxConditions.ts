import { sql as rawSql, type ExpressionBuilder } from 'kysely';
import type { Database } from './schema';

/*
 * Conditions on outbox rows that both engines evaluate alike, for OutboxRepository (outbox.ts).
 */

export type OutboxColumns = ExpressionBuilder<Database, 'outbox'>;

/** attempts - 1, never below 0 (CASE: SQLite's scalar MAX(a, b) does not exist on Postgres). */
export function attemptRefunded(eb: OutboxColumns) {
  return eb
    .case()
    .when('attempts', '>', 0)
    .then(eb('attempts', '-', 1))
    .else(0)
    .end();
}

/**
 * Keys starting with `prefix`, as a range on the key so the unique index serves it. Both engines
 * compare keys byte by byte (COLLATE "C" on Postgres), and UTF-8 bytes sort as code points, so the
 * end of the range is the prefix with its last code point raised by one.
 */
export function keyStartsWith(eb: OutboxColumns, prefix: string) {
  const end = prefixEnd(prefix);
  return end === undefined ? eb('key', '>=', prefix) : eb.and([eb('key', '>=', prefix), eb('key', '<', end)]);
}

/** The least string above every string starting with `prefix`; undefined when there is none. */
export function prefixEnd(prefix: string): string | undefined {
  const points = [...prefix];
  for (let last = points.pop(); last !== undefined; last = points.pop()) {
    const code = last.codePointAt(0) ?? 0;
    // Surrogate code points cannot stand alone in a string: jump over them.
    const next = code === 0xd7ff ? 0xe000 : code + 1;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return undefined;
}

/** `value` matched literally inside a LIKE pattern that declares ESCAPE '!'. */
function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * Group-DM rows (`mpim:U1,U2`) that may include `user`. LIKE ignores ASCII case on SQLite and not
 * on Postgres, so callers keep only the rows isGroupDmWith accepts: the result is exact on both.
 */
export function mayBeGroupDmWith(user: string) {
  return rawSql<boolean>`(channel LIKE 'mpim:%' AND (',' || substr(channel, 6) || ',') LIKE ${`%,${escapeLike(user)},%`} ESCAPE '!')`;
}

export function isGroupDmWith(channel: string, user: string): boolean {
  return channel.startsWith('mpim:') && channel.slice('mpim:'.length).split(',').includes(user);
}

/** Failure notices' keys start so (see scheduler/notice.ts); no caller's prefix can cancel them. */
const NOTICE_KEYS = 'outbox-failure:';

/**
 * Failure notices whose key may name `user`: it embeds the failed row's key, which may hold the
 * member's id as one ':' part. Exact with isNoticeNaming, as for group DMs.
 */
export function mayBeNoticeNaming(eb: OutboxColumns, user: string) {
  return eb.and([
    keyStartsWith(eb, NOTICE_KEYS),
    rawSql<boolean>`(key || ':') LIKE ${`%:${escapeLike(user)}:%`} ESCAPE '!'`,
  ]);
}

export function isNoticeNaming(key: string, user: string): boolean {
  return key.startsWith(NOTICE_KEYS) && `${key}:`.includes(`:${user}:`);
}
