import { buttons, record } from '../support/blocks';
import { TestBot, allText } from '../support/testBot';
import { dmsTo, member, offerRow, pairRows, requestRow, say } from '../mentoring/support';
import { homeBlocks, homeSection, publishesFor } from './support';

// Issue 13 §4 on App Home: the mentor's offer and the requests waiting on them with Accept /
// Decline, the mentee's open request, and each pair with the check-in's buttons; a member whose
// profile is hidden is never named there.

const MENTOR = 'U5HMMENT';
const SHY = 'U5HMSHYM';
const MENTEE = 'U5HMMENE';
const AIKO = 'U5HMAIKO';
const KENJI = 'U5HMKENJ';

const pressed = (blocks: unknown) => buttons(blocks).map((b) => [b.action_id, b.value]);

describe('App Home: mentoring', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, MENTOR, 'design');
    await member(tb, SHY, 'design', { visibility: 'staff' });
    await member(tb, MENTEE, 'design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('shows the offer and a waiting request with Accept / Decline, the requester unnamed when hidden; Accept, Pause, Continue and End from Home refresh it', async () => {
    await tb.homeOpened(MENTOR);
    expect(allText(homeSection(tb, MENTOR, 'Mentoring'))).toContain('You neither mentor nor have a mentor.');
    await say(tb, 'mentor offer design', MENTOR);
    await say(tb, 'mentor request design: find my first design role', SHY);
    const request = await requestRow(tb, SHY);

    await tb.homeOpened(SHY);
    expect(allText(homeSection(tb, SHY, 'Mentoring'))).toContain(
      `Request #${request?.id} “find my first design role”: waiting for a mentor`,
    );

    await tb.homeOpened(MENTOR);
    let section = homeSection(tb, MENTOR, 'Mentoring');
    expect(allText(section)).toContain('You mentor on `design`: 0 of 2 place(s) taken, availability: open.');
    expect(allText(section)).toContain('a member asks you to mentor them: “find my first design role”');
    expect(JSON.stringify(homeBlocks(tb, MENTOR))).not.toContain(SHY);
    expect(pressed(section)).toEqual([
      ['mentor.accept', String(request?.id)],
      ['mentor.decline', String(request?.id)],
    ]);

    const before = publishesFor(tb, MENTOR);
    await tb.press('mentor.accept', MENTOR, 'home', String(request?.id));
    expect(publishesFor(tb, MENTOR)).toBe(before + 1);
    const [pair] = await pairRows(tb);
    section = homeSection(tb, MENTOR, 'Mentoring');
    expect(allText(section)).toContain('1 of 2 place(s) taken');
    expect(allText(section)).toContain('Mentoring a member (active)');
    expect(JSON.stringify(homeBlocks(tb, MENTOR))).not.toContain(SHY);
    expect(pressed(section)).toEqual([
      ['mentor.checkin.pause', String(pair?.id)],
      ['mentor.checkin.end', String(pair?.id)],
    ]);

    // The mentee sees their mentor by name, and pauses from Home.
    await tb.homeOpened(SHY);
    section = homeSection(tb, SHY, 'Mentoring');
    expect(allText(section)).toContain(`Mentored by <@${MENTOR}> (active)`);
    expect(allText(section)).not.toContain('waiting for a mentor');
    await tb.press('mentor.checkin.pause', SHY, 'home', String(pair?.id));
    section = homeSection(tb, SHY, 'Mentoring');
    expect(allText(section)).toContain(`Mentored by <@${MENTOR}> (paused)`);
    expect(pressed(section)).toEqual([
      ['mentor.checkin.continue', String(pair?.id)],
      ['mentor.checkin.end', String(pair?.id)],
    ]);
    await tb.press('mentor.checkin.continue', SHY, 'home', String(pair?.id));
    expect(allText(homeSection(tb, SHY, 'Mentoring'))).toContain('(active)');

    // Ending from the mentor's Home frees the place and takes the pair off it.
    await tb.press('mentor.checkin.end', MENTOR, 'home', String(pair?.id));
    section = homeSection(tb, MENTOR, 'Mentoring');
    expect(allText(section)).toContain('0 of 2 place(s) taken');
    expect(pressed(section)).toEqual([]);
    expect((await pairRows(tb))[0]?.status).toBe('ended');
    expect((await offerRow(tb, MENTOR))?.active_count).toBe(0);
  });

  it('Decline from Home hands the request on and takes it off the Home; a visible requester is named', async () => {
    await say(tb, 'mentor offer design', MENTOR);
    await say(tb, 'mentor request design: learn to run critiques', MENTEE);
    const request = await requestRow(tb, MENTEE);
    await tb.homeOpened(MENTOR);
    expect(allText(homeSection(tb, MENTOR, 'Mentoring'))).toContain(
      `<@${MENTEE}> asks you to mentor them: “learn to run critiques”`,
    );
    await tb.press('mentor.decline', MENTOR, 'home', String(request?.id));
    const section = homeSection(tb, MENTOR, 'Mentoring');
    expect(pressed(section)).toEqual([]);
    expect(allText(section)).not.toContain('learn to run critiques');
    expect((await requestRow(tb, MENTEE))?.status).toBe('unmatched');
  });

  it('a refused press on Home refreshes it too: Accept with no free place hands the request on and takes it off', async () => {
    await say(tb, 'mentor offer design', MENTOR);
    await say(tb, 'mentor capacity 1', MENTOR);
    await say(tb, 'mentor request design: learn to run critiques', MENTEE);
    await say(tb, 'mentor request design: find my first design role', SHY);
    const first = await requestRow(tb, MENTEE);
    const second = await requestRow(tb, SHY);
    await tb.homeOpened(MENTOR);
    expect(pressed(homeSection(tb, MENTOR, 'Mentoring'))).toEqual([
      ['mentor.accept', String(first?.id)],
      ['mentor.decline', String(first?.id)],
      ['mentor.accept', String(second?.id)],
      ['mentor.decline', String(second?.id)],
    ]);
    await tb.press('mentor.accept', MENTOR, 'home', String(first?.id));
    const before = publishesFor(tb, MENTOR);
    await tb.press('mentor.accept', MENTOR, 'home', String(second?.id));
    expect(allText(dmsTo(tb, MENTOR).at(-1)?.args)).toContain('All your 1 place(s) are taken');
    expect(publishesFor(tb, MENTOR)).toBe(before + 1);
    const section = homeSection(tb, MENTOR, 'Mentoring');
    expect(allText(section)).not.toContain('find my first design role');
    expect(pressed(section).map(([action]) => action)).toEqual([
      'mentor.checkin.pause',
      'mentor.checkin.end',
    ]);
    expect((await requestRow(tb, SHY))?.status).toBe('unmatched');
  });

  it('in Japanese: メンタリング, 承諾する / 辞退する, then 一時停止 / 終了する', async () => {
    await member(tb, AIKO, 'design', { locale: 'ja-JP' });
    await member(tb, KENJI, 'design', { locale: 'ja-JP' });
    await say(tb, 'メンター 登録 design', AIKO);
    await say(tb, 'メンター 依頼 design：ポートフォリオを見てほしい', KENJI);
    const request = await requestRow(tb, KENJI);
    await tb.homeOpened(AIKO);
    let section = homeSection(tb, AIKO, 'メンタリング');
    expect(allText(section)).toContain('テーマ：`デザイン`。2 人中 0 人を受け入れ中、受付状況：受付中。');
    expect(allText(section)).toContain(`<@${KENJI}> さん からメンターの依頼：「ポートフォリオを見てほしい」`);
    expect(buttons(section).map((b) => record(b.text).text)).toEqual(['承諾する', '辞退する']);
    await tb.press('mentor.accept', AIKO, 'home', String(request?.id));
    section = homeSection(tb, AIKO, 'メンタリング');
    expect(allText(section)).toContain(`<@${KENJI}> さん のメンター（継続中）`);
    expect(buttons(section).map((b) => record(b.text).text)).toEqual(['一時停止', '終了する']);
    await tb.homeOpened(KENJI);
    expect(allText(homeSection(tb, KENJI, 'メンタリング'))).toContain(`<@${AIKO}> さん がメンター（継続中）`);
  });
});
