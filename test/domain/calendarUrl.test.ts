import { SLACK_URL_LIMIT, googleCalendarUrl } from '../../src/events/calendar';
import { EVENT_LIMITS, type CommunityEvent } from '../../src/events/types';

function event(fields: Partial<CommunityEvent> = {}): CommunityEvent {
  return {
    id: 7,
    title: 'Alumni meetup',
    description: null,
    startsAt: new Date('2026-12-01T10:00:00Z'),
    endsAt: new Date('2026-12-01T12:00:00Z'),
    place: null,
    url: null,
    channel: 'C0EVENTS1',
    capacity: null,
    tags: [],
    reminders: [],
    createdBy: 'U1',
    status: 'scheduled',
    cardChannel: null,
    cardTs: null,
    ...fields,
  };
}

function params(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

const TITLE_JA = '年末アルムナイ交流会'.repeat(15); // 150 characters
const PLACE_JA = '東京都渋谷区神南一丁目会議室'.repeat(15).slice(0, EVENT_LIMITS.place); // 200 characters
const LINK = `https://meet.example.com/${'a'.repeat(EVENT_LIMITS.url - 25)}`; // 500 characters

describe('googleCalendarUrl keeps within Slack’s 3,000-character URL limit', () => {
  it('an ordinary event keeps every detail, untouched', () => {
    const url = googleCalendarUrl(
      event({ description: 'Drinks & talks', place: 'Shibuya', url: 'https://meet.example.com/x' }),
    );
    const p = params(url);
    expect(url.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    expect(p.get('text')).toBe('Alumni meetup');
    expect(p.get('dates')).toBe('20261201T100000Z/20261201T120000Z');
    expect(p.get('details')).toBe('Drinks & talks');
    expect(p.get('location')).toBe('Shibuya https://meet.example.com/x');
    expect(url).not.toContain('%E2%80%A6'); // no ellipsis
  });

  it('a 150-character Japanese title and a 200-character place: the place is shortened, the title kept', () => {
    const long = event({ title: TITLE_JA, place: PLACE_JA });
    expect(googleCalendarUrl(long, Number.POSITIVE_INFINITY).length).toBeGreaterThan(SLACK_URL_LIMIT);
    const url = googleCalendarUrl(long);
    expect(url.length).toBeLessThanOrEqual(SLACK_URL_LIMIT);
    const p = params(url);
    expect(p.get('text')).toBe(TITLE_JA);
    const location = p.get('location') ?? '';
    expect(location.endsWith('…')).toBe(true);
    expect(PLACE_JA.startsWith(location.slice(0, -1))).toBe(true);
    // Only as much as needed: one more character would not fit.
    expect(url.length).toBeGreaterThan(SLACK_URL_LIMIT - 9 - 1);
  });

  it('the description goes first: a long one is shortened before the place or title are touched', () => {
    const description = '説明'.repeat(1000);
    const url = googleCalendarUrl(event({ title: TITLE_JA, place: 'Shibuya', description }));
    expect(url.length).toBeLessThanOrEqual(SLACK_URL_LIMIT);
    const p = params(url);
    expect(p.get('text')).toBe(TITLE_JA);
    expect(p.get('location')).toBe('Shibuya');
    const details = p.get('details') ?? '';
    expect(details.endsWith('…')).toBe(true);
    expect(details.length).toBeGreaterThan(100);
  });

  it('every field at its longest: the description goes, the place is cut, the link stays whole', () => {
    const url = googleCalendarUrl(
      event({ title: TITLE_JA, place: PLACE_JA, url: LINK, description: '説明'.repeat(1000) }),
    );
    expect(url.length).toBeLessThanOrEqual(SLACK_URL_LIMIT);
    const p = params(url);
    expect(p.get('details')).toBe('');
    expect(p.get('text')).toBe(TITLE_JA);
    expect(p.get('location')?.endsWith(` ${LINK}`)).toBe(true);
  });

  it('the title is shortened last, when the place alone was not enough', () => {
    const url = googleCalendarUrl(event({ title: TITLE_JA, place: PLACE_JA, url: LINK }), 1500);
    expect(url.length).toBeLessThanOrEqual(1500);
    const p = params(url);
    expect(p.get('location')).toBe(LINK);
    const title = p.get('text') ?? '';
    expect(title.endsWith('…')).toBe(true);
    expect(TITLE_JA.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('never cuts a character in half (emoji are two UTF-16 units)', () => {
    const title = '🎉'.repeat(150);
    for (const max of [200, 201, 202, 203, 204, 205, 206, 207, 208]) {
      const url = googleCalendarUrl(event({ title }), max);
      expect(url.length).toBeLessThanOrEqual(max);
      expect(url).not.toContain('%EF%BF%BD'); // U+FFFD, what a lone surrogate becomes
      const text = params(url).get('text') ?? '';
      expect(/^(🎉)*…?$/u.test(text)).toBe(true);
    }
  });
});
