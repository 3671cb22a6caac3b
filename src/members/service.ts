import type { Clock } from '../clock';
import { MAX_TAGS_PER_MEMBER, type TagProblem, type TagVocabulary } from '../interests/tags';
import type { RoleService } from '../roles/service';
import type { MemberRepository } from '../storage/members';
import { availableUntil } from '../availability/types';
import type { MemberSearchRepository } from '../storage/memberSearch';
import { findMembers } from './find';
import type { Match } from './matching';
import type { Profile, ProfileUpdate } from './types';

export type InterestChange =
  | {
      readonly ok: true;
      readonly changed: readonly string[];
      readonly unchanged: readonly string[];
      readonly total: number;
    }
  | { readonly ok: false; readonly problem: TagProblem };

export const MAX_FIND_RESULTS = 20;
export const MAX_QUERY_LENGTH = 100;

/** Profiles, interests and finding each other. */
export class MemberService {
  constructor(
    private readonly members: MemberRepository,
    private readonly search: MemberSearchRepository,
    private readonly vocabulary: TagVocabulary,
    private readonly roles: RoleService,
    private readonly clock: Clock,
  ) {}

  async ensure(userId: string): Promise<void> {
    await this.members.ensure(userId, this.clock.now());
  }

  async profile(userId: string): Promise<Profile | undefined> {
    return this.members.profile(userId);
  }

  async interests(userId: string): Promise<string[]> {
    return this.members.interests(userId);
  }

  async recordActivity(userId: string): Promise<void> {
    await this.members.touch(userId, this.clock.now());
  }

  async addInterests(userId: string, text: string): Promise<InterestChange> {
    const parsed = this.vocabulary.parseList(text);
    if (!parsed.ok) return parsed;
    const current = new Set(await this.members.interests(userId));
    const added = parsed.tags.filter((tag) => !current.has(tag));
    const total = current.size + added.length;
    if (total > MAX_TAGS_PER_MEMBER) {
      return { ok: false, problem: { kind: 'too_many', count: total, max: MAX_TAGS_PER_MEMBER } };
    }
    await this.ensure(userId);
    await this.members.addInterests(userId, added, this.clock.now());
    return { ok: true, changed: added, unchanged: parsed.tags.filter((tag) => current.has(tag)), total };
  }

  async removeInterests(userId: string, text: string): Promise<InterestChange> {
    const parsed = this.vocabulary.parseList(text);
    if (!parsed.ok) return parsed;
    const current = new Set(await this.members.interests(userId));
    const present = parsed.tags.filter((tag) => current.has(tag));
    await this.members.removeInterests(userId, present);
    return {
      ok: true,
      changed: present,
      unchanged: parsed.tags.filter((tag) => !current.has(tag)),
      total: current.size - present.length,
    };
  }

  /** Parses the interests field of the profile modal with the same rules as the command. */
  parseInterestField(text: string): { ok: true; tags: string[] } | { ok: false; problem: TagProblem } {
    if (text.trim() === '') return { ok: true, tags: [] };
    return this.vocabulary.parseList(text);
  }

  /** Sets the member's interests to exactly these tags (the interests modal). */
  async replaceInterests(userId: string, tags: readonly string[]): Promise<void> {
    await this.ensure(userId);
    await this.members.replaceInterests(userId, tags, this.clock.now());
  }

  /** Every "open to" flag saved (newly chosen or kept ticked) holds for AVAILABILITY_DAYS from now. */
  async saveProfile(userId: string, update: ProfileUpdate): Promise<void> {
    await this.ensure(userId);
    const now = this.clock.now();
    await this.members.saveProfile(userId, update, now, availableUntil(now));
  }

  /**
   * Members matching a query, best first. Hidden members never appear; members visible to
   * staff only appear to admins and HR; the caller never finds themselves.
   */
  async find(callerId: string, query: string): Promise<{ matches: Match[]; total: number }> {
    const seesStaffOnly = await this.roles.has(callerId, 'hr');
    return findMembers(this.members, this.search, {
      callerId,
      seesStaffOnly,
      query: this.vocabulary.normalize(query),
      queryWords: query,
      normalizeTag: (tag) => this.vocabulary.normalize(tag),
      limit: MAX_FIND_RESULTS,
    });
  }
}
