/** The fake Slack's channels: undeclared ones are public and hold everyone; declared ones answer as Slack would. */
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

describe('FakeSlack channels', () => {
  test('an undeclared channel is public and holds the bot and every user the fake has heard of', async () => {
    fake.setUser('U1', {});
    fake.noteWorkspaceUser('U2');
    const info = await client().conversations.info({ channel: 'C0ANY01' });
    expect(info.channel).toMatchObject({ id: 'C0ANY01', is_private: false, is_member: true });
    const members = await client().conversations.members({ channel: 'C0ANY01' });
    expect(members.members).toEqual(expect.arrayContaining(['UBOT', 'U1', 'U2']));
    expect(fake.violations).toEqual([]);
  });

  test('a declared private channel lists its members page by page, with cursors', async () => {
    const people = Array.from({ length: 5 }, (_, i) => `U${i}00`);
    fake.declareChannel('C0PRIV01', { isPrivate: true, members: people });
    expect((await client().conversations.info({ channel: 'C0PRIV01' })).channel?.is_private).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client().conversations.members({
        channel: 'C0PRIV01',
        limit: 2,
        ...(cursor === undefined ? {} : { cursor }),
      });
      seen.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor;
      pages += 1;
    } while (cursor !== undefined && cursor !== '');
    expect(pages).toBe(3);
    expect(seen).toEqual(['UBOT', ...people]);
    expect(await errorOf(client().conversations.members({ channel: 'C0PRIV01', cursor: 'bogus' }))).toBe(
      'invalid_cursor',
    );
    expect(fake.violations).toEqual([]);
  });

  test('a private channel the bot is not in cannot be read, joined or posted in; members come and go', async () => {
    fake.declareChannel('C0HIDE01', { isPrivate: true, members: ['U1'], botIsMember: false });
    expect(await errorOf(client().conversations.info({ channel: 'C0HIDE01' }))).toBe('channel_not_found');
    expect(await errorOf(client().conversations.members({ channel: 'C0HIDE01' }))).toBe('channel_not_found');
    expect(await errorOf(client().conversations.join({ channel: 'C0HIDE01' }))).toBe('channel_not_found');
    expect(await errorOf(client().chat.postMessage({ channel: 'C0HIDE01', text: 'hi' }))).toBe(
      'channel_not_found',
    );
    fake.addChannelMember('C0HIDE01', 'UBOT');
    fake.addChannelMember('C0HIDE01', 'U2');
    fake.removeChannelMember('C0HIDE01', 'U1');
    expect((await client().conversations.members({ channel: 'C0HIDE01' })).members).toEqual(['UBOT', 'U2']);
    expect((await client().chat.postMessage({ channel: 'C0HIDE01', text: 'hi' })).ok).toBe(true);
  });

  test('a declared public channel the bot is not in answers not_in_channel until it joins', async () => {
    fake.declareChannel('C0PUB01', { isPrivate: false, members: ['U1'], botIsMember: false });
    expect(await errorOf(client().chat.postMessage({ channel: 'C0PUB01', text: 'hi' }))).toBe(
      'not_in_channel',
    );
    await client().conversations.join({ channel: 'C0PUB01' });
    expect((await client().chat.postMessage({ channel: 'C0PUB01', text: 'hi' })).ok).toBe(true);
  });
});
