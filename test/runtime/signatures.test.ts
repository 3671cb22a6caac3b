/**
 * Every request to /slack/events must carry Slack's signature; anything else is refused with 401
 * before a listener runs: no Web API call, no database change.
 */
import { SIGNING_SECRET, TestBot, allText } from '../support/testBot';
import {
  formEncode,
  postSigned,
  slackSignature,
  type PostSignedOptions,
  type SignedResponse,
} from '../support/signing';
import teamJoinFixture from '../fixtures/payloads/event_team_join.json';
import slashFixture from '../fixtures/payloads/slash_command.json';

let counter = 0;

/** A team_join event for a new user: if it got through, the bot would store the member and DM them. */
function teamJoinBody(user: string): string {
  counter += 1;
  return JSON.stringify({
    ...teamJoinFixture,
    event: { ...teamJoinFixture.event, user: { ...teamJoinFixture.event.user, id: user } },
    event_id: `EvSig${Date.now()}${counter}`,
    event_time: Math.floor(Date.now() / 1000),
  });
}

describe('request signatures', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });

  /** Sends a request that must be refused and checks that it changed nothing anywhere. */
  async function expectRefused(send: () => Promise<SignedResponse>, user: string): Promise<void> {
    await tb.settle();
    const callsBefore = tb.fake.calls.length;
    const before = await tb.snapshot();
    const response = await send();
    await tb.settle();
    expect(response.status).toBe(401);
    expect(tb.fake.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    expect(await tb.snapshot()).toBe(before);
    expect(await tb.rowsMentioning(user)).toEqual([]);
  }

  function post(rawBody: string, options: Partial<PostSignedOptions> = {}): Promise<SignedResponse> {
    return postSigned(tb.eventsUrl, rawBody, {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/json',
      ...options,
    });
  }

  it('accepts a correctly signed request', async () => {
    const response = await tb.command('help', 'U500');
    expect(response.status).toBe(200);
    expect(allText(response.json)).toContain('interests add');
  });

  it('refuses a request signed with another secret', async () => {
    await expectRefused(
      () => post(teamJoinBody('U501'), { signingSecret: 'not-the-signing-secret' }),
      'U501',
    );
  });

  it('refuses a request without signature headers', async () => {
    await expectRefused(() => post(teamJoinBody('U502'), { sign: false }), 'U502');
  });

  it('refuses a request with only a timestamp and no signature', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    await expectRefused(
      () => post(teamJoinBody('U503'), { sign: false, headers: { 'X-Slack-Request-Timestamp': timestamp } }),
      'U503',
    );
  });

  it('refuses a correctly signed request whose timestamp is 6 minutes old (replay)', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    await expectRefused(() => post(teamJoinBody('U504'), { timestamp: sixMinutesAgo }), 'U504');
  });

  it('refuses a body altered after signing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const original = teamJoinBody('U505');
    const altered = original.replace('"U505"', '"U506"');
    expect(altered).not.toBe(original);
    const signature = slackSignature(SIGNING_SECRET, timestamp, original);
    await expectRefused(
      () => post(altered, { timestamp, headers: { 'X-Slack-Signature': signature } }),
      'U506',
    );
    expect(await tb.rowsMentioning('U505')).toEqual([]);
  });

  it('refuses a slash command with a bad signature without answering it', async () => {
    const body = formEncode({
      ...slashFixture,
      user_id: 'U507',
      text: 'help',
      response_url: tb.fake.responseUrl(),
    });
    const responsesBefore = tb.fake.responses.length;
    await expectRefused(
      () => post(body, { contentType: 'application/x-www-form-urlencoded', signingSecret: 'wrong-secret' }),
      'U507',
    );
    expect(tb.fake.responses.length).toBe(responsesBefore);
  });

  it('the same team_join, correctly signed, does get through (the refusals above are not vacuous)', async () => {
    const before = await tb.snapshot();
    const callsBefore = tb.fake.calls.length;
    const response = await post(teamJoinBody('U508'));
    await tb.settle();
    expect(response.status).toBe(200);
    expect(tb.fake.calls.length).toBeGreaterThan(callsBefore);
    expect(await tb.snapshot()).not.toBe(before);
    expect(await tb.rowsMentioning('U508')).not.toEqual([]);
  });

  describe('url_verification', () => {
    const challenge = '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P';
    const body = JSON.stringify({ token: 'verification_token', challenge, type: 'url_verification' });

    it('answers a signed challenge with the challenge', async () => {
      const response = await post(body);
      expect(response.status).toBe(200);
      const json = response.json;
      const answered =
        typeof json === 'object' && json !== null && 'challenge' in json ? json.challenge : response.text;
      expect(answered).toBe(challenge);
    });

    it('refuses an unsigned challenge', async () => {
      const response = await post(body, { sign: false });
      expect(response.status).toBe(401);
      expect(response.text).not.toContain(challenge);
    });
  });

  it('made no request that Slack would reject', () => {
    expect(tb.fake.violations).toEqual([]);
  });
});
