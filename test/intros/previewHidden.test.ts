/**
 * Issue 12 §4: the admin's intro preview says the shared interests are hidden when a member's
 * visibility hides them, instead of "no shared interests".
 */
import { ADMIN, TestBot, allText } from '../support/testBot';
import { member } from './support';

describe('intros preview: shared interests hidden by visibility are said to be hidden', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  async function pairs(): Promise<void> {
    // Chess is shared, but U5H1 shows their profile to nobody; U5H3 and U5H4 share nothing.
    await member(tb, 'U5H1', { name: 'Hidden', interests: 'chess', visibility: 'nobody' });
    await member(tb, 'U5H2', { name: 'Open', interests: 'chess' });
    await member(tb, 'U5H3', { name: 'Cook', interests: 'cooking' });
    await member(tb, 'U5H4', { name: 'Sailor', interests: 'sailing' });
  }

  it('in English', async () => {
    await tb.agree(ADMIN);
    await pairs();
    const text = allText((await tb.command('intros preview', ADMIN)).json);
    expect(text).toContain('<@U5H1>, <@U5H2>: _1 shared interest hidden by a member’s privacy setting_');
    expect(text).toContain('<@U5H3>, <@U5H4>: _no shared interests_');
    expect(text).not.toContain('`chess`');
  });

  it('in Japanese', async () => {
    tb.fake.setUser(ADMIN, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    await pairs();
    const text = allText((await tb.command('intros preview', ADMIN)).json);
    expect(text).toContain('_共通の関心 1 件はメンバーの公開設定により非表示_');
    expect(text).toContain('_共通の関心なし_');
    expect(text).not.toContain('`チェス`');
  });
});
