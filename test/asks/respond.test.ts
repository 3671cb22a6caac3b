import { TestBot, allText } from '../support/testBot';
import { ADMIN } from '../support/testBot';
import {
  ASKS_CHANNEL,
  buttons,
  cardText,
  groupPosts,
  lastAnswer,
  member,
  outboxKeys,
  postAsk,
  responseRows,
} from './support';

// Issue 13 §1: `asks`, `asks <tags>` list what a member may see, matching first; "I can help" /
// "I'm interested" opens one group DM per item and responder with the item and their shared
// interests; an item for matching members only is neither listed nor answerable by anyone else.

const AUTHOR = 'U13AUTH2';
const HELPER = 'U13HELP1';
const OTHER = 'U13OTHR1';

describe('asks and offers: listing and responding', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, AUTHOR, 'tennis, design, go');
    await member(tb, HELPER, 'design, テニス');
    await member(tb, OTHER, 'chess');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('asks lists others’ open items, those matching the member’s interests first, with their button', async () => {
    const plain = await postAsk(tb, OTHER, { title: 'Anyone in Osaka?' });
    const matching = await postAsk(tb, AUTHOR, { title: 'Design review', tags: 'design, figma' }, 'offer');
    const own = await postAsk(tb, HELPER, { title: 'My own ask', tags: 'design' });
    const reply = await tb.command('asks', HELPER);
    const body = reply.json as { text: string; blocks: unknown[] };
    const text = allText(body);
    expect(text).toContain('*Open asks and offers* (2 of 2), those matching your interests first');
    expect(text.indexOf('Design review')).toBeLessThan(text.indexOf('Anyone in Osaka?'));
    expect(text).toContain('Matches: `design`');
    expect(text).not.toContain('My own ask');
    expect(buttons(body.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['ask.respond', String(matching)],
      ['ask.respond', String(plain)],
    ]);
    expect(own).toBeGreaterThan(0);
  });

  it('asks <tags> finds items by tag across Japanese and English; none gives a clear answer', async () => {
    await postAsk(tb, AUTHOR, { title: 'Hitting partner', tags: 'テニス' });
    await postAsk(tb, AUTHOR, { title: 'Chess club', tags: 'chess' });
    const found = allText((await tb.command('asks tennis', OTHER)).json);
    expect(found).toContain('Hitting partner');
    expect(found).not.toContain('Chess club');
    const none = TestBot.replyText(await tb.command('asks kendama', OTHER));
    expect(none).toBe('Nothing open is tagged `kendama`.');
    const tooLong = TestBot.replyText(await tb.command(`asks ${'x'.repeat(60)}`, OTHER));
    expect(tooLong).toContain('is longer than 50 characters');
  });

  it('a ja-JP member sees the list and its tags in Japanese', async () => {
    await member(tb, 'U13JA003', 'テニス', { locale: 'ja-JP' });
    await postAsk(tb, AUTHOR, { title: 'Hitting partner', tags: 'tennis', kind: 'partner' });
    const text = allText((await tb.command('asks', 'U13JA003')).json);
    expect(text).toContain('*募集中の相談とオファー*（1 件中 1 件、関心が一致するものから）');
    expect(text).toContain('一致：`テニス`');
    expect(text).toContain('*相談* · パートナー');
  });

  it('an item for matching members only is listed to them alone, and refused to anyone else', async () => {
    const quiet = await postAsk(tb, AUTHOR, {
      title: 'Quiet design ask',
      tags: 'design',
      audience: 'matches',
    });
    expect(allText((await tb.command('asks', HELPER)).json)).toContain('Quiet design ask');
    expect(TestBot.replyText(await tb.command('asks', OTHER))).toBe(
      'Nothing is open right now. Post something with `/alumni ask` or `/alumni offer`.',
    );
    expect(TestBot.replyText(await tb.command('asks design', OTHER))).toBe(
      'Nothing open is tagged `design`.',
    );
    const before = await tb.snapshot();
    await tb.press('ask.respond', OTHER, 'message', String(quiet));
    expect(lastAnswer(tb)).toBe(`There is no ask or offer #${quiet} that you can see.`);
    expect(await tb.snapshot()).toBe(before);
  });

  it('I can help opens one group DM for the two, with the item and their shared interests; a second press sends nothing', async () => {
    const id = await postAsk(tb, AUTHOR, {
      kind: 'advice',
      title: 'Advice on design hiring',
      details: 'First designer at a startup',
      tags: 'design',
    });
    await tb.press('ask.respond', HELPER, 'message', String(id));
    expect(lastAnswer(tb)).toBe(
      `Thank you! I am opening a group DM with <@${AUTHOR}> about “Advice on design hiring”.`,
    );
    expect(await cardText(tb, id)).toContain('1 response');
    await tb.tick();
    const opens = tb.fake.callsTo('conversations.open').filter((c) => typeof c.args.users === 'string');
    expect(opens.map((c) => String(c.args.users).split(',').sort())).toEqual([[AUTHOR, HELPER].sort()]);
    const group = groupPosts(tb);
    expect(group).toHaveLength(1);
    const text = allText(group[0]?.args);
    expect(text).toContain(
      `<@${HELPER}> can help with <@${AUTHOR}>'s ask *Advice on design hiring* (#${id}).`,
    );
    expect(text).toContain('*Ask* · Advice');
    expect(text).toContain('>First designer at a startup');
    expect(text).toContain('You both are interested in `design`, `tennis`.');

    await tb.press('ask.respond', HELPER, 'message', String(id));
    expect(lastAnswer(tb)).toBe('You already responded to “Advice on design hiring”; your group DM is open.');
    await tb.tick();
    expect(groupPosts(tb)).toHaveLength(1);
    expect(await responseRows(tb, id)).toEqual([{ user_id: HELPER, thanked: 0 }]);
    expect(await outboxKeys(tb, `ask:${id}:respond:`)).toEqual([`ask:${id}:respond:${HELPER}`]);
  });

  it('shared interests are left out when either one hides them from the other', async () => {
    await member(tb, 'U13STAFF', 'design, tennis', { visibility: 'staff' });
    const id = await postAsk(tb, AUTHOR, { title: 'Design hiring', tags: 'design' });
    await tb.press('ask.respond', 'U13STAFF', 'message', String(id));
    await tb.tick();
    const text = allText(groupPosts(tb)[0]?.args);
    expect(text).toContain('can help with');
    expect(text).not.toContain('You both are interested');
    // An admin may see a profile shown to admins and HR only: then the shared interests are named.
    await member(tb, ADMIN, 'design', { visibility: 'all' });
    const byStaff = await postAsk(tb, 'U13STAFF', { title: 'Staff ask', tags: 'design' });
    await tb.press('ask.respond', ADMIN, 'message', String(byStaff));
    await tb.tick();
    expect(allText(groupPosts(tb)[1]?.args)).toContain('You both are interested in `design`.');
  });

  it('I’m interested on an offer; the group DM is in each member’s language when they differ', async () => {
    await member(tb, 'U13JA004', 'design', { locale: 'ja-JP' });
    const id = await postAsk(
      tb,
      AUTHOR,
      { kind: 'freelance', title: 'Freelance design work', tags: 'design' },
      'offer',
    );
    await tb.press('ask.respond', 'U13JA004', 'message', String(id));
    expect(lastAnswer(tb)).toBe(
      `ありがとうございます！「Freelance design work」について <@${AUTHOR}> さんとのグループ DM を開きます。`,
    );
    await tb.tick();
    const text = allText(groupPosts(tb)[0]?.args);
    expect(text).toContain(
      `<@U13JA004> さんが、<@${AUTHOR}> さんのオファー *Freelance design work*（#${id}）に興味があるそうです。`,
    );
    expect(text).toContain(
      `<@U13JA004> is interested in <@${AUTHOR}>'s offer *Freelance design work* (#${id}).`,
    );
    expect(text.indexOf('さんが')).toBeLessThan(text.indexOf('is interested in'));
  });

  it('pressing on one’s own item, or on one that does not exist, gets a clear answer and records nothing', async () => {
    const id = await postAsk(tb, AUTHOR, { title: 'Mine' });
    const before = await tb.snapshot();
    await tb.press('ask.respond', AUTHOR, 'message', String(id));
    expect(lastAnswer(tb)).toBe('That one is yours: responses to it come to you.');
    await tb.press('ask.respond', HELPER, 'message', '424242');
    expect(lastAnswer(tb)).toBe('There is no ask or offer #424242 that you can see.');
    await tb.press('ask.respond', HELPER, 'message', 'not-a-number');
    expect(lastAnswer(tb)).toBe('There is no ask or offer #? that you can see.');
    await tb.press('ask.respond', 'U13NOAGR', 'message', String(id));
    expect(lastAnswer(tb)).toContain('press “I agree”');
    expect(await tb.snapshot()).toBe(before);
  });
});
