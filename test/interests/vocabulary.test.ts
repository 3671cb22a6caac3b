import fs from 'node:fs';
import { lookupForm } from '../../src/interests/normalize';
import { TagLookup, VocabularyConflict } from '../../src/interests/lookup';
import { MAX_TAG_LENGTH, canonicalTag } from '../../src/interests/tags';
import {
  defaultVocabularyFile,
  isBilingual,
  loadVocabulary,
  parseVocabulary,
  VocabularyFileError,
} from '../../src/interests/vocabularyFile';

describe('the shipped interest vocabulary (content/interests/vocabulary.tsv)', () => {
  const entries = loadVocabulary();

  it('pairs at least 300 interests between English and Japanese', () => {
    expect(entries.filter(isBilingual).length).toBeGreaterThanOrEqual(300);
  });

  it('gives every entry both sides, its English already in the stored form', () => {
    for (const entry of entries) {
      expect(entry.en).not.toBe('');
      expect(entry.ja).not.toBe('');
      expect(canonicalTag(entry.en)).toBe(entry.en);
      expect([...entry.en].length).toBeLessThanOrEqual(MAX_TAG_LENGTH);
    }
  });

  it('has no duplicate keys and no spelling shared by two entries', () => {
    const keys = entries.map((entry) => entry.en);
    expect(new Set(keys).size).toBe(keys.length);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of entries) {
      for (const spelling of [entry.en, entry.ja, ...entry.others]) {
        const taken = owner.get(lookupForm(spelling));
        if (taken !== undefined && taken !== entry.en) clashes.push(`${spelling}: ${taken} / ${entry.en}`);
        owner.set(lookupForm(spelling), entry.en);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('maps each side, and each other spelling, back to its own key', () => {
    const lookup = TagLookup.build(entries);
    for (const entry of entries)
      for (const spelling of [entry.en, entry.ja, ...entry.others])
        expect(lookup.keyOf(spelling)).toBe(entry.en);
  });

  it('says where it came from', () => {
    const text = fs.readFileSync(defaultVocabularyFile(), 'utf8');
    expect(text.split('\n').slice(0, 6).join('\n')).toMatch(/Compiled by the Homecoming team/);
  });
});

describe('reading a vocabulary file', () => {
  it('reads two or three tab-separated columns and skips comments and blank lines', () => {
    expect(parseVocabulary('# about\n\ntennis\tテニス\nsoccer\tサッカー\tfootball, フットボール\n')).toEqual([
      { en: 'tennis', ja: 'テニス', others: [] },
      { en: 'soccer', ja: 'サッカー', others: ['football', 'フットボール'] },
    ]);
  });

  it.each([
    ['Tennis\tテニス', 'lower case'],
    ['tennis', 'two or three columns'],
    ['tennis\tテニス\ta\tb', 'two or three columns'],
    ['tennis\t ', 'line 1'],
    [`tennis\t${'テ'.repeat(51)}`, 'line 1'],
  ])('refuses %j, naming the line', (line, expected) => {
    expect(() => parseVocabulary(line)).toThrow(VocabularyFileError);
    expect(() => parseVocabulary(line)).toThrow(expected);
  });

  it('refuses two entries that share a spelling', () => {
    const entries = parseVocabulary('tennis\tテニス\npadel\tパデル\tてにす');
    expect(() => TagLookup.build(entries)).toThrow(VocabularyConflict);
  });
});
