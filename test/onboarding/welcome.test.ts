import { isRecord, buttons, actionIds, type Json } from '../support/blocks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot, allText } from '../support/testBot';
import type { RecordedCall } from '../support/fakeSlack';
import community from '../../content/community.json';
import teamJoinFixture from '../fixtures/payloads/event_team_join.json';
import dmFixture from '../fixtures/payloads/event_message_im.json';

function blockTypes(blocks: unknown): unknown[] {
  return Array.isArray(blocks) ? blocks.map((block) => (isRecord(block) ? block.type : undefined)) : [];
}

function welcomesTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === user);
}

interface MemberRow {
  agreed_version: string | null;
  agreed_at: string | null;
  welcomed_at: string | null;
}

async function memberRow(tb: TestBot, user: string): Promise<MemberRow | undefined> {
  return await tb.row<MemberRow>(
    'SELECT agreed_version, agreed_at, welcomed_at FROM members WHERE user_id = ?',
    user,
  );
}

function teamJoinEvent(user: string): Json {
  return { ...teamJoinFixture.event, user: { ...teamJoinFixture.event.user, id: user } };
}

function dmEvent(user: string, text: string): Json {
  return { ...dmFixture.event, user, text, channel: `D${user}`, ts: `${Date.now() / 1000}` };
}

const en = community.en;
const ja = community.ja;

describe('onboarding: the welcome', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { COMMUNITY_CHANNEL_ID: 'C0COMMUNITY' } });
  });
  afterAll(async () => {
    await tb.stop();
  });
  beforeEach(() => {
    tb.fake.reset();
  });

  it('DMs a newcomer the welcome in English: header, purpose, eligibility, conduct and both buttons', async () => {
    const response = await tb.teamJoin('U1W0EN');
    expect(response.status).toBe(200);
    const calls = welcomesTo(tb, 'U1W0EN');
    expect(calls).toHaveLength(1);
    const args = calls[0]?.args ?? {};
    expect(typeof args.text).toBe('string');
    expect(args.text).toContain(`Welcome to ${en.name}`);
    const blocks = args.blocks;
    expect(blockTypes(blocks)[0]).toBe('header');
    const text = allText(blocks);
    expect(text).toContain(`Welcome to ${en.name}!`);
    expect(text).toContain(en.purpose);
    expect(text).toContain(en.eligibility);
    for (const rule of en.conduct) expect(text).toContain(rule);
    expect(text).toContain('Code of conduct');
    expect(actionIds(blocks)).toEqual(['onboarding.agree', 'profile.open']);
    const agree = buttons(blocks).find((button) => button.action_id === 'onboarding.agree');
    expect(allText(agree)).toBe('I agree');
    const profile = buttons(blocks).find((button) => button.action_id === 'profile.open');
    expect(allText(profile)).toBe('Set up my profile');
    expect((await memberRow(tb, 'U1W0EN'))?.welcomed_at).toBe(tb.clock.now().toISOString());
    expect(tb.fake.violations).toEqual([]);
  });

  it('welcomes a ja-JP newcomer in Japanese', async () => {
    tb.fake.setUser('U1W0JA', { locale: 'ja-JP' });
    await tb.teamJoin('U1W0JA');
    const calls = welcomesTo(tb, 'U1W0JA');
    expect(calls).toHaveLength(1);
    const args = calls[0]?.args ?? {};
    expect(args.text).toContain(`${ja.name}へようこそ`);
    const text = allText(args.blocks);
    expect(text).toContain(ja.purpose);
    expect(text).toContain(ja.eligibility);
    for (const rule of ja.conduct) expect(text).toContain(rule);
    expect(text).toContain('行動規範');
    expect(text).not.toContain(en.purpose);
    expect(actionIds(args.blocks)).toEqual(['onboarding.agree', 'profile.open']);
    const agree = buttons(args.blocks).find((button) => button.action_id === 'onboarding.agree');
    expect(allText(agree)).toBe('同意する');
    expect(tb.fake.violations).toEqual([]);
  });

  it('sends nothing when the joining user is a bot', async () => {
    await tb.teamJoin('U1W0BT', { is_bot: true });
    expect(tb.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(await tb.rowsMentioning('U1W0BT')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('welcomes a member who joins the community channel, and not one who joins another channel', async () => {
    await tb.joinedChannel('U1W0CH', 'C0COMMUNITY');
    expect(welcomesTo(tb, 'U1W0CH')).toHaveLength(1);
    expect(allText(welcomesTo(tb, 'U1W0CH')[0]?.args.blocks)).toContain(en.purpose);

    await tb.joinedChannel('U1W0OT', 'C0ELSEWHERE');
    expect(welcomesTo(tb, 'U1W0OT')).toEqual([]);
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(tb.fake.violations).toEqual([]);
  });

  it('welcomes a member once when they join the workspace and then the community channel', async () => {
    await tb.teamJoin('U1W0TW');
    await tb.joinedChannel('U1W0TW', 'C0COMMUNITY');
    await tb.teamJoin('U1W0TW');
    expect(welcomesTo(tb, 'U1W0TW')).toHaveLength(1);
    expect(tb.fake.violations).toEqual([]);
  });

  it('welcomes once when the workspace and channel joins arrive at the same time', async () => {
    await Promise.all([
      tb.teamJoin('U1W0PA'),
      tb.joinedChannel('U1W0PA', 'C0COMMUNITY'),
      tb.teamJoin('U1W0PA'),
    ]);
    await tb.settle();
    expect(welcomesTo(tb, 'U1W0PA')).toHaveLength(1);
    expect(tb.fake.violations).toEqual([]);
  });

  it('sends nothing for a deactivated user, nor when the bot itself joins the community channel', async () => {
    await tb.teamJoin('U1W0DL', { deleted: true });
    await tb.joinedChannel('UBOT', 'C0COMMUNITY');
    expect(tb.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('tries again on a later join event when the welcome could not be posted', async () => {
    tb.fake.override('chat.postMessage', (_args, index) =>
      index === 0 ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
    );
    await tb.teamJoin('U1W0FL');
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await memberRow(tb, 'U1W0FL'))?.welcomed_at).toBeNull();
    await tb.joinedChannel('U1W0FL', 'C0COMMUNITY');
    const calls = welcomesTo(tb, 'U1W0FL');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.response).toMatchObject({ ok: true });
    expect((await memberRow(tb, 'U1W0FL'))?.welcomed_at).toBe(tb.clock.now().toISOString());
    expect(tb.fake.violations).toEqual([]);
  });

  it('handles a retry whose first delivery never reached us', async () => {
    await tb.event(teamJoinEvent('U1W0MS'), { eventId: 'Ev0MISSED1', retryNum: 1, fixture: teamJoinFixture });
    expect(welcomesTo(tb, 'U1W0MS')).toHaveLength(1);
    expect(tb.fake.violations).toEqual([]);
  });

  it('handles a duplicate delivery of the same event_id (a Slack retry) once', async () => {
    const eventId = 'Ev0DUPWELCOME1';
    const first = await tb.event(teamJoinEvent('U1W0DP'), { eventId, fixture: teamJoinFixture });
    const retry = await tb.event(teamJoinEvent('U1W0DP'), { eventId, retryNum: 1, fixture: teamJoinFixture });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(welcomesTo(tb, 'U1W0DP')).toHaveLength(1);
    expect(tb.fake.violations).toEqual([]);
  });

  it('ignores a Slack retry of a DM command whose first delivery was already handled', async () => {
    await tb.agree('U1W0RT');
    tb.fake.reset();
    const eventId = 'Ev0DUPDM1';
    await tb.event(dmEvent('U1W0RT', 'interests add chess'), { eventId });
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);
    const before = await tb.snapshot();
    await tb.event(dmEvent('U1W0RT', 'interests add chess'), { eventId, retryNum: 1 });
    await tb.event(dmEvent('U1W0RT', 'interests add chess'), { eventId, retryNum: 2 });
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.violations).toEqual([]);
  });

  it('does not welcome again a member who already agreed', async () => {
    await tb.agree('U1W0AG');
    tb.fake.reset();
    await tb.teamJoin('U1W0AG');
    await tb.joinedChannel('U1W0AG', 'C0COMMUNITY');
    expect(tb.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });
});

describe('onboarding: agreeing to the charter', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });
  beforeEach(() => {
    tb.fake.reset();
  });

  it('"I agree" replaces the welcome with thanks and records the version and time', async () => {
    await tb.teamJoin('U1A2B3');
    expect((await memberRow(tb, 'U1A2B3'))?.agreed_version).toBeNull();
    tb.clock.advance(90_000);
    const response = await tb.press('onboarding.agree', 'U1A2B3');
    expect(response.status).toBe(200);
    expect(tb.fake.responses).toHaveLength(1);
    const body = tb.fake.responses[0]?.body ?? {};
    expect(body.replace_original).toBe(true);
    expect(body.text).toBe('Thank you for agreeing to the code of conduct.');
    expect(allText(body.blocks)).toContain('Thank you! You agreed to the code of conduct on');
    expect(actionIds(body.blocks)).toEqual(['profile.open']);
    const row = await memberRow(tb, 'U1A2B3');
    expect(row?.agreed_version).toBe(community.version);
    expect(row?.agreed_at).toBe(tb.clock.now().toISOString());
    expect(tb.fake.violations).toEqual([]);
  });

  it('thanks a ja-JP member in Japanese', async () => {
    tb.fake.setUser('U1A2J4', { locale: 'ja-JP' });
    await tb.press('onboarding.agree', 'U1A2J4');
    const body = tb.fake.responses[0]?.body ?? {};
    expect(body.replace_original).toBe(true);
    expect(body.text).toBe('行動規範へのご同意ありがとうございます。');
    expect((await memberRow(tb, 'U1A2J4'))?.agreed_version).toBe(community.version);
    expect(tb.fake.violations).toEqual([]);
  });

  it('before agreeing, a command asks for the agreement and saves nothing; help and privacy export still work', async () => {
    const user = 'U1A2C5';
    await tb.teamJoin(user);
    // The first command of a member caches their locale; take the snapshot after it.
    const help = await tb.command('help', user);
    expect(TestBot.replyText(help)).toContain('Homecoming: what you can do');
    expect(allText(help.json)).toContain('interests add');

    const before = await tb.snapshot();
    const refused = await tb.command('interests add x', user);
    expect(TestBot.replyText(refused)).toBe(
      'Before you use Homecoming, please read the community guidelines below and press “I agree”. Then run your command again.',
    );
    expect(allText(refused.json)).toContain(en.purpose);
    expect(allText(refused.json)).toContain(en.conduct[0]);
    expect(actionIds(refused.json)).toEqual(['onboarding.agree']);
    expect(await tb.snapshot()).toBe(before);
    expect(await tb.rows('SELECT * FROM member_interests WHERE user_id = ?', user)).toEqual([]);

    const exported = await tb.command('privacy export', user);
    expect(TestBot.replyText(exported)).toContain('Preparing your data export');
    expect(tb.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(tb.fake.responses.map((r) => r.body.text)).toContain(
      'Your data export is in your direct messages with me.',
    );

    await tb.press('onboarding.agree', user);
    const accepted = await tb.command('interests add x', user);
    expect(TestBot.replyText(accepted)).toContain('Added: `x`');
    expect(
      await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ?', user),
    ).toEqual([{ tag: 'x' }]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('asks for the agreement in Japanese before a ja-JP member has agreed', async () => {
    const user = 'U1A2J6';
    tb.fake.setUser(user, { locale: 'ja-JP' });
    const refused = await tb.command('interests add x', user);
    expect(TestBot.replyText(refused)).toContain('同意する');
    expect(allText(refused.json)).toContain(ja.purpose);
    expect(actionIds(refused.json)).toEqual(['onboarding.agree']);
    expect(await tb.rows('SELECT * FROM member_interests WHERE user_id = ?', user)).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('asks a member to agree again after the guidelines changed', async () => {
    const user = 'U1A2V7';
    await tb.press('onboarding.agree', user);
    await tb.run("UPDATE members SET agreed_version = 'old' WHERE user_id = ?", user);
    const before = await tb.snapshot();
    const refused = await tb.command('interests add x', user);
    expect(TestBot.replyText(refused)).toBe(
      'The community guidelines have changed since you last agreed. Please read them and agree again.',
    );
    expect(allText(refused.json)).toContain(en.purpose);
    expect(actionIds(refused.json)).toEqual(['onboarding.agree']);
    expect(await tb.snapshot()).toBe(before);

    tb.clock.advance(60_000);
    await tb.press('onboarding.agree', user);
    const row = await memberRow(tb, user);
    expect(row?.agreed_version).toBe(community.version);
    expect(row?.agreed_at).toBe(tb.clock.now().toISOString());
    const accepted = await tb.command('interests add x', user);
    expect(TestBot.replyText(accepted)).toContain('Added: `x`');
    expect(tb.fake.violations).toEqual([]);
  });
});

describe('onboarding: a new version of the guidelines file', () => {
  it('asks members who agreed to the old version to agree again, from a restarted bot reading COMMUNITY_TEXT_PATH', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-charter-'));
    const databasePath = path.join(dir, 'alumni.sqlite');
    const textPath = path.join(dir, 'community.json');
    fs.writeFileSync(textPath, JSON.stringify({ ...community, version: '2027-01-01' }), 'utf8');
    const user = 'U1A2N8';
    try {
      const first = await TestBot.start({ env: { DATABASE_PATH: databasePath } });
      try {
        await first.press('onboarding.agree', user);
        const accepted = await first.command('interests add chess', user);
        expect(TestBot.replyText(accepted)).toContain('Added: `chess`');
        expect(first.fake.violations).toEqual([]);
      } finally {
        await first.stop();
      }

      const second = await TestBot.start({
        env: { DATABASE_PATH: databasePath, COMMUNITY_TEXT_PATH: textPath },
      });
      try {
        const refused = await second.command('interests add go', user);
        expect(TestBot.replyText(refused)).toBe(
          'The community guidelines have changed since you last agreed. Please read them and agree again.',
        );
        expect(actionIds(refused.json)).toEqual(['onboarding.agree']);
        await second.press('onboarding.agree', user);
        expect((await memberRow(second, user))?.agreed_version).toBe('2027-01-01');
        const accepted = await second.command('interests add go', user);
        expect(TestBot.replyText(accepted)).toContain('Added: `go`');
        expect(second.fake.violations).toEqual([]);
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
