/**
 * Issue 12 §6: words. English plurals, articles and answers; Japanese honorifics, one term for a
 * role posting (求人), 「前向きなこと」, 「回答者はいません」 and Japanese punctuation; the privacy
 * screen names every kind of data the export holds.
 */
import { ADMIN, TestBot, allText } from '../support/testBot';
import { createEvent, pressOnCard } from '../events/support';
import { member } from '../intros/support';

const ORG = 'U3WORG';
const JA = 'U3WJA';

describe('words, in English and Japanese', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    tb.fake.setUser(JA, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('English: "an organizer", "1 place left", "Your answer for “X”: Maybe.", "2 groups"', async () => {
    expect(TestBot.replyText(await tb.command(`role add <@${ORG}|o> organizer`, ADMIN))).toBe(
      `<@${ORG}> is now an organizer.`,
    );
    await tb.agree(ORG);
    const id = await createEvent(tb, ORG, { title: 'Picnic', capacity: '2' });
    await tb.agree('U3WA');
    await pressOnCard(tb, 'event.rsvp.going', 'U3WA', id);
    const card = tb.fake.callsTo('chat.update').pop();
    expect(allText(card?.args)).toContain('1 place left of 2');
    await tb.agree('U3WB');
    await pressOnCard(tb, 'event.rsvp.maybe', 'U3WB', id);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('Your answer for “Picnic”: Maybe.'));
    for (const user of ['U3WC', 'U3WD', 'U3WE', 'U3WF']) await member(tb, user, { interests: 'go' });
    const preview = allText((await tb.command('intros preview', ADMIN)).json);
    expect(preview).toContain('4 members eligible · 2 groups · 0 left out');
  });

  it('Japanese: さん on every name, 求人, 前向きなこと, 回答者はいません, and 、 and : in fallbacks', async () => {
    await tb.command(`role add <@${JA}|ja> organizer`, ADMIN);
    await tb.command(`role add <@${JA}|ja> admin`, ADMIN);
    await tb.command(`role add <@U3WB|b> organizer`, ADMIN);
    await tb.agree(JA);
    const roles = TestBot.replyText(await tb.command('roles', JA));
    expect(roles).toMatch(/<@U3WB> さん、<@U3WJA> さん|<@U3WJA> さん、<@U3WB> さん/);
    for (const user of ['U3WC', 'U3WD']) await member(tb, user, { interests: 'go' });
    const preview = allText((await tb.command('intros preview', JA)).json);
    expect(preview).toContain('<@U3WC> さん、<@U3WD> さん');

    await createEvent(tb, JA, { title: '忘年会' });
    await createEvent(tb, JA, { title: '新年会' });
    const id = await createEvent(tb, JA, { title: '花見' });
    const list = (await tb.command('events', JA)).json as { text?: string };
    expect(list.text).toMatch(/^今後のイベント：.+、.+、.+$/);
    expect(TestBot.replyText(await tb.command(`event attendees ${id}`, JA))).toContain('回答者はいません。');

    const profile = await tb.command('profile', JA);
    expect(profile.status).toBe(200);
    const modal = tb.fake.callsTo('views.open').pop();
    expect(allText(modal?.args.view)).toContain('前向きなこと');
    expect(allText(modal?.args.view)).not.toContain('受け付けていること');

    await tb.command(`role add <@${JA}|ja> hr`, ADMIN);
    const stats = allText((await tb.command('stats', JA)).json);
    expect(stats).toContain('求人');
    expect(stats).not.toContain('ポジション');
  });

  it('the privacy screen names every kind of data the export holds, in both languages', async () => {
    for (const [user, words] of [
      [
        'U3WPEN',
        [
          'profile',
          'interests',
          'open to',
          'roles you granted',
          'code of conduct',
          'language',
          'event answers',
          'announcements',
          'digest',
          'job signals',
          'coffee chats',
          'asks and offers',
          'collaboration channels',
          'study groups',
          'mentoring',
          'reports to moderators',
          'request to join',
          'chapters you joined',
          'proposed as a supporter',
          'intros',
          'reminders',
          'DMs you did not ask for',
          'private channels',
          'messages waiting',
        ],
      ],
      [
        JA,
        [
          'プロフィール',
          '関心タグ',
          '前向きなこと',
          '付与したロール',
          '行動規範',
          '言語',
          'イベントへの回答',
          'お知らせ',
          'ダイジェスト',
          '求人への反応',
          'コーヒーチャット',
          '相談・オファー',
          'コラボチャンネル',
          '勉強会',
          'メンタリング',
          'モデレーターへの報告',
          '参加申請',
          'チャプター',
          'サポーターとして提案した',
          'イントロ',
          'リマインダー',
          '依頼していない DM',
          'プライベートチャンネル',
          '送信待ち',
        ],
      ],
    ] as const) {
      await tb.agree(user);
      const response = await tb.command('privacy', user);
      const opened = tb.fake.callsTo('views.open').pop()?.args.view;
      const screen = `${allText(response.json)}\n${allText(opened)}`;
      for (const word of words) expect(screen).toContain(word);
      // Every part of the export has its words above: its top-level keys and each module's part.
      await tb.command('privacy export', user);
      await tb.fake.waitForCall('files.completeUploadExternal');
      const data = JSON.parse(tb.fake.uploads.pop()?.content.toString('utf8') ?? '{}') as {
        other?: Record<string, unknown>;
      };
      expect(Object.keys(data).sort()).toEqual(
        [
          'exportedAt',
          'interests',
          'language',
          'member',
          'openTo',
          'other',
          'roles',
          'rolesGranted',
          'userId',
        ].sort(),
      );
      expect(Object.keys(data.other ?? {}).sort()).toEqual(
        [
          'announcementsAuthored',
          'asks',
          'chapters',
          'coffeeChats',
          'collaborationChannels',
          'digests',
          'events',
          'intros',
          'jobs',
          'joinRequest',
          'mentoring',
          'privateChannelMemberships',
          'reminders',
          'reports',
          'scheduledMessages',
          'studyGroups',
          'supporterProposals',
          'unsolicitedDmDays',
        ].sort(),
      );
    }
  });
});
