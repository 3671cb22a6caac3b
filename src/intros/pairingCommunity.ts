/**
 * The members of an intro round as the pairing works on them (see pairing.ts): members and tags as
 * small integers in flat typed arrays, recent partners in compressed rows, so that a round of
 * 100,000 costs a few arrays rather than an object, a Set and an array per member.
 */
import type { PairingInput } from './pairing';
import { hashSeed, random } from './seededRandom';

/** Members as small integers, tags as small integers, recent partners per member. */
export class Community {
  readonly ids: string[];
  readonly tagStart: Int32Array;
  readonly tagIds: Int32Array;
  readonly tagNames: string[] = [];
  /** Recent partners, compressed rows: member i's are recentIds[recentStart[i] .. recentStart[i + 1]). */
  private readonly recentStart: Int32Array;
  private readonly recentIds: Int32Array;

  constructor(input: PairingInput) {
    // Sorted first, so that the order candidates arrive in changes nothing; then a seeded shuffle.
    const unique = new Map<string, readonly string[]>();
    for (const candidate of input.candidates) unique.set(candidate.userId, candidate.tags);
    const ids = [...unique.keys()].sort();
    const next = random(hashSeed(input.seed));
    for (let i = ids.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      const a = ids[i];
      const b = ids[j];
      if (a !== undefined && b !== undefined) {
        ids[i] = b;
        ids[j] = a;
      }
    }
    this.ids = ids;
    const tagIndex = new Map<string, number>();
    const tagStart = new Int32Array(ids.length + 1);
    const flat: number[] = [];
    const indexOf = new Map<string, number>();
    for (let member = 0; member < ids.length; member += 1) {
      const id = ids[member] ?? '';
      indexOf.set(id, member);
      const from = flat.length;
      tagStart[member] = from;
      for (const tag of unique.get(id) ?? []) {
        let t = tagIndex.get(tag);
        if (t === undefined) {
          t = this.tagNames.length;
          tagIndex.set(tag, t);
          this.tagNames.push(tag);
        }
        // A member holds a few tags: a look back is cheaper than a Set per member.
        if (!flat.includes(t, from)) flat.push(t);
      }
    }
    tagStart[ids.length] = flat.length;
    this.tagStart = tagStart;
    this.tagIds = Int32Array.from(flat);
    // Two passes over the history (count, then fill) instead of an array per member.
    const ends: number[] = [];
    const degree = new Int32Array(ids.length + 1);
    for (const [a, b] of input.recentPairs) {
      const ia = indexOf.get(a);
      const ib = indexOf.get(b);
      if (ia === undefined || ib === undefined || ia === ib) continue;
      ends.push(ia, ib);
      degree[ia + 1] = (degree[ia + 1] ?? 0) + 1;
      degree[ib + 1] = (degree[ib + 1] ?? 0) + 1;
    }
    for (let i = 0; i < ids.length; i += 1) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
    this.recentStart = degree.slice();
    this.recentIds = new Int32Array(degree[ids.length] ?? 0);
    for (let e = 0; e < ends.length; e += 2) {
      const ia = ends[e] ?? 0;
      const ib = ends[e + 1] ?? 0;
      this.recentIds[degree[ia] ?? 0] = ib;
      degree[ia] = (degree[ia] ?? 0) + 1;
      this.recentIds[degree[ib] ?? 0] = ia;
      degree[ib] = (degree[ib] ?? 0) + 1;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** True when the two may be introduced: they did not meet in the recent rounds. */
  mayMeet(a: number, b: number): boolean {
    if (a === b) return false;
    for (let i = this.recentStart[a] ?? 0; i < (this.recentStart[a + 1] ?? 0); i += 1)
      if (this.recentIds[i] === b) return false;
    return true;
  }

  holds(member: number, tag: number): boolean {
    for (let i = this.tagStart[member] ?? 0; i < (this.tagStart[member + 1] ?? 0); i += 1)
      if (this.tagIds[i] === tag) return true;
    return false;
  }

  shared(a: number, b: number): number {
    let count = 0;
    for (let i = this.tagStart[a] ?? 0; i < (this.tagStart[a + 1] ?? 0); i += 1) {
      const tag = this.tagIds[i];
      for (let j = this.tagStart[b] ?? 0; j < (this.tagStart[b + 1] ?? 0); j += 1) {
        if (this.tagIds[j] === tag) {
          count += 1;
          break;
        }
      }
    }
    return count;
  }

  tagsOf(member: number): number[] {
    return Array.from(this.tagIds.subarray(this.tagStart[member] ?? 0, this.tagStart[member + 1] ?? 0));
  }
}
