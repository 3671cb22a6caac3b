/**
 * The welcome DM has "I agree" and "Set up my profile" side by side. Until the member agrees,
 * "Set up my profile" opens nothing and a profile form (one opened earlier, or forged) saves
 * nothing, just as `/alumni profile` is refused.
 */
import { profileValues } from '../support/forms';
import { TestBot, allText } from '../support/testBot';

type Json = Record<string, unknown>;

const REFUSAL =
  'Please agree to the code of conduct first: press “I agree” in my welcome message, or run `/alumni profile` to see it. Then you can set up your profile. Nothing was saved.';

describe('the profile waits for the agreement', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('"Set up my profile" in the welcome DM, before "I agree", opens nothing and says what to do', async () => {
    const user = 'U9PRE01';
    await tb.teamJoin(user);
    const before = await tb.snapshot();
    await tb.press('profile.open', user, 'message', 'welcome');
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
    const told = await tb.fake.waitForResponse((response) =>
      allText(response.body).includes('agree to the code of conduct first'),
    );
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: REFUSAL });
    expect(await tb.snapshot()).toBe(before);
  });

  it('a profile form submitted before agreeing is refused on the form and saves nothing', async () => {
    const user = 'U9PRE02';
    await tb.teamJoin(user);
    const before = await tb.snapshot();
    const response = await tb.submit(
      'profile.modal',
      profileValues({ name: 'Mika', interests: 'design', bio: 'Hello' }),
      user,
      '{"origin":"message"}',
    );
    expect(response.json).toEqual({ response_action: 'errors', errors: { 'profile.display_name': REFUSAL } });
    expect(await tb.snapshot()).toBe(before);
    expect(await tb.rowsMentioning('Mika')).toEqual([]);
  });

  it('in Japanese for a ja-JP member', async () => {
    const user = 'U9PREJA';
    tb.fake.setUser(user, { locale: 'ja-JP' });
    await tb.teamJoin(user);
    const response = await tb.submit('profile.modal', profileValues({ name: 'ミカ' }), user);
    expect((response.json as { errors: Record<string, string> }).errors['profile.display_name']).toContain(
      'まず行動規範に同意してください',
    );
  });

  it('/alumni profile is refused the same way', async () => {
    const user = 'U9PRE03';
    const reply = await tb.command('profile', user);
    expect(TestBot.replyText(reply)).toContain('press “I agree”');
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('after "I agree" the same button opens the modal and the profile saves', async () => {
    const user = 'U9PRE04';
    await tb.teamJoin(user);
    await tb.agree(user);
    await tb.press('profile.open', user, 'message', 'agreed');
    const opened = await tb.fake.waitForCall('views.open');
    expect((opened.args.view as Json).callback_id).toBe('profile.modal');
    const response = await tb.submit(
      'profile.modal',
      profileValues({ name: 'Mika' }),
      user,
      '{"origin":"message"}',
    );
    expect((response.json as Json).response_action).toBe('update');
    expect(
      (
        await tb.row<{ display_name: string | null }>(
          'SELECT display_name FROM members WHERE user_id = ?',
          user,
        )
      )?.display_name,
    ).toBe('Mika');
  });
});
