import type { Locale } from '../i18n';
import { TagLookup, type InterestPair } from './lookup';
import { canonicalTag } from './normalize';
import { defaultVocabularyFile, loadVocabulary, type VocabularyEntry } from './vocabularyFile';

export { canonicalTag };

export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS_PER_MEMBER = 30;
/**
 * The longest list of tags we read, in UTF-16 units as typed: room for every tag a member may
 * have at full length with separators and spaces. Longer input is refused before it is split,
 * so a forged list of 60,000 tags costs nothing.
 */
export const MAX_TAG_LIST_LENGTH = 2000;

export type TagProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too_long'; readonly tag: string; readonly max: number }
  | { readonly kind: 'too_many'; readonly count: number; readonly max: number }
  | {
      readonly kind: 'list_too_long';
      readonly maxChars: number;
      readonly maxTags: number;
      readonly maxTagLength: number;
    };

export type TagListResult =
  { readonly ok: true; readonly tags: string[] } | { readonly ok: false; readonly problem: TagProblem };

/**
 * The interests the bot knows in English and Japanese (content/interests/vocabulary.tsv) plus the
 * pairs admins added. Every tag a member, organizer or HR types goes through `normalize`, so a
 * paired interest is stored under one key (its English) whichever way it was typed; find, intros,
 * digests and talent compare stored keys, and `label` shows a key in the reader's language.
 */
export class TagVocabulary {
  private lookup: TagLookup;

  constructor(private readonly entries: readonly VocabularyEntry[]) {
    this.lookup = TagLookup.build(entries);
  }

  static fromFile(file: string = defaultVocabularyFile()): TagVocabulary {
    return new TagVocabulary(loadVocabulary(file));
  }

  /** The shipped entries with these pairs added; adopt() it once the pairs are stored. */
  withPairs(pairs: readonly InterestPair[]): TagLookup {
    return TagLookup.build(this.entries, pairs);
  }

  adopt(lookup: TagLookup): void {
    this.lookup = lookup;
  }

  /** The stored form of a tag: its key when the vocabulary knows it, else its canonical spelling. */
  normalize(raw: string): string {
    return this.lookup.keyOf(raw) ?? canonicalTag(raw);
  }

  /** The key a spelling stands for, or undefined when no entry or pair has it. */
  keyOf(raw: string): string | undefined {
    return this.lookup.keyOf(raw);
  }

  /** A stored tag as a reader of `locale` should see it. */
  label(tag: string, locale: Locale): string {
    return this.lookup.label(tag, locale);
  }

  /** Whether a stored tag has both an English and a Japanese side. */
  isPaired(tag: string): boolean {
    return this.lookup.isPaired(tag);
  }

  /**
   * Parses a list typed by a person: "a, b、c" or one per line. Duplicates collapse;
   * any empty or over-long entry fails the whole list so that nothing is half-saved.
   */
  parseList(text: string): TagListResult {
    if (text.length > MAX_TAG_LIST_LENGTH) {
      return {
        ok: false,
        problem: {
          kind: 'list_too_long',
          maxChars: MAX_TAG_LIST_LENGTH,
          maxTags: MAX_TAGS_PER_MEMBER,
          maxTagLength: MAX_TAG_LENGTH,
        },
      };
    }
    const pieces = text.normalize('NFKC').split(/[,、\n;]/);
    // A set keeps the duplicate check linear in the number of pieces.
    const tags = new Set<string>();
    for (const piece of pieces) {
      const tag = this.normalize(piece);
      if (tag === '') {
        if (piece.trim() === '' && pieces.length > 1) continue; // "a, b," — a stray separator is not a mistake
        return { ok: false, problem: { kind: 'empty' } };
      }
      if ([...tag].length > MAX_TAG_LENGTH)
        return { ok: false, problem: { kind: 'too_long', tag, max: MAX_TAG_LENGTH } };
      tags.add(tag);
    }
    if (tags.size === 0) return { ok: false, problem: { kind: 'empty' } };
    if (tags.size > MAX_TAGS_PER_MEMBER) {
      return { ok: false, problem: { kind: 'too_many', count: tags.size, max: MAX_TAGS_PER_MEMBER } };
    }
    return { ok: true, tags: [...tags] };
  }
}
