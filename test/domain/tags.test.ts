import { TagVocabulary, canonicalTag } from '../../src/interests/tags';

describe('interest tags', () => {
  const vocabulary = TagVocabulary.fromFile(TagVocabulary.defaultFile());

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
    expect(vocabulary.parseList(`a, ${'b'.repeat(51)}`)).toMatchObject({ ok: false, problem: { kind: 'too_long', max: 50 } });
    expect(vocabulary.parseList('あ'.repeat(50))).toMatchObject({ ok: true });
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(',');
    expect(vocabulary.parseList(many)).toEqual({ ok: false, problem: { kind: 'too_many', count: 31, max: 30 } });
  });

  it('keeps the synonym list canonical so every key can match', () => {
    const synonyms = new TagVocabulary({ 'Ｋ８Ｓ': 'Kubernetes' });
    expect(synonyms.normalize('k8s')).toBe('kubernetes');
    expect(canonicalTag('Ｋ８Ｓ')).toBe('k8s');
  });
});
