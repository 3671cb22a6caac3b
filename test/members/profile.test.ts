import { profileValues } from '../support/forms';
import { TestBot } from '../support/testBot';

describe('/alumni profile', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('opens the profile modal with the trigger id, prefilled with what is stored', async () => {
    const user = 'U2PRO01';
    await tb.agree(user);
    await tb.command('interests add design', user);
    const response = await tb.command('profile', user);
    expect(response.status).toBe(200);
    const call = await tb.fake.waitForCall('views.open', (c) =>
      String(c.args.trigger_id).startsWith(`trig-${user}`),
    );
    const view = call.args.view as {
      callback_id: string;
      blocks: { block_id: string; element?: { initial_value?: string } }[];
    };
    expect(view.callback_id).toBe('profile.modal');
    const interests = view.blocks.find((b) => b.block_id === 'profile.interests');
    expect(interests?.element?.initial_value).toBe('design');
  });

  it('saves a valid submission and shows a confirmation', async () => {
    const user = 'U2PRO02';
    await tb.agree(user);
    const response = await tb.submit(
      'profile.modal',
      profileValues({
        name: 'Aiko',
        from: '2015',
        to: '2021',
        company: 'Acme',
        title: 'Staff Engineer',
        location: 'Osaka',
        bio: 'Builds payments.',
        interests: 'Go, golang, payments',
        openTo: ['mentoring', 'comeback'],
        visibility: 'staff',
      }),
      user,
    );
    expect(response.status).toBe(200);
    const ack = response.json as { response_action: string; view: { title: { text: string } } };
    expect(ack.response_action).toBe('update');
    expect(ack.view.title.text).toBe('Profile saved');
    const row = await tb.row(
      'SELECT display_name, years_from, years_to, company, title, location, bio, visibility FROM members WHERE user_id = ?',
      user,
    );
    expect(row).toEqual({
      display_name: 'Aiko',
      years_from: 2015,
      years_to: 2021,
      company: 'Acme',
      title: 'Staff Engineer',
      location: 'Osaka',
      bio: 'Builds payments.',
      visibility: 'staff',
    });
    const tags = await tb.rows('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user);
    expect(tags).toEqual([{ tag: 'go' }, { tag: 'payments' }]);
    const flags = await tb.rows('SELECT flag FROM member_availability WHERE user_id = ? ORDER BY flag', user);
    expect(flags).toEqual([{ flag: 'comeback' }, { flag: 'mentoring' }]);
  });

  describe('bad submissions: errors on the field, nothing saved', () => {
    const user = 'U2PROBAD';
    beforeAll(async () => {
      await tb.agree(user);
    });

    it.each([
      ['left before joining', { from: '2020', to: '2018' }, 'profile.years_to', 'cannot be before'],
      ['a year in the future', { from: '2031' }, 'profile.years_from', 'between 1950 and 2026'],
      ['not a year', { from: '20x5' }, 'profile.years_from', 'four-digit year'],
      ['a bio that is too long', { bio: 'b'.repeat(501) }, 'profile.bio', 'under 500'],
      [
        'a tag that is too long',
        { interests: `ok, ${'t'.repeat(51)}` },
        'profile.interests',
        'longer than 50',
      ],
      ['a forged visibility', { visibility: 'everyone' }, 'profile.visibility', 'Choose one'],
      ['a forged open-to flag', { openTo: ['bribes'] }, 'profile.open_to', 'Choose one'],
    ])('%s', async (_name, fields, block, message) => {
      const before = await tb.snapshot();
      const response = await tb.submit('profile.modal', profileValues({ name: 'X', ...fields }), user);
      const ack = response.json as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors[block]).toContain(message);
      expect(await tb.snapshot()).toBe(before);
    });

    it('reports field errors in Japanese for a ja-JP member', async () => {
      tb.fake.setUser('U2PROJA', { locale: 'ja-JP' });
      await tb.agree('U2PROJA');
      const response = await tb.submit(
        'profile.modal',
        profileValues({ from: '2020', to: '2010' }),
        'U2PROJA',
      );
      const ack = response.json as { errors: Record<string, string> };
      expect(ack.errors['profile.years_to']).toContain('入社した年より前');
    });
  });

  it('in a DM offers a button, since a DM has no trigger id', async () => {
    const user = 'U2PRODM';
    await tb.agree(user);
    await tb.dm('profile', user);
    const post = await tb.fake.waitForCall('chat.postMessage', (c) => c.args.channel === `D${user}`);
    expect(JSON.stringify(post.args.blocks)).toContain('profile.open');
  });
});
