import { ADMIN, TestBot, allText } from '../support/testBot';
import { buttons } from '../support/blocks';
import { TOKYO, channelLink, member, membersOf } from './support';

// Issue 14 §4 in Japanese: `チャプター` (the list), 作成 / 参加 / 退会 / リーダー 追加, a near miss,
// and App Home's 参加 / 退会 buttons.

const AIKO = 'U14JAAIK';

describe('chapters in Japanese', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    tb.fake.setUser(ADMIN, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    await member(tb, AIKO, 'design', { locale: 'ja-JP' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('create, join with a near miss, list, lead, leave and Home in Japanese', async () => {
    const created = await tb.command(`チャプター 作成 東京 ${channelLink(TOKYO, 'tokyo')}`, ADMIN);
    expect(allText(created.json)).toContain(`チャプター *東京*（<#${TOKYO}>）を作成しました。`);
    const refused = await tb.command(`チャプター 作成 大阪 ${channelLink('C0OSAKA1', 'osaka')}`, AIKO);
    expect(allText(refused.json)).not.toContain('作成しました');

    expect(allText((await tb.command('チャプター 参加 東京都', AIKO)).json)).toContain(
      '「東京都」というチャプターはありません。*東京* のことですか？',
    );
    expect(allText((await tb.command('チャプター 参加 東京', AIKO)).json)).toContain(
      'チャプター *東京* に参加しました。',
    );
    expect(allText((await tb.command('チャプター', AIKO)).json)).toContain(
      `*東京* · <#${TOKYO}> · メンバー 1 人 · _参加中_`,
    );
    expect(
      allText((await tb.command('チャプター リーダー 追加 東京 <@U14JAAIK|aiko>', ADMIN)).json),
    ).toContain(`<@${AIKO}> が *東京* のリーダーになりました。`);
    expect(allText((await tb.command('チャプター 退会 東京', AIKO)).json)).toContain(
      'チャプター *東京* を退会しました。',
    );
    expect(allText((await tb.command('チャプター 参加', AIKO)).json)).toContain(
      'チャプター名を指定してください。',
    );

    await tb.homeOpened(AIKO);
    const home = tb.fake.callsTo('views.publish').at(-1)?.args;
    expect(allText(home)).toContain('チャプター');
    const join = buttons(home).find((b) => b.action_id === 'chapter.join');
    expect(allText(join)).toContain('参加');
    const row = await tb.row<{ id: number }>('SELECT id FROM chapters');
    await tb.press('chapter.join', AIKO, 'home', String(row?.id));
    expect(await membersOf(tb, row?.id ?? 0)).toEqual([AIKO]);
    const after = tb.fake.callsTo('views.publish').at(-1)?.args;
    expect(allText(buttons(after).find((b) => b.action_id === 'chapter.leave'))).toContain('退会');
  });
});
