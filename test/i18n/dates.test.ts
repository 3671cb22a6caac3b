/**
 * Issue 12 §6: dates read right whatever day they fall on. Slack writes a near day as "today",
 * "tomorrow" or "yesterday" (「今日」「明日」「昨日」) when a message asks for a _pretty format, so a
 * sentence that puts "on" or 「に」 next to such a date read "on today" or 「今日に」. Each message is
 * read here as a Slack client would show it (test/support/slackDates.ts), on the day and after.
 */
import { TestBot, allText } from '../support/testBot';
import { readAs, type Reader } from '../support/slackDates';
import { ROUND_1, checkinsTo, introGroups, member as introMember, tickAt } from '../intros/support';
import { ASKS_CHANNEL, DAY, askRow, dmsTo, member as askMember, postAsk } from '../asks/support';

const TOKYO = 'Asia/Tokyo';
const NEAR_DAY_AFTER_PARTICLE = /\b(on|at) (today|tomorrow|yesterday)\b|(今日|明日|昨日)\s*に/;

function reader(tb: TestBot, locale: Reader['locale'], now = tb.clock.now()): Reader {
  return { now, timeZone: TOKYO, locale };
}

describe('dates in messages, in English and Japanese', () => {
  let tb: TestBot;
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the agreement: "You agreed … on Nov 26" / 「11月26日に…同意」, on the day and the day after', async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z' });
    tb.fake.setUser('U12DJA', { locale: 'ja-JP' });
    for (const [user, locale, expected] of [
      ['U12DEN', 'en', 'Thank you! You agreed to the code of conduct on Nov 26. Next,'],
      ['U12DJA', 'ja', 'ありがとうございます。11月26日に行動規範への同意を受け付けました。'],
    ] as const) {
      tb.fake.reset();
      await tb.teamJoin(user);
      await tb.press('onboarding.agree', user);
      const blocks = allText(tb.fake.responses[0]?.body.blocks);
      for (const now of [tb.clock.now(), new Date(tb.clock.now().getTime() + DAY)]) {
        const shown = readAs(blocks, reader(tb, locale, now));
        expect(shown).toContain(expected);
        expect(shown).not.toMatch(NEAR_DAY_AFTER_PARTICLE);
      }
    }
  });

  it('the intro check-in: "I introduced you on Nov 30." / 「11月30日にご紹介しました」', async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z' });
    await introMember(tb, 'U12DI1', { interests: 'go' });
    await introMember(tb, 'U12DI2', { interests: 'go', locale: 'ja-JP' });
    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([['U12DI1', 'U12DI2']]);
    await tickAt(tb, new Date(new Date(ROUND_1).getTime() + 7 * DAY));
    const english = readAs(String(checkinsTo(tb, 'U12DI1')[0]?.args.text), reader(tb, 'en'));
    expect(english).toBe('Did you meet <@U12DI2>? I introduced you on Nov 30.');
    const japanese = readAs(String(checkinsTo(tb, 'U12DI2')[0]?.args.text), reader(tb, 'ja'));
    expect(japanese).toContain('11月30日にご紹介しました。');
    expect(japanese).not.toMatch(NEAR_DAY_AFTER_PARTICLE);
  });

  it('the reminder before an ask lapses: "lapses on Dec 6 10:00" / 「12月6日 10:00 に締め切られます」', async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await askMember(tb, 'U12DA1', 'design');
    await askMember(tb, 'U12DA2', 'design', { locale: 'ja-JP' });
    const english = await postAsk(tb, 'U12DA1', { title: 'Intro to Acme', days: '10' });
    await postAsk(tb, 'U12DA2', { title: 'Acme の方を紹介してください', days: '10' });
    const expires = new Date(String((await askRow(tb, english))?.expires_at)).getTime();
    tb.clock.set(expires - 3 * DAY);
    await tb.tick();
    await tb.tick();
    const reminder = (user: string): string =>
      allText(dmsTo(tb, user).find((call) => /Still open|まだ募集/.test(allText(call.args)))?.args);
    const shownEn = readAs(reminder('U12DA1'), reader(tb, 'en'));
    expect(shownEn).toContain(`Your ask *Intro to Acme* (#${english}) lapses on Dec 6 10:00. Still open?`);
    expect(shownEn).not.toMatch(NEAR_DAY_AFTER_PARTICLE);
    const shownJa = readAs(reminder('U12DA2'), reader(tb, 'ja'));
    expect(shownJa).toContain('12月6日 10:00 に締め切られます。');
    expect(shownJa).not.toMatch(NEAR_DAY_AFTER_PARTICLE);
  });
});
