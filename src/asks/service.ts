import type { Languages, Locale } from '../i18n';
import { NotFound } from '../notFound';
import type { Profile } from '../members/types';
import type { SourceErasure } from '../privacy/service';
import { groupDmTarget, type OutboxMessage, type ScheduleRequest } from '../scheduler/types';
import type { AskFigures, AskRepository } from '../storage/asks';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import { lapsedKey, matchKey, reminderKey, thanksKey } from './keys';
import { pickAsks, type AskPicks } from './picks';
import { expiryFrom, extendedExpiry, maySee, rankAsks, remindedUntil, type RankedAsk } from './rules';
import { AskNotOpen, NotAskAuthor, OwnAsk, type AskInput, type AskItem, type AskSummary } from './types';
import type { MemberFacingDeps } from '../members/memberFacing';
import { RepositoryBacked } from '../serviceBase';

/** Most items one list shows (a message holds 50 blocks; each item takes a few). */
export const MAX_LISTED = 10;
/** Who a response's group DM brings together, and what they may both see of each other's interests. */
export interface AskMatch {
  readonly author: string;
  readonly responder: string;
  /** Interests both hold; undefined when either one's visibility hides their interests from the other. */
  readonly sharedTags: readonly string[] | undefined;
}

/** Words of what asks send, supplied by the Slack layer so that the rules stay free of Block Kit. */
export interface AskMessages {
  /** The group DM of author and responder, for both: the responder's language first. */
  match(item: AskItem, match: AskMatch, languages: Languages): OutboxMessage;
  /** To the author, before the expiry: Extend / Mark resolved. */
  reminder(item: AskItem, locale: Locale): OutboxMessage;
  /** To the author: the item lapsed. */
  lapsed(item: AskItem, locale: Locale): OutboxMessage;
  /** To a helper: the author thanked them. */
  thanks(item: AskItem, locale: Locale): OutboxMessage;
  /** Text that marks an item in a stored digest, to find the digests that listed it. */
  digestMarker(id: number): string;
  /** A digest without these items (and without their section when none is left). */
  withoutItems(message: OutboxMessage, ids: readonly number[]): OutboxMessage;
}

export interface AskDeps extends MemberFacingDeps {
  readonly repository: AskRepository;
  /** One item per modal submission, however often it arrives. */
  readonly submissions: ViewSubmissionRepository;
  readonly interestsOf: (userId: string) => Promise<string[]>;
  readonly outbox: {
    schedule(request: ScheduleRequest): Promise<boolean>;
    forgetKeys(keys: readonly string[]): Promise<number>;
    redact(
      prefix: string,
      needles: readonly string[],
      rewrite: (message: OutboxMessage) => OutboxMessage,
    ): Promise<number>;
  };
  readonly messages: AskMessages;
  /** After the planner lapsed an item, to update its card (Slack lives in the composition root). */
  readonly onLapsed: (summary: AskSummary, authorNamed: boolean) => Promise<void>;
}

export type AskListQuery =
  { readonly kind: 'open' } | { readonly kind: 'tags'; readonly tags: readonly string[] };

/** The cards and cards gone that an erasure leaves for the Slack layer. */
export interface AskCardEffects {
  readonly askCards: readonly number[];
  readonly removedCards: readonly { readonly channel: string; readonly ts: string }[];
}

/**
 * Asks and offers between members: posting, responding (a group DM for author and responder),
 * resolving with thanks, extending, and the one reminder before an item lapses. Who may see an item
 * and who may change it are checked here, where the work is done.
 */
export class AskService extends RepositoryBacked<AskDeps> {
  async get(id: number): Promise<AskItem> {
    const item = await this.repo.get(id);
    if (item === undefined) throw new NotFound('ask', id);
    return item;
  }

  /** The item, for a member who may see it; one for matches only is "not found" to anyone else. */
  async viewable(viewer: string, id: number): Promise<AskItem> {
    const item = await this.get(id);
    if (!maySee(item, viewer, new Set(await this.deps.interestsOf(viewer)))) throw new NotFound('ask', id);
    return item;
  }

  /** A second submission of the same form (`viewId`) returns the first one's item with `created: false`. */
  async create(
    author: string,
    input: AskInput,
    viewId?: string,
  ): Promise<{ item: AskItem; created: boolean }> {
    const now = this.deps.clock.now();
    const { id, first } = await this.deps.submissions.once(viewId, 'ask', now, () =>
      this.repo.insert(input, author, now, expiryFrom(now, input.days)),
    );
    return { item: await this.get(id), created: first };
  }

  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.repo.attachCard(id, channel, ts);
  }

  /** What a card or the author's list shows: the item, its responses, and the helpers it may name. */
  async summary(id: number): Promise<AskSummary> {
    const item = await this.get(id);
    const responses = await this.repo.responses(id);
    const namedHelpers: string[] = [];
    for (const response of responses)
      if (response.thanked && (await this.deps.profileOf(response.userId))?.visibility === 'all')
        namedHelpers.push(response.userId);
    return { item, responses, namedHelpers };
  }

  /** Whether a card or list may name the author: only when their profile is visible to all alumni. */
  async authorNamed(item: AskItem): Promise<boolean> {
    return (await this.deps.profileOf(item.author))?.visibility === 'all';
  }

  /**
   * `asks` and `asks <tags>`: open items of others the member may see, those sharing the most of
   * the member's interests (or of the tags asked for) first; `total` counts all that qualify.
   */
  async list(viewer: string, query: AskListQuery): Promise<{ items: RankedAsk[]; total: number }> {
    const interests = new Set(await this.deps.interestsOf(viewer));
    const seen = (await this.repo.open()).filter(
      (item) => item.author !== viewer && maySee(item, viewer, interests),
    );
    const wanted = query.kind === 'open' ? interests : new Set(query.tags);
    const ranked = rankAsks(seen, wanted).filter(
      (entry) => query.kind === 'open' || entry.matchedTags.length > 0,
    );
    return { items: ranked.slice(0, MAX_LISTED), total: ranked.length };
  }

  /** For digests and App Home: see pickAsks. */
  picksFor(
    members: readonly { readonly userId: string; readonly interests: readonly string[] }[],
    since?: Date,
  ): Promise<Map<string, AskPicks>> {
    const { repository, profileOf, clock } = this.deps;
    return pickAsks({ repository, profileOf }, members, { now: clock.now(), since });
  }

  /** `asks mine`: the member's own items, open first, then the latest, with who responded. */
  async mine(author: string): Promise<AskSummary[]> {
    const items = await this.repo.byAuthor(author, MAX_LISTED * 3);
    const ordered = [
      ...items.filter((i) => i.status === 'open'),
      ...items.filter((i) => i.status !== 'open'),
    ];
    return Promise.all(ordered.slice(0, MAX_LISTED).map((item) => this.summary(item.id)));
  }

  /**
   * "I can help" / "I'm interested": once per member and item, a group DM for the two with the
   * item and the interests they share (only when each may see the other's). `created` is false
   * for a second press.
   */
  async respond(responder: string, id: number): Promise<{ item: AskItem; created: boolean }> {
    const item = await this.viewable(responder, id);
    if (item.author === responder) throw new OwnAsk(id);
    if (item.status !== 'open') throw new AskNotOpen(id, item.status);
    const sharedTags = await this.sharedTags(item.author, responder);
    const languages: Languages = [
      await this.deps.knownLocaleOf(responder),
      await this.deps.knownLocaleOf(item.author),
    ];
    const now = this.deps.clock.now();
    const created = await this.deps.store.transaction(async () => {
      if (!(await this.repo.addResponse(id, responder, now))) return false;
      // Solicited: the responder pressed for it, and the author asked for responses. Not limited.
      await this.deps.outbox.schedule({
        kind: 'ask_match',
        key: matchKey(id, responder),
        channel: groupDmTarget([item.author, responder]),
        message: this.deps.messages.match(item, { author: item.author, responder, sharedTags }, languages),
        dueAt: now,
        notifyOnFailure: responder,
      });
      return true;
    });
    return { item, created };
  }

  /**
   * Resolved, by its author or an admin; the responders named in `thank` are thanked (on the card,
   * and each by DM). Resolving again changes nothing. Lapsed items may still be resolved.
   */
  async resolve(
    actorId: string,
    id: number,
    thank: readonly string[],
  ): Promise<{ item: AskItem; changed: boolean; thanked: string[] }> {
    const item = await this.manageable(actorId, id);
    const responders = new Set((await this.repo.responses(id)).map((response) => response.userId));
    const thanked = [...new Set(thank)].filter((userId) => responders.has(userId));
    const locales = await Promise.all(thanked.map((userId) => this.deps.knownLocaleOf(userId)));
    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async () => {
      if (!(await this.repo.resolve(id, now))) return false;
      await this.repo.thank(id, thanked);
      // Unsolicited (the author's press, not the helper's): it takes the helper's day.
      for (const [i, helper] of thanked.entries())
        await this.deps.outbox.schedule({
          kind: 'ask_thanks',
          key: thanksKey(id, helper),
          channel: helper,
          message: this.deps.messages.thanks(item, locales[i] ?? 'en'),
          dueAt: await this.deps.dmLimit.dueAt([helper], now, thanksKey(id, helper)),
        });
      return true;
    });
    if (changed) this.deps.logger.info(`ask ${id} resolved by ${actorId}; ${thanked.length} thanked`);
    return { item: await this.get(id), changed, thanked: changed ? thanked : [] };
  }

  /** The item and who responded, for its author or an admin (the resolve form). */
  async managed(actorId: string, id: number): Promise<AskSummary> {
    await this.manageable(actorId, id);
    return this.summary(id);
  }

  /** A later expiry for an open item, by its author or an admin. */
  async extend(actorId: string, id: number): Promise<AskItem> {
    const item = await this.manageable(actorId, id);
    if (item.status !== 'open') throw new AskNotOpen(id, item.status);
    const now = this.deps.clock.now();
    if (!(await this.repo.extend(id, extendedExpiry(item.expiresAt, now), now))) {
      const current = await this.get(id);
      if (current.status !== 'open') throw new AskNotOpen(id, current.status);
    }
    return this.get(id);
  }

  /**
   * A planner: one reminder to the author before an item's expiry (an outbox row that is skipped
   * if the bot was down past the expiry), then, at the expiry, the item lapses and its author is told.
   */
  async plan(now: Date): Promise<void> {
    for (const item of await this.repo.dueReminders(now, remindedUntil(now))) {
      const locale = await this.deps.knownLocaleOf(item.author);
      await this.deps.store.transaction(async () => {
        if (!(await this.repo.markReminded(item.id, item.expiresAt))) return;
        await this.deps.outbox.schedule({
          kind: 'ask_reminder',
          key: reminderKey(item.id, item.expiresAt),
          channel: item.author,
          message: this.deps.messages.reminder(item, locale),
          dueAt: await this.deps.dmLimit.dueAt([item.author], now, reminderKey(item.id, item.expiresAt)),
          expiresAt: item.expiresAt,
        });
      });
    }
    for (const item of await this.repo.dueLapses(now)) {
      const locale = await this.deps.knownLocaleOf(item.author);
      const lapsed = await this.deps.store.transaction(async () => {
        if (!(await this.repo.lapse(item.id, now))) return false;
        await this.deps.outbox.schedule({
          kind: 'ask_lapsed',
          key: lapsedKey(item.id),
          channel: item.author,
          message: this.deps.messages.lapsed(item, locale),
          dueAt: await this.deps.dmLimit.dueAt([item.author], now, lapsedKey(item.id)),
        });
        return true;
      });
      if (!lapsed) continue;
      this.deps.logger.info(`ask ${item.id} lapsed`);
      if (item.cardTs === null) continue;
      const summary = await this.summary(item.id);
      await this.deps.onLapsed(summary, await this.authorNamed(item)).catch((error: unknown) => {
        this.deps.logger.warn(`ask ${item.id}: card not updated after it lapsed: ${String(error)}`);
      });
    }
  }

  /** Counts for `stats` (organizers, HR and admins). */
  async figures(actorId: string): Promise<AskFigures> {
    await this.deps.roles.require(actorId, 'organizer', 'hr');
    return this.repo.figures();
  }

  /** Every item with its responses, for the stats CSV (organizers, HR and admins). */
  async export(actorId: string): Promise<{ item: AskItem; responses: number; thanked: number }[]> {
    await this.deps.roles.require(actorId, 'organizer', 'hr');
    const items = await this.repo.all();
    const responses = await this.repo.responsesOf(items.map((item) => item.id));
    return items.map((item) => {
      const list = responses.get(item.id) ?? [];
      return { item, responses: list.length, thanked: list.filter((r) => r.thanked).length };
    });
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /**
   * Erasure (inside the privacy transaction): the member's items and responses go; DMs that named
   * them go too, and digests that listed their items keep the rest; the cards of their items are
   * removed and the cards that counted them rendered again.
   */
  async eraseMember(userId: string): Promise<SourceErasure & AskCardEffects> {
    const erased = await this.repo.eraseMember(userId);
    await this.deps.outbox.forgetKeys(
      erased.erasedItems.flatMap((item) => item.responders.map((helper) => thanksKey(item.id, helper))),
    );
    const ids = erased.erasedItems.map((item) => item.id);
    const { messages } = this.deps;
    await this.deps.outbox.redact(
      'digest:',
      ids.map((id) => messages.digestMarker(id)),
      (message) => messages.withoutItems(message, ids),
    );
    return { askCards: erased.touched, removedCards: erased.removedCards };
  }

  /** Their interests in common, or undefined when either may not see the other's. */
  private async sharedTags(a: string, b: string): Promise<string[] | undefined> {
    const [profileA, profileB] = [await this.deps.profileOf(a), await this.deps.profileOf(b)];
    if (!(await this.interestsVisible(profileA, b)) || !(await this.interestsVisible(profileB, a)))
      return undefined;
    const theirs = new Set(profileB?.interests ?? []);
    return (profileA?.interests ?? []).filter((tag) => theirs.has(tag));
  }

  /** The profile rule: all alumni see it; admins and HR only; nobody never. */
  private async interestsVisible(owner: Profile | undefined, viewer: string): Promise<boolean> {
    if (owner === undefined) return false;
    switch (owner.visibility) {
      case 'all':
        return true;
      case 'staff':
        return this.deps.roles.has(viewer, 'hr');
      case 'nobody':
        return false;
    }
  }

  /** The item, for its author or an admin; NotAskAuthor otherwise (and not found if they may not see it). */
  private async manageable(actorId: string, id: number): Promise<AskItem> {
    const item = await this.get(id);
    if (item.author === actorId || (await this.deps.roles.has(actorId, 'admin'))) return item;
    await this.viewable(actorId, id);
    throw new NotAskAuthor(id);
  }
}
