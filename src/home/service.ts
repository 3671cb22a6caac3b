import type { MentoringService } from '../mentoring/service';
import type { MentorOffer, MentorPair, MentorRequest } from '../mentoring/types';
import type { Profile } from '../members/types';
import type { MemberStudyGroup, StudyReadRepository } from '../storage/studyReads';
import type { StudyService } from '../study/service';
import type { StudyListing } from '../study/types';

/**
 * How much of study groups and mentoring one App Home shows. Home holds 100 blocks; the sections
 * before these take at most 53 (profile 6, events 11, jobs 25 for HR, asks 9, footer 2), the study
 * section at most 1 + proposals + 1 (more) + 1 (groups) + 1 = 7, and the mentoring one at most
 * 2 + 2 × waiting + 2 × pairs + 1 = 17: 77 in all. A supporter's proposals 2 (slack/views/supporters.ts):
 * 79. Chapters after them take at most 1 + 5 + 1 = 7 (slack/views/chapters.ts, CHAPTERS_ON_HOME): 86.
 */
export const HOME_LIMITS = { proposals: 3, groups: 5, waiting: 3, pairs: 4 } as const;

export interface StudyHome {
  /** Open proposals sharing the member's interests, or that they are in; matching first. */
  readonly proposals: readonly StudyListing[];
  /** Such proposals beyond those shown (`study` lists them). */
  readonly more: number;
  /** Formed groups the member is in, with their channels. */
  readonly groups: readonly MemberStudyGroup[];
}

/** Someone as Home shows them: by name only when their profile is visible to all alumni. */
export interface Shown<T> {
  readonly item: T;
  readonly named: boolean;
}

export interface MentoringHome {
  readonly offer: MentorOffer | undefined;
  /** Pairs not ended, the other member named only when visible to all. */
  readonly pairs: readonly Shown<MentorPair>[];
  /** The member's request waiting for a mentor, if any. */
  readonly pending: MentorRequest | undefined;
  /** Requests waiting on this member's answer as a mentor, the requester named only when visible. */
  readonly waiting: readonly Shown<MentorRequest>[];
}

/**
 * What a member's App Home shows of study groups and mentoring (issue 13): only their own state
 * and what they may act on; a member whose profile is hidden is never named there.
 */
export class HomeSections {
  constructor(
    private readonly study: StudyService,
    private readonly mentoring: MentoringService,
    private readonly studyReads: StudyReadRepository,
    private readonly members: { profile(userId: string): Promise<Profile | undefined> },
  ) {}

  async studyOf(userId: string): Promise<StudyHome> {
    const relevant = (await this.study.list(userId)).filter(
      (listing) => listing.matchedTags.length > 0 || listing.backedByViewer,
    );
    return {
      proposals: relevant.slice(0, HOME_LIMITS.proposals),
      more: Math.max(0, relevant.length - HOME_LIMITS.proposals),
      groups: await this.studyReads.formedGroupsOf(userId, HOME_LIMITS.groups),
    };
  }

  async mentoringOf(userId: string): Promise<MentoringHome> {
    const status = await this.mentoring.status(userId);
    const pairs: Shown<MentorPair>[] = [];
    for (const pair of status.pairs.slice(0, HOME_LIMITS.pairs))
      pairs.push({
        item: pair,
        named: await this.named(pair.mentorId === userId ? pair.menteeId : pair.mentorId),
      });
    const waiting: Shown<MentorRequest>[] = [];
    for (const request of status.waitingOnMe.slice(0, HOME_LIMITS.waiting))
      waiting.push({ item: request, named: await this.named(request.requester) });
    return {
      offer: status.offer,
      pairs,
      pending: status.requests.find((request) => request.status === 'pending'),
      waiting,
    };
  }

  private async named(userId: string): Promise<boolean> {
    return (await this.members.profile(userId))?.visibility === 'all';
  }
}
