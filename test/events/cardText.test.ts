/**
 * The top-level `text` of a message is what notifications and screen readers show, and Slack
 * reads it as mrkdwn like the blocks. A title such as `<!channel> Free lunch <https://evil.example|claim>`
 * must ping nobody and hide no link there either: escaped exactly as the blocks escape it.
 */
import { HR, JOBS_CHANNEL, cardCalls as jobCardCalls, postJob, setUpHr } from '../jobs/support';
import type { RecordedCall } from '../support/fakeSlack';
import { ADMIN, TestBot } from '../support/testBot';
import { announceValues } from '../faults/support';
import { keyOf } from '../scheduler/helpers';
import { DAY, cardCalls as eventCardCalls, createEvent } from './support';

type Json = Record<string, unknown>;

const ORGANIZER = 'U9TXTORG';
const MEMBER = 'U9TXTMEM';
const HOSTILE = '<!channel> Free lunch <https://evil.example|claim> & more';
const ESCAPED = '&lt;!channel&gt; Free lunch &lt;https://evil.example|claim&gt; &amp; more';

function textOf(call: RecordedCall | undefined): string {
  const text = call?.args.text;
  if (typeof text !== 'string') throw new Error('no top-level text');
  return text;
}

/** The top-level text carries the title escaped, and nothing Slack would turn into a ping or a link. */
function expectEscaped(text: string): void {
  expect(text).toContain(ESCAPED);
  expect(text).not.toContain('<!channel>');
  expect(text).not.toContain('<https://evil.example');
}

describe('the top-level text of cards and lists is escaped like their blocks', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    await setUpHr(tb);
    await tb.agree(MEMBER);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('an event card, when posted, after an RSVP and once cancelled; the events list and attendees', async () => {
    const id = await createEvent(tb, ORGANIZER, {
      title: HOSTILE,
      startsAt: new Date(tb.clock.now().getTime() + 3 * DAY),
    });
    const posted = (await eventCardCalls(tb, id, 'chat.postMessage'))[0];
    expectEscaped(textOf(posted));

    await tb.press('event.rsvp.going', MEMBER, 'message', String(id));
    const updates = await eventCardCalls(tb, id, 'chat.update');
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expectEscaped(textOf(update));

    expectEscaped(TestBot.replyText(await tb.command('events', MEMBER)));
    expectEscaped(TestBot.replyText(await tb.command(`event attendees ${id}`, ORGANIZER)));

    await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    const cancelled = (await eventCardCalls(tb, id, 'chat.update')).at(-1);
    expect(textOf(cancelled)).toContain('cancelled');
    expectEscaped(textOf(cancelled));
  });

  it('a role card, when posted and once closed; the jobs list', async () => {
    const id = await postJob(tb, { title: HOSTILE });
    expectEscaped(textOf((await jobCardCalls(tb, id, 'chat.postMessage'))[0]));
    expectEscaped(TestBot.replyText(await tb.command('jobs', MEMBER)));
    await tb.commandConfirmed(`job close ${id}`, HR);
    const closed = (await jobCardCalls(tb, id, 'chat.update')).at(-1);
    expect(textOf(closed)).toContain('closed');
    expectEscaped(textOf(closed));
  });

  it('an announcement posts the organizer’s own Slack formatting, the same in its text as in its block', async () => {
    const text = 'Hello *alumni*: see <https://example.com/party|the party page>';
    const response = await tb.submit(
      'announcement.modal',
      announceValues({
        channel: 'C0NEWS1',
        text,
        postAt: new Date(tb.clock.now().getTime() + 60_000),
        repeat: 'none',
      }),
      ORGANIZER,
      '',
    );
    expect((response.json as Json).response_action).toBe('update');
    tb.clock.advance(120_000);
    await tb.tick();
    const post = tb.fake
      .callsTo('chat.postMessage')
      .find((call) => (keyOf(call) ?? '').startsWith('announce:'));
    expect(textOf(post)).toBe(text);
    expect(post?.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text } }]);
  });
});
