import { joinList, messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import { googleCalendarUrl } from '../../events/calendar';
import type { EventChange, EventMessages } from '../../events/service';
import { type CommunityEvent, type EventSummary, type Rsvp, type RsvpStatus } from '../../events/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';

// Building an Intl.DateTimeFormat costs far more than using one; cards render on every RSVP.
const fallbackFormats = new Map<string, Intl.DateTimeFormat>();

function fallbackFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = fallbackFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    fallbackFormats.set(key, format);
  }
  return format;
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

function whereLine(event: CommunityEvent, locale: Locale): string | undefined {
  const m = messages(locale).events;
  const parts: string[] = [];
  if (event.place !== null) parts.push(`:round_pushpin: ${escapeMrkdwn(event.place)}`);
  if (event.url !== null) parts.push(`:link: <${event.url}|${m.online}>`);
  return parts.length === 0 ? undefined : parts.join('   ');
}

function rsvpButtons(event: CommunityEvent, locale: Locale, current: RsvpStatus | undefined): Button[] {
  const m = messages(locale).events;
  const value = String(event.id);
  const choice = (actionId: string, label: string, selected: boolean): Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(selected ? `✓ ${label}` : label, 75),
    value,
    ...(selected ? { style: 'primary' as const } : {}),
  });
  return [
    choice(ACTION.rsvpGoing, m.going, current === 'going' || current === 'waitlist'),
    choice(ACTION.rsvpMaybe, m.maybe, current === 'maybe'),
    choice(ACTION.rsvpNotGoing, m.notGoing, current === 'not_going'),
  ];
}

/** The row under an event on its card and in lists: answer, add to a calendar, get the .ics file. */
function eventActions(
  blockId: string,
  event: CommunityEvent,
  locale: Locale,
  current: RsvpStatus | undefined,
): KnownBlock {
  const m = messages(locale).events;
  return {
    type: 'actions',
    block_id: blockId,
    elements: [
      ...rsvpButtons(event, locale, current),
      {
        type: 'button',
        action_id: ACTION.eventCalendarLink,
        text: plain(m.addToCalendar, 75),
        url: googleCalendarUrl(event),
        value: String(event.id),
      },
      { type: 'button', action_id: ACTION.eventIcs, text: plain(m.downloadIcs, 75), value: String(event.id) },
    ],
  };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

const NAMES_ON_CARD = 10;

/** The card posted in the event's channel and updated on every RSVP. */
export function eventCard(summary: EventSummary, locale: Locale, timeZone: string): SlackMessage {
  const m = messages(locale).events;
  const { event } = summary;
  const title = truncate(event.title, 150);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(title, 150) }];
  if (event.status === 'cancelled') {
    blocks.push({ type: 'section', text: mrkdwn(`:x: ~${escapeMrkdwn(event.title)}~\n${m.cardCancelled}`) });
    // The top-level text (notifications, screen readers) is mrkdwn too: escaped like the blocks.
    return { text: `${escapeMrkdwn(event.title)}: ${m.cardCancelled}`, blocks };
  }
  const where = whereLine(event, locale);
  blocks.push({
    type: 'section',
    text: mrkdwn(
      `:calendar: ${eventWhen(event, timeZone, locale)}${where === undefined ? '' : `\n${where}`}`,
    ),
  });
  if (event.description !== null)
    blocks.push({ type: 'section', text: mrkdwn(truncate(escapeMrkdwn(event.description), 3000)) });
  const names = summary.goingNames.slice(0, NAMES_ON_CARD).map((name) => escapeMrkdwn(firstName(name)));
  // Members not visible to all are counted in "and N more", never named.
  const more = summary.going - names.length;
  const goingLine = m.cardGoing(
    summary.going,
    names.length === 0 ? '' : `${joinList(locale, names)}${more > 0 ? ` ${m.cardMore(more)}` : ''}`,
  );
  const extras: string[] = [];
  if (summary.maybe > 0) extras.push(m.cardMaybe(summary.maybe));
  if (summary.waitlist > 0) extras.push(m.cardWaitlist(summary.waitlist));
  if (event.capacity !== null) {
    const left = event.capacity - summary.going;
    extras.push(left > 0 ? m.cardCapacity(left, event.capacity) : m.cardFull(event.capacity));
  }
  blocks.push({
    type: 'section',
    text: mrkdwn(extras.length === 0 ? goingLine : `${goingLine}\n${extras.join(' · ')}`),
  });
  blocks.push(eventActions(`event.${event.id}.rsvp`, event, locale, undefined));
  const context = [
    m.cardId(event.id),
    ...(event.tags.length > 0
      ? [event.tags.map((t) => `\`${escapeMrkdwn(tagLabel(t, locale))}\``).join(' ')]
      : []),
  ];
  blocks.push({ type: 'context', elements: [mrkdwn(context.join('  ·  '))] });
  return { text: `${escapeMrkdwn(event.title)} — ${eventWhen(event, timeZone, locale)}`, blocks };
}

/** `/alumni events`: the next ten, each with RSVP buttons and calendar links. */
export function eventsListMessage(
  items: readonly {
    event: CommunityEvent;
    matchedTags: readonly string[];
    myStatus: RsvpStatus | undefined;
  }[],
  locale: Locale,
  timeZone: string,
): SlackMessage {
  const m = messages(locale).events;
  if (items.length === 0) return { text: m.listEmpty };
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.listTitle, 150) }];
  for (const { event, matchedTags, myStatus } of items) {
    const lines = [
      `*${escapeMrkdwn(truncate(event.title, 150))}*  _#${event.id}_`,
      eventWhen(event, timeZone, locale),
    ];
    const where = whereLine(event, locale);
    if (where !== undefined) lines.push(where);
    if (myStatus !== undefined) lines.push(m.yourAnswer(m.status[myStatus]));
    blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
    if (matchedTags.length > 0) {
      blocks.push({
        type: 'context',
        elements: [
          mrkdwn(
            m.listMatched(
              joinList(
                locale,
                matchedTags.map((t) => `\`${escapeMrkdwn(t)}\``),
              ),
            ),
          ),
        ],
      });
    }
    blocks.push(eventActions(`events.${event.id}.actions`, event, locale, myStatus));
  }
  return {
    text: `${m.listTitle}: ${items.map((i) => escapeMrkdwn(i.event.title)).join(', ')}`,
    blocks: blocks.slice(0, 50),
  };
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
        : `*${m.status[status]}* (${people.length}): ${people.map((r) => `<@${r.userId}>`).join(' ')}`;
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

/** The posts events send through the outbox. */
export function eventMessages(timeZone: string): EventMessages {
  const details = (event: CommunityEvent, locale: Locale): KnownBlock[] => {
    const where = whereLine(event, locale);
    return [
      {
        type: 'context',
        elements: [
          mrkdwn(
            `${eventWhen(event, timeZone, locale)}${where === undefined ? '' : `  ${where}`}  ·  ${messages(locale).events.cardId(event.id)}`,
          ),
        ],
      },
    ];
  };
  const message = (text: string, event: CommunityEvent, locale: Locale): OutboxMessage => ({
    text,
    blocks: [{ type: 'section', text: mrkdwn(text) }, ...details(event, locale)],
  });
  return {
    reminderThread: (event, _code, locale) =>
      message(
        messages(locale).events.reminderThread(escapeMrkdwn(event.title), eventWhen(event, timeZone, locale)),
        event,
        locale,
      ),
    reminderDm: (event, _code, status, locale) => {
      const m = messages(locale).events;
      return message(
        m.reminderDm(escapeMrkdwn(event.title), eventWhen(event, timeZone, locale), m.status[status]),
        event,
        locale,
      );
    },
    changed: (event, changes: readonly EventChange[], locale) => {
      const m = messages(locale).events;
      return message(
        m.changedDm(
          escapeMrkdwn(event.title),
          joinList(
            locale,
            changes.map((c) => m.changedWhat[c]),
          ),
        ),
        event,
        locale,
      );
    },
    cancelled: (event, locale) =>
      message(messages(locale).events.cancelledDm(escapeMrkdwn(event.title)), event, locale),
    promoted: (event, locale) =>
      message(messages(locale).events.promotedDm(escapeMrkdwn(event.title)), event, locale),
  };
}
