/**
 * Intro pairing in a fresh process, so that its peak RSS is its own:
 *   node dist/bench/introPairing.js <members>
 * Prints one JSON line. Six rounds are paired first to build a realistic "never repeat" history;
 * the seventh round is then timed (median of 5), as the planner would run it.
 */
import { pairMembers, pairsIn, type PairingCandidate } from '../src/intros/pairing';
import { median, pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 10000);
const INTERESTS_PER_MEMBER = 5;
const HISTORY_ROUNDS = 6;
const ROUNDS = 5;

const random = rng(7);
const vocabulary = tagVocabulary(400);
const candidates: PairingCandidate[] = Array.from({ length: members }, (_, i) => ({
  userId: `U${String(i).padStart(8, '0')}`,
  tags: pickTags(random, vocabulary, INTERESTS_PER_MEMBER),
}));

const recentPairs: [string, string][] = [];
for (let round = 0; round < HISTORY_ROUNDS; round += 1) {
  const { groups } = pairMembers({ candidates, recentPairs, seed: `history-${round}` });
  for (const group of groups) recentPairs.push(...pairsIn(group.members));
}

const timings: number[] = [];
let result = pairMembers({ candidates, recentPairs, seed: 'timed' });
for (let round = 0; round < ROUNDS; round += 1) {
  global.gc?.();
  const started = process.hrtime.bigint();
  result = pairMembers({ candidates, recentPairs, seed: 'timed' });
  timings.push(Number(process.hrtime.bigint() - started) / 1e6);
}

const sharedCounts = result.groups.map((g) => g.sharedTags.length);
const recent = new Set(recentPairs.map(([a, b]) => `${a}+${b}`));
const repeats = result.groups
  .flatMap((g) => pairsIn(g.members))
  .filter(([a, b]) => recent.has(`${a}+${b}`)).length;

console.log(
  JSON.stringify({
    members,
    historyPairs: recentPairs.length,
    medianMs: Math.round(median(timings) * 10) / 10,
    roundsMs: timings.map((t) => Math.round(t)),
    groups: result.groups.length,
    trios: result.groups.filter((g) => g.members.length === 3).length,
    leftOut: result.leftOut.length,
    sharingSomething:
      Math.round((sharedCounts.filter((n) => n > 0).length / Math.max(1, sharedCounts.length)) * 1000) / 10,
    meanShared:
      Math.round((sharedCounts.reduce((a, b) => a + b, 0) / Math.max(1, sharedCounts.length)) * 100) / 100,
    repeats,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
