import { random } from '../src/intros/seededRandom';

/**
 * Deterministic synthetic communities for benchmarks: tags follow a Zipf-like curve, as real
 * interests do (a few popular, a long tail).
 */

/** The seeded generator intro pairing shuffles with, so that a run is the same run every time. */
export const rng = random;

export function tagVocabulary(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `tag-${i}`);
}

/** Picks `count` distinct tags, popular ones more often. */
export function pickTags(random: () => number, vocabulary: readonly string[], count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const index = Math.floor(vocabulary.length * Math.pow(random(), 2.2));
    chosen.add(vocabulary[Math.min(index, vocabulary.length - 1)] ?? 'tag-0');
  }
  return [...chosen];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Interests that read like words (kemora, tuvasi): like real tags, one seldom contains another,
 * whereas tag-1 is inside tag-10 … tag-1999, which would make every find a substring hit on half
 * the vocabulary.
 */
export function wordVocabulary(size: number, seed = 5): string[] {
  const random = rng(seed);
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < syllables; i += 1) {
      word += consonants[Math.floor(random() * consonants.length)] ?? 'k';
      word += vowels[Math.floor(random() * vowels.length)] ?? 'a';
    }
    words.add(word);
  }
  return [...words];
}
