import { TestBot } from '../support/testBot';
import { member, offerRow, pairRows, requestRow, say } from './support';

// Issue 13 §4 and the rules for all four: erasure covers every mentoring table. Erasing a mentee
// frees their mentor's place; erasing a mentor hands a request waiting on them to the next one.

const MENTOR = 'U4ERMNT1';
const NEXT = 'U4ERMNT2';
const MENTEE = 'U4ERMNE1';
const WAITING = 'U4ERMNE2';

describe('mentoring: export and erasure', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    for (const user of [MENTOR, NEXT, MENTEE, WAITING]) await member(tb, user, 'design');
    await say(tb, 'mentor offer design', MENTOR);
    await say(tb, 'mentor offer design', NEXT);
    await say(tb, 'mentor capacity 1', NEXT);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('erasing a mentee removes their request and pair and frees the place; the export held them first', async () => {
    await say(tb, 'mentor request design: become a lead', MENTEE);
    const id = String((await requestRow(tb, MENTEE))?.id);
    await tb.press('mentor.accept', MENTOR, 'message', id);
    expect(await offerRow(tb, MENTOR)).toMatchObject({ active_count: 1 });
    await tb.command('privacy export', MENTEE);
    await tb.fake.waitForCall('files.completeUploadExternal');
    const data = JSON.parse(tb.fake.uploads.pop()?.content.toString('utf8') ?? '{}') as {
      other: { mentoring: { requests: unknown[]; pairs: unknown[] } };
    };
    expect(data.other.mentoring.requests).toHaveLength(1);
    expect(data.other.mentoring.pairs).toHaveLength(1);
    await tb.press('privacy.delete', MENTEE);
    await tb.settle();
    expect(await tb.rowsMentioning(MENTEE)).toEqual([]);
    expect(await pairRows(tb)).toEqual([]);
    expect(await offerRow(tb, MENTOR)).toMatchObject({ active_count: 0 });
  });

  it('erasing a mentor removes their offer and topics; a request waiting on them goes to the next mentor', async () => {
    await say(tb, 'mentor request design: a second opinion', WAITING);
    const request = await requestRow(tb, WAITING);
    expect(request?.current_mentor).toBe(MENTOR);
    await tb.press('privacy.delete', MENTOR);
    await tb.settle();
    expect(await tb.rowsMentioning(MENTOR)).toEqual([]);
    await tb.tick();
    expect((await requestRow(tb, WAITING))?.current_mentor).toBe(NEXT);
  });
});
