import type { AskPicks } from '../../asks/picks';
import type { AskMessages } from '../../asks/service';
import type { RankedAsk } from '../../asks/rules';
import { ASK_LIMITS, type AskItem, type AskSummary, type AskType } from '../../asks/types';
import { joinList, messages, type Locale } from '../../i18n';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { ChannelView } from '../../collab/service';
import { authorText, kindLine, openUntil, respondButton, tagsText } from './askCard';
import { channelLine, startChannelButton } from './collab';
import { openFormMessage, type SlackMessage } from './message';
import type { OutboxMessage } from '../../scheduler/types';
import { escapeMrkdwn, mention, mrkdwn, plain, slackCalendarDate, truncate } from './text';

// Lists of asks and offers, the author's own list, and the DMs they send.

/** An item in a member's list, with whether the list may name its author. */
export interface ListedAsk extends RankedAsk {
  readonly authorNamed: boolean;
}

/** `asks` / `asks <tags>`: each item with its button, matching ones first. */
export function asksListMessage(
  listed: readonly ListedAsk[],
  total: number,
  locale: Locale,
  tags?: readonly string[],
): SlackMessage {
  const m = messages(locale).asks;
  if (listed.length === 0) {
    const text = tags === undefined ? m.listNone : m.listNoneTags(tagsText(tags, locale));
    return { text };
  }
  const heading =
    tags === undefined
      ? m.listHeading(listed.length, total)
      : m.listHeadingTags(tagsText(tags, locale), listed.length, total);
  return {
    text: heading,
    blocks: [{ type: 'section', text: mrkdwn(heading) }, ...askListBlocks(listed, locale, 'list')],
  };
}

/** Each item as a divider and a section with its button: in lists, digests and App Home (`where` keeps block ids apart). */
export function askListBlocks(
  listed: readonly ListedAsk[],
  locale: Locale,
  where: 'list' | 'digest' | 'home',
): KnownBlock[] {
  const m = messages(locale).asks;
  return listed.flatMap(({ item, matchedTags, authorNamed }): KnownBlock[] => {
    const lines = [
      `*${escapeMrkdwn(truncate(item.title, 200))}* (#${item.id})`,
      `${kindLine(item, locale)} · ${m.cardFrom(authorText(item, authorNamed, locale))} · ${openUntil(item, locale)}`,
    ];
    if (item.details !== null) lines.push(truncate(escapeMrkdwn(item.details), 300));
    if (matchedTags.length > 0) lines.push(m.matching(tagsText(matchedTags, locale)));
    return [
      { type: 'divider' },
      {
        type: 'section',
        block_id: `ask.${where}.${item.id}`,
        text: mrkdwn(lines.join('\n')),
        accessory: respondButton(item, [locale]),
      },
    ];
  });
}

/**
 * The items picked for a member in a digest or on App Home (a few, see MAX_PICKED), and how many
 * more the `asks` verb would list: a digest stays well inside Block Kit's 50 blocks.
 */
export function askPicksBlocks(picks: AskPicks, locale: Locale, where: 'digest' | 'home'): KnownBlock[] {
  const blocks = askListBlocks(picks.items, locale, where);
  const more = picks.total - picks.items.length;
  if (more > 0)
    blocks.push({
      type: 'context',
      block_id: `ask.${where}.more`,
      elements: [mrkdwn(messages(locale).asks.picksMore(more))],
    });
  return blocks;
}

/** The block id of an item's line in a digest: stored digests are found by it after an erasure. */
const digestItemId = (id: number): string => `ask.digest.${id}`;

/**
 * A stored digest without these items' lines (and the divider before each); when no item is left,
 * without the section's heading and "more" line too. Other sections stay as they were.
 */
function withoutItems(message: OutboxMessage, ids: readonly number[]): OutboxMessage {
  const gone = new Set(ids.map(digestItemId));
  const source = message.blocks ?? [];
  const kept: KnownBlock[] = [];
  for (const block of source) {
    if (block.block_id !== undefined && gone.has(block.block_id)) {
      if (kept.at(-1)?.type === 'divider') kept.pop();
      continue;
    }
    kept.push(block);
  }
  const itemLeft = kept.some((block) => /^ask\.digest\.\d+$/.test(block.block_id ?? ''));
  const blocks = itemLeft
    ? kept
    : kept.filter((block) => block.block_id !== DIGEST_ASKS_HEADING && block.block_id !== 'ask.digest.more');
  return { ...message, blocks };
}

/** The block id of the digest's heading of asks and offers. */
export const DIGEST_ASKS_HEADING = 'digest.asks';

/** App Home's short section: the picks, or a line saying where to look. */
export function homeAskBlocks(picks: AskPicks | undefined, locale: Locale): KnownBlock[] {
  const m = messages(locale).asks;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  if (picks === undefined || picks.items.length === 0) blocks.push(section(m.homeNone));
  else blocks.push(...askPicksBlocks(picks, locale, 'home'));
  blocks.push({ type: 'divider' });
  return blocks;
}

/**
 * `asks mine`: the author's items with who responded, buttons to resolve or extend, and the item's
 * collaboration channel, or *Start a channel* once someone who may be invited has responded.
 */
export function myAsksMessage(
  summaries: readonly AskSummary[],
  locale: Locale,
  channels: ReadonlyMap<number, ChannelView> = new Map(),
): SlackMessage {
  const m = messages(locale).asks;
  if (summaries.length === 0) return { text: m.mineNone };
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(m.mineHeading) }];
  for (const { item, responses } of summaries) {
    const who = responses.map((response) => mention(response.userId));
    const status = item.status === 'open' ? openUntil(item, locale) : m.status[item.status];
    const channel = channels.get(item.id);
    const where = channelLine(channel, locale);
    const lines = [
      `*${escapeMrkdwn(truncate(item.title, 200))}* (#${item.id})`,
      `${kindLine(item, locale)} · ${status}`,
      who.length === 0 ? m.noResponders : m.responders(joinList(locale, who)),
      ...(where === undefined ? [] : [where]),
    ];
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
    const actions = manageActions(item, locale, channel?.kind === 'startable');
    if (actions !== undefined) blocks.push(actions);
  }
  return { text: m.mineHeading, blocks };
}

/**
 * Mark resolved (and Extend, while it is open): in `asks mine` and the reminder DM; with
 * `startChannel`, *Start a channel* too (a resolved item may still want one). Undefined: no button.
 */
function manageActions(item: AskItem, locale: Locale, startChannel = false): KnownBlock | undefined {
  const m = messages(locale).asks;
  const value = String(item.id);
  const channelButton = startChannel ? [startChannelButton(item, locale)] : [];
  if (item.status === 'resolved')
    return channelButton.length === 0
      ? undefined
      : { type: 'actions', block_id: `ask.${item.id}.manage`, elements: channelButton };
  return {
    type: 'actions',
    block_id: `ask.${item.id}.manage`,
    elements: [
      ...(item.status === 'open'
        ? [
            {
              type: 'button' as const,
              action_id: ACTION.askExtend,
              text: plain(m.extendButton(ASK_LIMITS.extendDays), 75),
              value,
            },
          ]
        : []),
      {
        type: 'button',
        action_id: ACTION.askResolve,
        style: 'primary',
        text: plain(m.resolveButton, 75),
        value,
      },
      ...channelButton,
    ],
  };
}

/** A DM without a trigger_id: the button opens the form. */
export function openAskFormMessage(type: AskType, locale: Locale): SlackMessage {
  const m = messages(locale).asks;
  return openFormMessage(m.formInDm, { actionId: ACTION.askOpen, text: m.openButton[type], value: type });
}

function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** The DMs and the group DM that asks and offers queue in the outbox. */
export function askMessages(): AskMessages {
  return {
    match: (item, match, languages) => {
      const inLanguage = (locale: Locale): { lead: string; lines: string } => {
        const m = messages(locale).asks;
        const lead = m.matchIntro[item.type](
          mention(match.responder),
          mention(match.author),
          escapeMrkdwn(item.title),
          item.id,
        );
        const lines = [lead, kindLine(item, locale)];
        if (item.details !== null)
          lines.push(`>${truncate(escapeMrkdwn(item.details), 1200).replace(/\n/g, '\n>')}`);
        if (match.sharedTags !== undefined && match.sharedTags.length > 0)
          lines.push(m.matchShared(tagsText(match.sharedTags, locale)));
        lines.push(m.matchSuggest);
        return { lead, lines: lines.join('\n') };
      };
      // Written for both: once when they read one language, in each in turn when not.
      const versions = [...new Set(languages)].map(inLanguage);
      const blocks: KnownBlock[] = versions.flatMap(({ lines }, index) => [
        ...(index > 0 ? [{ type: 'divider' } as const] : []),
        section(lines),
      ]);
      return { text: versions.map(({ lead }) => lead).join(' / '), blocks };
    },
    reminder: (item, locale) => {
      const m = messages(locale).asks;
      const when = slackCalendarDate(
        item.expiresAt,
        `${item.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        true,
      );
      const text = m.reminderDm(m.typeWord[item.type], escapeMrkdwn(item.title), item.id, when);
      const actions = manageActions(item, locale);
      return { text, blocks: actions === undefined ? [section(text)] : [section(text), actions] };
    },
    lapsed: (item, locale) => {
      const m = messages(locale).asks;
      const text = m.lapsedDm(
        m.typeWord[item.type],
        escapeMrkdwn(item.title),
        item.id,
        `/alumni ${item.type}`,
      );
      return { text, blocks: [section(text)] };
    },
    digestMarker: (id) => JSON.stringify(digestItemId(id)),
    withoutItems,
    thanks: (item, locale) => {
      const m = messages(locale).asks;
      const text = m.thanksDm(mention(item.author), m.typeWord[item.type], escapeMrkdwn(item.title));
      return { text, blocks: [section(text)] };
    },
  };
}
