import { keyOf } from '../scheduler/helpers';
import type { RecordedCall } from '../support/fakeSlack';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { ASKS_CHANNEL, member, postAsk } from './support';

// Issue 13 §1: members whose interests or "open to" flags match an open item they may see (not
// their own, not one for matches only they do not match) find it in their digest, in a section of
// its own, a few at most with how many more `asks` lists, in their language; and on App Home.

const START = '2026-11-28T12:00:00Z';
/** DIGEST_CRON's default: Monday 09:00 in Tokyo. */
const MONDAY_9_TOKYO = '2026-11-30T00:00:00.000Z';

const AUTHOR = 'U13DAUTH';
const HIDDEN = 'U13DHIDE';
const DESIGNER = 'U13DDSGN';
const CHESS = 'U13DCHSS';
const MENTOR = 'U13DMNTR';
const GARDENER = 'U13DGRDN';

function digestsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === user && (keyOf(call) ?? '').startsWith('digest:'));
}

/** The block ids of the digest's ask lines, in order. */
function askBlockIds(call: RecordedCall | undefined): string[] {
  const blocks = (call?.args.blocks ?? []) as { block_id?: string }[];
  return blocks.flatMap((block) =>
    /^ask\.digest\.\d+$/.test(block.block_id ?? '') ? [block.block_id ?? ''] : [],
  );
}

/** Test data: a role as HR would have posted it, so that a member gets a digest for another reason. */
async function seedJob(tb: TestBot, title: string, tag: string): Promise<void> {
  const id = await tb.insert(
    `INSERT INTO jobs (title, team, location, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
       VALUES (?, 'Platform', 'Tokyo', 'hybrid', 'full_time', 'https://jobs.example.com/1', ?, ?, 'open', ?)`,
    title,
    ADMIN,
    ADMIN,
    tb.clock.now().toISOString(),
  );
  await tb.run('INSERT INTO job_tags (job_id, tag) VALUES (?, ?)', id, tag);
}

async function runWeeklyDigest(tb: TestBot, at = MONDAY_9_TOKYO): Promise<void> {
  tb.clock.set(at);
  await tb.tick();
  await tb.tick();
  await tb.settle();
}

describe('asks and offers in digests and on App Home', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: START, env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('each member’s digest has a section of the items that suit them; hidden ones and their own never', async () => {
    await member(tb, AUTHOR, 'design, chess', { name: 'Aiko Author' });
    await member(tb, HIDDEN, 'chess', { visibility: 'nobody', name: 'Hanako Hidden' });
    await member(tb, DESIGNER, 'design');
    await member(tb, CHESS, 'chess');
    await member(tb, MENTOR, 'cooking', { openTo: ['mentoring'] });
    await member(tb, GARDENER, 'gardening');
    const review = await postAsk(tb, AUTHOR, {
      kind: 'advice',
      title: 'Design review of our app',
      tags: 'design',
    });
    const coach = await postAsk(
      tb,
      HIDDEN,
      { kind: 'advice', title: 'Secret chess coaching', tags: 'chess', audience: 'matches' },
      'offer',
    );
    await seedJob(tb, 'Garden designer', 'gardening');

    await runWeeklyDigest(tb);

    // Shared tags: the designer sees the review, named by its author, with its button.
    const toDesigner = digestsTo(tb, DESIGNER);
    expect(toDesigner).toHaveLength(1);
    const designerText = allText(toDesigner[0]?.args);
    expect(designerText).toContain('Asks and offers for you');
    expect(designerText).toContain('Design review of our app');
    expect(designerText).toContain(`<@${AUTHOR}>`);
    expect(designerText).toContain('Matches: `design`');
    expect(designerText).not.toContain('Secret chess coaching');
    expect(askBlockIds(toDesigner[0])).toEqual([`ask.digest.${review}`]);
    expect(String(toDesigner[0]?.args.text)).toBe('Your alumni digest: 1 ask(s) or offer(s) for you');

    // The item for matches only reaches those who share its tag, without naming its hidden author.
    const chessText = allText(digestsTo(tb, CHESS)[0]?.args);
    expect(chessText).toContain('Secret chess coaching');
    expect(chessText).not.toContain(HIDDEN);
    expect(chessText).not.toContain('Hanako');
    expect(askBlockIds(digestsTo(tb, CHESS)[0])).toEqual([`ask.digest.${coach}`]);

    // The author sees the coaching (chess) but not their own review.
    expect(askBlockIds(digestsTo(tb, AUTHOR)[0])).toEqual([`ask.digest.${coach}`]);
    // The hidden author sees neither their own offer nor the review (no shared tag, no flag).
    expect(digestsTo(tb, HIDDEN)).toHaveLength(0);

    // "Open to mentoring" suits an ask for advice whatever its tags; never the item for matches only.
    const mentorText = allText(digestsTo(tb, MENTOR)[0]?.args);
    expect(mentorText).toContain('Design review of our app');
    expect(mentorText).not.toContain('Secret chess coaching');

    // A member nothing suits gets their digest of roles without the section.
    const toGardener = digestsTo(tb, GARDENER);
    expect(toGardener).toHaveLength(1);
    expect(allText(toGardener[0]?.args)).toContain('Garden designer');
    expect(allText(toGardener[0]?.args)).not.toContain('Asks and offers for you');
    expect(askBlockIds(toGardener[0])).toEqual([]);

    // The next week brings only what is new: nothing, so no digest at all.
    await runWeeklyDigest(tb, '2026-12-07T00:00:00.000Z');
    expect(digestsTo(tb, DESIGNER)).toHaveLength(1);
    expect(digestsTo(tb, CHESS)).toHaveLength(1);
  });

  it('shows three items at most, matching first, and says how many more `asks` lists', async () => {
    await member(tb, AUTHOR, 'chess');
    await member(tb, DESIGNER, 'design, figma');
    await postAsk(tb, AUTHOR, { title: 'Best match', tags: 'design, figma' });
    for (let i = 1; i <= 5; i += 1) await postAsk(tb, AUTHOR, { title: `Design item ${i}`, tags: 'design' });
    const lapsing = await postAsk(tb, AUTHOR, { title: 'Over before the digest', tags: 'design, figma' });
    // Its expiry falls between posting and the digest (shorter than the form allows, hence by hand).
    await tb.run('UPDATE asks SET expires_at = ? WHERE id = ?', '2026-11-29T12:00:00.000Z', lapsing);

    await runWeeklyDigest(tb);

    const toDesigner = digestsTo(tb, DESIGNER);
    expect(toDesigner).toHaveLength(1);
    const ids = askBlockIds(toDesigner[0]);
    expect(ids).toHaveLength(3);
    const text = allText(toDesigner[0]?.args);
    expect(text.indexOf('Best match')).toBeLessThan(text.indexOf('Design item'));
    expect(text).toContain('3 more are open for you: `/alumni asks` lists them, those matching you first.');
    expect(ids).not.toContain(`ask.digest.${lapsing}`);
    expect(String(toDesigner[0]?.args.text)).toBe('Your alumni digest: 6 ask(s) or offer(s) for you');
  });

  it('in Japanese, for a member who reads Japanese, matching テニス to tennis', async () => {
    await member(tb, AUTHOR, 'chess');
    await member(tb, DESIGNER, 'テニス', { locale: 'ja-JP' });
    await member(tb, GARDENER, 'gardening', { locale: 'ja-JP' });
    await seedJob(tb, 'Garden designer', 'gardening');
    const partner = await postAsk(tb, AUTHOR, { kind: 'partner', title: 'Hitting partner', tags: 'tennis' });

    await runWeeklyDigest(tb);

    const toDesigner = digestsTo(tb, DESIGNER);
    expect(toDesigner).toHaveLength(1);
    const text = allText(toDesigner[0]?.args);
    expect(text).toContain('あなたに合う相談とオファー');
    expect(text).toContain('Hitting partner');
    expect(text).toContain('一致：');
    expect(askBlockIds(toDesigner[0])).toEqual([`ask.digest.${partner}`]);
    expect(String(toDesigner[0]?.args.text)).toContain('相談とオファーが 1 件');
    expect(allText(digestsTo(tb, GARDENER)[0]?.args)).not.toContain('あなたに合う相談とオファー');
  });

  it('App Home shows the items that suit the member, and otherwise where to look, in their language', async () => {
    await member(tb, AUTHOR, 'design');
    await member(tb, HIDDEN, 'chess', { visibility: 'nobody' });
    await member(tb, DESIGNER, 'design');
    await member(tb, GARDENER, 'gardening', { locale: 'ja-JP' });
    await member(tb, CHESS, 'chess');
    const review = await postAsk(tb, AUTHOR, { title: 'Design review of our app', tags: 'design' });
    await postAsk(
      tb,
      HIDDEN,
      { title: 'Secret chess coaching', tags: 'chess', audience: 'matches' },
      'offer',
    );

    const home = async (user: string): Promise<{ text: string; blocks: { block_id?: string }[] }> => {
      await tb.homeOpened(user);
      await tb.settle();
      const view = tb.fake
        .callsTo('views.publish')
        .filter((call) => call.args.user_id === user)
        .at(-1)?.args.view as { blocks: { block_id?: string }[] };
      return { text: allText(view), blocks: view.blocks };
    };

    const designer = await home(DESIGNER);
    expect(designer.text).toContain('Asks and offers for you');
    expect(designer.text).toContain('Design review of our app');
    expect(designer.text).not.toContain('Secret chess coaching');
    expect(designer.blocks.map((b) => b.block_id)).toContain(`ask.home.${review}`);

    const chess = await home(CHESS);
    expect(chess.text).toContain('Secret chess coaching');
    expect(chess.text).not.toContain(HIDDEN);

    const gardener = await home(GARDENER);
    expect(gardener.text).toContain('あなたに合う相談とオファー');
    expect(gardener.text).toContain('今はあなたの関心や「受け付けていること」に合う募集中のものはありません');
    expect(gardener.text).not.toContain('Secret chess coaching');
    expect(gardener.text).not.toContain('Design review of our app');
  });
});
