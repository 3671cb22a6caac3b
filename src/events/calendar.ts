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

/** A link that opens Google Calendar with the event filled in; kept under Slack's 3,000-character URL limit. */
export function googleCalendarUrl(event: CommunityEvent): string {
  const base = 'https://calendar.google.com/calendar/render';
  const make = (details: string): string => {
    const params = new URLSearchParams({
      action: 'TEMPLATE',
      text: event.title,
      dates: `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`,
      details,
      location: [event.place, event.url].filter((part): part is string => part !== null).join(' '),
    });
    return `${base}?${params.toString()}`;
  };
  let details = event.description ?? '';
  let url = make(details);
  while (url.length > 3000 && details.length > 0) {
    details = details.slice(0, Math.floor(details.length * 0.8));
    url = make(details);
  }
  return url;
}
