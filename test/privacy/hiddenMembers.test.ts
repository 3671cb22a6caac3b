import { ADMIN, TestBot, allText } from '../support/testBot';
import { profileValues } from '../support/forms';
import { HR, JOBS_CHANNEL, postJob, setUpHr } from '../jobs/support';
import { createEvent, lastCardText, pressOnCard } from '../events/support';

// Issue 9 §2: a member who chose "nobody" or "admins and HR only" is never named, listed or counted
// alone through another door: `stats csv`, the attendee list and its CSV, the event card, `stats`.

const ORGANIZER = 'U9HORG1';
const VISIBLE = 'U9HVIS1';
const STAFF_ONLY = 'U9HSTF1';
const HIDDEN = 'U9HHID1';

type Visibility = 'all' | 'staff' | 'nobody';

async function member(
  tb: TestBot,
  user: string,
  name: string,
  visibility: Visibility,
  interests = 'go',
): Promise<void> {
  await tb.agree(user);
  const saved = await tb.submit(
    'profile.modal',
    profileValues({ name, from: '2015', title: `${name} title`, interests, visibility }),
    user,
  );
  if (saved.status !== 200) throw new Error(`profile not saved for ${user}`);
}

/** The uploaded files of this run, by file name, as text without the byte-order mark. */
function uploadedFiles(tb: TestBot): Map<string, string> {
  const names = tb.fake.callsTo('files.getUploadURLExternal').map((call) => String(call.args.filename));
  return new Map(
    tb.fake.uploads.map((upload, i) => [
      names[i] ?? '',
      upload.content.toString('utf8').replace(/^\uFEFF/, ''),
    ]),
  );
}

/** Rows of a CSV whose cells are all quoted (as ours are): enough for ids and numbers. */
function csvRows(content: string): string[][] {
  return content
    .trim()
    .split('\r\n')
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

describe('hidden members stay hidden', () => {
  let tb: TestBot;
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  describe('stats csv', () => {
    beforeEach(async () => {
      tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
      await setUpHr(tb);
      await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
      await member(tb, ORGANIZER, 'Olga Organizer', 'all');
      await member(tb, VISIBLE, 'Vera Visible', 'all');
      await member(tb, STAFF_ONLY, 'Saki Staff', 'staff');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody');
      const job = await postJob(tb, { title: 'Go engineer', tags: 'go' });
      const event = await createEvent(tb, ORGANIZER, { title: 'Go meetup' });
      for (const user of [VISIBLE, STAFF_ONLY, HIDDEN]) {
        await tb.press('job.curious', user, 'message', String(job));
        await tb.press('job.apply', user, 'message', String(job));
        await pressOnCard(tb, 'event.rsvp.going', user, event);
      }
      tb.fake.reset();
    });

    it('HR gets job signals only for members whose profile HR may see; a member who chose nobody is not listed', async () => {
      await tb.command('stats csv', HR);
      await tb.fake.waitForResponse((r) => allText(r.body).includes('two CSV files'));
      const files = uploadedFiles(tb);
      expect([...files.keys()]).toEqual([
        'comeback-funnel-2026-11-24.csv',
        'member-engagement-2026-11-24.csv',
      ]);
      const rows = csvRows(files.get('member-engagement-2026-11-24.csv') ?? '');
      expect(rows[0]).toEqual([
        'user_id',
        'agreed_at',
        'agreed_version',
        'profile_complete',
        'interests',
        'last_active_at',
        'rsvps',
        'curious',
        'apply_clicks',
        'digest_frequency',
      ]);
      const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
      expect(byId.get(VISIBLE)?.slice(6, 9)).toEqual(['1', '1', '1']);
      expect(byId.get(STAFF_ONLY)?.slice(6, 9)).toEqual(['1', '1', '1']);
      expect(byId.has(HIDDEN)).toBe(false);
      expect([...files.values()].join()).not.toContain(HIDDEN);
    });

    it('an organizer who is not HR gets event engagement only, of members visible to all', async () => {
      const response = await tb.command('stats csv', ORGANIZER);
      expect(response.status).toBe(200);
      const reply = await tb.fake.waitForResponse((r) => allText(r.body).includes('CSV file'));
      expect(reply.body.text).toBe(
        'I sent you a CSV file in our direct message: event engagement of the members whose profile is visible to all alumni. The comeback funnel and members’ job signals are for HR and admins.',
      );
      const files = uploadedFiles(tb);
      expect([...files.keys()]).toEqual(['event-engagement-2026-11-24.csv']);
      const rows = csvRows(files.get('event-engagement-2026-11-24.csv') ?? '');
      expect(rows[0]).toEqual([
        'user_id',
        'agreed_at',
        'agreed_version',
        'profile_complete',
        'interests',
        'last_active_at',
        'rsvps',
        'digest_frequency',
      ]);
      const ids = rows.slice(1).map((row) => row[0]);
      expect(ids).toContain(VISIBLE);
      expect(ids).not.toContain(STAFF_ONLY);
      expect(ids).not.toContain(HIDDEN);
      expect(rows.find((row) => row[0] === VISIBLE)?.[6]).toBe('1');
    });

    it('says so in Japanese to a Japanese organizer', async () => {
      const organizer = 'U9HORGJ';
      tb.fake.setUser(organizer, { locale: 'ja-JP' });
      await tb.command(`role add <@${organizer}|o> organizer`, ADMIN);
      await tb.agree(organizer);
      await tb.command('stats csv', organizer);
      const reply = await tb.fake.waitForResponse((r) => allText(r.body).includes('CSV'));
      expect(reply.body.text).toBe(
        'ダイレクトメッセージに CSV ファイルを送りました：プロフィールを全員に公開しているメンバーのイベント参加状況です。再入社ファネルとメンバーごとの求人への反応は、人事と管理者だけが受け取れます。',
      );
      expect(JSON.stringify(tb.fake.callsTo('files.completeUploadExternal')[0]?.args.files)).toContain(
        'イベント参加状況',
      );
    });
  });

  describe('event cards and attendee lists', () => {
    beforeEach(async () => {
      tb = await TestBot.start();
      await tb.agree(ADMIN);
      await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
      await member(tb, ORGANIZER, 'Olga Organizer', 'all');
      await member(tb, VISIBLE, 'Vera Visible', 'all');
      await member(tb, STAFF_ONLY, 'Saki Staff', 'staff');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody');
    });

    it('the card names only members visible to all; the others are counted', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      await pressOnCard(tb, 'event.rsvp.going', HIDDEN, id);
      // Alone on the card, a hidden member is a number, not a name.
      expect(await lastCardText(tb, id)).toContain('*1 going*"');
      await pressOnCard(tb, 'event.rsvp.going', STAFF_ONLY, id);
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      const card = await lastCardText(tb, id);
      expect(card).toContain('*3 going*: Vera and 2 more');
      expect(card).not.toMatch(/Hana|Saki/);
    });

    it('a member who hides their profile leaves the cards of events they go to at once', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      expect(await lastCardText(tb, id)).toContain('*1 going*: Vera');
      await tb.submit(
        'profile.modal',
        profileValues({ name: 'Vera Visible', from: '2015', interests: 'go', visibility: 'nobody' }),
        VISIBLE,
      );
      expect(await lastCardText(tb, id)).toContain('*1 going*"');
      expect(await lastCardText(tb, id)).not.toContain('Vera');
    });

    it('the attendee list and its CSV name members by Slack mention or id, never by a profile’s name', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      for (const user of [HIDDEN, STAFF_ONLY, VISIBLE]) await pressOnCard(tb, 'event.rsvp.going', user, id);
      const response = await tb.command(`event attendees ${id}`, ORGANIZER);
      const list = allText(response.json);
      expect(list).toContain(`*going* (3): <@${HIDDEN}>, <@${STAFF_ONLY}>, <@${VISIBLE}>`);
      await tb.fake.waitForCall('files.completeUploadExternal');
      const csv = tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '';
      expect(csvRows(csv.replace(/^\uFEFF/, '')).map((row) => row.slice(0, 2))).toEqual([
        ['user_id', 'answer'],
        [HIDDEN, 'going'],
        [STAFF_ONLY, 'going'],
        [VISIBLE, 'going'],
      ]);
      expect(`${list}\n${csv}`).not.toMatch(/Hana|Saki|Vera/);
    });
  });

  describe('an event card in Japanese', () => {
    beforeEach(async () => {
      tb = await TestBot.start({ env: { DEFAULT_LOCALE: 'ja' } });
      await tb.agree(ADMIN);
      await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
      await member(tb, ORGANIZER, 'Olga Organizer', 'all');
      await member(tb, VISIBLE, 'Vera Visible', 'all');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody');
    });

    it('counts a hidden member without naming them', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: '茶会' });
      await pressOnCard(tb, 'event.rsvp.going', HIDDEN, id);
      expect(await lastCardText(tb, id)).toContain('*1人が参加*"');
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      expect(await lastCardText(tb, id)).toContain('*2人が参加*：Vera ほか1人');
      expect(await lastCardText(tb, id)).not.toContain('Hana');
    });
  });

  describe('stats', () => {
    beforeEach(async () => {
      tb = await TestBot.start();
      await tb.agree(ADMIN);
      await member(tb, VISIBLE, 'Vera Visible', 'all', 'go, design');
      await member(tb, STAFF_ONLY, 'Saki Staff', 'staff', 'go, design');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody', 'go, falconry');
    });

    it('top interests leave out a tag fewer than 3 members hold, so a rare one cannot single anyone out', async () => {
      const report = allText((await tb.command('stats', ADMIN)).json);
      expect(report).toContain(
        '*Top 10 interests (members holding each; only interests 3 or more members hold)*\n1. `go`: 3',
      );
      expect(report).not.toContain('falconry');
      expect(report).not.toContain('design');
    });
  });
});
