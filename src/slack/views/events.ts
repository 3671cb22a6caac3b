import { joinList, labelled, messages, people as namesOf, type Languages, type Locale } from '../../i18n';
import type { HostCredit } from '../../supporters/types';
import { hostedByLine } from './hostedBy';
import { cardTagLabel } from '../../interests/labels';
import { googleCalendarUrl } from '../../events/calendar';
import type { EventChange, EventMessages } from '../../events/service';
import { type CommunityEvent, type EventSummary, type Rsvp, type RsvpStatus } from '../../events/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { pagedListMessage } from './pages';
import { dateTimeFormat } from '../../time/formats';
import type { Page } from '../../paging';
import { eachLanguage, label, stacked, type Say } from './languages';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';

function fallbackFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** Shown in each reader's own time zone; the fallback (for notifications) uses the community's zone. */
export function eventWhen(
  event: Pick<CommunityEvent, 'startsAt' | 'endsAt'>,
  timeZone: string,
  locale: Locale,
): string {
  const fmt = fallbackFormat(locale, timeZone);
  const start = Math.floor(event.startsAt.getTime() / 1000);
  const end = Math.floor(event.endsAt.getTime() / 1000);
  return `<!date^${start}^{date_long_pretty} {time}|${fmt.format(event.startsAt)}> – <!date^${end}^{time}|${fmt.format(event.endsAt)}>`;
}

function whereLine(event: CommunityEvent, languages: Languages): string | undefined {
  const parts: string[] = [];
  if (event.place !== null) parts.push(`:round_pushpin: ${escapeMrkdwn(event.place)}`);
  if (event.url !== null) parts.push(`:link: <${event.url}|${label(languages, (m) => m.events.online)}>`);
  return parts.length === 0 ? undefined : parts.join('   ');
}

function rsvpButtons(event: CommunityEvent, languages: Languages, current: RsvpStatus | undefined): Button[] {
  const value = String(event.id);
  const choice = (actionId: string, say: Say, selected: boolean): Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(selected ? `✓ ${label(languages, say, 73)}` : label(languages, say), 75),
    value,
    ...(selected ? { style: 'primary' as const } : {}),
  });
  return [
    choice(ACTION.rsvpGoing, (m) => m.events.going, current === 'going' || current === 'waitlist'),
    choice(ACTION.rsvpMaybe, (m) => m.events.maybe, current === 'maybe'),
    choice(ACTION.rsvpNotGoing, (m) => m.events.notGoing, current === 'not_going'),
  ];
}

/** The row under an event on its card and in lists: answer, add to a calendar, get the .ics file. */
function eventActions(
  blockId: string,
  event: CommunityEvent,
  languages: Languages,
  current: RsvpStatus | undefined,
): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: [
      ...rsvpButtons(event, languages, current),
      {
        type: 'button',
        action_id: ACTION.eventCalendarLink,
        text: plain(
          label(languages, (m) => m.events.addToCalendar),
          75,
        ),
        url: googleCalendarUrl(event),
        value: String(event.id),
      },
      {
        type: 'button',
        action_id: ACTION.eventIcs,
        text: plain(
          label(languages, (m) => m.events.downloadIcs),
          75,
        ),
        value: String(event.id),
      },
    ],
  };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

const NAMES_ON_CARD = 10;

/**
 * Who is going (and maybe, waiting, places left), in one language, within `max` characters: names
 * that do not fit are counted in "and N more" like hidden ones, so the text is never cut mid-line.
 */
function answersText(summary: EventSummary, names: readonly string[], locale: Locale, max: number): string {
  const m = messages(locale).events;
  const { event } = summary;
  const extras: string[] = [];
  if (summary.maybe > 0) extras.push(m.cardMaybe(summary.maybe));
  if (summary.waitlist > 0) extras.push(m.cardWaitlist(summary.waitlist));
  if (event.capacity !== null) {
    const left = event.capacity - summary.going;
    extras.push(left > 0 ? m.cardCapacity(left, event.capacity) : m.cardFull(event.capacity));
  }
  const render = (shown: readonly string[]): string => {
    // Members not visible to all are counted in "and N more", never named.
    const more = summary.going - shown.length;
    const goingLine = m.cardGoing(
      summary.going,
      shown.length === 0 ? '' : `${joinList(locale, shown)}${more > 0 ? ` ${m.cardMore(more)}` : ''}`,
    );
    return extras.length === 0 ? goingLine : `${goingLine}\n${extras.join(' · ')}`;
  };
  let shown = names.length;
  while (shown > 0 && render(names.slice(0, shown)).length > max) shown -= 1;
  return render(names.slice(0, shown));
}

/**
 * The card posted in the event's channel and updated on every RSVP, in the channel's languages:
 * what the organizer typed once, the bot's words in each language, first language first.
 */
export function eventCard(
  summary: EventSummary,
  languages: Languages,
  timeZone: string,
  credit?: HostCredit,
): SlackMessage {
  const [first] = languages;
  const { event } = summary;
  const title = truncate(event.title, 150);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title, 150) }];
  if (event.status === 'cancelled') {
    const cancelled = eachLanguage(languages, (m) => m.events.cardCancelled);
    blocks.push({
      type: 'section',
      text: mrkdwn(`:x: ~${escapeMrkdwn(event.title)}~\n${cancelled.join('\n')}`),
    });
    // The top-level text (notifications, screen readers) is mrkdwn too: escaped like the blocks.
    return { text: labelled(first, escapeMrkdwn(event.title), cancelled.join(' / ')), blocks };
  }
  const where = whereLine(event, languages);
  blocks.push({
    type: 'section',
    text: mrkdwn(`:calendar: ${eventWhen(event, timeZone, first)}${where === undefined ? '' : `\n${where}`}`),
  });
  if (event.description !== null)
    blocks.push({ type: 'section', text: mrkdwn(truncate(escapeMrkdwn(event.description), 3000)) });
  const names = summary.goingNames.slice(0, NAMES_ON_CARD).map((name) => escapeMrkdwn(firstName(name)));
  // Each language gets an even share of the section, so that the last one is never cut off.
  const share = Math.floor((3000 - (languages.length - 1)) / languages.length);
  blocks.push({
    type: 'section',
    text: mrkdwn(stacked(languages, (_m, locale) => answersText(summary, names, locale, share))),
  });
  blocks.push(eventActions(`event.${event.id}.rsvp`, event, languages, undefined));
  const context = [
    label(languages, (m) => m.events.cardId(event.id)),
    ...(credit === undefined ? [] : [hostedByLine(credit, languages)]),
    ...(event.tags.length > 0
      ? [event.tags.map((t) => `\`${escapeMrkdwn(cardTagLabel(t, languages))}\``).join(' ')]
      : []),
  ];
  blocks.push({ type: 'context', elements: [mrkdwn(context.join('  ·  '))] });
  return { text: `${escapeMrkdwn(event.title)} — ${eventWhen(event, timeZone, first)}`, blocks };
}

/** A row of `/alumni events`: the event, the interests it shares with the member, their answer. */
export interface ListedEvent {
  readonly event: CommunityEvent;
  readonly matchedTags: readonly string[];
  readonly myStatus: RsvpStatus | undefined;
}

function listedEventBlocks(item: ListedEvent, timeZone: string, locale: Locale): KnownBlock[] {
  const m = messages(locale).events;
  const { event, matchedTags, myStatus } = item;
  const lines = [
    `*${escapeMrkdwn(truncate(event.title, 150))}*  _#${event.id}_`,
    eventWhen(event, timeZone, locale),
  ];
  const where = whereLine(event, [locale]);
  if (where !== undefined) lines.push(where);
  if (myStatus !== undefined) lines.push(m.yourAnswer(m.status[myStatus]));
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(lines.join('\n')) }];
  if (matchedTags.length > 0) {
    const tags = joinList(
      locale,
      matchedTags.map((t) => `\`${escapeMrkdwn(t)}\``),
    );
    blocks.push({ type: 'context', elements: [mrkdwn(m.listMatched(tags))] });
  }
  blocks.push(eventActions(`events.${event.id}.actions`, event, [locale], myStatus));
  return blocks;
}

/** `/alumni events`: a page of ten, each with RSVP buttons and calendar links, then Previous / More. */
export function eventsListMessage(page: Page<ListedEvent>, locale: Locale, timeZone: string): SlackMessage {
  const m = messages(locale).events;
  return pagedListMessage(
    page,
    {
      title: m.listTitle,
      empty: m.listEmpty,
      name: (item) => item.event.title,
      blocks: (item) => listedEventBlocks(item, timeZone, locale),
      actions: { previous: ACTION.eventsPrevious, more: ACTION.eventsMore },
      blockId: 'events.pages',
    },
    locale,
  );
}

export function attendeesMessage(
  event: CommunityEvent,
  rsvps: readonly Rsvp[],
  locale: Locale,
): SlackMessage {
  const m = messages(locale).events;
  const title = m.attendeesTitle(event.title);
  const titleText = m.attendeesTitle(escapeMrkdwn(event.title));
  if (rsvps.length === 0) return { text: `${titleText}\n${m.attendeesNone}` };
  const order: RsvpStatus[] = ['going', 'waitlist', 'maybe', 'not_going'];
  const lines = order
    .map((status) => {
      const people = rsvps.filter((r) => r.status === status);
      return people.length === 0
        ? undefined
        : m.attendeesGroup(
            m.status[status],
            people.length,
            namesOf(
              locale,
              people.map((r) => r.userId),
            ),
          );
    })
    .filter((line): line is string => line !== undefined);
  return {
    text: titleText,
    blocks: [
      { type: 'header', text: plain(truncate(title, 150), 150) },
      { type: 'section', text: mrkdwn(truncate(lines.join('\n'), 3000)) },
    ],
  };
}

/**
 * The posts events send through the outbox: DMs in their reader's language, the reminder in the
 * card's thread in the channel's languages.
 */
export function eventMessages(timeZone: string, channelLanguages: Languages): EventMessages {
  const details = (event: CommunityEvent, languages: Languages): KnownBlock[] => {
    const where = whereLine(event, languages);
    const id = label(languages, (m) => m.events.cardId(event.id));
    return [
      {
        type: 'context',
        elements: [
          mrkdwn(
            `${eventWhen(event, timeZone, languages[0])}${where === undefined ? '' : `  ${where}`}  ·  ${id}`,
          ),
        ],
      },
    ];
  };
  const message = (text: string, event: CommunityEvent, languages: Languages): OutboxMessage => ({
    text,
    blocks: [{ type: 'section', text: mrkdwn(text) }, ...details(event, languages)],
  });
  const title = (event: CommunityEvent): string => escapeMrkdwn(event.title);
  return {
    reminderThread: (event) =>
      message(
        stacked(channelLanguages, (m, locale) =>
          m.events.reminderThread(title(event), eventWhen(event, timeZone, locale)),
        ),
        event,
        channelLanguages,
      ),
    reminderDm: (event, _code, status, locale) => {
      const m = messages(locale).events;
      return message(
        m.reminderDm(title(event), eventWhen(event, timeZone, locale), m.status[status]),
        event,
        [locale],
      );
    },
    changed: (event, changes: readonly EventChange[], locale) => {
      const m = messages(locale).events;
      return message(
        m.changedDm(
          title(event),
          joinList(
            locale,
            changes.map((c) => m.changedWhat[c]),
          ),
        ),
        event,
        [locale],
      );
    },
    cancelled: (event, locale) => message(messages(locale).events.cancelledDm(title(event)), event, [locale]),
    promoted: (event, locale) => message(messages(locale).events.promotedDm(title(event)), event, [locale]),
  };
}
