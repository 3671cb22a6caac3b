import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import { NotFound } from '../notFound';
import type { OutboxPort } from '../events/service';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { NagLog } from '../members/nags';
import type { OpenToFlag } from '../members/types';
import type { RoleService } from '../roles/service';
import type { OutboxMessage } from '../scheduler/types';
import type { AvailabilityRepository } from '../storage/availability';
import { rankTalent } from './talent';
import {
  ASK_BEFORE_DAYS,
  ASK_WINDOW_DAYS,
  MAX_TALENT_RESULTS,
  availableUntil,
  type FlagState,
  type TalentQuery,
  type TalentResult,
} from './types';
import { DAY_MS } from '../time/durations';

/** Members asked per transaction; between batches the event loop serves requests. */
const ASK_BATCH = 200;

/** Words of the re-ask DM; Block Kit lives in the Slack layer. */
export interface AvailabilityMessages {
  ask(flags: readonly FlagState[], locale: Locale): OutboxMessage;
}

export interface AvailabilityDeps {
  readonly repository: AvailabilityRepository;
  readonly roles: RoleService;
  /** `talent <role>` on a role in a private channel is for HR in that channel. */
  readonly audience: AudienceService;
  readonly outbox: OutboxPort;
  readonly nags: NagLog;
  readonly messages: AvailabilityMessages;
  /** The stored locales of a batch of members, read at once (never Slack: bulk sends would take hours). */
  readonly knownLocalesOf: (userIds: readonly string[]) => Promise<(userId: string) => Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * "Open to" flags that expire: a re-ask by DM a week before a flag lapses (keep extends it by
 * AVAILABILITY_DAYS from the answer), lapse at expiry when nobody kept it, and HR's talent search,
 * which only ever sees flags that are current.
 */
export class AvailabilityService {
  constructor(private readonly deps: AvailabilityDeps) {}

  /** Planner: lapse what is over, then ask members whose flags lapse within a week. */
  async plan(now: Date): Promise<void> {
    for (const { userId, flag } of await this.deps.repository.lapse(now)) {
      this.deps.logger.info(`availability: ${flag} of ${userId} lapsed`);
    }
    await this.ask(now);
  }

  /** The state of the flags a re-ask DM was about, to redraw it after a button. */
  async states(userId: string, asked: readonly OpenToFlag[]): Promise<FlagState[]> {
    const held = new Map(
      (await this.deps.repository.held(userId, this.deps.clock.now())).map((h) => [h.flag, h]),
    );
    return asked.map((flag) => {
      const current = held.get(flag);
      if (current === undefined) return { flag, state: 'gone', expiresAt: null };
      return { flag, state: current.askedAt === null ? 'kept' : 'pending', expiresAt: current.expiresAt };
    });
  }

  /** Keeps the flags the member still holds for another AVAILABILITY_DAYS; returns those kept. */
  async keep(userId: string, flags: readonly OpenToFlag[]): Promise<OpenToFlag[]> {
    const { repository } = this.deps;
    const now = this.deps.clock.now();
    const until = availableUntil(now);
    const kept = await repository.immediate(async () => {
      const done: OpenToFlag[] = [];
      for (const flag of flags) if (await repository.keep(userId, flag, now, until)) done.push(flag);
      return done;
    });
    if (kept.length > 0)
      this.deps.logger.info(`availability: ${userId} kept ${kept.join(', ')} until ${until.toISOString()}`);
    return kept;
  }

  async drop(userId: string, flag: OpenToFlag): Promise<boolean> {
    const dropped = await this.deps.repository.drop(userId, flag);
    if (dropped) this.deps.logger.info(`availability: ${userId} dropped ${flag}`);
    return dropped;
  }

  /** HR's `talent`: members open to coming back now whose interests match a role's tags or the given tags. */
  async talent(actorId: string, query: TalentQuery): Promise<TalentResult> {
    await this.deps.roles.require(actorId, 'hr');
    let tags: readonly string[];
    let source: { kind: 'role'; jobId: number; title: string } | { kind: 'text' };
    if (query.kind === 'role') {
      const job = await this.deps.repository.job(query.jobId);
      // The jobs module's own error, so the reply is the one `job close 99` gives.
      if (job === undefined) throw new NotFound('role', query.jobId);
      await this.deps.audience.require(actorId, job.cardChannel, 'role');
      if (job.tags.length === 0)
        return { ok: false, reason: 'role_without_tags', jobId: query.jobId, title: job.title };
      tags = job.tags;
      source = { kind: 'role', jobId: query.jobId, title: job.title };
    } else {
      tags = query.tags;
      source = { kind: 'text' };
    }
    // HR sees 'all' and 'staff' profiles; 'nobody' never appears (the query already leaves it out).
    const candidates = (await this.deps.repository.talentCandidates(this.deps.clock.now())).filter(
      (c) => c.visibility !== 'nobody',
    );
    const { matches, total } = rankTalent(candidates, tags, MAX_TALENT_RESULTS);
    this.deps.logger.info(`talent search by ${actorId}: ${total} match(es)`);
    return { ok: true, source, tags, matches, total };
  }

  /**
   * One DM per member whose flags lapse within ASK_BEFORE_DAYS, asking about every flag that lapses
   * within ASK_WINDOW_DAYS (so none comes due during the quiet month that follows), unless the member
   * was nagged in the last month. Marking, the DM and the nag record share a transaction.
   */
  private async ask(now: Date): Promise<void> {
    const { repository } = this.deps;
    const users = await repository.dueForAsk(now, new Date(now.getTime() + ASK_BEFORE_DAYS * DAY_MS));
    const until = new Date(now.getTime() + ASK_WINDOW_DAYS * DAY_MS);
    let asked = 0;
    for (let offset = 0; offset < users.length; offset += ASK_BATCH) {
      const batch = users.slice(offset, offset + ASK_BATCH);
      const localeOf = await this.deps.knownLocalesOf(batch);
      await repository.immediate(async () => {
        for (const userId of batch) if (await this.askOne(userId, now, until, localeOf(userId))) asked += 1;
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (asked > 0)
      this.deps.logger.info(`availability: asked ${asked} member(s) whether their flags still hold`);
  }

  /**
   * Asks one member; false when they were nagged this month, have nothing to be asked about, or
   * another replica is asking them at this moment. Several replicas may plan at once (each with its
   * own `now`): the flags are claimed by a conditional update, so only one replica goes on to the
   * DM, and the DM's key is the member and the term asked about (the soonest expiry), not the time
   * of planning, so even two claims of one term would make one outbox row.
   */
  private async askOne(userId: string, now: Date, until: Date, locale: Locale): Promise<boolean> {
    const { repository, outbox, nags } = this.deps;
    if (!(await nags.mayNag(userId, now))) {
      this.deps.logger.debug(`availability: ${userId} was nagged within the month; re-ask waits`);
      return false;
    }
    const flags = await repository.toAsk(userId, now, until);
    const first = flags[0];
    if (first === undefined) return false;
    const asking = flags.map((f) => f.flag);
    if (!(await repository.markAsked(userId, asking, now, until))) {
      this.deps.logger.debug(`availability: ${userId} is being asked by another replica (or just changed)`);
      return false;
    }
    const key = `availability:${userId}:${first.expiresAt.toISOString()}`;
    const message = this.deps.messages.ask(
      flags.map((f) => ({ flag: f.flag, state: 'pending', expiresAt: f.expiresAt })),
      locale,
    );
    // After the first flag lapses the question is partly moot; the buttons still handle it.
    const scheduled = await outbox.schedule({
      kind: 'availability_ask',
      key,
      channel: userId,
      message,
      dueAt: now,
      expiresAt: first.expiresAt,
    });
    // An existing key means this term was asked about already: the flags stay marked, no new nag.
    if (!scheduled) return false;
    await nags.record(userId, 'availability', now, key);
    return true;
  }
}
