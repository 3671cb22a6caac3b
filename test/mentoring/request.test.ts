import { allText, TestBot } from '../support/testBot';
import {
  answer,
  DAY,
  dmsTo,
  groupPosts,
  lastDmButtons,
  member,
  offerRow,
  pairRows,
  requestRow,
  say,
} from './support';

// Issue 13 §4: a request goes to up to three suggested mentors, one at a time; Decline or 7 days
// without an answer hands it on; Accept takes a place (never past capacity, even when two accept at
// once), opens a group DM, and a monthly check-in offers Continue / Pause / End.

const FIRST = 'U4MNT001';
const SECOND = 'U4MNT002';
const HIDDEN = 'U4MNTHID';
const MENTEE = 'U4MNE001';
const OTHER = 'U4MNE002';

describe('mentoring: requests, answers, pairs and check-ins', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, FIRST, 'design');
    await member(tb, SECOND, 'design');
    await member(tb, HIDDEN, 'design', { visibility: 'staff' });
    await member(tb, MENTEE, 'design');
    await member(tb, OTHER, 'design');
    await say(tb, 'mentor offer design, tennis', FIRST);
    await say(tb, 'mentor offer design', SECOND);
    await say(tb, 'mentor offer design, tennis', HIDDEN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a request suggests visible mentors by shared topics and asks the first; Decline hands it on; Accept pairs them', async () => {
    const reply = await say(tb, 'mentor request テニス, design: find my first design role', MENTEE);
    const request = await requestRow(tb, MENTEE);
    expect(reply).toContain(`Request #${request?.id} saved. I suggest <@${FIRST}>, <@${SECOND}>`);
    expect(reply).not.toContain(HIDDEN);
    await tb.tick();
    expect(allText(dmsTo(tb, FIRST).at(-1)?.args)).toContain(
      `<@${MENTEE}> is looking for a mentor on \`tennis\`, \`design\`.`,
    );
    expect(lastDmButtons(tb, FIRST)).toEqual([
      ['mentor.accept', String(request?.id)],
      ['mentor.decline', String(request?.id)],
    ]);
    expect(dmsTo(tb, SECOND)).toHaveLength(0);
    // A second request while this one waits is refused, and nothing is saved.
    expect(await say(tb, 'mentor request design: more', MENTEE)).toContain(
      `Your request #${request?.id} is still waiting for a mentor's answer.`,
    );
    // Someone not asked cannot answer it.
    await tb.press('mentor.accept', SECOND, 'message', String(request?.id));
    expect(answer(tb)).toContain('This request is not waiting on you');
    await tb.press('mentor.decline', FIRST, 'message', String(request?.id));
    expect(answer(tb)).toContain('I have passed the request on.');
    expect((await requestRow(tb, MENTEE))?.current_mentor).toBe(SECOND);
    await tb.tick();
    expect(lastDmButtons(tb, SECOND)[0]).toEqual(['mentor.accept', String(request?.id)]);
    await tb.press('mentor.accept', SECOND, 'message', String(request?.id));
    expect(answer(tb)).toContain(`You are now mentoring <@${MENTEE}>.`);
    expect(await requestRow(tb, MENTEE)).toMatchObject({ status: 'accepted', current_mentor: null });
    expect(await offerRow(tb, SECOND)).toMatchObject({ active_count: 1 });
    await tb.tick();
    expect(allText(groupPosts(tb).at(-1)?.args)).toContain(
      `<@${SECOND}> agreed to mentor <@${MENTEE}>. The goal: “find my first design role”.`,
    );
    // Pressed again: nothing more happens.
    await tb.press('mentor.accept', SECOND, 'message', String(request?.id));
    expect(answer(tb)).toContain('This request is not waiting on you');
    expect(await pairRows(tb)).toHaveLength(1);
  });

  it('after 7 days without an answer the next mentor is asked; when none is left the requester is told', async () => {
    await say(tb, 'mentor request design: a portfolio review', MENTEE);
    await tb.tick();
    tb.clock.advance(7 * DAY - 60_000);
    await tb.tick();
    expect((await requestRow(tb, MENTEE))?.current_mentor).toBe(FIRST);
    tb.clock.advance(60_000);
    await tb.tick();
    await tb.tick();
    expect((await requestRow(tb, MENTEE))?.current_mentor).toBe(SECOND);
    expect(lastDmButtons(tb, SECOND)[0]?.[0]).toBe('mentor.accept');
    tb.clock.advance(7 * DAY);
    await tb.tick();
    await tb.tick();
    expect(await requestRow(tb, MENTEE)).toMatchObject({ status: 'unmatched' });
    expect(allText(dmsTo(tb, MENTEE).at(-1)?.args)).toContain(
      'None of the mentors I suggested could take your request “a portfolio review”.',
    );
    // The late press of the first mentor is refused.
    const id = String((await requestRow(tb, MENTEE))?.id);
    await tb.press('mentor.accept', FIRST, 'message', id);
    expect(answer(tb)).toContain('This request is not waiting on you');
  });

  it('no mentor fits: a clear answer and nothing saved', async () => {
    expect(await say(tb, 'mentor request kendama: learn tricks', MENTEE)).toContain(
      'No mentor with a free place mentors on `kendama` right now. Nothing was sent.',
    );
    expect(await requestRow(tb, MENTEE)).toBeUndefined();
  });

  it('capacity is enforced: two requests accepted at once take one place, the other is handed on', async () => {
    await say(tb, 'mentor capacity 1', FIRST);
    await say(tb, 'mentor closed', SECOND);
    await say(tb, 'mentor request tennis: first', MENTEE);
    await say(tb, 'mentor request tennis: second', OTHER);
    const a = String((await requestRow(tb, MENTEE))?.id);
    const b = String((await requestRow(tb, OTHER))?.id);
    await Promise.all([
      tb.press('mentor.accept', FIRST, 'message', a),
      tb.press('mentor.accept', FIRST, 'message', b),
    ]);
    const answers = tb.fake.responses.slice(-2).map((r) => allText(r.body));
    expect(answers.filter((text) => text.includes('You are now mentoring'))).toHaveLength(1);
    expect(answers.filter((text) => text.includes('All your 1 place(s) are taken'))).toHaveLength(1);
    expect(await offerRow(tb, FIRST)).toMatchObject({ capacity: 1, active_count: 1 });
    expect(await pairRows(tb)).toHaveLength(1);
    // The one not taken had nobody else (SECOND is closed, HIDDEN never suggested): unmatched.
    const statuses = [(await requestRow(tb, MENTEE))?.status, (await requestRow(tb, OTHER))?.status].sort();
    expect(statuses).toEqual(['accepted', 'unmatched']);
    // A mentor at capacity is not suggested any more.
    await member(tb, 'U4MNE003', 'tennis');
    expect(await say(tb, 'mentors tennis', 'U4MNE003')).toContain('No mentor with a free place');
  });

  it('the monthly check-in: Continue, Pause and End by the pair only; End frees the place', async () => {
    await say(tb, 'mentor request design: grow as a designer', MENTEE);
    const id = String((await requestRow(tb, MENTEE))?.id);
    await tb.press('mentor.accept', FIRST, 'message', id);
    const [pair] = await pairRows(tb);
    tb.clock.advance(30 * DAY);
    await tb.tick();
    await tb.tick();
    const checkin = groupPosts(tb).at(-1);
    expect(allText(checkin?.args)).toContain(`How is it going, <@${FIRST}> and <@${MENTEE}>?`);
    await tb.tick();
    expect(groupPosts(tb).filter((p) => allText(p.args).includes('How is it going'))).toHaveLength(1);
    await tb.press('mentor.checkin.pause', OTHER, 'message', String(pair?.id));
    expect(answer(tb)).toBe('Only the mentor and the mentee can answer this check-in.');
    await tb.press('mentor.checkin.pause', MENTEE, 'message', String(pair?.id));
    expect(answer(tb)).toContain('the mentoring is paused');
    await tb.press('mentor.checkin.continue', FIRST, 'message', String(pair?.id));
    expect(answer(tb)).toContain('the mentoring continues');
    await tb.press('mentor.checkin.end', FIRST, 'message', String(pair?.id));
    expect(answer(tb)).toContain('the mentoring has ended, and the place is free again');
    expect((await pairRows(tb))[0]?.status).toBe('ended');
    expect(await offerRow(tb, FIRST)).toMatchObject({ active_count: 0 });
    await tb.press('mentor.checkin.end', MENTEE, 'message', String(pair?.id));
    expect(answer(tb)).toContain('Nothing changed');
    await tb.press('mentor.checkin.end', MENTEE, 'message', 'forged');
    expect(answer(tb)).toContain('There is no mentoring request or pair #?.');
  });

  it('in Japanese: the request DM, the buttons and the answers', async () => {
    await member(tb, 'U4JAMNT1', 'デザイン', { locale: 'ja-JP' });
    await member(tb, 'U4JAMNE1', 'デザイン', { locale: 'ja-JP' });
    await say(tb, 'mentor closed', FIRST);
    await say(tb, 'mentor closed', SECOND);
    await say(tb, 'メンター 登録 デザイン', 'U4JAMNT1');
    const reply = await say(tb, 'メンター 依頼 デザイン：転職の相談', 'U4JAMNE1');
    expect(reply).toContain('を保存しました。<@U4JAMNT1> さん を提案し');
    await tb.tick();
    const dm = dmsTo(tb, 'U4JAMNT1').at(-1);
    expect(allText(dm?.args)).toContain('<@U4JAMNE1> さん が `デザイン` のメンターを探しています。');
    expect(allText(dm?.args)).toContain('承諾する');
    const id = String((await requestRow(tb, 'U4JAMNE1'))?.id);
    await tb.press('mentor.accept', 'U4JAMNT1', 'message', id);
    expect(answer(tb)).toBe('<@U4JAMNE1> さん のメンターになりました。お二人のグループ DM を開きました。');
  });
});
