import { joinList, labelled, messages, type Locale } from '../../i18n';
import { ANNOUNCEMENT_LIMITS, REPEATS, type Announcement } from '../../announcements/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { KnownBlock, ModalView, PlainTextOption } from '../blockKit';
import { ANNOUNCE_INPUT, VIEW } from '../ids';
import type { SlackMessage } from './message';
import { mention, mrkdwn, plain, slackDate, truncate } from './text';

export function announcementModal(locale: Locale, defaultChannel: string | undefined, now: Date): ModalView {
  const m = messages(locale).announcements;
  const common = messages(locale).common;
  const repeatOptions: PlainTextOption[] = REPEATS.map((repeat) => ({
    text: plain(m.repeatOption[repeat], 75),
    value: repeat,
  }));
  // Default to the next full hour: a sensible time that is never in the past.
  const nextHour = Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3600;
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: ANNOUNCE_INPUT.channel.block,
      label: plain(m.channel, 2000),
      element: {
        type: 'conversations_select',
        action_id: ANNOUNCE_INPUT.channel.action,
        filter: {
          include: ['public', 'private'],
          exclude_bot_users: true,
          exclude_external_shared_channels: true,
        },
        ...(defaultChannel === undefined ? {} : { initial_conversation: defaultChannel }),
      },
    },
    {
      type: 'input',
      block_id: ANNOUNCE_INPUT.text.block,
      label: plain(m.text, 2000),
      hint: plain(m.textHint, 2000),
      element: {
        type: 'plain_text_input',
        action_id: ANNOUNCE_INPUT.text.action,
        multiline: true,
        max_length: ANNOUNCEMENT_LIMITS.text,
      },
    },
    {
      type: 'input',
      block_id: ANNOUNCE_INPUT.postAt.block,
      label: plain(m.postAt, 2000),
      element: {
        type: 'datetimepicker',
        action_id: ANNOUNCE_INPUT.postAt.action,
        initial_date_time: nextHour,
      },
    },
    {
      type: 'input',
      block_id: ANNOUNCE_INPUT.repeat.block,
      label: plain(m.repeat, 2000),
      element: {
        type: 'static_select',
        action_id: ANNOUNCE_INPUT.repeat.action,
        options: repeatOptions,
        initial_option: repeatOptions[0],
      },
    },
    {
      type: 'input',
      block_id: ANNOUNCE_INPUT.cron.block,
      optional: true,
      label: plain(m.cron, 2000),
      hint: plain(m.cronHint, 2000),
      element: {
        type: 'plain_text_input',
        action_id: ANNOUNCE_INPUT.cron.action,
        max_length: ANNOUNCEMENT_LIMITS.cron,
        placeholder: plain('0 9 * * 1', 150),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEW.announcement,
    title: plain(m.modalTitle, 24),
    submit: plain(common.save, 24),
    close: plain(common.cancel, 24),
    blocks,
  };
}

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

/** What an announcement posts: the organizer's own words. */
export function announcementPost(announcement: Announcement): OutboxMessage {
  return {
    text: truncate(announcement.text, 3000),
    blocks: [{ type: 'section', text: mrkdwn(announcement.text) }],
  };
}
