import fs from 'node:fs';
import { z } from 'zod';
import { projectFile } from '../paths';
import { canonicalTag, hasJapanese } from './normalize';

/** The same limit as a member's tag (interests/tags.ts), repeated here to keep this module a leaf. */
const MAX_SPELLING_LENGTH = 50;

/** One interest of the shipped vocabulary: its key (the English, as stored) and how each side writes it. */
export interface VocabularyEntry {
  /** The stored tag and the English label: already canonical (lower case, single spaces). */
  readonly en: string;
  /** What members who read Japanese see. */
  readonly ja: string;
  /** Other spellings that mean the same (abbreviations, kanji or kana variants, synonyms). */
  readonly others: readonly string[];
}

const spelling = z.string().trim().min(1).max(MAX_SPELLING_LENGTH);

const english = spelling.refine((en) => canonicalTag(en) === en, {
  message: 'the English column is the stored key: write it in lower case with single spaces',
});
const otherSpellings = z
  .string()
  .transform((column) =>
    column
      .split(',')
      .map((other) => other.trim())
      .filter((other) => other !== ''),
  )
  .pipe(z.array(spelling));

const entrySchema = z
  .union([z.tuple([english, spelling]), z.tuple([english, spelling, otherSpellings])], {
    error: 'expected two or three columns separated by tabs',
  })
  .transform(([en, ja, others]): VocabularyEntry => ({ en, ja, others: others ?? [] }));

export class VocabularyFileError extends Error {}

/** Reads the tab-separated vocabulary: '#' lines are comments; every other line is one entry. */
export function parseVocabulary(text: string, source = 'vocabulary'): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const parsed = entrySchema.safeParse(line.split('\t'));
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'not an entry';
      throw new VocabularyFileError(`${source} line ${index + 1}: ${reason}: ${JSON.stringify(line)}`);
    }
    entries.push(parsed.data);
  });
  return entries;
}

export function defaultVocabularyFile(): string {
  return projectFile('content', 'interests', 'vocabulary.tsv');
}

export function loadVocabulary(file: string = defaultVocabularyFile()): VocabularyEntry[] {
  return parseVocabulary(fs.readFileSync(file, 'utf8'), file);
}

/** An entry whose Japanese side is really Japanese (not a Latin name such as "Python" or "AWS"). */
export const isBilingual = (entry: VocabularyEntry): boolean => hasJapanese(entry.ja);
