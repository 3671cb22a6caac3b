/** Key ranges and patterns that mean the same on SQLite and Postgres (key columns are COLLATE "C" there). */

/**
 * The first string after every string that starts with `prefix`, in byte order (key columns are
 * COLLATE "C" on Postgres): `key >= prefix AND key < end` is then an index range scan on both engines.
 */
export function endOfPrefix(prefix: string): string {
  const last = prefix.length === 0 ? Number.NaN : prefix.charCodeAt(prefix.length - 1);
  if (!(last < 0xd800)) throw new Error(`no simple end for key prefix ${prefix}`);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** LIKE with `!` as the escape character, so an id's own % or _ match only themselves. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
