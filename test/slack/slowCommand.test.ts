import { formEncode } from '../support/signing';
import { TestBot, allText } from '../support/testBot';
import slashFixture from '../fixtures/payloads/slash_command.json';

/**
 * Slack waits 3 s for a slash command's acknowledgement. A command whose answer takes longer than
 * the bot's budget (here Slack's users.info is slow for a member whose language is not known yet, and
 * the bot waits 1.5 s for it) is acknowledged empty in time, and the answer follows at the response_url.
 */
describe('a slow command', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('is acknowledged empty before Slack gives up, and answered at the response_url', async () => {
    tb.fake.override('users.info', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1800));
      return undefined;
    });
    const responseUrl = tb.fake.responseUrl();
    const body = formEncode({
      ...slashFixture,
      user_id: 'U0SLOW',
      text: 'help',
      response_url: responseUrl,
      trigger_id: 'trig-slow',
    });
    const ack = await tb.post(body, 'application/x-www-form-urlencoded');
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const answer = await tb.fake.waitForResponse((r) => r.path === new URL(responseUrl).pathname);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(allText(answer.body)).toContain('Homecoming: what you can do');
    // Let the slow users.info answer before the fake stops.
    await tb.fake.waitForCall('users.info', (call) => call.status !== 0);
  });

  it('a quick one still answers in the acknowledgement', async () => {
    const reply = await tb.command('help', 'U0QUICK');
    expect(allText(reply.json)).toContain('Homecoming: what you can do');
    expect(tb.fake.responses).toEqual([]);
  });
});
