import { joinList, messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { Match } from '../../members/matching';
import type { KnownBlock } from '../blockKit';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn } from './text';

/** Up to 20 matches, each a mention with what they do now and the tags that matched. */
export function findResultsMessage(
  query: string,
  matches: readonly Match[],
  total: number,
  locale: Locale,
): SlackMessage {
  const m = messages(locale);
  const shownQuery = escapeMrkdwn(query);
  if (matches.length === 0) return { text: m.find.none(shownQuery) };
  const header = m.find.header(shownQuery, total);
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`*${header}*`) }];
  for (const match of matches) {
    const { entry } = match;
    const now = [entry.title, entry.company]
      .filter((part): part is string => part !== null)
      .map(escapeMrkdwn);
    const tags = match.sharedTags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, locale))}\``);
    const parts = [
      mention(entry.userId),
      now.length > 0 ? now.join(m.profile.at) : undefined,
      entry.location === null ? undefined : escapeMrkdwn(entry.location),
    ].filter((part): part is string => part !== undefined);
    const line = `${parts.join(' · ')}${tags.length === 0 ? '' : `\n${m.find.shared(joinList(locale, tags))}`}`;
    blocks.push({ type: 'section', text: mrkdwn(line) });
  }
  if (total > matches.length)
    blocks.push({ type: 'context', elements: [mrkdwn(m.find.more(matches.length))] });
  return { text: header, blocks };
}
