import { canonicalTag, hasJapanese, lookupForm, toKatakana } from '../../src/interests/normalize';
import { TagVocabulary } from '../../src/interests/tags';

describe('interest normalisation', () => {
  it.each([
    ['テニス', 'テニス'],
    ['てにす', 'テニス'],
    ['ﾃﾆｽ', 'テニス'],
    ['ＡＩ', 'ai'],
    ['  Machine   Learning ', 'machinelearning'],
    ['e-commerce', 'ecommerce'],
    ['Node.js', 'nodejs'],
    ['データ・サイエンス', 'データサイエンス'],
    ['ﾃﾞｰﾀ･ｻｲｴﾝｽ', 'データサイエンス'],
    ['コンピューター', 'コンピュータ'],
    ['#ぼるだりんぐ', 'ボルダリング'],
  ])('lookupForm(%j) is %j', (raw, expected) => {
    expect(lookupForm(raw)).toBe(expected);
  });

  it('keeps a short word’s long vowel, so カー is not カ, and only folds one at the very end', () => {
    expect(lookupForm('カー')).toBe('カー');
    expect(lookupForm('ユーザー体験')).toBe('ユーザー体験');
    expect(lookupForm('バレー')).not.toBe(lookupForm('バレエ'));
  });

  it('folds hiragana letter by letter and leaves everything else alone', () => {
    expect(toKatakana('さっかー と ゴルフ、golf 釣り')).toBe('サッカー ト ゴルフ、golf 釣リ');
  });

  it('stores an unpaired tag in the script it was typed in', () => {
    expect(canonicalTag('  ＃ぼるだりんぐ ')).toBe('ぼるだりんぐ');
  });

  it.each([
    ['テニス', true],
    ['てにす', true],
    ['営業', true],
    ['tennis', false],
    ['ＡＩ', false],
  ])('hasJapanese(%j) is %j', (text, expected) => {
    expect(hasJapanese(text)).toBe(expected);
  });

  describe('with the shipped vocabulary', () => {
    const vocabulary = TagVocabulary.fromFile();

    it.each([
      ['テニス', 'tennis'],
      ['てにす', 'tennis'],
      ['ﾃﾆｽ', 'tennis'],
      ['TENNIS', 'tennis'],
      ['デザイン', 'design'],
      ['営業', 'sales'],
      ['人事', 'human resources'],
      ['HR', 'human resources'],
      ['ＨＲ', 'human resources'],
      ['people and hr', 'human resources'],
      ['ＡＩ', 'artificial intelligence'],
      ['人工知能', 'artificial intelligence'],
      ['ML', 'machine learning'],
      ['UX', 'user experience'],
      ['M&A', 'mergers and acquisitions'],
      ['Ｍ＆Ａ', 'mergers and acquisitions'],
      ['PM', 'product management'],
      ['プロダクトマネージャ', 'product management'],
      ['ボドゲ', 'board games'],
      ['囲碁', 'go (board game)'],
      ['golang', 'go'],
      ['Ｅコマース', 'e-commerce'],
    ])('normalize(%j) is %j', (raw, key) => {
      expect(vocabulary.normalize(raw)).toBe(key);
    });

    it('shows a key in the reader’s language, and an unpaired tag as stored', () => {
      expect(vocabulary.label('tennis', 'ja')).toBe('テニス');
      expect(vocabulary.label('tennis', 'en')).toBe('tennis');
      expect(vocabulary.label('human resources', 'ja')).toBe('人事');
      expect(vocabulary.label('ぼるだりんぐ', 'en')).toBe('ぼるだりんぐ');
      expect(vocabulary.isPaired('tennis')).toBe(true);
      expect(vocabulary.isPaired('ぼるだりんぐ')).toBe(false);
    });

    it('adds admins’ pairs only once they are adopted, attaching a new spelling to a known key', () => {
      const candidate = vocabulary.withPairs([
        { ja: 'けん玉', en: 'Kendama' },
        { ja: '庭球', en: 'tennis' },
      ]);
      expect(vocabulary.keyOf('けん玉')).toBeUndefined();
      const copy = TagVocabulary.fromFile();
      copy.adopt(candidate);
      expect(copy.normalize('ケン玉')).toBe('kendama');
      expect(copy.label('kendama', 'ja')).toBe('けん玉');
      expect(copy.normalize('庭球')).toBe('tennis');
      // The shipped Japanese label stays; the pair only adds a spelling.
      expect(copy.label('tennis', 'ja')).toBe('テニス');
    });

    it('skips a pair whose Japanese side already means something else', () => {
      const copy = TagVocabulary.fromFile();
      copy.adopt(copy.withPairs([{ ja: 'テニス', en: 'padel' }]));
      expect(copy.normalize('テニス')).toBe('tennis');
      expect(copy.isPaired('padel')).toBe(false);
    });
  });
});
