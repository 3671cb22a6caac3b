import { profileValues } from '../support/forms';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { record, buttons, actionIds, type Json } from '../support/blocks';
import type { RecordedCall } from '../support/fakeSlack';
import community from '../../content/community.json';
import homeOpenedFixture from '../fixtures/payloads/event_app_home_opened.json';

function publishesFor(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);
}

/** The view of the last views.publish for the member. */
function lastHome(tb: TestBot, user: string): Json {
  const calls = publishesFor(tb, user);
  return record(calls[calls.length - 1]?.args.view);
}

async function interestTags(tb: TestBot, user: string): Promise<string[]> {
  return (
    await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user)
  ).map((row) => row.tag);
}

describe('App Home', () => {
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

  it('shows a member their profile summary, interests and the three buttons', async () => {
    const user = 'U2H0PR';
    await tb.agree(user);
    const saved = await tb.submit(
      'profile.modal',
      profileValues({
        name: 'Aiko',
        from: '2014',
        to: '2020',
        company: 'Acme',
        title: 'Staff Engineer',
        location: 'Osaka',
        bio: 'Builds <things> & more',
        interests: 'Python, tennis',
        openTo: ['mentoring', 'referrals'],
        visibility: 'staff',
      }),
      user,
    );
    expect(record(saved.json).response_action).toBe('update');
    tb.fake.reset();

    const response = await tb.homeOpened(user);
    expect(response.status).toBe(200);
    const calls = publishesFor(tb, user);
    expect(calls).toHaveLength(1);
    expect(tb.fake.callsTo('views.publish')).toHaveLength(1);
    const view = record(calls[0]?.args.view);
    expect(view.type).toBe('home');
    const shown = allText(view.blocks);
    expect(shown).toContain('Welcome back, Aiko');
    expect(shown).toContain('Your profile');
    expect(shown).toContain('At the company 2014–2020');
    expect(shown).toContain('Now: Staff Engineer at Acme');
    expect(shown).toContain('Osaka');
    expect(shown).toContain('Builds &lt;things&gt; &amp; more');
    expect(shown).toContain('Referrals');
    expect(shown).toContain('Mentoring');
    expect(shown).toContain('Visible to: Admins and HR only');
    expect(shown).toContain('Your interests');
    expect(shown).toContain('`python`');
    expect(shown).toContain('`tennis`');
    expect(shown).not.toContain('You are admin');
    expect(actionIds(view.blocks)).toEqual(['profile.open', 'interests.open', 'privacy.open']);
    expect(tb.fake.violations).toEqual([]);
  });

  it('shows a member who has agreed but filled in nothing that the profile is empty', async () => {
    const user = 'U2H0EM';
    await tb.agree(user);
    tb.fake.reset();
    await tb.homeOpened(user);
    const shown = allText(lastHome(tb, user).blocks);
    expect(shown).toContain('Welcome to Homecoming');
    expect(shown).toContain('You have not filled in your profile yet.');
    expect(shown).toContain('You have no interests yet.');
    expect(actionIds(lastHome(tb, user).blocks)).toEqual(['profile.open', 'interests.open', 'privacy.open']);
    expect(tb.fake.violations).toEqual([]);
  });

  it('shows a member who has not agreed the guidelines and an agree button, and nothing else', async () => {
    const user = 'U2H0NA';
    await tb.homeOpened(user);
    const view = lastHome(tb, user);
    const shown = allText(view.blocks);
    expect(shown).toContain('Before you start, please read the community guidelines and agree to them.');
    expect(shown).toContain(community.en.purpose);
    expect(shown).toContain(community.en.eligibility);
    for (const rule of community.en.conduct) expect(shown).toContain(rule);
    expect(actionIds(view.blocks)).toEqual(['onboarding.agree']);
    expect(shown).not.toContain('Your profile');

    // Agreeing from the Home tab republishes it with the member's own view.
    tb.fake.reset();
    await tb.press('onboarding.agree', user, 'home');
    expect(tb.fake.responses).toEqual([]);
    expect(publishesFor(tb, user)).toHaveLength(1);
    expect(actionIds(lastHome(tb, user).blocks)).toEqual(['profile.open', 'interests.open', 'privacy.open']);
    expect(
      (await tb.row<{ agreed_version: string }>('SELECT agreed_version FROM members WHERE user_id = ?', user))
        ?.agreed_version,
    ).toBe(community.version);
    expect(tb.fake.violations).toEqual([]);
  });

  it('tells an admin that they are admin, once they have agreed', async () => {
    await tb.homeOpened(ADMIN);
    expect(actionIds(lastHome(tb, ADMIN).blocks)).toEqual(['onboarding.agree']);
    await tb.agree(ADMIN);
    tb.fake.reset();
    await tb.homeOpened(ADMIN);
    const shown = allText(lastHome(tb, ADMIN).blocks);
    expect(shown).toContain('You are admin. Type `/alumni help` to see what you can manage.');
    expect(tb.fake.violations).toEqual([]);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const user = 'U2H0MS';
    await tb.agree(user);
    tb.fake.reset();
    const response = await tb.event(
      { ...homeOpenedFixture.event, user, tab: 'messages' },
      { fixture: homeOpenedFixture },
    );
    expect(response.status).toBe(200);
    expect(tb.fake.callsTo('views.publish')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('speaks Japanese to a ja-JP member', async () => {
    const user = 'U2H0JA';
    tb.fake.setUser(user, { locale: 'ja-JP' });
    await tb.homeOpened(user);
    const before = allText(lastHome(tb, user).blocks);
    expect(before).toContain('はじめに、コミュニティガイドラインをお読みのうえ同意してください。');
    expect(before).toContain(community.ja.purpose);
    expect(before).not.toContain(community.en.purpose);

    await tb.agree(user);
    await tb.submit(
      'profile.modal',
      profileValues({ name: 'Aiko', interests: 'デザイン' }),
      user,
      '{"origin":"home"}',
    );
    tb.fake.reset();
    await tb.homeOpened(user);
    const view = lastHome(tb, user);
    const shown = allText(view.blocks);
    expect(shown).toContain('おかえりなさい、Aikoさん');
    expect(shown).toContain('関心タグ');
    expect(shown).toContain('`デザイン`');
    expect(shown).toContain('公開範囲：アルムナイ全員');
    const labels = buttons(view.blocks).map((button) => allText(button));
    expect(labels).toEqual(['プロフィールを編集', '関心タグを編集', 'プライバシー']);
    expect(tb.fake.violations).toEqual([]);
  });

  it('"Edit profile" on Home opens the profile modal for Home, and saving it republishes Home', async () => {
    const user = 'U2H0ED';
    await tb.agree(user);
    tb.fake.reset();
    await tb.press('profile.open', user, 'home');
    const opened = tb.fake.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(typeof opened[0]?.args.trigger_id).toBe('string');
    const modal = record(opened[0]?.args.view);
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('profile.modal');
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ origin: 'home' });

    const submitted = await tb.submit(
      'profile.modal',
      profileValues({ name: 'Aiko', visibility: 'all' }),
      user,
      String(modal.private_metadata),
    );
    const ack = record(submitted.json);
    expect(ack.response_action).toBe('update');
    expect(allText(ack.view)).toContain('Your profile is saved.');
    expect(publishesFor(tb, user)).toHaveLength(1);
    expect(allText(lastHome(tb, user).blocks)).toContain('Welcome back, Aiko');
    expect(
      (await tb.row<{ display_name: string }>('SELECT display_name FROM members WHERE user_id = ?', user))
        ?.display_name,
    ).toBe('Aiko');
    expect(tb.fake.violations).toEqual([]);
  });

  it('saving the profile from a command does not publish Home', async () => {
    const user = 'U2H0CM';
    await tb.agree(user);
    tb.fake.reset();
    await tb.submit('profile.modal', profileValues({ name: 'Ren' }), user, '{"origin":"command"}');
    expect(tb.fake.callsTo('views.publish')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('"Edit interests" on Home opens the interests modal, and saving it stores normalised tags and republishes Home', async () => {
    const user = 'U2H0IN';
    await tb.agree(user);
    tb.fake.reset();
    await tb.press('interests.open', user, 'home');
    const opened = tb.fake.callsTo('views.open');
    expect(opened).toHaveLength(1);
    const modal = record(opened[0]?.args.view);
    expect(modal.callback_id).toBe('interests.modal');
    expect(JSON.parse(String(modal.private_metadata))).toEqual({ origin: 'home' });

    const submitted = await tb.submit(
      'interests.modal',
      { 'interests.tags': { value: { type: 'plain_text_input', value: 'Go, golang, Rust' } } },
      user,
      String(modal.private_metadata),
    );
    expect(submitted.status).toBe(200);
    expect(record(submitted.json).response_action).toBeUndefined();
    expect(await interestTags(tb, user)).toEqual(['go', 'rust']);
    expect(publishesFor(tb, user)).toHaveLength(1);
    const shown = allText(lastHome(tb, user).blocks);
    expect(shown).toContain('`go`');
    expect(shown).toContain('`rust`');
    expect(shown).not.toContain('golang');
    expect(tb.fake.violations).toEqual([]);
  });

  it('refuses 31 interests on the field and changes nothing', async () => {
    const user = 'U2H0TM';
    await tb.agree(user);
    await tb.submit(
      'interests.modal',
      { 'interests.tags': { value: { type: 'plain_text_input', value: 'chess' } } },
      user,
      '{"origin":"home"}',
    );
    tb.fake.reset();
    const before = await tb.snapshot();
    const tags = Array.from({ length: 31 }, (_, index) => `tag${index + 1}`).join(', ');
    const submitted = await tb.submit(
      'interests.modal',
      { 'interests.tags': { value: { type: 'plain_text_input', value: tags } } },
      user,
      '{"origin":"home"}',
    );
    const ack = record(submitted.json);
    expect(ack.response_action).toBe('errors');
    const errors = record(ack.errors);
    expect(Object.keys(errors)).toEqual(['interests.tags']);
    expect(String(errors['interests.tags'])).toContain('the limit is 30');
    expect(await tb.snapshot()).toBe(before);
    expect(await interestTags(tb, user)).toEqual(['chess']);
    expect(tb.fake.callsTo('views.publish')).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('"Privacy" on Home opens the privacy modal with export and delete', async () => {
    const user = 'U2H0PV';
    await tb.agree(user);
    tb.fake.reset();
    await tb.press('privacy.open', user, 'home');
    const opened = tb.fake.callsTo('views.open');
    expect(opened).toHaveLength(1);
    const modal = record(opened[0]?.args.view);
    expect(modal.callback_id).toBe('privacy.modal');
    expect(actionIds(modal.blocks)).toEqual(['privacy.export', 'privacy.delete']);
    expect(tb.fake.violations).toEqual([]);
  });
});

describe('interests modal and agreement', () => {
  it('refuses a submission from a member who has not agreed, saving nothing', async () => {
    const tb = await TestBot.start();
    try {
      const before = await tb.snapshot();
      const response = await tb.submit(
        'interests.modal',
        { 'interests.tags': { value: { type: 'plain_text_input', value: 'go, rust' } } },
        'U0NOTAGREED',
        '{"origin":"home"}',
      );
      const ack = response.json as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors['interests.tags']).toContain('I agree');
      expect(await tb.snapshot()).toBe(before);
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});
