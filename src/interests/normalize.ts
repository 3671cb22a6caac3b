/**
 * How a typed interest becomes comparable. Two steps, kept apart on purpose:
 * - canonicalTag: what we store for a tag nobody has paired yet (NFKC, lower case, single spaces).
 *   It keeps the member's script, so an unpaired ぼるだりんぐ is shown back as typed.
 * - lookupForm: the key the vocabulary is searched with. It also folds hiragana to katakana, a
 *   trailing long-vowel mark and the separators people type in different ways, so てにす, ﾃﾆｽ and
 *   テニス, or e-commerce and ecommerce, find the same entry.
 */

// Control and format characters (zero-width, bidi overrides) would make two tags look equal but differ.
const invisible = /[\p{Cc}\p{Cf}]/gu;

/** The canonical spelling of one tag, before the vocabulary: NFKC, case-folded, single spaces, no leading '#'. */
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

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
/** The distance from a hiragana letter to its katakana twin in Unicode. */
const KANA_OFFSET = 0x60;

/** ひらがな → カタカナ, letter by letter (the iteration marks ゝゞ too). */
export function toKatakana(text: string): string {
  return text.replace(HIRAGANA, (letter) => String.fromCharCode(letter.charCodeAt(0) + KANA_OFFSET));
}

// Word separators that people type or leave out at will: spaces, hyphens, underscores, dots, the
// Japanese middle dots (・ and its half-width ･, which NFKC turns into ・).
const separators = /[\s\-_.・]/g;
// Japanese writes many loanwords with or without a final ー (コンピューター / コンピュータ). Only a
// final one after katakana, and only in words of three letters or more, so that カー is not カ.
const trailingLongVowel = /(?<=.[\u30A1-\u30FA])ー$/u;

/** The form the vocabulary is looked up by; never stored, never shown. */
export function lookupForm(raw: string): string {
  return toKatakana(canonicalTag(raw)).replace(separators, '').replace(trailingLongVowel, '');
}

/** Hiragana, katakana or kanji: what tells the Japanese side of a pair from the English one. */
export function hasJapanese(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}
