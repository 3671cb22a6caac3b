import { profileValues, valuesAsShown } from '../support/forms';
import { TestBot } from '../support/testBot';

// The profile form opens filled with what is stored: submitted as it opens, it changes nothing.
describe('/alumni profile: the form shows the profile as saved', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('every field, submitted untouched, saves the same profile', async () => {
    const user = 'U2EDIT01';
    await tb.agree(user);
    const saved = await tb.submit(
      'profile.modal',
      profileValues({
        name: 'Aiko',
        from: '2015',
        to: '2021',
        company: 'Acme',
        title: 'Staff Engineer',
        location: 'Osaka',
        bio: 'Builds payments.',
        interests: 'golang, payments',
        openTo: ['mentoring', 'comeback'],
        visibility: 'staff',
      }),
      user,
    );
    expect((saved.json as { response_action: string }).response_action).toBe('update');
    const stored = async () => ({
      member: await tb.row(
        'SELECT display_name, years_from, years_to, company, title, location, bio, visibility FROM members WHERE user_id = ?',
        user,
      ),
      interests: await tb.rows('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user),
      openTo: await tb.rows('SELECT flag FROM member_availability WHERE user_id = ? ORDER BY flag', user),
    });
    const before = await stored();

    await tb.command('profile', user);
    const opened = (await tb.fake.waitForCall('views.open')).args.view as { blocks: unknown[] };
    const response = await tb.submit('profile.modal', valuesAsShown(opened.blocks), user);

    expect((response.json as { response_action: string }).response_action).toBe('update');
    expect(await stored()).toEqual(before);
    expect(before.interests).toHaveLength(2);
    expect(before.openTo).toHaveLength(2);
  });
});
