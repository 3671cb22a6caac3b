/**
 * One digest measurement in a fresh process, so that its peak RSS is its own:
 *   node dist/bench/digestMatching.js <members> <roles> matching
 * Prints one JSON line: the pure selection (TagIndex + selectDigests) over in-memory data,
 * median of 5. The whole run against a database is bench/digestPlanning.ts.
 */
import { TagIndex, selectDigests, type DigestCandidate, type DigestRecipient } from '../src/digests/matching';
import { median, pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 30000);
const roles = Number(process.argv[3] ?? 1000);
const INTERESTS_PER_MEMBER = 5;
const TAGS_PER_ROLE = 3;

const random = rng(42);
const vocabulary = tagVocabulary(400);
const recipients: DigestRecipient[] = Array.from({ length: members }, (_, i) => ({
  userId: `U${String(i).padStart(8, '0')}`,
  interests: pickTags(random, vocabulary, INTERESTS_PER_MEMBER),
}));
const jobs: DigestCandidate[] = Array.from({ length: roles }, (_, i) => ({
  id: i + 1,
  tags: pickTags(random, vocabulary, TAGS_PER_ROLE),
  rank: i,
}));

const rssBeforeMb = process.memoryUsage().rss / 1048576;

// Pure matching, median of five.
const timings: number[] = [];
let selected = 0;
// Collect between rounds (node --expose-gc) so the peak RSS is one run's, not five runs' garbage.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let round = 0; round < 5; round += 1) {
  collect();
  const start = process.hrtime.bigint();
  const selections = selectDigests({
    recipients,
    jobs: new TagIndex(jobs),
    events: new TagIndex([]),
    sentJobs: new Map(),
    sentEvents: new Map(),
  });
  timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  selected = selections.size;
}

process.stdout.write(
  `${JSON.stringify({
    members,
    roles,
    matchingMedianMs: Math.round(median(timings) * 10) / 10,
    matchingRounds: timings.map((t) => Math.round(t)),
    withSomethingToSend: selected,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMatchingMb: Math.round(rssBeforeMb),
  })}\n`,
);
