import { ADMIN, TestBot } from '../support/testBot';
import { member, offerRow, say } from './support';

// Issue 13 §4: members offer to mentor (topics, capacity, availability) and find mentors by topic,
// across Japanese and English tags; hidden members are never listed or counted; bad input changes nothing.

const MENTOR = 'U4MENT01';
const SEEKER = 'U4SEEK01';
const HIDDEN = 'U4HIDE01';
const STAFFONLY = 'U4STAF01';

describe('mentoring: offers and finding mentors', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await member(tb, MENTOR, 'design');
    await member(tb, SEEKER, 'tennis');
    await member(tb, HIDDEN, 'design', { visibility: 'nobody' });
    await member(tb, STAFFONLY, 'design', { visibility: 'staff' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('mentor offer saves topics on their vocabulary keys, with capacity 2 and open; capacity and availability change it', async () => {
    expect(await say(tb, 'mentor offer テニス, SaaS', MENTOR)).toContain(
      'Thank you! You mentor on `saas`, `tennis`, up to 2 mentee(s) at once, availability: open.',
    );
    const topics = await tb.rows<{ tag: string }>(
      'SELECT tag FROM mentor_topics WHERE user_id = ? ORDER BY tag',
      MENTOR,
    );
    expect(topics.map((t) => t.tag)).toEqual(['saas', 'tennis']);
    expect(await say(tb, 'mentor capacity 3', MENTOR)).toContain(
      'Your capacity is now 3 mentee(s) at once (0 now).',
    );
    expect(await say(tb, 'mentor limited', MENTOR)).toContain('Your availability is now: limited.');
    expect(await offerRow(tb, MENTOR)).toEqual({ capacity: 3, availability: 'limited', active_count: 0 });
    const status = await say(tb, 'mentor', MENTOR);
    expect(status).toContain('You mentor on `saas`, `tennis`: 0 of 3 place(s) taken, availability: limited.');
  });

  it('in Japanese: メンター 登録, 定員, 受付停止, with full-width punctuation', async () => {
    await member(tb, 'U4JA0001', 'テニス', { locale: 'ja-JP' });
    expect(await say(tb, 'メンター 登録 tennis', 'U4JA0001')).toContain(
      'ありがとうございます。テーマ：`テニス`、同時に 2 人まで、受付状況：受付中。',
    );
    expect(await say(tb, 'メンター 定員 4', 'U4JA0001')).toContain(
      '受け入れ人数を同時に 4 人にしました（現在 0 人）。',
    );
    expect(await say(tb, 'メンター 受付停止', 'U4JA0001')).toContain('受付状況を「受付停止」にしました。');
    expect(await offerRow(tb, 'U4JA0001')).toEqual({ capacity: 4, availability: 'closed', active_count: 0 });
  });

  it.each([
    ['mentor offer', 'Name at least one topic, e.g. `mentor offer SaaS, fundraising`.'],
    ['mentor capacity 0', 'The capacity is a whole number from 1 to 10, e.g. `mentor capacity 3`.'],
    ['mentor capacity 11', 'The capacity is a whole number from 1 to 10'],
    ['mentor capacity lots', 'The capacity is a whole number from 1 to 10'],
    ['mentor capacity 3', 'You have not offered to mentor yet. Start with `mentor offer <topics>`'],
    ['mentor closed', 'You have not offered to mentor yet.'],
    ['mentor request SaaS', 'Write the topics, a colon, then your goal'],
    ['mentor request : my goal', 'Write the topics, a colon, then your goal'],
    [`mentor request SaaS: ${'x'.repeat(301)}`, 'Your goal is longer than 300 characters.'],
    ['mentor dance', 'Try `mentor offer SaaS, fundraising`'],
    [`mentor offer ${'x'.repeat(60)}`, 'is longer than 50 characters'],
  ])('bad input %s gets a clear answer and changes nothing', async (text, expected) => {
    // A command that reads records the member's activity; nothing else may change.
    const state = async () => (await tb.snapshot()).replace(/"last_active_at":("[^"]*"|null)/g, '');
    const before = await state();
    expect(await say(tb, text, SEEKER)).toContain(expected);
    expect(await state()).toBe(before);
  });

  it('mentors finds by topic across Japanese and English, most shared first; hidden, closed and full mentors are never listed', async () => {
    await say(tb, 'mentor offer design, tennis', MENTOR);
    await say(tb, 'mentor offer tennis', 'U4SEEK01');
    await say(tb, 'mentor offer テニス, design', HIDDEN);
    await say(tb, 'mentor offer テニス, design', STAFFONLY);
    await member(tb, 'U4CLOS01', 'design');
    await say(tb, 'mentor offer tennis', 'U4CLOS01');
    await say(tb, 'mentor closed', 'U4CLOS01');
    await member(tb, 'U4LOOK01', 'chess');
    const found = await say(tb, 'mentors テニス, design', 'U4LOOK01');
    expect(found).toContain('*Mentors with a free place* (2 of 2), most shared topics first');
    expect(found.indexOf(`<@${MENTOR}>`)).toBeLessThan(found.indexOf('<@U4SEEK01>'));
    expect(found).not.toContain(HIDDEN);
    expect(found).not.toContain(STAFFONLY);
    expect(found).not.toContain('U4CLOS01');
    expect(await say(tb, 'mentors kendama', 'U4LOOK01')).toContain(
      'No mentor with a free place mentors on `kendama` right now.',
    );
    // Without topics: by the member's own interests (chess: nobody).
    expect(await say(tb, 'mentors', 'U4LOOK01')).toContain('No mentor with a free place mentors on `chess`');
    // stats counts visible mentors only (MENTOR and U4SEEK01: 2 places each).
    await tb.agree(ADMIN);
    expect(await say(tb, 'stats', ADMIN)).toContain('Mentors: 2 · free places: 4');
  });

  it('a ja-JP member sees the list in Japanese', async () => {
    await say(tb, 'mentor offer design', MENTOR);
    await member(tb, 'U4JA0002', 'デザイン', { locale: 'ja-JP' });
    const found = await say(tb, 'メンター一覧', 'U4JA0002');
    expect(found).toContain('*空きのあるメンター*（1 人中 1 人、共通のテーマが多い順）');
    expect(found).toContain(`<@${MENTOR}> さん · \`デザイン\` · 空き 2 人 · 受付中`);
  });
});
