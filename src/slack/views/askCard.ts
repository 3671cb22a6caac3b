import type { AskItem, AskSummary } from '../../asks/types';
import { joinList, labelled, messages, type Languages, type Locale } from '../../i18n';
import { cardTagLabel, tagLabel } from '../../interests/labels';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { eachLanguage, label, stacked } from './languages';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, slackDate, truncate } from './text';

// The card of an ask or offer in ASKS_CHANNEL_ID, and the pieces lists and DMs share with it.

/** The author as a card or list may show them: by name only when all alumni may see their profile. */
export function authorText(item: AskItem, named: boolean, locale: Locale): string {
  return named ? mention(item.author) : messages(locale).asks.anAlum;
}

/** "Open until …", in each reader's own time zone. */
export function openUntil(item: AskItem, locale: Locale): string {
  return messages(locale).asks.cardOpenUntil(
    slackDate(item.expiresAt, item.expiresAt.toISOString().slice(0, 10)),
  );
}

/** `Ask · Advice`: what kind of item it is, in the reader's language. */
export function kindLine(item: AskItem, locale: Locale): string {
  const m = messages(locale).asks;
  return `*${m.typeName[item.type]}* · ${m.kinds[item.kind]}`;
}

export function tagsText(tags: readonly string[], locale: Locale): string {
  return joinList(
    locale,
    tags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, locale))}\``),
  );
}

/** "I can help" on an ask, "I'm interested" on an offer: the button that opens a group DM with the author. */
export function respondButton(item: AskItem, languages: Languages): Button {
  return {
    type: 'button',
    action_id: ACTION.askRespond,
    style: 'primary',
    text: plain(
      label(languages, (m) => m.asks.respondButton[item.type]),
      75,
    ),
    value: String(item.id),
  };
}

/** The thanks a resolved card says: helpers who may be named by mention, the others counted. */
function thanksText(summary: AskSummary, languages: Languages): string | undefined {
  const thanked = summary.responses.filter((response) => response.thanked).length;
  if (thanked === 0) return undefined;
  const named = summary.namedHelpers.map(mention);
  const others = thanked - named.length;
  return stacked(languages, (m, locale) => {
    if (named.length === 0) return m.asks.cardThanksCounted(thanked);
    const names = others > 0 ? [...named, m.asks.andMore(others)] : named;
    return m.asks.cardThanks(joinList(locale, names));
  });
}

/**
 * The card, in the channel's languages: what the author typed once, the bot's words in each
 * language. A resolved or lapsed item loses its button; a resolved one says thanks.
 */
export function askCard(summary: AskSummary, authorNamed: boolean, languages: Languages): SlackMessage {
  const { item } = summary;
  const title = escapeMrkdwn(item.title);
  const id = label(languages, (m) => m.asks.cardId(m.asks.typeName[item.type], item.id));
  const count = label(languages, (m) => m.asks.responses(summary.responses.length));
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(truncate(item.title, 150), 150) }];
  if (item.status !== 'open') {
    const resolved = item.status === 'resolved';
    const notes = eachLanguage(languages, (m) => (resolved ? m.asks.cardResolved : m.asks.cardLapsed));
    const thanks = resolved ? thanksText(summary, languages) : undefined;
    blocks.push({
      type: 'section',
      text: mrkdwn(
        `~${title}~\n${resolved ? ':white_check_mark:' : ':hourglass:'} ${notes.join(' / ')}${thanks === undefined ? '' : `\n${thanks}`}`,
      ),
    });
    blocks.push({ type: 'context', elements: [mrkdwn(`${id}  ·  ${count}`)] });
    return { text: labelled(languages[0], title, notes.join(' / ')), blocks };
  }
  const kinds = eachLanguage(languages, (_m, locale) => kindLine(item, locale)).join('\n');
  const details = item.details === null ? '' : `\n${truncate(escapeMrkdwn(item.details), 2500)}`;
  blocks.push({ type: 'section', text: mrkdwn(`${kinds}${details}`) });
  const lines = eachLanguage(languages, (m, locale) =>
    [m.asks.cardFrom(authorText(item, authorNamed, locale)), openUntil(item, locale)].join('  ·  '),
  );
  const tags = item.tags.map((tag) => `\`${escapeMrkdwn(cardTagLabel(tag, languages))}\``).join(' ');
  blocks.push({
    type: 'context',
    elements: [mrkdwn(`${lines.join('\n')}\n${id}  ·  ${count}${tags === '' ? '' : `  ·  ${tags}`}`)],
  });
  blocks.push({
    type: 'actions',
    block_id: `ask.${item.id}.actions`,
    elements: [respondButton(item, languages)],
  });
  blocks.push({ type: 'context', elements: [mrkdwn(stacked(languages, (m) => m.asks.cardHowItWorks))] });
  return {
    text: `${title} — ${eachLanguage(languages, (m) => m.asks.typeName[item.type]).join(' / ')}`,
    blocks,
  };
}
