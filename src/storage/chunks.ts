/** Ids per IN list: well inside both engines' limits on bound parameters. */
export const CHUNK = 500;

/** The distinct items, in lists of at most CHUNK, for one `in (…)` query each. */
export function chunks<T>(items: readonly T[]): T[][] {
  const unique = [...new Set(items)];
  const out: T[][] = [];
  for (let offset = 0; offset < unique.length; offset += CHUNK)
    out.push(unique.slice(offset, offset + CHUNK));
  return out;
}
