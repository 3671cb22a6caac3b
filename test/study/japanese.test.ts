import { TestBot, allText } from '../support/testBot';
import {
  DAY,
  buttons,
  countIn,
  countOut,
  dmsTo,
  lastAnswer,
  member,
  openedView,
  propose,
  submitStudy,
} from './support';

// Issue 13 §3 in Japanese: `勉強会` (the list), the proposal form's errors and confirmation, Count
// me in / out (参加する / 参加をやめる), the formed DM with its Schedule button, and the lapse notice.

const AIKO = 'U5JSAIKO';
const KENJI = 'U5JSKENJ';
const MIKA = 'U5JSMIKA';
const SHY = 'U5JSSHYY';

describe('study groups in Japanese', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, AIKO, 'rust', { locale: 'ja-JP' });
    await member(tb, KENJI, 'rust', { locale: 'ja-JP' });
    await member(tb, MIKA, 'rust', { locale: 'ja-JP' });
    await member(tb, SHY, 'rust', { locale: 'ja-JP', visibility: 'nobody' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the form: errors in Japanese and nothing saved; the proposal confirmed in Japanese; `勉強会` lists it with 参加する', async () => {
    const before = await tb.snapshot();
    const bad = await submitStudy(tb, AIKO, { topic: '', tags: '', minMembers: '51', rhythm: null });
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: {
        'study.topic': 'テーマを入力してください。',
        'study.tags': 'その関心を持つメンバーに届くよう、タグを 1 つ以上入力してください。',
        'study.min_members': '最少人数は 2〜50 の整数で入力してください。',
        'study.rhythm': '集まる頻度を選んでください。',
      },
    });
    expect(await tb.snapshot()).toBe(before);

    const id = await propose(tb, AIKO, { topic: 'Rust 入門', minMembers: '3', rhythm: 'biweekly' });
    expect(allText(dmsTo(tb, AIKO).at(-1)?.args)).toContain(
      `勉強会 *Rust 入門*（#${id}）を提案しました。関心が一致するメンバーのダイジェストでお知らせします。30 日以内にあなたを含めて 3 人が参加を表明すると始まります。`,
    );
    await countIn(tb, SHY, id);
    const list = (await tb.command('勉強会', KENJI)).json;
    const text = allText(list);
    expect(text).toContain('参加者募集中の勉強会');
    expect(text).toContain(`*Rust 入門*（#${id}）· 隔週 · 3 人中 2 人が参加`);
    expect(text).toContain(`提案者：<@${AIKO}>`);
    expect(text).toContain('ほか 1 人');
    expect(text).not.toContain(SHY);
    expect(text).toContain('あなたの関心と一致：`rust`');
    expect(buttons(list).map((b) => [b.action_id, (b.text as { text: string }).text])).toEqual([
      ['study.in', '参加する'],
    ]);
  });

  it('参加する and 参加をやめる answer in Japanese; reaching the minimum forms it, and the proposer schedules the first session', async () => {
    const id = await propose(tb, AIKO, { topic: 'Rust 入門', minMembers: '3' });
    await countIn(tb, KENJI, id);
    expect(lastAnswer(tb)).toContain(`*Rust 入門* に参加しました（3 人中 2 人）。`);
    await countIn(tb, KENJI, id);
    expect(lastAnswer(tb)).toBe('*Rust 入門* にはすでに参加しています。');
    await countOut(tb, KENJI, id);
    expect(lastAnswer(tb)).toBe('*Rust 入門* への参加をやめました。');
    await countOut(tb, AIKO, id);
    expect(lastAnswer(tb)).toContain('あなたはこの勉強会の提案者なので、参加をやめられません。');
    await countIn(tb, KENJI, id);
    await countIn(tb, MIKA, id);
    const channel = tb.fake.channelNamed(`study-${id}-rust`) ?? 'none';
    expect(lastAnswer(tb)).toBe(
      `最少人数に達しました。*Rust 入門* が始まり、全員を <#${channel}> に招待しました。`,
    );
    await tb.tick();
    await tb.settle();
    const formed = dmsTo(tb, AIKO).find((call) => allText(call.args).includes('人数がそろいました'));
    expect(allText(formed?.args)).toContain(
      `勉強会 *Rust 入門* の人数がそろいました。<#${channel}> を作成して全員を招待しました。`,
    );
    expect(buttons(formed?.args.blocks).map((b) => [b.action_id, (b.text as { text: string }).text])).toEqual(
      [['study.schedule', '最初のセッションを予定する']],
    );
    // Too late to count in; someone else's Schedule is refused; the proposer gets the event form.
    await countIn(tb, SHY, id);
    expect(lastAnswer(tb)).toContain('この勉強会はすでに始まっています。');
    await tb.press('study.schedule', KENJI, 'message', String(id));
    expect(lastAnswer(tb)).toBe(
      `勉強会 #${id} のセッションを予定できるのは、始まった勉強会の提案者だけです。`,
    );
    await tb.press('study.schedule', AIKO, 'message', String(id));
    expect(openedView(tb).callback_id).toBe('event.modal');
    expect(JSON.stringify(openedView(tb))).toContain('"initial_value":"Rust 入門"');
    expect(openedView(tb).title.text).toBe('新しいイベント');
  });

  it('a proposal that lapses tells each backer in Japanese', async () => {
    const id = await propose(tb, AIKO, { topic: 'Rust 入門', minMembers: '5' });
    await countIn(tb, KENJI, id);
    tb.clock.advance(30 * DAY + 60_000);
    await tb.tick();
    await tb.tick();
    await tb.settle();
    for (const user of [AIKO, KENJI])
      expect(allText(dmsTo(tb, user).at(-1)?.args)).toContain(
        '勉強会 *Rust 入門* は 30 日以内に 5 人に達しなかったため（参加表明 2 人）、締め切られました。',
      );
    await countIn(tb, MIKA, id);
    expect(lastAnswer(tb)).toContain('この提案は人数がそろわず締め切られました。');
  });
});
