/**
 * userMessage: the one place an error becomes words for the member. Each known domain error gets
 * its catalogue text in both languages (some depend on where it happened); anything else gets a
 * reference, quoted to the member and in exactly one log line.
 */
import { LogLevel } from '@slack/bolt';
import { NotFound } from '../../src/notFound';
import { z } from 'zod';
import { NotInAudience } from '../../src/audience/types';
import { NotYourRequest } from '../../src/coffee/types';
import { EventClosed } from '../../src/events/types';
import { LOCALES, messages, type Catalogue } from '../../src/i18n';
import { JobNotOpen, NotRecruiter } from '../../src/jobs/types';
import { LineLogger } from '../../src/logger';
import { PermissionDenied } from '../../src/roles/types';
import { UnreadableSubmission, userMessage, type Surface } from '../../src/slack/userMessage';

function capture(): { logger: LineLogger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new LineLogger(LogLevel.DEBUG, (line) => lines.push(line)), lines };
}

function say(error: unknown, surface: Surface, locale: (typeof LOCALES)[number] = 'en') {
  const { logger, lines } = capture();
  const text = userMessage(error, locale, { where: 'test place', userId: 'U1', surface }, logger);
  return { text, lines };
}

function forgedValue(): z.ZodError {
  const parsed = z.coerce.number().int().positive().safeParse('not-a-number');
  if (parsed.success) throw new Error('expected a failure');
  return parsed.error;
}

const cases: ReadonlyArray<{
  name: string;
  error: unknown;
  surface: Surface;
  text: (m: Catalogue) => string;
}> = [
  {
    name: 'NotFound (event)',
    error: new NotFound('event', 7),
    surface: 'command',
    text: (m) => m.events.notFound('7'),
  },
  {
    name: 'EventClosed (cancelled)',
    error: new EventClosed('cancelled'),
    surface: 'event_button',
    text: (m) => m.events.rsvpClosedCancelled,
  },
  {
    name: 'EventClosed (ended)',
    error: new EventClosed('ended'),
    surface: 'event_button',
    text: (m) => m.events.rsvpClosedEnded,
  },
  {
    name: 'NotFound (role)',
    error: new NotFound('role', 12),
    surface: 'role_button',
    text: (m) => m.jobs.notFound('12'),
  },
  {
    name: 'JobNotOpen (filled)',
    error: new JobNotOpen('filled'),
    surface: 'role_button',
    text: (m) => m.jobs.notOpen.filled,
  },
  {
    name: 'JobNotOpen (closed)',
    error: new JobNotOpen('closed'),
    surface: 'member_form',
    text: (m) => m.jobs.notOpen.closed,
  },
  {
    name: 'NotFound (referral)',
    error: new NotFound('referral', 3),
    surface: 'role_button',
    text: (m) => m.jobs.referralNotFound,
  },
  {
    name: 'NotFound (announcement)',
    error: new NotFound('announcement', 4),
    surface: 'command',
    text: (m) => m.announcements.notFound('4'),
  },
  {
    name: 'NotRecruiter',
    error: new NotRecruiter(),
    surface: 'role_button',
    text: (m) => m.jobs.moveRefused,
  },
  {
    name: 'NotYourRequest',
    error: new NotYourRequest(),
    surface: 'coffee_button',
    text: (m) => m.coffee.notYours,
  },
  {
    name: 'PermissionDenied',
    error: new PermissionDenied(['organizer', 'admin']),
    surface: 'manage_form',
    text: (m) => m.common.permissionDenied(`${m.roleName.organizer}${m.common.or}${m.roleName.admin}`),
  },
  {
    name: 'NotInAudience (event, member)',
    error: new NotInAudience('U1', 'C9', 'event'),
    surface: 'event_button',
    text: (m) => m.events.notInAudience,
  },
  {
    name: 'NotInAudience (event, manager)',
    error: new NotInAudience('U1', 'C9', 'event'),
    surface: 'manage_form',
    text: (m) => m.events.notInAudienceManage,
  },
  {
    name: 'NotInAudience (role, member)',
    error: new NotInAudience('U1', 'C9', 'role'),
    surface: 'coffee_button',
    text: (m) => m.jobs.notInAudience,
  },
  {
    name: 'NotInAudience (role, command)',
    error: new NotInAudience('U1', 'C9', 'role'),
    surface: 'command',
    text: (m) => m.jobs.notInAudienceManage,
  },
  {
    name: 'NotInAudience (announcement)',
    error: new NotInAudience('U1', 'C9', 'announcement'),
    surface: 'command',
    text: (m) => m.announcements.notInAudienceManage,
  },
  {
    name: 'a forged event button value',
    error: forgedValue(),
    surface: 'event_button',
    text: (m) => m.events.notFound('?'),
  },
  {
    name: 'a forged role button value',
    error: forgedValue(),
    surface: 'role_button',
    text: (m) => m.jobs.notFound('?'),
  },
  {
    name: 'a forged coffee button value',
    error: forgedValue(),
    surface: 'coffee_button',
    text: (m) => m.coffee.notYours,
  },
];

describe('userMessage', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(cases)('$name → its catalogue text, and no error logged', ({ error, surface, text }) => {
      const said = say(error, surface, locale);
      expect(said.text).toBe(text(messages(locale)));
      expect(said.lines.filter((line) => / (ERROR|WARN) /.test(line))).toEqual([]);
    });

    it('an unknown error → a reference, quoted to the member and in one error line', () => {
      const said = say(new TypeError('boom'), 'other', locale);
      expect(said.lines).toHaveLength(1);
      const ref = /test place failed for U1 \(ref ([0-9a-f]{6})\): TypeError: boom$/.exec(
        said.lines[0] ?? '',
      )?.[1];
      expect(ref).toBeDefined();
      expect(said.lines[0]).toContain(' ERROR ');
      expect(said.text).toBe(messages(locale).common.error(ref ?? ''));
    });
  });

  it('a ZodError where no button value was read is unexpected: a reference', () => {
    const said = say(forgedValue(), 'command');
    expect(said.lines).toHaveLength(1);
    expect(said.lines[0]).toMatch(/ ERROR .*test place failed for U1 \(ref [0-9a-f]{6}\): ZodError/);
    expect(said.text).toMatch(/[0-9a-f]{6}/);
  });

  it('an unreadable submission gets a reference and one warning, not an error', () => {
    const said = say(new UnreadableSubmission(), 'other', 'ja');
    expect(said.lines).toHaveLength(1);
    const ref =
      /WARN .*test place from U1 has an unreadable state; nothing saved \(ref ([0-9a-f]{6})\)$/.exec(
        said.lines[0] ?? '',
      )?.[1];
    expect(ref).toBeDefined();
    expect(said.text).toBe(messages('ja').common.error(ref ?? ''));
  });

  it('a refusal logs one info line with ids only', () => {
    const said = say(new NotInAudience('U1', 'C9', 'event'), 'event_button');
    expect(said.lines).toHaveLength(1);
    expect(said.lines[0]).toMatch(/ INFO .*test place: refused U1: not in C9, where the event is$/);
  });
});
