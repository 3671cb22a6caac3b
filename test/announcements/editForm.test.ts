import type { Announcement } from '../../src/announcements/types';
import { parseAnnouncementForm } from '../../src/slack/parse/announcementForm';
import { announcementModal } from '../../src/slack/views/announcements';
import { checkBlockKit } from '../support/blockKit';
import { valuesAsShown } from '../support/forms';

// The announcement form opens filled with an existing announcement (for `announce edit`): what it
// shows reads back as that announcement, its next post as the time.
const now = new Date('2026-11-24T01:00:00Z');
const announcement: Announcement = {
  id: 12,
  channel: 'C0NEWS7',
  text: 'Coffee chat every Monday at 9',
  firstAt: new Date('2026-11-16T00:00:00Z'),
  repeat: 'cron',
  cron: '0 9 * * 1',
  timeZone: 'Asia/Tokyo',
  author: 'U8ORG01',
  status: 'active',
  nextAt: new Date('2026-11-30T00:00:00Z'),
};

describe('announcements: the form opened to edit an announcement', () => {
  it.each([
    ['en', 'Edit announcement'],
    ['ja', 'お知らせを編集'],
  ] as const)('in %s shows the announcement and reads back as it', (locale, title) => {
    const view = announcementModal(locale, 'C0EVENTS1', now, announcement);
    expect(checkBlockKit('modal', view as unknown as Record<string, unknown>)).toEqual([]);
    expect(view.title.text).toBe(title);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ announcementId: 12 });
    expect(parseAnnouncementForm(valuesAsShown(view.blocks), locale, now, 'Asia/Tokyo')).toEqual({
      ok: true,
      input: {
        channel: announcement.channel,
        text: announcement.text,
        firstAt: announcement.nextAt,
        repeat: 'cron',
        cron: '0 9 * * 1',
      },
    });
  });

  it('a new announcement opens as before: the default channel, the next full hour, no repeat', () => {
    const view = announcementModal('en', 'C0EVENTS1', now);
    expect(view.private_metadata).toBeUndefined();
    expect(view.title.text).toBe('Schedule announcement');
    expect(parseAnnouncementForm(valuesAsShown(view.blocks), 'en', now, 'Asia/Tokyo')).toEqual({
      ok: false,
      errors: { 'announce.text': 'Write the message to post.' },
    });
  });
});
