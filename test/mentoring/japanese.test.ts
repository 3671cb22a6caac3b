import { TestBot, allText } from '../support/testBot';
import {
  DAY,
  answer,
  dmsTo,
  groupPosts,
  lastDmButtons,
  member,
  offerRow,
  pairRows,
  requestRow,
  say,
} from './support';

// Issue 13 §4 in Japanese: `メンター` (status), 受付中 / 一部受付, `メンターを探す`, bad input, 辞退する,
// the pair's group DM and the monthly check-in with 継続する / 一時停止 / 終了する.

const AIKO = 'U5JMAIKO';
const KENJI = 'U5JMKENJ';
const MIKA = 'U5JMMIKA';
const YUKI = 'U5JMYUKI';

describe('mentoring in Japanese', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, AIKO, 'デザイン', { locale: 'ja-JP' });
    await member(tb, KENJI, 'デザイン', { locale: 'ja-JP' });
    await member(tb, MIKA, 'デザイン', { locale: 'ja-JP' });
    await member(tb, YUKI, 'デザイン', { locale: 'ja-JP' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('`メンター` shows the status; 一部受付 and 受付中 change availability; `メンターを探す` lists; bad input is explained and changes nothing', async () => {
    expect(await say(tb, 'メンター', AIKO)).toContain(
      'まだメンターとして登録していません（`mentor offer <テーマ>`）。',
    );
    await say(tb, 'メンター 登録 デザイン', AIKO);
    expect(await say(tb, 'メンター 一部受付', AIKO)).toContain('受付状況を「一部受付」にしました。');
    expect(await say(tb, 'メンター', AIKO)).toContain(
      '*あなたのメンタリング*\nテーマ：`デザイン`。2 人中 0 人を受け入れ中、受付状況：一部受付。',
    );
    expect(await say(tb, 'メンター 受付中', AIKO)).toContain('受付状況を「受付中」にしました。');
    expect(await say(tb, 'メンターを探す デザイン', KENJI)).toContain(
      `<@${AIKO}> さん · \`デザイン\` · 空き 2 人 · 受付中`,
    );

    const state = async () => (await tb.snapshot()).replace(/"last_active_at":("[^"]*"|null)/g, '');
    const before = await state();
    expect(await say(tb, 'メンター 定員 0', AIKO)).toContain('受け入れ人数は 1 から 10 までの整数です');
    expect(await say(tb, 'メンター 依頼 デザイン', KENJI)).toContain(
      'テーマ、コロン、目標の順に書いてください',
    );
    expect(await say(tb, 'メンター 登録', KENJI)).toContain('テーマを 1 つ以上書いてください');
    expect(await say(tb, 'メンター 定員 3', KENJI)).toContain('まだメンターとして登録していません。');
    expect(await state()).toBe(before);
  });

  it('辞退する hands the request on; 承諾する pairs them; the check-in and its answers are in Japanese', async () => {
    await say(tb, 'メンター 登録 デザイン', AIKO);
    await say(tb, 'メンター 登録 デザイン', KENJI);
    await say(tb, 'メンター 定員 1', KENJI);
    await say(tb, 'メンター 依頼 デザイン：ポートフォリオを見てほしい', MIKA);
    const id = String((await requestRow(tb, MIKA))?.id);
    await tb.tick();
    // Both mentors have 2 and 1 places: Aiko (more free places) is asked first.
    expect(lastDmButtons(tb, AIKO)).toEqual([
      ['mentor.accept', id],
      ['mentor.decline', id],
    ]);
    await tb.press('mentor.decline', AIKO, 'message', id);
    expect(answer(tb)).toBe('お返事ありがとうございます。依頼は次のメンターに回しました。');
    expect((await requestRow(tb, MIKA))?.current_mentor).toBe(KENJI);
    await tb.press('mentor.accept', AIKO, 'message', id);
    expect(answer(tb)).toBe('この依頼はあなたの返事を待っていません。ほかの人が答えたか、次に回りました。');
    await tb.press('mentor.accept', KENJI, 'message', id);
    await tb.tick();
    expect(allText(groupPosts(tb).at(-1)?.args)).toContain(
      `:handshake: <@${KENJI}> さん が <@${MIKA}> さん のメンターを引き受けました。目標：「ポートフォリオを見てほしい」。`,
    );
    expect(await say(tb, 'メンター', MIKA)).toContain(`<@${KENJI}> さん がメンター（継続中）`);

    const [pair] = await pairRows(tb);
    tb.clock.advance(30 * DAY);
    await tb.tick();
    await tb.tick();
    const checkin = groupPosts(tb).at(-1);
    expect(allText(checkin?.args)).toContain(
      `:wave: <@${KENJI}> さん、<@${MIKA}> さん、その後いかがですか？`,
    );
    expect(allText(checkin?.args)).toContain('継続する');
    expect(allText(checkin?.args)).toContain('一時停止');
    expect(allText(checkin?.args)).toContain('終了する');
    await tb.press('mentor.checkin.pause', YUKI, 'message', String(pair?.id));
    expect(answer(tb)).toBe('この確認に答えられるのは、メンターとメンティーだけです。');
    await tb.press('mentor.checkin.pause', MIKA, 'message', String(pair?.id));
    expect(answer(tb)).toContain('メンタリングを一時停止しました。');
    await tb.press('mentor.checkin.continue', KENJI, 'message', String(pair?.id));
    expect(answer(tb)).toBe('承知しました。メンタリングを継続します。来月また様子をうかがいます。');
    await tb.press('mentor.checkin.end', MIKA, 'message', String(pair?.id));
    expect(answer(tb)).toBe(
      '承知しました。メンタリングを終了し、枠を空けました。お二人ともありがとうございました。',
    );
    await tb.press('mentor.checkin.end', KENJI, 'message', String(pair?.id));
    expect(answer(tb)).toBe('変更はありません。すでにその状態か、メンタリングが終了しています。');
    expect(await offerRow(tb, KENJI)).toMatchObject({ active_count: 0 });
    expect(dmsTo(tb, YUKI)).toEqual([]);
  });
});
