import fs from 'node:fs';
import { z } from 'zod';
import { projectFile } from '../paths';

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

const synonymFileSchema = z.object({ synonyms: z.record(z.string(), z.string()) });

// Control and format characters (zero-width, bidi overrides) would make two tags look equal but differ.
const invisible = /[\p{Cc}\p{Cf}]/gu;

/** The canonical spelling of one tag, before synonyms: NFKC, case-folded, single spaces, no leading '#'. */
export function canonicalTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(invisible, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '')
    .trim();
}

export class TagVocabulary {
  private readonly synonyms: ReadonlyMap<string, string>;

  constructor(synonyms: Record<string, string>) {
    this.synonyms = new Map(
      Object.entries(synonyms).map(([from, to]) => [canonicalTag(from), canonicalTag(to)]),
    );
  }

  static fromFile(file: string): TagVocabulary {
    const parsed = synonymFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return new TagVocabulary(parsed.synonyms);
  }

  static defaultFile(): string {
    return projectFile('content', 'interest-synonyms.json');
  }

  normalize(raw: string): string {
    const tag = canonicalTag(raw);
    return this.synonyms.get(tag) ?? tag;
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
