import type { ChannelView } from '../../collab/service';
import { COLLAB_LIMITS, type CollabMessages } from '../../collab/types';
import type { AskItem } from '../../asks/types';
import { messages, type Languages, type Locale } from '../../i18n';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { kindLine, tagsText } from './askCard';
import { eachLanguage, stacked } from './languages';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';

// What collaboration channels post (the item at the top, the heads-up) and their line in `asks mine`.

/** "Start a channel", for the author in `asks mine`. */
export function startChannelButton(item: AskItem, locale: Locale): Button {
  return {
    type: 'button',
    action_id: ACTION.askChannel,
    text: plain(messages(locale).collab.startButton, 75),
    value: String(item.id),
  };
}

/** "Join the channel" (collaboration channels and study groups), value: the item's or group's id. */
export function joinChannelButton(
  actionId: typeof ACTION.collabJoin | typeof ACTION.studyJoin,
  id: number,
  locale: Locale,
): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(messages(locale).collab.joinButton, 75),
    value: String(id),
    style: 'primary',
  };
}

/** The item's channel as `asks mine` names it, or nothing. */
export function channelLine(view: ChannelView | undefined, locale: Locale): string | undefined {
  if (view?.kind !== 'exists') return undefined;
  const m = messages(locale).collab;
  const channel = `<#${view.channelId}>`;
  return view.archived ? m.channelArchivedLine(channel) : m.channelLine(channel);
}

/** The item as the channel's first message: what it is about, in each member's language. */
function introBlocks(item: AskItem, languages: Languages, idleDays: number): KnownBlock[] {
  const title = escapeMrkdwn(item.title);
  const lead = eachLanguage(languages, (m) =>
    m.collab.introLead[item.type](`<@${item.author}>`, title, item.id),
  );
  const kinds = eachLanguage(languages, (_m, locale) => kindLine(item, locale));
  const lines = [...lead, ...kinds];
  if (item.details !== null)
    lines.push(`>${truncate(escapeMrkdwn(item.details), 2000).replace(/\n/g, '\n>')}`);
  if (item.tags.length > 0) lines.push(tagsText(item.tags, languages[0]));
  const quiet = stacked(languages, (m) => m.collab.introQuiet(idleDays, COLLAB_LIMITS.graceDays));
  return [
    { type: 'header', text: plain(truncate(item.title, 150), 150) },
    { type: 'section', text: mrkdwn(truncate(lines.join('\n'), 3000)) },
    { type: 'context', elements: [mrkdwn(quiet)] },
  ];
}

/** The words of collaboration channels, for the service (Block Kit stays in the Slack layer). */
export function collabMessages(): CollabMessages {
  return {
    intro: (item, languages, idleDays) => {
      const text = eachLanguage(languages, (m) =>
        m.collab.introLead[item.type](`<@${item.author}>`, escapeMrkdwn(item.title), item.id),
      ).join(' / ');
      return { text, blocks: introBlocks(item, languages, idleDays) };
    },
    headsUp: (languages, idleDays) => {
      const text = stacked(languages, (m) => m.collab.headsUp(idleDays, COLLAB_LIMITS.graceDays));
      return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
    },
    join: (item, channelId, locale) => {
      const m = messages(locale).collab;
      const text = m.joinDm(escapeMrkdwn(truncate(item.title, 150)), item.id, `<#${channelId}>`);
      return {
        text,
        blocks: [
          { type: 'section', text: mrkdwn(text) },
          {
            type: 'actions',
            block_id: `collab.join.${item.id}`,
            elements: [joinChannelButton(ACTION.collabJoin, item.id, locale)],
          },
        ],
      };
    },
    // Only recorded with the outbox row: archiving posts nothing.
    archive: (idleDays) => ({ text: messages('en').collab.archiveNote(idleDays), action: 'archive' }),
  };
}
