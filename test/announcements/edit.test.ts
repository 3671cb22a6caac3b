import { TestBot, ADMIN, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';
import { announceValues } from '../support/forms';

// `/alumni announce edit 3`: the form opens filled; saving changes the text and the schedule of
// an active announcement, and the next post follows the edit. Only its author or an admin.
const ORGANIZER = 'U8EDORG1';
const JA_ORGANIZER = 'U8EDORJ1';
const OTHER_ORGANIZER = 'U8EDORG2';

const postsOf = (tb: TestBot, id: number) =>
  tb.fake.callsTo('chat.postMessage').filter((c) => (keyOf(c) ?? '').startsWith(`announce:${id}:`));

describe('announcements: announce edit', () => {
  let tb: TestBot;
  beforeEach(async () => {
    // Tuesday 24 November 2026, 10:00 in Tokyo.
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
    tb.fake.setUser(JA_ORGANIZER, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    for (const organizer of [ORGANIZER, JA_ORGANIZER, OTHER_ORGANIZER]) {
      await tb.command(`role add <@${organizer}|o> organizer`, ADMIN);
      await tb.agree(organizer);
    }
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const schedule = async (text: string, postAt: Date, user = ORGANIZER): Promise<number> => {
    await tb.submit('announcement.modal', announceValues({ postAt, text }), user, '');
    return (await tb.row<{ id: number }>('SELECT max(id) AS id FROM announcements'))?.id ?? 0;
  };
  const openedView = () =>
    tb.fake.callsTo('views.open').pop()?.args.view as { private_metadata: string; title: { text: string } };

  it('opens filled; saving changes the text and time, and the post follows the edit', async () => {
    const id = await schedule('Old text', new Date('2026-11-24T03:00:00Z'));
    await tb.command(`announce edit ${id}`, ORGANIZER);
    const view = openedView();
    expect(view.title.text).toBe('Edit announcement');
    expect(JSON.parse(view.private_metadata)).toEqual({ announcementId: id });
    const later = new Date('2026-11-24T05:00:00Z');
    const saved = await tb.submit(
      'announcement.modal',
      announceValues({ postAt: later, text: 'New text' }),
      ORGANIZER,
      view.private_metadata,
    );
    expect(allText(saved.json)).toContain('Announcement saved');
    expect(await tb.rows('SELECT id FROM announcements')).toHaveLength(1);
    tb.clock.set(new Date('2026-11-24T03:00:00Z'));
    await tb.tick();
    expect(postsOf(tb, id)).toHaveLength(0);
    tb.clock.set(later);
    await tb.tick();
    await tb.tick();
    expect(postsOf(tb, id).map((c) => String(c.args.text))).toEqual(['New text']);
  });

  it('in Japanese', async () => {
    const id = await schedule('古いお知らせ', new Date('2026-11-24T03:00:00Z'), JA_ORGANIZER);
    await tb.command(`お知らせ 編集 ${id}`, JA_ORGANIZER);
    const view = openedView();
    expect(view.title.text).toBe('お知らせを編集');
    const saved = await tb.submit(
      'announcement.modal',
      announceValues({ postAt: new Date('2026-11-24T04:00:00Z'), text: '新しいお知らせ' }),
      JA_ORGANIZER,
      view.private_metadata,
    );
    expect(allText(saved.json)).toContain('お知らせを保存しました');
    expect(await tb.row('SELECT text FROM announcements WHERE id = ?', id)).toEqual({
      text: '新しいお知らせ',
    });
  });

  it('bad input: an empty text is shown on its field and nothing changes', async () => {
    const id = await schedule('Keep me', new Date('2026-11-24T03:00:00Z'));
    await tb.command(`announce edit ${id}`, ORGANIZER);
    const response = await tb.submit(
      'announcement.modal',
      announceValues({ postAt: new Date('2026-11-24T03:00:00Z'), text: '' }),
      ORGANIZER,
      openedView().private_metadata,
    );
    expect(response.json).toMatchObject({ response_action: 'errors' });
    expect(await tb.row('SELECT text FROM announcements WHERE id = ?', id)).toEqual({ text: 'Keep me' });
  });

  it('another organizer is refused, from the command and from a forged form; nothing changes', async () => {
    const id = await schedule('Mine', new Date('2026-11-24T03:00:00Z'));
    const refused = await tb.command(`announce edit ${id}`, OTHER_ORGANIZER);
    expect(TestBot.replyText(refused)).toContain(
      `Only its author or an admin can change or cancel announcement #${id}`,
    );
    await tb.submit(
      'announcement.modal',
      announceValues({ postAt: new Date('2026-11-24T03:00:00Z'), text: 'Forged' }),
      OTHER_ORGANIZER,
      JSON.stringify({ announcementId: id }),
    );
    expect(await tb.row('SELECT text FROM announcements WHERE id = ?', id)).toEqual({ text: 'Mine' });
  });

  it('a cancelled announcement cannot be edited; without a number it says how to give one', async () => {
    const id = await schedule('Gone', new Date('2026-11-24T03:00:00Z'));
    await tb.commandConfirmed(`announce cancel ${id}`, ORGANIZER);
    const response = await tb.command(`announce edit ${id}`, ORGANIZER);
    expect(TestBot.replyText(response)).toContain('is finished or cancelled, so there is nothing to edit');
    expect(TestBot.replyText(await tb.command('announce edit', ORGANIZER))).toContain(
      'Give the announcement number',
    );
  });
});
