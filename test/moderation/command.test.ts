import { TestBot, allText } from '../support/testBot';
import { buttons } from '../support/blocks';
import {
  ENV,
  GENERAL,
  cardCalls,
  cardText,
  linkTo,
  messageBy,
  openedView,
  reportRows,
  reportValues,
} from './support';

// Issue 14 §2: `/alumni report` works in a DM, where nobody sees it typed. Without a link it opens the
// form with a field for the message's link; a bad link is refused clearly (in the reply, or on the
// field) and nothing is saved. In a channel it points to a DM or the shortcut.

const REPORTER = 'U14CMDR1';
const AUTHOR = 'U14CMDA1';
const DM = { channel_id: 'D0REPORT1', channel_name: 'directmessage' };

describe('/alumni report', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('in a DM without a link: the form asks for the link; a bad one is a field error, a good one makes the report', async () => {
    const message = messageBy(tb, AUTHOR);
    await tb.command('report', REPORTER, DM);
    const form = openedView(tb);
    expect(form.callback_id).toBe('report.modal');
    expect(allText(form)).toContain('Link to the message');
    const before = await tb.snapshot();

    const bad = await tb.submit(
      'report.modal',
      reportValues({ link: 'https://example.com/not-slack' }, true),
      REPORTER,
      form.private_metadata,
    );
    expect(bad.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(bad.json)).toContain('not a link to a Slack message');
    const empty = await tb.submit(
      'report.modal',
      reportValues({ link: null, reason: null }, true),
      REPORTER,
      form.private_metadata,
    );
    expect(Object.keys((empty.json as { errors: object }).errors).sort()).toEqual([
      'report.link',
      'report.reason',
    ]);
    expect(await tb.snapshot()).toBe(before);
    expect(cardCalls(tb)).toEqual([]);

    const good = await tb.submit(
      'report.modal',
      reportValues({ link: linkTo(message), reason: 'other', note: 'spam' }, true),
      REPORTER,
      form.private_metadata,
    );
    expect(allText(good.json)).toContain('Your report was sent');
    // The author is read from the channel's history, so the moderators can remind them.
    expect(await reportRows(tb)).toMatchObject([
      {
        reporter_id: REPORTER,
        channel_id: GENERAL,
        message_ts: message.ts,
        author_id: AUTHOR,
        reason: 'other',
      },
    ]);
    expect(cardText(tb)).toContain(`<@${AUTHOR}>`);
  });

  it('in a DM with a good link: the form opens with the link filled in', async () => {
    const message = messageBy(tb, AUTHOR);
    // A slash command with should_escape sends links in angle brackets.
    await tb.command(`report <${linkTo(message)}>`, REPORTER, DM);
    const form = openedView(tb);
    expect(JSON.stringify(form.blocks)).toContain(`"initial_value":"${linkTo(message)}"`);
  });

  it('in a DM with a bad link: a clear reply, no form, nothing saved', async () => {
    const before = await tb.snapshot();
    const reply = allText((await tb.command('report https://example.com/x', REPORTER, DM)).json);
    expect(reply).toContain('not a link to a Slack message');
    expect(reply).toContain('Copy link');
    expect(tb.fake.callsTo('views.open')).toEqual([]);
    expect(await tb.snapshot()).toBe(before);
  });

  it('in a channel: answers ephemerally that it works in a DM or with the shortcut, in the member’s language', async () => {
    expect(allText((await tb.command('report', REPORTER)).json)).toContain('direct messages');
    tb.fake.setUser('U14CMDJA', { locale: 'ja-JP' });
    expect(allText((await tb.command('報告', 'U14CMDJA')).json)).toContain('ダイレクトメッセージ');
    expect(tb.fake.callsTo('views.open')).toEqual([]);
  });

  it('typed to the bot in its DM: a button opens the form, with the link given', async () => {
    const message = messageBy(tb, AUTHOR);
    await tb.dm(`report <${linkTo(message)}>`, REPORTER);
    const dm = tb.fake.callsTo('chat.postMessage').at(-1);
    const [open] = buttons(dm?.args.blocks);
    expect(open).toMatchObject({ action_id: 'report.open', value: linkTo(message) });
    await tb.press('report.open', REPORTER, 'message', String(open?.value));
    expect(JSON.stringify(openedView(tb).blocks)).toContain(linkTo(message));
    expect(await reportRows(tb)).toEqual([]);
  });
});
