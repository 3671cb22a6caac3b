import type { CommunityEvent } from './types';

/** 20261201T100000Z, as iCalendar and Google Calendar both want UTC times. */
export function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 lines are at most 75 octets; longer ones continue on lines starting with a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const charSize = Buffer.byteLength(char, 'utf8');
    const limit = pieces.length === 0 ? 75 : 74;
    if (size + charSize > limit) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function icsFor(event: CommunityEvent, now: Date, domain = 'homecoming.invalid'): string {
  const location = [event.place, event.url].filter((part): part is string => part !== null).join(' ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Homecoming//Alumni events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:event-${event.id}@${domain}`,
    `DTSTAMP:${compactUtc(now)}`,
    `DTSTART:${compactUtc(event.startsAt)}`,
    `DTEND:${compactUtc(event.endsAt)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    ...(location === '' ? [] : [`LOCATION:${escapeIcsText(location)}`]),
    ...(event.description === null ? [] : [`DESCRIPTION:${escapeIcsText(event.description)}`]),
    ...(event.url === null ? [] : [`URL:${event.url}`]),
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Slack refuses a message whose button carries a longer `url` than this (invalid_blocks). */
export const SLACK_URL_LIMIT = 3000;

const GOOGLE_CALENDAR = 'https://calendar.google.com/calendar/render';

interface CalendarFields {
  readonly text: string;
  readonly details: string;
  readonly place: string;
  /** The event's own link, shown after the place. */
  readonly link: string;
}

/** What may be cut, in the order it is cut: the description first, the title last. */
const SHORTENED_IN_ORDER = ['details', 'place', 'text'] as const;

/** The first `count` characters of the text (whole code points), ending with an ellipsis when cut. */
function prefix(codePoints: readonly string[], count: number): string {
  if (count >= codePoints.length) return codePoints.join('');
  return count === 0 ? '' : `${codePoints.slice(0, count).join('').trimEnd()}…`;
}

/**
 * A link that opens Google Calendar with the event filled in, at most `maxLength` characters long.
 * Japanese text takes nine characters per character once percent-encoded, so a long title and place
 * alone can pass Slack's limit: then the description is shortened first, then the place, then the
 * title, each ending with an ellipsis and each only as much as needed. The event's own link is never
 * cut (half a link is no link); it is left out only if all else is gone and it still does not fit.
 */
export function googleCalendarUrl(event: CommunityEvent, maxLength = SLACK_URL_LIMIT): string {
  const dates = `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`;
  const make = (fields: CalendarFields): string => {
    const params = new URLSearchParams({
      action: 'TEMPLATE',
      text: fields.text,
      dates,
      details: fields.details,
      location: [fields.place, fields.link].filter((part) => part !== '').join(' '),
    });
    return `${GOOGLE_CALENDAR}?${params.toString()}`;
  };
  const fits = (fields: CalendarFields): boolean => make(fields).length <= maxLength;
  let fields: CalendarFields = {
    text: event.title,
    details: event.description ?? '',
    place: event.place ?? '',
    link: event.url ?? '',
  };
  for (const key of SHORTENED_IN_ORDER) {
    if (fits(fields)) return make(fields);
    const codePoints = Array.from(fields[key]);
    // The longest prefix that fits: the URL grows with every character kept.
    let low = 0;
    let high = codePoints.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits({ ...fields, [key]: prefix(codePoints, middle) })) low = middle;
      else high = middle - 1;
    }
    fields = { ...fields, [key]: prefix(codePoints, low) };
  }
  return make(fits(fields) ? fields : { ...fields, link: '' });
}
