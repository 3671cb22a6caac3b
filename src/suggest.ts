// Shared by the command dispatcher (verb names) and chapters (their names), so it imports nothing.
/** How many single-character edits turn one word into the other (insert, delete, replace, swap two neighbours). */
function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const rows = left.map(() => right.map(() => 0));
  const at = (i: number, j: number): number => (i < 0 ? j + 1 : j < 0 ? i + 1 : (rows[i]?.[j] ?? 0));
  left.forEach((char, i) => {
    right.forEach((other, j) => {
      let distance = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (char === other ? 0 : 1),
      );
      if (i > 0 && j > 0 && char === right[j - 1] && left[i - 1] === other)
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row !== undefined) row[j] = distance;
    });
  });
  return at(left.length - 1, right.length - 1);
}

/**
 * The one name closest to a mistyped word ("intors" → "intros", "ヘルブ" → "ヘルプ"), when it is
 * close enough to be what was meant (one edit in a short word, two in a longer one) and no other
 * verb is as close. Names are given with the verb they belong to.
 */
export function closestName(
  word: string,
  names: readonly { readonly name: string; readonly verb: string }[],
): string | undefined {
  const typed = word.toLowerCase();
  const length = [...typed].length;
  if (length < 2 || length > 40) return undefined;
  const allowed = length <= 4 ? 1 : 2;
  let best: { name: string; verb: string; distance: number } | undefined;
  let tie = false;
  for (const { name, verb } of names) {
    const distance = editDistance(typed, name);
    if (distance > allowed) continue;
    if (best === undefined || distance < best.distance) {
      best = { name, verb, distance };
      tie = false;
    } else if (distance === best.distance && verb !== best.verb) {
      tie = true;
    }
  }
  return best === undefined || tie ? undefined : best.name;
}
