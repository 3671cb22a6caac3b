import { DAY_MS } from '../time/durations';
import type { AskPicks } from '../asks/picks';
import type { DigestRecipient } from '../storage/digestRecipients';
import type { SentItems } from '../storage/digests';
import type { StudyGroup } from '../study/types';
import { chapterEventsOf } from './chapters';
import { DEFAULT_DIGEST_LIMITS, TagIndex, selectDigests, type DigestCandidate } from './matching';
import type { DigestDeps } from './service';
import type { DigestCadence, DigestContent, DigestEvent, DigestJob } from './types';

/** How far ahead events are worth mentioning in a digest. */
export const EVENT_HORIZON_MS = 30 * DAY_MS;
/** A digest brings the asks and offers posted since the one before it of its cadence. */
export const ASKS_WINDOW_MS: Record<DigestCadence, number> = {
  weekly: 7 * DAY_MS,
  daily: DAY_MS,
  manual: 7 * DAY_MS,
};
/** A digest delivered this late (after downtime) still helps; later it is skipped. */
const LATE_LIMIT_MS: Record<DigestCadence, number> = {
  weekly: DAY_MS,
  daily: 6 * 3_600_000,
  manual: 6 * 3_600_000,
};
/** Members read, planned and written per page when the deps do not say (DIGEST_PAGE_SIZE). */
export const DEFAULT_DIGEST_PAGE_SIZE = 1000;
/** Outbox rows written per statement while planning. */
const SCHEDULE_SLICE = 100;

/** What every page of a run shares: read once, bounded by the open roles and events, not by members. */
interface RunWide {
  readonly runId: number;
  readonly keyPrefix: string;
  readonly cadence: DigestCadence;
  readonly dueAt: Date;
  readonly expiresAt: Date;
  readonly lateReason: string | undefined;
  readonly now: Date;
  readonly events: readonly DigestEvent[];
  readonly jobsById: ReadonlyMap<number, DigestJob>;
  readonly eventsById: ReadonlyMap<number, DigestEvent>;
  readonly index: { jobs: TagIndex; events: TagIndex };
}

/**
 * Plans one run a page of members at a time (issue 15): a page is read by keyset on user_id, the
 * members already in the outbox for this run are skipped, the rest matched, rendered and written
 * with their sent-records in one transaction, then the event loop serves requests before the next
 * page. A run cut short by a crash resumes at the next tick, page by page, leaving planned members
 * alone.
 *
 * Bound: time O(members × (interests + limits) + roles + events) with O(members / pageSize) round
 * trips per query kind; memory O(pageSize × digest size + roles + events + audiences), whatever
 * the community's size: nothing per member outlives its page (the counts are numbers).
 */
export async function planRunInPages(
  deps: DigestDeps,
  runKey: string,
  cadence: DigestCadence,
  dueAt: Date,
  startedBy: string | null,
): Promise<{ recipients: number; nothingNew: number } | undefined> {
  const { repository } = deps;
  const now = deps.clock.now();
  const run = await repository.openRun(runKey, cadence, dueAt, startedBy, now);
  if (run.completed) return undefined;
  const started = Date.now();
  const jobs = await repository.openJobs();
  const events = await repository.upcomingEvents(now, new Date(now.getTime() + EVENT_HORIZON_MS));
  const expiresAt = new Date(dueAt.getTime() + LATE_LIMIT_MS[cadence]);
  const wide: RunWide = {
    runId: run.id,
    keyPrefix: `digest:${runKey}:`,
    cadence,
    dueAt,
    expiresAt,
    lateReason:
      expiresAt.getTime() <= now.getTime() ? 'the bot was not running when the digest was due' : undefined,
    now,
    events,
    jobsById: new Map(jobs.map((job) => [job.id, job])),
    eventsById: new Map(events.map((event) => [event.id, event])),
    index: await digestIndexes(deps, jobs, events),
  };
  const pageSize = Math.max(1, deps.pageSize ?? DEFAULT_DIGEST_PAGE_SIZE);
  let recipients = 0;
  let total = 0;
  let after: string | null = null;
  for (;;) {
    const page = await repository.recipientsPage(cadence, after, pageSize);
    const last = page[page.length - 1];
    if (last === undefined) break;
    recipients += page.length;
    total += await planPage(deps, wide, page);
    after = last.userId;
    await new Promise((resolve) => setImmediate(resolve));
    if (page.length < pageSize) break;
  }
  const nothingNew = Math.max(0, recipients - total);
  await repository.completeRun(run.id, total, nothingNew, now);
  deps.logger.info(
    `digest ${runKey}: ${total} to send, ${nothingNew} with nothing new (planned in ${Date.now() - started} ms)`,
  );
  return { recipients: total, nothingNew };
}

/** One page: returns how many of its members have a digest in this run (planned now or before). */
async function planPage(deps: DigestDeps, wide: RunWide, page: readonly DigestRecipient[]): Promise<number> {
  const { repository } = deps;
  const planned = await repository.plannedAmong(
    wide.keyPrefix,
    page.map((r) => r.userId),
  );
  const pending = planned.size === 0 ? page : page.filter((r) => !planned.has(r.userId));
  if (pending.length === 0) return planned.size;
  const pendingIds = pending.map((r) => r.userId);
  const known = await repository.alreadyKnownOf(pendingIds, wide.now);
  const selections = selectDigests({
    recipients: pending,
    ...wide.index,
    sentJobs: known.jobs,
    sentEvents: known.events,
    limits: DEFAULT_DIGEST_LIMITS,
    firstEvents: await chapterEventsOf(deps.chapterChannelsOf, pendingIds, wide.events),
  });
  const askPicks: ReadonlyMap<string, AskPicks> =
    (await deps.asksFor?.(pending, new Date(wide.dueAt.getTime() - ASKS_WINDOW_MS[wide.cadence]))) ??
    new Map<string, AskPicks>();
  // Members with only asks, offers or study groups for them get a digest too.
  const noMatch = { jobs: [], events: [] };
  for (const userId of askPicks.keys()) if (!selections.has(userId)) selections.set(userId, noMatch);
  const studyPicks = (await deps.study?.picksFor(pending)) ?? new Map<string, StudyGroup[]>();
  for (const userId of studyPicks.keys()) if (!selections.has(userId)) selections.set(userId, noMatch);
  if (selections.size === 0) return planned.size;
  // In page (user_id) order, so that a resumed run and a fresh one write the same way.
  const chosen = pending.flatMap((r) => {
    const selection = selections.get(r.userId);
    return selection === undefined ? [] : [{ recipient: r, selection }];
  });
  const localeOf = await deps.knownLocalesOf(chosen.map(({ recipient }) => recipient.userId));
  await repository.transaction(async () => {
    const created = new Set<string>();
    // A few multi-row statements per page, not one per member (issue 10 §4); rendered a slice at
    // a time, so that only one slice of Block Kit messages is held at once.
    for (let first = 0; first < chosen.length; first += SCHEDULE_SLICE) {
      const requests = chosen.slice(first, first + SCHEDULE_SLICE).map(({ recipient, selection }) => ({
        kind: 'digest',
        key: `${wide.keyPrefix}${recipient.userId}`,
        channel: recipient.userId,
        message: deps.messages.digest(
          digestContent(
            selection,
            wide.jobsById,
            wide.eventsById,
            askPicks.get(recipient.userId),
            studyPicks.get(recipient.userId),
          ),
          localeOf(recipient.userId),
          recipient.frequency,
        ),
        dueAt: wide.dueAt,
        expiresAt: wide.expiresAt,
      }));
      for (const key of await deps.outbox.scheduleMany(requests, wide.lateReason)) created.add(key);
    }
    // Another process may have planned a member a moment ago: their items are already recorded.
    const sent: SentItems[] = chosen
      .filter(({ recipient }) => created.has(`${wide.keyPrefix}${recipient.userId}`))
      .map(({ recipient, selection }) => ({
        userId: recipient.userId,
        jobIds: selection.jobs.map((j) => j.id),
        eventIds: selection.events.map((e) => e.id),
      }));
    await repository.recordSent(wide.runId, sent, wide.now);
    const heard = sent.map(({ userId }) => ({
      userId,
      groupIds: (studyPicks.get(userId) ?? []).map((group) => group.id),
    }));
    await deps.study?.recordMentions(heard, wide.now);
  });
  return planned.size + chosen.length;
}

/** Tag indexes of the candidates, each carrying who may hear of it (two queries for the whole run). */
export async function digestIndexes(
  deps: Pick<DigestDeps, 'audience'>,
  jobs: readonly DigestJob[],
  events: readonly DigestEvent[],
): Promise<{ jobs: TagIndex; events: TagIndex }> {
  const channels = [
    ...jobs.flatMap((job) => (job.channel === null ? [] : [job.channel])),
    ...events.map((event) => event.channel),
  ];
  const audiences = await deps.audience.audiences([...new Set(channels)]);
  const audienceOf = (channel: string | null): ReadonlySet<string> | undefined =>
    channel === null ? undefined : audiences.get(channel);
  return {
    jobs: new TagIndex(jobs.map((job) => ({ ...jobCandidate(job), audience: audienceOf(job.channel) }))),
    events: new TagIndex(
      events.map((event) => ({ ...eventCandidate(event), audience: audienceOf(event.channel) })),
    ),
  };
}

function jobCandidate(job: DigestJob): DigestCandidate {
  return { id: job.id, tags: job.tags, rank: job.id };
}

function eventCandidate(event: DigestEvent): DigestCandidate {
  // Sooner events rank higher.
  return { id: event.id, tags: event.tags, rank: -event.startsAt.getTime() };
}

export function digestContent(
  selection: {
    jobs: readonly { id: number; sharedTags: readonly string[] }[];
    events: readonly { id: number; sharedTags: readonly string[] }[];
  },
  jobMap: ReadonlyMap<number, DigestJob>,
  eventMap: ReadonlyMap<number, DigestEvent>,
  asks?: AskPicks,
  study?: readonly StudyGroup[],
): DigestContent {
  return {
    asks,
    study,
    jobs: selection.jobs.flatMap((m) => {
      const job = jobMap.get(m.id);
      return job === undefined ? [] : [{ job, sharedTags: m.sharedTags }];
    }),
    events: selection.events.flatMap((m) => {
      const event = eventMap.get(m.id);
      return event === undefined ? [] : [{ event, sharedTags: m.sharedTags }];
    }),
  };
}
