import type { Languages, Locale } from '../i18n';
import { NotFound } from '../notFound';
import type { SourceErasure } from '../privacy/service';
import { groupDmTarget, type OutboxMessage, type ScheduleRequest } from '../scheduler/types';
import type { MentoringFigures, MentoringRepository, OfferChange } from '../storage/mentoring';
import { askKey, checkinKey, pairKey, unmatchedKey } from './keys';
import { rankMentors } from './rules';
import {
  DEFAULT_CAPACITY,
  MAX_SUGGESTED,
  MentorAtCapacity,
  MentorRequestPending,
  NotAskedToMentor,
  NotInMentorPair,
  NotMentor,
  type CheckinChoice,
  type MentorMatch,
  type MentorOffer,
  type MentorPair,
  type MentorRequest,
} from './types';
import type { MemberFacingDeps } from '../members/memberFacing';
import { RepositoryBacked } from '../serviceBase';
import { DAY_MS } from '../time/durations';

/** A suggested mentor has this long to answer before the request moves to the next one. */
export const ANSWER_DAYS = 7;
/** Days between "How is it going?" check-ins. */
export const CHECKIN_DAYS = 30;

/** Words of what mentoring sends, supplied by the Slack layer (Block Kit stays out of the rules). */
export interface MentoringMessages {
  /** To a suggested mentor: the request, with Accept / Decline. */
  ask(request: MentorRequest, locale: Locale): OutboxMessage;
  /** To the requester: none of the suggested mentors took it. */
  unmatched(request: MentorRequest, locale: Locale): OutboxMessage;
  /** The pair's group DM, once accepted: the mentee's language first. */
  paired(request: MentorRequest, pair: MentorPair, languages: Languages): OutboxMessage;
  /** The monthly check-in in the pair's group DM: Continue / Pause / End. */
  checkin(pair: MentorPair, languages: Languages): OutboxMessage;
}

export interface MentoringDeps extends MemberFacingDeps {
  readonly repository: MentoringRepository;
  readonly outbox: {
    schedule(request: ScheduleRequest): Promise<boolean>;
    forgetKeys(keys: readonly string[]): Promise<number>;
  };
  readonly messages: MentoringMessages;
}

/** What `mentor` shows a member: their offer, their pairs, what they asked for, what waits on them. */
export interface MentoringStatus {
  readonly offer: MentorOffer | undefined;
  readonly pairs: readonly MentorPair[];
  readonly requests: readonly MentorRequest[];
  readonly waitingOnMe: readonly MentorRequest[];
}

/**
 * Mentoring between members (issue 13 §4): offers with topics, capacity and availability; requests
 * that go to one suggested mentor at a time and move on after a decline or 7 days; accepted pairs
 * with a monthly check-in. Only mentors whose profile all alumni may see are ever suggested,
 * listed or counted, and a mentor's places are taken by a conditional update, never past capacity.
 */
export class MentoringService extends RepositoryBacked<MentoringDeps> {
  async status(userId: string): Promise<MentoringStatus> {
    return {
      offer: await this.repo.offer(userId),
      pairs: await this.repo.pairsOf(userId),
      requests: (await this.repo.requestsOf(userId)).slice(0, 5),
      waitingOnMe: await this.repo.waitingOn(userId),
    };
  }

  /** Offers to mentor on these topics, or changes capacity or availability of an offer made. */
  async offer(userId: string, change: OfferChange): Promise<MentorOffer> {
    const existing = await this.repo.offer(userId);
    if (existing === undefined && change.topics === undefined) throw new NotMentor();
    await this.repo.saveOffer(userId, change, { capacity: DEFAULT_CAPACITY }, this.deps.clock.now());
    const saved = await this.repo.offer(userId);
    if (saved === undefined) throw new NotMentor();
    return saved;
  }

  /** Mentors sharing these topics, with a free place, whose profile all alumni may see; best first. */
  async find(viewer: string, tags: readonly string[]): Promise<MentorMatch[]> {
    const offers = (await this.repo.withFreePlaces(tags)).filter((offer) => offer.userId !== viewer);
    const visible: MentorOffer[] = [];
    for (const offer of offers) if (await this.listable(offer.userId)) visible.push(offer);
    return rankMentors(visible, tags);
  }

  /**
   * A request for a mentor: up to three suggested mentors, asked one at a time. Undefined when
   * nobody fits (nothing is saved then). One request waits at a time per member.
   */
  async request(
    requester: string,
    tags: readonly string[],
    goal: string,
  ): Promise<{ request: MentorRequest; suggested: string[] } | undefined> {
    const pending = (await this.repo.requestsOf(requester)).find((request) => request.status === 'pending');
    if (pending !== undefined) throw new MentorRequestPending(pending.id);
    const suggested = (await this.find(requester, tags)).slice(0, MAX_SUGGESTED).map((m) => m.offer.userId);
    if (suggested.length === 0) return undefined;
    const now = this.deps.clock.now();
    const id = await this.repo.insertRequest(requester, goal, tags, suggested, now);
    await this.askNext(id, now);
    return { request: await this.getRequest(id), suggested };
  }

  /** Accept: a place is taken (or MentorAtCapacity, and the request moves on), and the pair's group DM is planned. */
  async accept(mentor: string, requestId: number): Promise<{ request: MentorRequest; pair: MentorPair }> {
    const request = await this.waitingRequest(mentor, requestId);
    const languages: Languages = [
      await this.deps.knownLocaleOf(request.requester),
      await this.deps.knownLocaleOf(mentor),
    ];
    const now = this.deps.clock.now();
    let pairId: number | undefined;
    try {
      pairId = await this.deps.store.transaction(async () => {
        if (!(await this.repo.setOutcome(requestId, mentor, 'asked', 'accepted'))) return undefined;
        // Thrown, not returned, so that the outcome above is rolled back with everything else.
        if (!(await this.repo.takePlace(mentor))) throw new MentorAtCapacity(0);
        await this.repo.closeRequest(requestId, 'accepted', now);
        const id = await this.repo.insertPair(
          requestId,
          mentor,
          request.requester,
          now,
          addDays(now, CHECKIN_DAYS),
        );
        const pair = await this.getPair(id);
        // Solicited: the mentor pressed Accept, on the mentee's own request. Not limited.
        await this.deps.outbox.schedule({
          kind: 'mentor_pair',
          key: pairKey(id),
          channel: groupDmTarget([mentor, request.requester]),
          message: this.deps.messages.paired(request, pair, languages),
          dueAt: now,
          notifyOnFailure: mentor,
        });
        return id;
      });
    } catch (error) {
      if (!(error instanceof MentorAtCapacity)) throw error;
      // Nothing above was kept; the mentor's turn ends and the next suggested mentor is asked.
      await this.endTurn(mentor, requestId, 'skipped');
      throw new MentorAtCapacity((await this.repo.offer(mentor))?.capacity ?? 0);
    }
    if (pairId === undefined) throw new NotAskedToMentor(requestId);
    this.deps.logger.info(`mentor request ${requestId} accepted by ${mentor}: pair ${pairId}`);
    return { request: await this.getRequest(requestId), pair: await this.getPair(pairId) };
  }

  /** Decline: the next suggested mentor is asked (or the requester told nobody is free). */
  async decline(mentor: string, requestId: number): Promise<MentorRequest> {
    await this.waitingRequest(mentor, requestId);
    if (!(await this.endTurn(mentor, requestId, 'declined'))) throw new NotAskedToMentor(requestId);
    this.deps.logger.info(`mentor request ${requestId} declined by ${mentor}`);
    return this.getRequest(requestId);
  }

  /** Continue / Pause / End, by either member of the pair. Ending frees the mentor's place. */
  async checkin(
    userId: string,
    pairId: number,
    choice: CheckinChoice,
  ): Promise<{ pair: MentorPair; changed: boolean }> {
    const pair = await this.repo.pair(pairId);
    if (pair === undefined) throw new NotFound('mentoring', pairId);
    if (pair.mentorId !== userId && pair.menteeId !== userId) throw new NotInMentorPair(pairId);
    const to = choice === 'continue' ? 'active' : choice === 'pause' ? 'paused' : 'ended';
    const changed = await this.deps.store.transaction(async () => {
      if (!(await this.repo.setPairStatus(pairId, to, this.deps.clock.now()))) return false;
      if (to === 'ended') await this.repo.freePlace(pair.mentorId);
      return true;
    });
    if (changed) this.deps.logger.info(`mentor pair ${pairId}: ${choice} by ${userId}`);
    return { pair: await this.getPair(pairId), changed };
  }

  /** A planner: requests unanswered for 7 days move on; pairs due a check-in get one. */
  async plan(now: Date): Promise<void> {
    for (const request of await this.repo.dueHandOns(addDays(now, -ANSWER_DAYS))) {
      if (request.currentMentor !== null) {
        await this.endTurn(request.currentMentor, request.id, 'expired');
        this.deps.logger.info(`mentor request ${request.id}: no answer in ${ANSWER_DAYS} days, handed on`);
      } else await this.askNext(request.id, now);
    }
    for (const pair of await this.repo.dueCheckins(now)) {
      const languages: Languages = [
        await this.deps.knownLocaleOf(pair.menteeId),
        await this.deps.knownLocaleOf(pair.mentorId),
      ];
      await this.deps.store.transaction(async () => {
        if (
          !(await this.repo.advanceCheckin(
            pair.id,
            pair.nextCheckinAt,
            addDays(pair.nextCheckinAt, CHECKIN_DAYS),
          ))
        )
          return;
        // Unsolicited for both: the first day free for the mentor and the mentee alike.
        const key = checkinKey(pair.id, pair.nextCheckinAt);
        const dueAt = await this.deps.dmLimit.dueAt([pair.mentorId, pair.menteeId], now, key);
        await this.deps.outbox.schedule({
          kind: 'mentor_checkin',
          key,
          channel: groupDmTarget([pair.mentorId, pair.menteeId]),
          message: this.deps.messages.checkin(pair, languages),
          dueAt,
        });
      });
    }
  }

  /** Counts for `stats`: mentors all alumni may see, their free places, pairs and requests. */
  async figures(actorId: string): Promise<MentoringFigures> {
    await this.deps.roles.require(actorId, 'organizer', 'hr');
    let mentors = 0;
    let freePlaces = 0;
    for (const offer of await this.repo.allOffers()) {
      if (offer.availability === 'closed' || !(await this.listable(offer.userId))) continue;
      mentors += 1;
      freePlaces += Math.max(0, offer.capacity - offer.activeCount);
    }
    return { mentors, freePlaces, ...(await this.repo.counts()) };
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /** Erasure (inside the privacy transaction): the rows, and the planned DMs that named the member. */
  async eraseMember(userId: string): Promise<SourceErasure> {
    const erased = await this.repo.eraseMember(userId);
    await this.deps.outbox.forgetKeys([
      // The asks to mentors quoted the member's goal and named them; the notice was theirs.
      ...erased.requests.flatMap((request) => [
        unmatchedKey(request.id),
        ...request.mentors.map((mentor) => askKey(request.id, mentor)),
      ]),
      ...erased.asked.map((id) => askKey(id, userId)),
      ...erased.pairs.map((id) => pairKey(id)),
    ]);
    return {};
  }

  /** Only a mentor whose profile all alumni may see is ever suggested, listed or counted. */
  private async listable(userId: string): Promise<boolean> {
    return (await this.deps.profileOf(userId))?.visibility === 'all';
  }

  /** The mentor's turn on the request ends (`from` asked), and the next one is asked. False if it had already ended. */
  private async endTurn(
    mentor: string,
    requestId: number,
    outcome: 'declined' | 'expired' | 'skipped',
  ): Promise<boolean> {
    const now = this.deps.clock.now();
    return this.deps.store.transaction(async () => {
      if (!(await this.repo.setOutcome(requestId, mentor, 'asked', outcome))) return false;
      await this.repo.setCurrent(requestId, null, null);
      await this.askNext(requestId, now);
      return true;
    });
  }

  /**
   * Asks the next suggested mentor who still fits (visible, open or limited, a free place), or, when
   * none is left, closes the request as unmatched and tells the requester.
   */
  private async askNext(requestId: number, now: Date): Promise<void> {
    const request = await this.getRequest(requestId);
    const locales = new Map<string, Locale>();
    await this.deps.store.transaction(async () => {
      for (;;) {
        const mentor = await this.repo.nextWaiting(requestId);
        if (mentor === undefined) break;
        const offer = await this.repo.offer(mentor);
        const fits =
          offer !== undefined &&
          offer.availability !== 'closed' &&
          offer.activeCount < offer.capacity &&
          (await this.listable(mentor));
        if (!fits) {
          await this.repo.setOutcome(requestId, mentor, 'waiting', 'skipped');
          continue;
        }
        // Unsolicited: the mentee's request, not the mentor's press.
        const dueAt = await this.deps.dmLimit.dueAt([mentor], now, askKey(requestId, mentor));
        await this.repo.setOutcome(requestId, mentor, 'waiting', 'asked');
        await this.repo.setCurrent(requestId, mentor, dueAt);
        const locale = locales.get(mentor) ?? (await this.deps.knownLocaleOf(mentor));
        await this.deps.outbox.schedule({
          kind: 'mentor_ask',
          key: askKey(requestId, mentor),
          channel: mentor,
          message: this.deps.messages.ask(request, locale),
          dueAt,
        });
        return;
      }
      if (!(await this.repo.closeRequest(requestId, 'unmatched', now))) return;
      // Solicited: the answer to the member's own request. Not limited.
      await this.deps.outbox.schedule({
        kind: 'mentor_unmatched',
        key: unmatchedKey(requestId),
        channel: request.requester,
        message: this.deps.messages.unmatched(request, await this.deps.knownLocaleOf(request.requester)),
        dueAt: now,
      });
    });
  }

  /** The request, when it is waiting on this mentor now; NotAskedToMentor otherwise. */
  private async waitingRequest(mentor: string, requestId: number): Promise<MentorRequest> {
    const request = await this.repo.request(requestId);
    if (request === undefined) throw new NotFound('mentoring', requestId);
    if (request.status !== 'pending' || request.currentMentor !== mentor)
      throw new NotAskedToMentor(requestId);
    return request;
  }

  private async getRequest(id: number): Promise<MentorRequest> {
    const request = await this.repo.request(id);
    if (request === undefined) throw new NotFound('mentoring', id);
    return request;
  }

  private async getPair(id: number): Promise<MentorPair> {
    const pair = await this.repo.pair(id);
    if (pair === undefined) throw new NotFound('mentoring', id);
    return pair;
  }
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
