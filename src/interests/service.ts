import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { RoleService } from '../roles/service';
import type { InterestTagRepository, TagHolders } from '../storage/interestTags';
import type { Store } from '../storage/store';
import { canonicalTag, hasJapanese, lookupForm } from './normalize';
import { MAX_TAG_LENGTH, type TagVocabulary } from './tags';

/** How many tags `interests unmatched` lists. */
export const MAX_UNMATCHED = 20;

export type PairResult =
  | { readonly kind: 'added'; readonly ja: string; readonly en: string; readonly moved: number }
  /** Both spellings already mean the same interest. */
  | { readonly kind: 'already'; readonly ja: string; readonly en: string }
  /** The Japanese spelling already means another interest (`key`). */
  | { readonly kind: 'taken'; readonly ja: string; readonly key: string }
  /** Not one side in Japanese and the other without. */
  | { readonly kind: 'not_bilingual' }
  | { readonly kind: 'too_long'; readonly max: number };

export interface InterestServiceDeps {
  readonly repository: InterestTagRepository;
  readonly store: Store;
  readonly vocabulary: TagVocabulary;
  readonly roles: RoleService;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The pairs admins add to the vocabulary, and keeping stored tags on their keys. The vocabulary
 * in memory only saves work: pairs live in the database, `refresh` reloads them when another
 * replica added one, and `tidy` (a scheduler planner) moves any tag stored under an old spelling,
 * whether from before a pair existed, from an older vocabulary file or from a replica that had
 * not refreshed yet, to its key.
 */
export class InterestService {
  private loadedVersion: string | undefined;

  constructor(private readonly deps: InterestServiceDeps) {}

  /** Reloads the admins' pairs when they changed; one small query when they did not. */
  async refresh(): Promise<void> {
    const version = await this.deps.repository.version();
    if (version === this.loadedVersion) return;
    const pairs = await this.deps.repository.pairs();
    this.deps.vocabulary.adopt(this.deps.vocabulary.withPairs(pairs));
    this.loadedVersion = version;
  }

  /** `interests pair`: admins only. The two sides may come in either order. */
  async pair(actorId: string, first: string, second: string): Promise<PairResult> {
    await this.deps.roles.require(actorId, 'admin');
    const [ja, en] = hasJapanese(first) ? [first, second] : [second, first];
    if (!hasJapanese(ja) || hasJapanese(en)) return { kind: 'not_bilingual' };
    const pair = { ja: canonicalTag(ja), en: canonicalTag(en) };
    if ([...pair.ja].length > MAX_TAG_LENGTH || [...pair.en].length > MAX_TAG_LENGTH)
      return { kind: 'too_long', max: MAX_TAG_LENGTH };
    await this.refresh();
    const known = this.judge(pair);
    if (known !== undefined) return known;
    const candidate = this.deps.vocabulary.withPairs([...(await this.deps.repository.pairs()), pair]);
    const moved = await this.deps.store.transaction(async () => {
      if (!(await this.deps.repository.addPair(pair, lookupForm(pair.ja), this.deps.clock.now())))
        return undefined;
      return this.retagAll((tag) => candidate.keyOf(tag));
    });
    if (moved === undefined) {
      // Another admin paired the same Japanese spelling a moment ago.
      await this.refresh();
      return this.judge(pair) ?? { kind: 'already', ...pair };
    }
    this.deps.vocabulary.adopt(candidate);
    this.loadedVersion = undefined; // the next refresh reloads from the database of record
    this.deps.logger.info(`interests: ${actorId} paired a Japanese and an English tag; ${moved} tags moved`);
    return { kind: 'added', ...pair, moved };
  }

  /** `interests unmatched`: the most-held tags with no pair, for admins and organizers. */
  async unmatched(actorId: string): Promise<TagHolders[]> {
    await this.deps.roles.require(actorId, 'organizer');
    await this.refresh();
    const holders = await this.deps.repository.holders();
    return holders.filter((holder) => !this.deps.vocabulary.isPaired(holder.tag)).slice(0, MAX_UNMATCHED);
  }

  /** A planner: stored tags that the vocabulary now spells as a key are moved to that key. */
  async tidy(): Promise<void> {
    await this.refresh();
    const vocabulary = this.deps.vocabulary;
    const stale = (await this.deps.repository.storedTags()).filter((tag) => {
      const key = vocabulary.keyOf(tag);
      return key !== undefined && key !== tag;
    });
    // Most ticks find nothing: no transaction, so no write lock, then.
    if (stale.length === 0) return;
    const moved = await this.deps.store.transaction(() => this.retagAll((tag) => vocabulary.keyOf(tag)));
    this.deps.logger.info(`interests: moved ${moved} stored tags to their vocabulary key`);
  }

  /** What an admin's pair means already, or undefined when it is new. */
  private judge(pair: { ja: string; en: string }): PairResult | undefined {
    const vocabulary = this.deps.vocabulary;
    const enKey = vocabulary.keyOf(pair.en) ?? pair.en;
    const jaKey = vocabulary.keyOf(pair.ja);
    if (jaKey === undefined) return undefined;
    return jaKey === enKey ? { kind: 'already', ...pair } : { kind: 'taken', ja: pair.ja, key: jaKey };
  }

  private async retagAll(keyOf: (tag: string) => string | undefined): Promise<number> {
    let moved = 0;
    for (const tag of await this.deps.repository.storedTags()) {
      const key = keyOf(tag);
      if (key !== undefined && key !== tag) moved += await this.deps.repository.retag(tag, key);
    }
    return moved;
  }
}
