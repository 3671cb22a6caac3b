import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { OutboxPort } from '../events/service';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import { activeSince } from '../members/activity';
import type { NagLog } from '../members/nags';
import type { RoleService } from '../roles/service';
import { groupDmTarget, type OutboxMessage } from '../scheduler/types';
import type { IntroRepository } from '../storage/intros';
import { visibleSharedTags } from './content';
import { pairMembers, type IntroGroup } from './pairing';
import { IntroSchedule } from './schedule';
import {
  CHECKIN_AFTER_DAYS,
  CHECKIN_LATE_DAYS,
  INTRO_LATE_HOURS,
  MAX_SNOOZE_WEEKS,
  NO_REPEAT_ROUNDS,
  checkinKey,
  introKey,
  type IntroAnswer,
  type IntroCheckin,
  type IntroPerson,
  type IntroPost,
  type IntroPreview,
  type IntroStatus,
  type MeetStats,
  type RoundSummary,
  type SnoozeResult,
} from './types';
import { DAY_MS } from '../time/durations';

/** Groups (or check-ins) planned per transaction; between batches the event loop serves requests. */
const PLAN_BATCH = 250;

/** Words of the posts intros send; Block Kit lives in the Slack layer. */
export interface IntroMessages {
  intro(post: IntroPost): OutboxMessage;
  checkin(checkin: IntroCheckin, locale: Locale): OutboxMessage;
  /** The DM to the admin who ran a round by hand: what it planned. */
  report(summary: RoundSummary, locale: Locale): OutboxMessage;
}

export interface IntroDeps {
  readonly repository: IntroRepository;
  readonly roles: RoleService;
  readonly outbox: OutboxPort & { forgetKeys(keys: readonly string[]): Promise<number> };
  readonly nags: NagLog;
  readonly messages: IntroMessages;
  /** The stored locales of a batch of members, read at once (never Slack: bulk sends would take hours). */
  readonly knownLocalesOf: (userIds: readonly string[]) => Promise<(userId: string) => Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** config.introsCron, read in timeZone. */
  readonly cron: string;
  readonly timeZone: string;
}

/** A member without a profile row (cannot happen for eligible members, who agreed): the mention alone. */
function mentionOnly(userId: string): IntroPerson {
  return {
    userId,
    visibility: 'nobody',
    displayName: null,
    title: null,
    company: null,
    location: null,
    yearsFrom: null,
    yearsTo: null,
  };
}

/** Intros between alumni who opted in: settings, rounds every other week, and "Did you meet?". */
export class IntroService {
  private readonly schedule: IntroSchedule;

  constructor(private readonly deps: IntroDeps) {
    this.schedule = new IntroSchedule(deps.cron, deps.timeZone);
  }

  async status(userId: string): Promise<IntroStatus> {
    const now = this.deps.clock.now();
    const prefs = await this.deps.repository.prefs(userId);
    const snoozed =
      prefs.snoozedUntil !== null && prefs.snoozedUntil.getTime() > now.getTime() ? prefs.snoozedUntil : null;
    return { setting: prefs.setting, snoozedUntil: snoozed, nextRound: this.schedule.next(now) };
  }

  /** Opts in (and ends any snooze). */
  async turnOn(userId: string): Promise<void> {
    await this.deps.repository.setPrefs(userId, 'on', null, this.deps.clock.now());
    this.deps.logger.info(`intros on for ${userId}`);
  }

  async turnOff(userId: string): Promise<void> {
    await this.deps.repository.setPrefs(userId, 'off', null, this.deps.clock.now());
    this.deps.logger.info(`intros off for ${userId}`);
  }

  /** No intros for `weeks` weeks; only for a member who has intros on (there is nothing to pause otherwise). */
  async snooze(userId: string, weeks: number): Promise<SnoozeResult> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SNOOZE_WEEKS)
      throw new Error(`snooze weeks out of range: ${weeks}`);
    if ((await this.deps.repository.prefs(userId)).setting !== 'on') return { ok: false, reason: 'not_on' };
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + weeks * 7 * DAY_MS);
    await this.deps.repository.setPrefs(userId, 'on', until, now);
    this.deps.logger.info(`intros snoozed for ${userId} until ${until.toISOString()}`);
    return { ok: true, until };
  }

  /** The next round as it would be paired now (admins only); nothing is recorded. */
  async preview(actorId: string): Promise<IntroPreview> {
    await this.deps.roles.require(actorId, 'admin');
    const now = this.deps.clock.now();
    const dueAt = this.schedule.next(now);
    const at = dueAt ?? now;
    const candidates = await this.deps.repository.eligible(at, activeSince(at));
    const pairing = pairMembers({
      candidates,
      recentPairs: await this.deps.repository.recentPairs(at, NO_REPEAT_ROUNDS),
      seed: at.toISOString(),
    });
    const tags = new Map(candidates.map((c) => [c.userId, c.tags]));
    const people = new Map(
      (await this.deps.repository.people(candidates.map((c) => c.userId))).map((p) => [p.userId, p]),
    );
    return {
      dueAt,
      eligible: candidates.length,
      groups: pairing.groups.map((group) => {
        const sharedTags = visibleSharedTags(
          group.members,
          group.sharedTags,
          (id) => tags.get(id) ?? [],
          (id) => people.get(id)?.visibility ?? 'nobody',
          'admin',
        );
        return {
          members: group.members,
          sharedTags,
          hiddenShared: group.sharedTags.length - sharedTags.length,
        };
      }),
      leftOut: pairing.leftOut,
    };
  }

  /**
   * Planner: when a round has come due (or fell due within the catch-up window), pair it once and put
   * one group DM per pair in the outbox; a week after each round, ask its members "Did you meet?".
   */
  async plan(now: Date): Promise<void> {
    const due = this.schedule.latestDue(now);
    if (due !== undefined) await this.planRound(due, now);
    await this.planCheckins(now);
  }

  /**
   * `intros run`: an admin pairs a round now, outside the schedule. Its key is new each time (so a
   * second run is a second round), and its group DMs are keyed by round and group like any round's:
   * replicas or a retried delivery send each once. Members paired in the last rounds are not paired
   * again. The admin gets the summary by DM, once, through the outbox.
   */
  async runNow(actorId: string): Promise<RoundSummary> {
    await this.deps.roles.require(actorId, 'admin');
    const now = this.deps.clock.now();
    const roundKey = `manual:${now.toISOString()}:${randomBytes(4).toString('hex')}`;
    const summary = await this.planRound(now, now, roundKey);
    const localeOf = await this.deps.knownLocalesOf([actorId]);
    await this.deps.outbox.schedule({
      kind: 'intro_report',
      key: `intro-report:${roundKey}`,
      channel: actorId,
      message: this.deps.messages.report(summary, localeOf(actorId)),
      dueAt: now,
    });
    return summary;
  }

  /** A member's answer to "Did you meet?"; false when they are not in that group. */
  async answer(userId: string, groupId: number, answer: IntroAnswer): Promise<boolean> {
    if ((await this.deps.repository.membership(groupId, userId)) === undefined) return false;
    const recorded = await this.deps.repository.answer(groupId, userId, answer, this.deps.clock.now());
    if (recorded) this.deps.logger.info(`intro group ${groupId}: ${userId} answered ${answer}`);
    return recorded;
  }

  /** For `stats` (organizers, HR, admins): rounds, members introduced, answers and the meet rate. */
  async meetStats(actorId: string): Promise<MeetStats> {
    await this.deps.roles.require(actorId, 'organizer', 'hr');
    const counts = await this.deps.repository.meetStats();
    const base = counts.yes + counts.notYet;
    return { ...counts, rate: base === 0 ? null : Math.round((counts.yes / base) * 1000) / 10 };
  }

  exportMember(userId: string): Promise<unknown> {
    return this.deps.repository.exportMember(userId);
  }

  /**
   * Privacy erasure: the preference goes, answers lose the member's id (so the pair history forgets
   * them), and the partners' "Did you meet?" DMs, which mention them, are deleted. The group DMs
   * themselves are addressed to the member and go with the outbox's own erasure.
   */
  async eraseMember(userId: string): Promise<void> {
    const keys = (await this.deps.repository.partnersByRound(userId)).map(({ roundKey, partner }) =>
      checkinKey(roundKey, partner),
    );
    await this.deps.outbox.forgetKeys(keys);
    await this.deps.repository.eraseMember(userId);
  }

  /**
   * Pairs a round and plans its group DMs in batches, each its own transaction, yielding in between.
   * A round cut short by a crash is resumed at the next tick: members already in a group are left
   * alone, the others are paired among themselves (so there is still at most one trio).
   */
  private async planRound(due: Date, now: Date, roundKey = due.toISOString()): Promise<RoundSummary> {
    const { repository, outbox } = this.deps;
    const round = await repository.openRound(roundKey, due, now);
    if (round.completed) return { roundKey, groups: 0, members: 0, leftOut: 0 };
    const started = Date.now();
    const placed = await repository.membersInRound(round.id);
    const candidates = (await repository.eligible(due, activeSince(due))).filter(
      (c) => !placed.has(c.userId),
    );
    const pairing = pairMembers({
      candidates,
      recentPairs: await repository.recentPairs(due, NO_REPEAT_ROUNDS, round.id),
      seed: roundKey,
    });
    const tags = new Map(candidates.map((c) => [c.userId, c.tags]));
    const expiresAt = new Date(due.getTime() + INTRO_LATE_HOURS * 3_600_000);
    const groups = pairing.groups;
    for (let offset = 0; offset < groups.length; offset += PLAN_BATCH) {
      const batch = groups.slice(offset, offset + PLAN_BATCH);
      const batchMembers = batch.flatMap((group) => group.members);
      // Pairing needs every candidate's id and tags; names and profiles are read a batch at a time.
      const people = new Map((await repository.people(batchMembers)).map((p) => [p.userId, p]));
      const localeOf = await this.deps.knownLocalesOf(batchMembers);
      await repository.immediate(async () => {
        // Another process planning this round waits here for this batch, rather than interleaving.
        await repository.lockRound(round.id);
        for (const group of batch) {
          // Another process placed one of them meanwhile: its group stands, this one is dropped.
          if ((await repository.addGroup(round.id, group.members, now)) === undefined) continue;
          const key = introKey(roundKey, group.members);
          await outbox.schedule({
            kind: 'intro',
            key,
            channel: groupDmTarget(group.members),
            message: this.deps.messages.intro(this.post(key, group, tags, people, localeOf)),
            dueAt: due,
            expiresAt,
          });
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const totals = await repository.completeRound(round.id, pairing.leftOut.length, now);
    this.deps.logger.info(
      `intro round ${roundKey}: ${totals.groups} groups, ${totals.members} members, ${pairing.leftOut.length} left out (planned in ${Date.now() - started} ms)`,
    );
    return { roundKey, groups: totals.groups, members: totals.members, leftOut: pairing.leftOut.length };
  }

  private post(
    key: string,
    group: IntroGroup,
    tags: ReadonlyMap<string, readonly string[]>,
    people: ReadonlyMap<string, IntroPerson>,
    localeOf: (userId: string) => Locale,
  ): IntroPost {
    const members = group.members.map((id) => people.get(id) ?? mentionOnly(id));
    const sharedTags = visibleSharedTags(
      group.members,
      group.sharedTags,
      (id) => tags.get(id) ?? [],
      (id) => people.get(id)?.visibility ?? 'nobody',
      'peer',
    );
    const locales = [...new Set(group.members.map(localeOf))].sort();
    return { key, members, sharedTags, overlapHidden: sharedTags.length < group.sharedTags.length, locales };
  }

  /** "Did you meet?" a week after each round, to each member who still has intros on, about partners still here. */
  private async planCheckins(now: Date): Promise<void> {
    const { repository, outbox, nags } = this.deps;
    const rounds = await repository.roundsForCheckins(new Date(now.getTime() - CHECKIN_AFTER_DAYS * DAY_MS));
    for (const round of rounds) {
      const dueAt = new Date(round.dueAt.getTime() + CHECKIN_AFTER_DAYS * DAY_MS);
      const expiresAt = new Date(dueAt.getTime() + CHECKIN_LATE_DAYS * DAY_MS);
      if (expiresAt.getTime() <= now.getTime()) {
        // The bot was down for the whole window: asking now would be about a half-forgotten intro.
        await repository.markCheckinsPlanned(round.id, now);
        this.deps.logger.info(`intro round ${round.roundKey}: check-ins skipped, too late`);
        continue;
      }
      const targets = (await repository.checkinTargets(round.id)).filter((t) => t.partners.length > 0);
      for (let offset = 0; offset < targets.length; offset += PLAN_BATCH) {
        const batch = targets.slice(offset, offset + PLAN_BATCH);
        const localeOf = await this.deps.knownLocalesOf(batch.map((target) => target.userId));
        await repository.immediate(async () => {
          for (const target of batch) {
            const key = checkinKey(round.roundKey, target.userId);
            const message = this.deps.messages.checkin(
              { groupId: target.groupId, partners: target.partners, introducedAt: round.dueAt },
              localeOf(target.userId),
            );
            // Exempt from the once-a-month limit (see members/nags.ts), but recorded like every nag.
            if (
              await outbox.schedule({
                kind: 'intro_checkin',
                key,
                channel: target.userId,
                message,
                dueAt,
                expiresAt,
              })
            ) {
              await nags.record(target.userId, 'intro_checkin', now, key);
            }
          }
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await repository.markCheckinsPlanned(round.id, now);
      this.deps.logger.info(`intro round ${round.roundKey}: ${targets.length} check-in(s) planned`);
    }
  }
}
