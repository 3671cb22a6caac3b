import { TestBot, allText } from '../support/testBot';

describe('/alumni and DMs: help, unknown commands, the same verbs in a DM', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('help (and an empty command) lists what a member can do, without admin verbs', async () => {
    for (const text of ['help', '', '   ']) {
      const response = await tb.command(text, 'U5CMD01');
      const body = allText(response.json);
      expect(body).toContain('interests add');
      expect(body).toContain('privacy export');
      expect(body).not.toContain('role add');
    }
  });

  it('help shows admins their extra verbs and roles', async () => {
    const response = await tb.command('help', 'UADMIN01');
    const body = allText(response.json);
    expect(body).toContain('role add');
    expect(body).toContain('Your roles: admin');
  });

  it('help in Japanese for a ja-JP member', async () => {
    tb.fake.setUser('U5CMDJA', { locale: 'ja-JP' });
    const response = await tb.command('help', 'U5CMDJA');
    expect(allText(response.json)).toContain('Homecoming でできること');
  });

  it('falls back to DEFAULT_LOCALE when Slack gives no usable locale', async () => {
    const ja = await TestBot.start({ env: { DEFAULT_LOCALE: 'ja' } });
    try {
      ja.fake.setUser('U5CMDFR', { locale: 'fr-FR' });
      const response = await ja.command('help', 'U5CMDFR');
      expect(allText(response.json)).toContain('Homecoming でできること');
    } finally {
      await ja.stop();
    }
  });

  it('caches the locale: one users.info per member', async () => {
    await tb.command('help', 'U5CMDC');
    await tb.command('help', 'U5CMDC');
    const lookups = tb.fake.callsTo('users.info').filter((call) => call.args.user === 'U5CMDC');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.args.include_locale).toBe('true');
  });

  it.each(['frobnicate', 'DROP TABLE members;', '<@U123|x>', '🎉🎉', 'ｈｅｌｐｘ', '\u0007frob\u0000'])(
    'an unknown command (%j) gets an ephemeral message with the usage and changes nothing',
    async (text) => {
      const before = await tb.snapshot();
      const response = await tb.command(text, 'U5CMD01');
      expect(response.status).toBe(200);
      const json = response.json as { response_type: string };
      expect(json.response_type).toBe('ephemeral');
      const body = allText(response.json);
      expect(body).toContain("I don't know the command");
      expect(body).toContain('interests add');
      expect(await tb.snapshot()).toBe(before);
    },
  );

  it('a DM with a verb runs it and replies in the DM', async () => {
    await tb.agree('U5CMDDM');
    await tb.dm('interests add chess, go', 'U5CMDDM');
    const reply = await tb.fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'DU5CMDDM');
    expect(String(reply.args.text)).toContain('Added');
    const tags = await tb.rows("SELECT tag FROM member_interests WHERE user_id = 'U5CMDDM' ORDER BY tag");
    expect(tags).toEqual([{ tag: 'chess' }, { tag: 'go' }]);
  });

  it('a DM starting with /alumni is understood too; an unknown DM gets the usage', async () => {
    await tb.dm('/alumni interests', 'U5CMDDM');
    await tb.fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === 'DU5CMDDM' && String(call.args.text).includes('Your interests'),
    );
    await tb.dm('what is this?', 'U5CMDDM');
    await tb.fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === 'DU5CMDDM' && allText(call.args).includes("I don't know the command"),
    );
  });

  it('ignores messages from bots and edits in the DM', async () => {
    const before = tb.fake.callsTo('chat.postMessage').length;
    await tb.event({
      type: 'message',
      subtype: 'bot_message',
      bot_id: 'BOTHER',
      text: 'help',
      channel: 'DU5CMDDM',
      channel_type: 'im',
      ts: '1.2',
    });
    await tb.event({
      type: 'message',
      subtype: 'message_changed',
      channel: 'DU5CMDDM',
      channel_type: 'im',
      ts: '1.3',
      message: { text: 'help' },
    });
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('tells the member when something breaks on our side, with a reference, and logs it', async () => {
    tb.fake.override('views.open', () => ({ body: { ok: false, error: 'internal_error' } }));
    await tb.agree('U5CMDERR');
    await tb.command('profile', 'U5CMDERR');
    const reply = await tb.fake.waitForResponse((r) => allText(r.body).includes('something went wrong'));
    const ref = /ref ([0-9a-f]{6})/.exec(allText(reply.body))?.[1];
    expect(ref).toBeDefined();
    expect(tb.logs.some((line) => line.includes(`ref ${ref ?? ''}`))).toBe(true);
    tb.fake.reset();
  });

  it('never writes a token to the log', () => {
    expect(tb.logs.join('\n')).not.toContain('xoxb-test-token');
  });
});
