import type { webApi } from '@slack/bolt';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { Coalescer } from '../coalescer';
import type { Locale } from '../i18n';
import type { SlackMessage } from './views/message';
import { eventCard, eventsListMessage, type ListedEvent } from './views/events';
import type { CommunityEvent } from '../events/types';
import type { Page, PageStart } from '../paging';

/**
 * Posts an event's card in its channel. A bot that is not in a public channel joins it once
 * and tries again; false when the card could not be posted (the organizer is told).
 */
export async function postEventCard(
  services: Services,
  client: webApi.WebClient,
  eventId: number,
): Promise<boolean> {
  const summary = await services.events.summary(eventId);
  const card = eventCard(
    summary,
    services.config.channelLanguages,
    services.config.defaultTimezone,
    await services.supporters.creditFor('event', eventId),
  );
  try {
    const result = await postJoiningOnce(client, summary.event.channel, card);
    if (result === undefined) return false;
    await services.events.attachCard(eventId, result.channel, result.ts);
    return true;
  } catch (error) {
    services.logger.warn(
      `event ${eventId}: card not posted in ${summary.event.channel}: ${slackErrorCode(error) ?? String(error)}`,
    );
    return false;
  }
}

const cardRefreshes = new Coalescer();

/**
 * Re-renders a posted card (after an RSVP, edit or cancel); posts it if it never was. A burst of
 * RSVPs to one event makes at most one update in flight and one after it, which renders the
 * latest state: chat.update is Tier 3 (about 50 a minute), so one per click would hit 429s.
 */
export function refreshEventCard(
  services: Services,
  client: webApi.WebClient,
  eventId: number,
): Promise<void> {
  return cardRefreshes.run(`event:${eventId}`, () => renderEventCard(services, client, eventId));
}

/**
 * Renders these cards again (after a member's visibility changed, or an erasure); a card that cannot
 * be updated is logged, and the others are still tried.
 */
export async function refreshEventCards(
  services: Services,
  client: webApi.WebClient,
  eventIds: readonly number[],
  why: string,
): Promise<void> {
  for (const eventId of eventIds) {
    try {
      await refreshEventCard(services, client, eventId);
    } catch (error) {
      services.logger.warn(
        `event ${eventId}: card not updated after ${why}: ${slackErrorCode(error) ?? String(error)}`,
      );
    }
  }
}

/**
 * Updates a card until what Slack shows is what the database holds. Each round reads the state after
 * every commit so far (the caller's RSVP included) and sends it; then it reads again, because
 * another replica may have committed and updated the card while ours was in flight, so that ours
 * landed last with older counts. The renderer whose update lands last sees the final state and stops
 * only when it is shown; the rounds are bounded, and a replica still committing renders its own.
 */
const CARD_SETTLE_ROUNDS = 3;

async function renderEventCard(services: Services, client: webApi.WebClient, eventId: number): Promise<void> {
  let shown: string | undefined;
  for (let round = 0; round < CARD_SETTLE_ROUNDS; round++) {
    const summary = await services.events.summary(eventId);
    const { event } = summary;
    if (event.cardChannel === null || event.cardTs === null) {
      if (event.status === 'scheduled' && round === 0) await postEventCard(services, client, eventId);
      return;
    }
    const card = eventCard(
      summary,
      services.config.channelLanguages,
      services.config.defaultTimezone,
      await services.supporters.creditFor('event', eventId),
    );
    const rendered = JSON.stringify(card);
    if (rendered === shown) return;
    await client.chat.update({
      channel: event.cardChannel,
      ts: event.cardTs,
      text: card.text,
      blocks: card.blocks,
    });
    shown = rendered;
  }
}

/** The first page of a member's `/alumni events` list: interest matches first, with their own answers. */
export async function eventsListFor(
  services: Services,
  userId: string,
  locale: Locale,
): Promise<SlackMessage> {
  return renderEventsPage(services, userId, locale, await upcomingPage(services, userId, { offset: 0 }));
}

/**
 * A page of the list, from a Previous/More offset or the page holding an event just answered.
 * Undefined when an offset points past the end (the list shrank since that page was shown).
 */
export async function eventsListPage(
  services: Services,
  userId: string,
  locale: Locale,
  start: PageStart<{ event: CommunityEvent }>,
): Promise<SlackMessage | undefined> {
  const page = await upcomingPage(services, userId, start);
  if (page.offset > 0 && page.items.length === 0) return undefined;
  return renderEventsPage(services, userId, locale, page);
}

async function upcomingPage(services: Services, userId: string, start: PageStart<{ event: CommunityEvent }>) {
  const chapterChannels = (await services.chapters.channelsOf([userId])).get(userId);
  return services.events.upcomingPageFor(
    userId,
    await services.members.interests(userId),
    start,
    chapterChannels,
  );
}

async function renderEventsPage(
  services: Services,
  userId: string,
  locale: Locale,
  page: Page<{ event: CommunityEvent; matchedTags: string[] }>,
): Promise<SlackMessage> {
  const items: ListedEvent[] = [];
  for (const { event, matchedTags } of page.items)
    items.push({ event, matchedTags, myStatus: await services.events.rsvpOf(event.id, userId) });
  return eventsListMessage({ ...page, items }, locale, services.config.defaultTimezone);
}
