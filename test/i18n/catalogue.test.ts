/**
 * The English and Japanese catalogues: same shape, nothing empty, nothing left untranslated.
 */
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { fromSlackLocale, messages } from '../../src/i18n';

type Leaf =
  | { kind: 'string'; value: string }
  | { kind: 'function'; value: (...args: unknown[]) => unknown; arity: number };

/** Every leaf of a catalogue by its dotted path; arrays contribute their indices as keys. */
function leaves(node: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (typeof node === 'string') {
    out.set(prefix, { kind: 'string', value: node });
  } else if (typeof node === 'function') {
    const fn = node as (...args: unknown[]) => unknown;
    out.set(prefix, { kind: 'function', value: fn, arity: fn.length });
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => leaves(item, `${prefix}[${index}]`, out));
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node))
      leaves(value, prefix === '' ? key : `${prefix}.${key}`, out);
  } else {
    out.set(prefix, { kind: 'string', value: `<<unexpected ${typeof node}>>` });
  }
  return out;
}

const enLeaves = leaves(en);
const jaLeaves = leaves(ja);

/** Strings that are meant to be the same in both languages. */
const SAME_IN_BOTH = new Set(['common.none']);

/** Distinct sample arguments, so that each can be found in the output. */
function sampleArgs(arity: number): string[] {
  return Array.from({ length: arity }, (_unused, index) => `«arg${index + 1}»`);
}

function render(leaf: Leaf): string {
  if (leaf.kind === 'string') return leaf.value;
  const result = leaf.value(...sampleArgs(leaf.arity));
  return typeof result === 'string' ? result : `<<returned ${typeof result}>>`;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * True when a message has no words to translate: only punctuation, arguments, URLs, `code` and
 * :emoji: (e.g. '—', ' / ', 'https://…', '*«arg1»*: «arg2»'). Such messages may be identical in both.
 */
function languageNeutral(text: string): boolean {
  const words = text
    .replace(/«arg\d+»/g, '')
    .replace(/https?:\/\/\S*/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/:[a-z0-9_+-]+:/g, '');
  return !/[A-Za-z]/.test(words) && !JAPANESE.test(words);
}

describe('message catalogues', () => {
  it('has leaves to compare', () => {
    expect(enLeaves.size).toBeGreaterThan(50);
  });

  it('en and ja have exactly the same key paths', () => {
    expect([...jaLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('each key is a string in both or a function of the same arity in both', () => {
    const mismatches: string[] = [];
    for (const [key, enLeaf] of enLeaves) {
      const jaLeaf = jaLeaves.get(key);
      if (jaLeaf === undefined) continue;
      const describe = (leaf: Leaf): string => (leaf.kind === 'string' ? 'string' : `function/${leaf.arity}`);
      if (describe(enLeaf) !== describe(jaLeaf))
        mismatches.push(`${key}: en ${describe(enLeaf)}, ja ${describe(jaLeaf)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['en', enLeaves],
    ['ja', jaLeaves],
  ])('%s has no empty strings and every message renders to a non-empty string', (_locale, catalogue) => {
    const empty = [...catalogue].filter(([, leaf]) => render(leaf).trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
    const broken = [...catalogue]
      .filter(([, leaf]) => /<<|undefined|NaN|\[object Object\]|\$\{/.test(render(leaf)))
      .map(([key, leaf]) => `${key}: ${render(leaf)}`);
    expect(broken).toEqual([]);
  });

  it.each([
    ['en', enLeaves],
    ['ja', jaLeaves],
  ])('%s: every function message uses every argument it is given', (_locale, catalogue) => {
    const unused: string[] = [];
    for (const [key, leaf] of catalogue) {
      if (leaf.kind !== 'function') continue;
      const text = render(leaf);
      for (const arg of sampleArgs(leaf.arity))
        if (!text.includes(arg)) unused.push(`${key} ignores ${arg}: ${text}`);
    }
    expect(unused).toEqual([]);
  });

  it('every ja message differs from en, except those meant to be identical (no words to translate)', () => {
    const same = [...enLeaves]
      .filter(([key, leaf]) => !SAME_IN_BOTH.has(key) && !languageNeutral(render(leaf)))
      .filter(([key, leaf]) => {
        const jaLeaf = jaLeaves.get(key);
        return jaLeaf !== undefined && render(jaLeaf) === render(leaf);
      })
      .map(([key, leaf]) => `${key}: ${render(leaf)}`);
    expect(same).toEqual([]);
  });

  it('only word-free messages count as language-neutral', () => {
    expect(['—', ' / ', 'https://…', '*«arg1»*: «arg2»', ':pencil2: «arg1»'].map(languageNeutral)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['Save', 'at', '«arg1» at «arg2»', '`help`: this list', '保存'].map(languageNeutral)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('the intentionally identical ones are indeed identical', () => {
    for (const key of SAME_IN_BOTH) {
      const enLeaf = enLeaves.get(key);
      const jaLeaf = jaLeaves.get(key);
      expect(enLeaf && render(enLeaf)).toBe(jaLeaf && render(jaLeaf));
    }
  });

  it('every ja message with words in it is written in Japanese', () => {
    const untranslated = [...jaLeaves]
      .filter(([key, leaf]) => !SAME_IN_BOTH.has(key) && !languageNeutral(render(leaf)))
      .filter(([, leaf]) => !JAPANESE.test(render(leaf)))
      .map(([key, leaf]) => `${key}: ${render(leaf)}`);
    expect(untranslated).toEqual([]);
  });

  it('messages(locale) returns that locale’s catalogue', () => {
    expect(messages('en')).toBe(en);
    expect(messages('ja')).toBe(ja);
  });
});

describe('fromSlackLocale', () => {
  it.each<[string | undefined | null, string | undefined]>([
    ['ja-JP', 'ja'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['fr-FR', undefined],
    ['es-LA', undefined],
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['ja', 'ja'],
    ['JA-jp', 'ja'],
    ['en_US', 'en'],
  ])('%p → %p', (slackLocale, expected) => {
    expect(fromSlackLocale(slackLocale)).toBe(expected);
  });
});
