import { record } from '../support/blocks';
import { TestBot, allText } from '../support/testBot';
import { ASKS_CHANNEL, askRow, buttons, dmsTo, lastAnswer, member, openedView, postAsk } from './support';

// Issue 13 §1 in Japanese: the Japanese verbs (相談, オファー, 相談一覧, 相談一覧 自分, 相談一覧 <タグ>),
// the DM's form button, a saved item's confirmation and Extend, for a ja-JP member.

const HANA = 'U5JAHANA';
const KENJI = 'U5JAKENJ';

describe('asks and offers in Japanese', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, HANA, 'テニス', { locale: 'ja-JP' });
    await member(tb, KENJI, 'design', { locale: 'ja-JP' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('`相談` opens the ask form and `オファー` the offer form, in Japanese', async () => {
    await tb.command('相談', HANA);
    expect(openedView(tb).title.text).toBe('アルムナイに相談する');
    expect(JSON.parse(openedView(tb).private_metadata)).toEqual({ type: 'ask' });
    await tb.command('オファー', HANA);
    expect(openedView(tb).title.text).toBe('オファーを出す');
    expect(JSON.parse(openedView(tb).private_metadata)).toEqual({ type: 'offer' });
  });

  it('from a DM, `相談` answers with the form button in Japanese, and the button opens the form', async () => {
    await tb.dm('相談', HANA);
    const reply = await tb.fake.waitForCall('chat.postMessage', (call) => call.args.channel === `D${HANA}`);
    expect(allText(reply.args)).toContain('ボタンを押すとフォームが開きます。');
    expect(buttons(reply.args.blocks).map((b) => [b.action_id, b.value, record(b.text).text])).toEqual([
      ['ask.open', 'ask', 'アルムナイに相談する'],
    ]);
    await tb.press('ask.open', HANA, 'message', 'ask');
    expect(openedView(tb).callback_id).toBe('ask.modal');
    expect(openedView(tb).title.text).toBe('アルムナイに相談する');
  });

  it('a saved item is confirmed in Japanese; `相談一覧`, `相談一覧 テニス` and `相談一覧 自分` list it; Extend answers in Japanese', async () => {
    const id = await postAsk(tb, HANA, {
      title: 'テニス仲間を探しています',
      tags: 'テニス',
      kind: 'partner',
    });
    const dm = allText(dmsTo(tb, HANA).at(-1)?.args);
    expect(dm).toContain(`相談「テニス仲間を探しています」（#${id}）を <#${ASKS_CHANNEL}> に投稿しました。`);
    expect(dm).toContain('誰かが反応すると、お二人のグループ DM を開きます。');

    const list = allText((await tb.command('相談一覧', KENJI)).json);
    expect(list).toContain('*募集中の相談とオファー*（1 件中 1 件、関心が一致するものから）');
    expect(list).toContain('テニス仲間を探しています');
    const tagged = allText((await tb.command('相談一覧 tennis', KENJI)).json);
    expect(tagged).toContain('*`テニス` のタグが付いた募集中の相談とオファー*（1 件中 1 件）');
    expect(TestBot.replyText(await tb.command('相談一覧 けん玉', KENJI))).toContain(
      'のタグが付いた募集中のものはありません。',
    );

    const mine = (await tb.command('相談一覧 自分', HANA)).json;
    expect(allText(mine)).toContain('*あなたの相談とオファー*');
    expect(allText(mine)).toContain('まだ誰も反応していません。');
    expect(buttons(mine).map((b) => record(b.text).text)).toEqual(['30 日延長する', '解決済みにする']);

    const before = String((await askRow(tb, id))?.expires_at);
    await tb.press('ask.extend', HANA, 'message', String(id));
    expect(lastAnswer(tb)).toContain('「テニス仲間を探しています」の募集期間を <!date^');
    expect(lastAnswer(tb)).toContain('まで延長しました。');
    expect(String((await askRow(tb, id))?.expires_at)).not.toBe(before);
    // Someone else's Extend is refused in Japanese, and nothing changes.
    const after = String((await askRow(tb, id))?.expires_at);
    await tb.press('ask.extend', KENJI, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`#${id} を変更できるのは投稿者か管理者だけです。`);
    expect(String((await askRow(tb, id))?.expires_at)).toBe(after);
  });
});
