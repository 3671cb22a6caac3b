import type { Locale } from '../i18n';
import { canonicalTag, lookupForm } from './normalize';
import type { VocabularyEntry } from './vocabularyFile';

/** A pair an admin added with `/alumni interests pair`, as stored. */
export interface InterestPair {
  readonly ja: string;
  readonly en: string;
}

interface Labels {
  readonly en: string;
  readonly ja: string;
}

export class VocabularyConflict extends Error {}

/**
 * Every spelling the bot knows, by lookup form, with the key it stands for; and each key's label
 * in each language. Immutable: adding pairs builds a new one, so a pair whose transaction fails
 * never reaches the lookup that members' input goes through.
 */
export class TagLookup {
  private constructor(
    private readonly keys: ReadonlyMap<string, string>,
    private readonly labels: ReadonlyMap<string, Labels>,
  ) {}

  /**
   * The shipped entries, then the admins' pairs in the order they were added. Two shipped entries
   * that share a spelling are a mistake in the file and stop the start. A pair whose Japanese side
   * already means something else is skipped (the service refuses those; this keeps a race harmless).
   */
  static build(entries: readonly VocabularyEntry[], pairs: readonly InterestPair[] = []): TagLookup {
    const keys = new Map<string, string>();
    const labels = new Map<string, Labels>();
    for (const entry of entries) {
      // A Japanese side that is the English word itself (Python, AWS) reads as the English does.
      labels.set(entry.en, { en: entry.en, ja: canonicalTag(entry.ja) === entry.en ? entry.en : entry.ja });
      for (const spelling of [entry.en, entry.ja, ...entry.others]) {
        const form = lookupForm(spelling);
        const taken = keys.get(form);
        if (taken !== undefined && taken !== entry.en)
          throw new VocabularyConflict(`“${spelling}” is listed for both “${taken}” and “${entry.en}”`);
        keys.set(form, entry.en);
      }
    }
    for (const pair of pairs) {
      const key = keys.get(lookupForm(pair.en)) ?? canonicalTag(pair.en);
      const jaForm = lookupForm(pair.ja);
      const taken = keys.get(jaForm);
      if (taken !== undefined && taken !== key) continue;
      keys.set(jaForm, key);
      keys.set(lookupForm(pair.en), key);
      if (!labels.has(key)) labels.set(key, { en: key, ja: pair.ja });
    }
    return new TagLookup(keys, labels);
  }

  /** The key a spelling stands for, or undefined when nobody paired it. */
  keyOf(raw: string): string | undefined {
    return this.keys.get(lookupForm(raw));
  }

  /** A stored tag as a reader of `locale` should see it; an unpaired tag is shown as stored. */
  label(tag: string, locale: Locale): string {
    return this.labels.get(tag)?.[locale] ?? tag;
  }

  /** Whether a stored tag has both an English and a Japanese side. */
  isPaired(tag: string): boolean {
    return this.labels.has(tag);
  }

  get size(): number {
    return this.labels.size;
  }
}
