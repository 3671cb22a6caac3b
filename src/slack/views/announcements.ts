import { joinList, labelled, messages, type Languages, type Locale } from '../../i18n';
import type { HostCredit } from '../../supporters/types';
import { hostedByLine } from './hostedBy';
import type { Announcement } from '../../announcements/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { KnownBlock } from '../blockKit';
import type { SlackMessage } from './message';
import { mention, mrkdwn, plain, slackDate, truncate } from './text';

// The announcement form is declared in ../forms; its builder keeps this address too.
export { announcementModal } from '../forms/announcementForm';

function runList(runs: readonly Date[], locale: Locale): string {
  return joinList(
    locale,
    runs.map((run) => slackDate(run, run.toISOString().replace('T', ' ').slice(0, 16) + ' UTC')),
  );
}

export function scheduledText(announcement: Announcement, runs: readonly Date[], locale: Locale): string {
  return messages(locale).announcements.scheduled(`<#${announcement.channel}>`, runList(runs, locale));
}

export function announcementListMessage(items: readonly Announcement[], locale: Locale): SlackMessage {
  const m = messages(locale).announcements;
  if (items.length === 0) return { text: m.listEmpty };
  const lines = items.map((a) =>
    m.listLine(
      a.id,
      `<#${a.channel}>`,
      a.nextAt === null ? '—' : runList([a.nextAt], locale),
      a.repeat === 'cron' ? `\`${a.cron ?? ''}\`` : m.repeatOption[a.repeat],
      a.author === null ? m.unknownAuthor : mention(a.author),
    ),
  );
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.listTitle, 150) }];
  // Sections of at most 3,000 characters each.
  let chunk: string[] = [];
  for (const line of lines) {
    if ([...chunk, line].join('\n').length > 2900) {
      blocks.push({ type: 'section', text: mrkdwn(chunk.join('\n')) });
      chunk = [];
    }
    chunk.push(line);
  }
  if (chunk.length > 0) blocks.push({ type: 'section', text: mrkdwn(chunk.join('\n')) });
  return { text: labelled(locale, m.listTitle, String(items.length)), blocks: blocks.slice(0, 50) };
}

/** What an announcement posts: the organizer's own words, and the supporter who hosts it, if one does. */
export function announcementPost(
  announcement: Announcement,
  credit: HostCredit | undefined,
  languages: Languages,
): OutboxMessage {
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(announcement.text) }];
  if (credit !== undefined)
    blocks.push({ type: 'context', elements: [mrkdwn(hostedByLine(credit, languages))] });
  return { text: truncate(announcement.text, 3000), blocks };
}
