/**
 * The fake Slack's channel changes: conversations.create (Slack's name rules, name_taken),
 * conversations.invite, conversations.archive and pins.add, with the errors the method table lists
 * for each (test/fixtures/web-api-methods.json; errors from slack-ruby/slack-api-ref's method pages).
 */
import { LogLevel, WebClient, type WebAPIPlatformError } from '@slack/web-api';
import { FakeSlack } from '../support/fakeSlack';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await FakeSlack.start();
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
});

function client(): WebClient {
  return new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 0 },
  });
}

async function errorOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as WebAPIPlatformError).data.error;
  }
}

describe('FakeSlack channel changes', () => {
  test('creates a private channel with the bot in it, once per name', async () => {
    const created = await client().conversations.create({ name: 'ask-1-pricing', is_private: true });
    const id = created.channel?.id ?? '';
    expect(created.channel).toMatchObject({ name: 'ask-1-pricing', is_private: true, is_member: true });
    expect(fake.channelNamed('ask-1-pricing')).toBe(id);
    expect(await errorOf(client().conversations.create({ name: 'ask-1-pricing', is_private: true }))).toBe(
      'name_taken',
    );
    expect(fake.violations).toEqual([]);
  });

  test('refuses names Slack refuses, and records the violation', async () => {
    expect(await errorOf(client().conversations.create({ name: 'Ask 1' }))).toBe('invalid_name_specials');
    expect(await errorOf(client().conversations.create({ name: 'a'.repeat(81) }))).toBe(
      'invalid_name_maxlength',
    );
    expect(fake.violations).toHaveLength(2);
  });

  test('invites, archives and pins, with Slack’s errors', async () => {
    const id =
      (await client().conversations.create({ name: 'offer-2-x', is_private: true })).channel?.id ?? '';
    await client().conversations.invite({ channel: id, users: 'U1,U2' });
    expect([...(fake.channel(id)?.members ?? [])]).toEqual(['U1', 'U2']);
    expect(await errorOf(client().conversations.invite({ channel: id, users: 'U1' }))).toBe(
      'already_in_channel',
    );
    expect(await errorOf(client().conversations.invite({ channel: id, users: 'UBOT' }))).toBe(
      'cant_invite_self',
    );
    const { ts = '' } = await client().chat.postMessage({ channel: id, text: 'hello' });
    await client().pins.add({ channel: id, timestamp: ts });
    expect(await errorOf(client().pins.add({ channel: id, timestamp: ts }))).toBe('already_pinned');
    expect(await errorOf(client().pins.add({ channel: id, timestamp: '1.000001' }))).toBe(
      'message_not_found',
    );
    expect([...(fake.channel(id)?.pins ?? [])]).toEqual([ts]);

    await client().conversations.archive({ channel: id });
    expect(fake.channel(id)?.archived).toBe(true);
    expect(await errorOf(client().conversations.archive({ channel: id }))).toBe('already_archived');
    expect(await errorOf(client().chat.postMessage({ channel: id, text: 'late' }))).toBe('is_archived');
    expect(await errorOf(client().conversations.archive({ channel: 'C0NOWHERE' }))).toBe('channel_not_found');
    expect(fake.violations).toEqual([]);
  });

  test('a member’s message and a thread reply show in the history as Slack shows them', async () => {
    const id = (await client().conversations.create({ name: 'ask-3-y', is_private: true })).channel?.id ?? '';
    const parent = fake.memberMessage(id, 'U1', 'first');
    const reply = fake.memberMessage(id, 'U2', 'in the thread', { threadTs: parent });
    const history = await client().conversations.history({ channel: id });
    expect(history.messages).toEqual([
      expect.objectContaining({ user: 'U1', ts: parent, latest_reply: reply, reply_count: 1 }),
    ]);
  });
});
