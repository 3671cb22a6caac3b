import type { AskItem } from '../asks/types';

/** Slack's rule for channel names: lower case letters, digits, hyphens and underscores, 80 at most. */
export const CHANNEL_NAME_MAX = 80;
const VALID_NAME = /^[a-z0-9_-]{1,80}$/;

/** Room kept at the end of a name for the suffix of a retry after name_taken ("-2" … "-99"). */
const SUFFIX_ROOM = 3;

/**
 * The Latin letters and digits of a title as a hyphenated slug: accents dropped (é → e), full-width
 * letters folded (ＳａａＳ → saas), everything else a separator. Japanese text leaves nothing.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** At most `max` characters, cut at a hyphen when one is near, never ending in one. */
function cut(name: string, max: number): string {
  if (name.length <= max) return name;
  const head = name.slice(0, max);
  const lastHyphen = head.lastIndexOf('-');
  const atWord = lastHyphen >= max - 20 ? head.slice(0, lastHyphen) : head;
  return atWord.replace(/-+$/, '');
}

/**
 * The channel's name for an item: `ask-12-intro-to-acme`, or, when the title has no Latin letters
 * or digits (a Japanese title), its kind in English: `ask-12-introduction`. The type and id keep
 * names of different items apart; `attempt` > 1 adds `-2`, `-3`, … after a name_taken.
 */
export function channelName(item: Pick<AskItem, 'id' | 'type' | 'kind' | 'title'>, attempt = 1): string {
  return numberedChannelName(item.type, item.id, item.title, item.kind, attempt);
}

/**
 * `<prefix>-<id>-<slug of title>`, or the fallback's slug when the title has no Latin letters or
 * digits; `attempt` > 1 adds `-2`, `-3`, … Shared by every feature that makes channels (asks, study groups).
 */
export function numberedChannelName(
  prefix: string,
  id: number,
  title: string,
  fallback: string,
  attempt = 1,
): string {
  const words = slug(title) || slug(fallback);
  const base = cut(`${prefix}-${id}-${words}`, CHANNEL_NAME_MAX - SUFFIX_ROOM);
  return attempt > 1 ? `${base}-${attempt}` : base;
}

/** Whether Slack would take the name as it is (our own names always pass; a check for tests and logs). */
export function isValidChannelName(name: string): boolean {
  return VALID_NAME.test(name);
}
