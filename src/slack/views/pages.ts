import { joinList, labelled, messages, type Locale } from '../../i18n';
import { LIST_PAGE_SIZE, type Page } from '../../paging';
import type { Button, KnownBlock } from '../blockKit';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mrkdwn, plain } from './text';

/** The two buttons of a paged list; each carries the offset of the page it shows. */
export interface PageActions {
  readonly previous: string;
  readonly more: string;
}

/**
 * "Showing 11–20 of 34" and Previous / More under a list that does not fit on one page; nothing
 * when it does. Two blocks, so a page of ten items stays well inside Slack's block limits.
 */
export function pageBlocks(
  page: Page<unknown>,
  actions: PageActions,
  blockId: string,
  locale: Locale,
): KnownBlock[] {
  if (page.offset === 0 && page.total <= LIST_PAGE_SIZE) return [];
  const m = messages(locale).common;
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const buttons: Button[] = [];
  if (page.offset > 0)
    buttons.push({
      type: 'button',
      action_id: actions.previous,
      text: plain(m.pagePrevious, 75),
      value: String(Math.max(0, page.offset - LIST_PAGE_SIZE)),
    });
  if (to < page.total)
    buttons.push({
      type: 'button',
      action_id: actions.more,
      style: 'primary',
      text: plain(m.pageMore(to + 1, Math.min(to + LIST_PAGE_SIZE, page.total)), 75),
      value: String(to),
    });
  const blocks: KnownBlock[] = [{ type: 'context', elements: [mrkdwn(m.pageShowing(from, to, page.total))] }];
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: blockId, elements: buttons });
  return blocks;
}

export interface PagedList<T> {
  readonly title: string;
  /** What the member reads when there is nothing to list. */
  readonly empty: string;
  /** An item's name, for the notification text. */
  readonly name: (item: T) => string;
  readonly blocks: (item: T) => KnownBlock[];
  readonly actions: PageActions;
  readonly blockId: string;
}

/** A page of a list as a message: its header, each item's blocks, then where the page is. */
export function pagedListMessage<T>(page: Page<T>, list: PagedList<T>, locale: Locale): SlackMessage {
  if (page.total === 0) return { text: list.empty };
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(list.title, 150) }];
  for (const item of page.items) blocks.push(...list.blocks(item));
  blocks.push(...pageBlocks(page, list.actions, list.blockId, locale));
  const names = page.items.map((item) => escapeMrkdwn(list.name(item)));
  return { text: labelled(locale, list.title, joinList(locale, names)), blocks };
}
