import { TagVocabulary, canonicalTag } from '../../src/interests/tags';

describe('interest tags', () => {
  const vocabulary = TagVocabulary.fromFile();

  it.each([
    ['  TypeScript ', 'typescript'],
    ['ＴｙｐｅＳｃｒｉｐｔ', 'typescript'],
    ['Product \t  Management', 'product management'],
    ['#design', 'design'],
    ['de\u200Bsign', 'design'],
    ['ｐｍ', 'product management'],
    ['JS', 'javascript'],
  ])('%j → %j', (raw, expected) => {
    expect(vocabulary.normalize(raw)).toBe(expected);
  });

  it('splits on commas, Japanese commas and new lines, and drops duplicates', () => {
    expect(vocabulary.parseList('go, Go、golang\nrust')).toEqual({ ok: true, tags: ['go', 'rust'] });
  });

  it('refuses empty, over-long and too many tags', () => {
    expect(vocabulary.parseList(' , ')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(vocabulary.parseList(`a, ${'b'.repeat(51)}`)).toMatchObject({
      ok: false,
      problem: { kind: 'too_long', max: 50 },
    });
    expect(vocabulary.parseList('あ'.repeat(50))).toMatchObject({ ok: true });
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(',');
    expect(vocabulary.parseList(many)).toEqual({
      ok: false,
      problem: { kind: 'too_many', count: 31, max: 30 },
    });
  });

  it('refuses a list longer than 2,000 characters before splitting it, and dedupes in one pass', () => {
    // Counts the work done per piece; the parsing itself is the real one.
    class CountingVocabulary extends TagVocabulary {
      normalized = 0;
      override normalize(raw: string): string {
        this.normalized += 1;
        return super.normalize(raw);
      }
    }
    const counting = new CountingVocabulary([]);
    const sixtyThousand = Array.from({ length: 60_000 }, (_, i) => `t${i}`).join(',');
    expect(counting.parseList(sixtyThousand)).toEqual({
      ok: false,
      problem: { kind: 'list_too_long', maxChars: 2000, maxTags: 30, maxTagLength: 50 },
    });
    expect(counting.normalized).toBe(0);
    // Within the limit: one normalisation per piece, however many repeats.
    const repeats = Array(1000).fill('a').join(',');
    expect(repeats.length).toBeLessThanOrEqual(2000);
    expect(counting.parseList(repeats)).toEqual({ ok: true, tags: ['a'] });
    expect(counting.normalized).toBe(1000);
  });

  it('finds an entry by any of its spellings, however they are written in the file', () => {
    const synonyms = new TagVocabulary([{ en: 'kubernetes', ja: 'Kubernetes', others: ['Ｋ８Ｓ'] }]);
    expect(synonyms.normalize('k8s')).toBe('kubernetes');
    expect(canonicalTag('Ｋ８Ｓ')).toBe('k8s');
  });
});
