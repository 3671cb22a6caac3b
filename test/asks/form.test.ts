import { TestBot, allText } from '../support/testBot';
import {
  ASKS_CHANNEL,
  askRow,
  buttons,
  cardCalls,
  dmsTo,
  member,
  openedView,
  postAsk,
  submitAsk,
} from './support';

// Issue 13 §1: /alumni ask and /alumni offer open one form; an item for all alumni gets a card in
// ASKS_CHANNEL_ID; bad input is shown on its field and nothing is saved; a replayed form creates once.

const AUTHOR = 'U13AUTH1';

describe('asks and offers: the form', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, AUTHOR, 'fundraising, design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('/alumni ask opens the form: kind, title, details, tags, who may see it, 30 days by default', async () => {
    await tb.command('ask', AUTHOR);
    const view = openedView(tb);
    expect(view.callback_id).toBe('ask.modal');
    expect(view.title.text).toBe('Ask the alumni');
    expect(view.blocks.map((block) => block.block_id)).toEqual([
      'ask.kind',
      'ask.title',
      'ask.details',
      'ask.tags',
      'ask.audience',
      'ask.days',
    ]);
    const text = allText(view);
    for (const kind of [
      'Introduction to a company or person',
      'Customer or sales lead',
      'Partner',
      'Investor or fundraising',
      'Hiring at my company',
      'Freelance or contract work',
      'Advice',
      'Other',
    ])
      expect(text).toContain(kind);
    expect(text).toContain('What do you need?');
    expect(JSON.stringify(view.blocks[4])).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"All alumni"',
    );
    expect(JSON.stringify(view.blocks[5])).toContain('"initial_value":"30"');

    await tb.command('offer', AUTHOR);
    expect(openedView(tb).title.text).toBe('Offer something');
    expect(allText(openedView(tb))).toContain('What do you offer?');
    expect(JSON.parse(openedView(tb).private_metadata)).toEqual({ type: 'offer' });
  });

  it('in Japanese for a ja-JP member', async () => {
    await member(tb, 'U13JA001', 'デザイン', { locale: 'ja-JP' });
    await tb.command('offer', 'U13JA001');
    expect(openedView(tb).title.text).toBe('オファーを出す');
    expect(allText(openedView(tb))).toContain('何を提供できますか？');
    expect(allText(openedView(tb))).toContain('投資家・資金調達');
  });

  it('from a DM, a button opens the form', async () => {
    await tb.dm('ask', AUTHOR);
    const reply = await tb.fake.waitForCall('chat.postMessage', (call) => call.args.channel === `D${AUTHOR}`);
    const open = buttons(reply.args.blocks).find((b) => b.action_id === 'ask.open');
    expect(open?.value).toBe('ask');
    await tb.press('ask.open', AUTHOR, 'message', 'ask');
    expect(openedView(tb).callback_id).toBe('ask.modal');
  });

  it('words after ask get the usage, and nothing opens', async () => {
    const reply = await tb.command('ask an intro to Acme please', AUTHOR);
    expect(TestBot.replyText(reply)).toContain('Use `/alumni ask` or `/alumni offer` to open the form');
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('an ask for all alumni is saved and posted as a card in ASKS_CHANNEL_ID; the author is told', async () => {
    const id = await postAsk(tb, AUTHOR, {
      kind: 'fundraising',
      title: 'Looking for a seed investor',
      details: 'B2B SaaS, <b>Tokyo</b>',
      tags: 'fundraising, SaaS',
      days: '14',
    });
    const row = await askRow(tb, id);
    expect(row).toMatchObject({
      type: 'ask',
      kind: 'fundraising',
      author: AUTHOR,
      title: 'Looking for a seed investor',
      details: 'B2B SaaS, <b>Tokyo</b>',
      audience: 'all',
      status: 'open',
      expires_at: new Date(tb.clock.now().getTime() + 14 * 86_400_000).toISOString(),
      card_channel: ASKS_CHANNEL,
    });
    const card = (await cardCalls(tb, id, 'chat.postMessage'))[0];
    expect(card?.args.channel).toBe(ASKS_CHANNEL);
    const text = allText(card?.args);
    expect(text).toContain('Looking for a seed investor');
    expect(text).toContain('Investor or fundraising');
    expect(text).toContain('&lt;b&gt;Tokyo&lt;/b&gt;');
    expect(text).toContain(`From <@${AUTHOR}>`);
    expect(text).toContain(`Ask #${id}`);
    expect(text).toContain('`fundraising` `saas`');
    expect(
      buttons(card?.args.blocks).map((b) => [b.action_id, b.value, (b.text as { text: string }).text]),
    ).toEqual([['ask.respond', String(id), 'I can help']]);
    const dm = allText(dmsTo(tb, AUTHOR).pop()?.args);
    expect(dm).toContain(`Your ask “Looking for a seed investor” (#${id}) is posted in <#${ASKS_CHANNEL}>.`);
    expect(dm).toContain('`/alumni asks mine`');
  });

  it('an offer’s card says “I’m interested”; an item for matching members only gets no card', async () => {
    const offer = await postAsk(tb, AUTHOR, { kind: 'advice', title: 'Pitch deck reviews' }, 'offer');
    expect(buttons((await cardCalls(tb, offer, 'chat.postMessage'))[0]?.args.blocks)[0]?.text).toMatchObject({
      text: 'I’m interested',
    });
    expect(await cardText(offer)).toContain(`Offer #${offer}`);
    const posts = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKS_CHANNEL).length;
    const quiet = await postAsk(tb, AUTHOR, { title: 'Quiet ask', tags: 'design', audience: 'matches' });
    expect(await askRow(tb, quiet)).toMatchObject({ audience: 'matches', card_ts: null });
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKS_CHANNEL)).toHaveLength(
      posts,
    );
    expect(allText(dmsTo(tb, AUTHOR).pop()?.args)).toContain(
      'Only members whose interests match its tags see it',
    );

    async function cardText(id: number): Promise<string> {
      return allText((await cardCalls(tb, id, 'chat.postMessage'))[0]?.args);
    }
  });

  it('a card is written in CHANNEL_LANGUAGES, and a hidden author is not named on it', async () => {
    const bilingual = await TestBot.start({
      env: { ASKS_CHANNEL_ID: ASKS_CHANNEL, CHANNEL_LANGUAGES: 'ja,en' },
    });
    try {
      await member(bilingual, 'U13HIDE1', 'design', { visibility: 'nobody' });
      const id = await postAsk(bilingual, 'U13HIDE1', {
        kind: 'advice',
        title: 'Pricing advice',
        tags: 'デザイン',
      });
      const card = (await cardCalls(bilingual, id, 'chat.postMessage'))[0];
      const text = allText(card?.args);
      expect(text).toContain('*相談* · アドバイス\n*Ask* · Advice');
      expect(text).toContain('投稿者：アルムナイの方');
      expect(text).toContain('From an alum');
      expect(text).not.toContain('U13HIDE1');
      expect(text).toContain('`デザイン / design`');
      expect((buttons(card?.args.blocks)[0]?.text as { text: string }).text).toBe('手伝えます / I can help');
      expect(bilingual.fake.violations).toEqual([]);
    } finally {
      await bilingual.stop();
    }
  });

  it('without ASKS_CHANNEL_ID the item is only listed, and the author is told so', async () => {
    const plain = await TestBot.start();
    try {
      await member(plain, AUTHOR, 'design');
      const id = await postAsk(plain, AUTHOR, { title: 'Listed only' });
      expect(await askRow(plain, id)).toMatchObject({ card_channel: null, card_ts: null });
      expect(allText(dmsTo(plain, AUTHOR).pop()?.args)).toContain(
        `Your ask “Listed only” (#${id}) is saved. Members see it in \`/alumni asks\`.`,
      );
    } finally {
      await plain.stop();
    }
  });

  it.each([
    ['no kind', { kind: null }, 'ask.kind', 'Choose what it is about.'],
    ['an empty title', { title: '   ' }, 'ask.title', 'Say in one line what you need or offer.'],
    ['a title that is too long', { title: 'x'.repeat(151) }, 'ask.title', 'Keep it under 150 characters.'],
    [
      'details that are too long',
      { details: 'x'.repeat(2001) },
      'ask.details',
      'Keep the details under 2000',
    ],
    ['eleven tags', { tags: 'a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11' }, 'ask.tags', 'Use at most 10 tags.'],
    ['a tag of 51 characters', { tags: 'x'.repeat(51) }, 'ask.tags', 'is longer than 50 characters'],
    ['matching members only without tags', { audience: 'matches' }, 'ask.tags', 'Add at least one tag'],
    ['no audience', { audience: null }, 'ask.audience', 'Choose who may see it.'],
    ['3 days', { days: '3' }, 'ask.days', 'Enter a whole number of days from 7 to 90.'],
    ['120 days', { days: '120' }, 'ask.days', 'from 7 to 90'],
    ['no days', { days: null }, 'ask.days', 'from 7 to 90'],
    ['2.5 days', { days: '2.5' }, 'ask.days', 'from 7 to 90'],
    ['an unknown kind', { kind: 'bribery' }, 'ask.kind', 'Choose what it is about.'],
  ] as const)('%s is shown on its field, and nothing is saved', async (_what, fields, block, words) => {
    const before = await tb.snapshot();
    const response = await submitAsk(tb, AUTHOR, fields);
    expect(response.json).toMatchObject({ response_action: 'errors' });
    const errors = (response.json as { errors: Record<string, string> }).errors;
    expect(errors[block]).toContain(words);
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('errors come in Japanese to a ja-JP member', async () => {
    await member(tb, 'U13JA002', 'design', { locale: 'ja-JP' });
    const response = await submitAsk(tb, 'U13JA002', { title: '', days: '5' });
    expect(response.json).toMatchObject({
      response_action: 'errors',
      errors: {
        'ask.title': '求めていること、提供できることを一行で書いてください。',
        'ask.days': '7〜90 の整数で日数を入力してください。',
      },
    });
  });

  it('a member who has not agreed to the code of conduct cannot post, and nothing is saved', async () => {
    const before = await tb.snapshot();
    const response = await submitAsk(tb, 'U13NOAGR');
    expect(response.json).toMatchObject({ response_action: 'update' });
    expect(allText(response.json)).toContain('press “I agree”');
    expect(await tb.snapshot()).toBe(before);
  });

  it('a replayed submission creates one item, one card and one DM, in a row or at once', async () => {
    for (let i = 0; i < 3; i += 1) await submitAsk(tb, AUTHOR, { title: 'Once only' }, 'ask', 'VASKREPLAY1');
    await Promise.all([0, 1, 2].map(() => submitAsk(tb, AUTHOR, { title: 'At once' }, 'ask', 'VASKREPLAY2')));
    await tb.settle();
    const rows = await tb.rows<{ title: string }>('SELECT title FROM asks ORDER BY id');
    expect(rows.map((row) => row.title)).toEqual(['Once only', 'At once']);
    expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === ASKS_CHANNEL)).toHaveLength(
      2,
    );
    expect(dmsTo(tb, AUTHOR)).toHaveLength(2);
    expect(tb.logs.filter((line) => line.includes('already created ask'))).toHaveLength(4);
  });
});
