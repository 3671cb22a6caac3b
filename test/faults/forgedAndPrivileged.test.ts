/**
 * Fault: requests that do not come from Slack, and members who try what their role does not allow.
 *
 * - Forged, unsigned and stale requests on every surface (slash command, Events API,
 *   interactivity): 401, no listener runs, no Web API call, no response_url post, no database change
 *   (the handled-event ids included: a forged event must not be able to "use up" a real one's id).
 * - Every privileged verb of the parser, by slash command and by DM, from a member without the
 *   role; and the privileged modal submissions and referral buttons: refused with a message that
 *   names the role, database unchanged.
 */
import { ADMIN, SIGNING_SECRET, TestBot } from '../support/testBot';
import { postSigned, slackSignature, type SignedResponse } from '../support/signing';
import {
  actionBody,
  announceValues,
  dmEvent,
  eventEnvelope,
  eventValues,
  homeOpenedEvent,
  jobValues,
  referralValues,
  slashBody,
  teamJoinEvent,
  viewBody,
  visibleText,
  type Json,
} from './support';

const ORGANIZER = 'UPRIVORG';
const HR = 'UPRIVHR';
const MEMBER = 'UPRIVMEM';
const REFERRER = 'UPRIVREF';
const NEWCOMER = 'UPRIVNEW';
const JOBS_CHANNEL = 'C0PRIVJOBS';
const HOUR = 3_600_000;

type ContentType = 'application/json' | 'application/x-www-form-urlencoded';

interface Surface {
  readonly name: string;
  readonly contentType: ContentType;
  readonly body: () => string;
}

interface Forgery {
  readonly name: string;
  readonly send: (url: string, body: string, contentType: ContentType) => Promise<SignedResponse>;
}

const now = (): number => Math.floor(Date.now() / 1000);
const rawPost = async (
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<SignedResponse> => {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), json: undefined };
};

const FORGERIES: Forgery[] = [
  {
    name: 'signed with another secret',
    send: (url, body, contentType) => postSigned(url, body, { signingSecret: 'not-the-secret', contentType }),
  },
  {
    name: 'no signature headers',
    send: (url, body, contentType) =>
      postSigned(url, body, { signingSecret: SIGNING_SECRET, contentType, sign: false }),
  },
  {
    name: 'a timestamp but no signature',
    send: (url, body, contentType) =>
      postSigned(url, body, {
        signingSecret: SIGNING_SECRET,
        contentType,
        sign: false,
        headers: { 'X-Slack-Request-Timestamp': String(now()) },
      }),
  },
  {
    name: 'a signature but no timestamp',
    send: (url, body, contentType) =>
      rawPost(url, body, {
        'Content-Type': contentType,
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, now(), body),
      }),
  },
  {
    name: 'correctly signed, 6 minutes old',
    send: (url, body, contentType) =>
      postSigned(url, body, { signingSecret: SIGNING_SECRET, contentType, timestamp: now() - 6 * 60 }),
  },
  {
    name: 'correctly signed, a day old',
    send: (url, body, contentType) =>
      postSigned(url, body, { signingSecret: SIGNING_SECRET, contentType, timestamp: now() - 86_400 }),
  },
  {
    name: 'body changed after signing',
    send: (url, body, contentType) => {
      const timestamp = now();
      const changed = contentType === 'application/json' ? `${body} ` : `${body}&x=1`;
      return rawPost(url, changed, {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, timestamp, body),
      });
    },
  },
  {
    name: 'signature for another timestamp',
    send: (url, body, contentType) => {
      const timestamp = now();
      return rawPost(url, body, {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, timestamp - 30, body),
      });
    },
  },
  {
    name: 'an unknown signature version (v1=)',
    send: (url, body, contentType) => {
      const timestamp = now();
      return rawPost(url, body, {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, timestamp, body).replace('v0=', 'v1='),
      });
    },
  },
  {
    name: 'an empty signature',
    send: (url, body, contentType) =>
      rawPost(url, body, {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': String(now()),
        'X-Slack-Signature': 'v0=',
      }),
  },
  {
    name: 'a timestamp that is not a number',
    send: (url, body, contentType) =>
      rawPost(url, body, {
        'Content-Type': contentType,
        'X-Slack-Request-Timestamp': 'yesterday',
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, now(), body),
      }),
  },
];

describe('fault: forged, unsigned and stale requests on every surface', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ now: '2026-05-11T01:00:00Z' });
    await tb.agree(MEMBER);
    await tb.command('interests', MEMBER); // first activity recorded now, so later refusals cannot hide behind it
  });
  afterAll(async () => {
    await tb.stop();
  });

  let counter = 0;
  const eventId = (): string => {
    counter += 1;
    return `EvForged${String(counter).padStart(4, '0')}`;
  };
  // Each body, if it got through, would change something: a row, a reply, a DM or a Home tab.
  const surfaces: Surface[] = [
    {
      name: 'slash command /alumni interests add',
      contentType: 'application/x-www-form-urlencoded',
      body: () => slashBody(tb.fake, MEMBER, 'interests add forged-slash').body,
    },
    {
      name: 'event message.im',
      contentType: 'application/json',
      body: () => eventEnvelope(dmEvent(MEMBER, 'interests add forged-dm'), eventId()),
    },
    {
      name: 'event team_join',
      contentType: 'application/json',
      body: () => {
        const { event, fixture } = teamJoinEvent(NEWCOMER);
        return eventEnvelope(event, eventId(), fixture);
      },
    },
    {
      name: 'event app_home_opened',
      contentType: 'application/json',
      body: () => {
        const { event, fixture } = homeOpenedEvent(MEMBER);
        return eventEnvelope(event, eventId(), fixture);
      },
    },
    {
      name: 'url_verification',
      contentType: 'application/json',
      body: () =>
        JSON.stringify({ token: 'x', challenge: 'forged-challenge-value', type: 'url_verification' }),
    },
    {
      name: 'block_actions onboarding.agree',
      contentType: 'application/x-www-form-urlencoded',
      body: () => actionBody(tb.fake, NEWCOMER, 'onboarding.agree', 'x').body,
    },
    {
      name: 'view_submission interests.modal',
      contentType: 'application/x-www-form-urlencoded',
      body: () =>
        viewBody(
          MEMBER,
          'interests.modal',
          { 'interests.tags': { value: { type: 'plain_text_input', value: 'forged-view' } } },
          '{"origin":"command"}',
        ),
    },
  ];

  const handledEvents = async (): Promise<number> =>
    (await tb.row<{ n: number }>('SELECT count(*) AS n FROM handled_events'))?.n ?? 0;

  it.each(surfaces.map((s) => [s.name, s] as const))(
    '%s: every forgery gets 401 and changes nothing',
    async (_name, surface) => {
      for (const forgery of FORGERIES) {
        await tb.settle();
        const before = {
          snapshot: await tb.snapshot(),
          calls: tb.fake.calls.length,
          responses: tb.fake.responses.length,
          handled: await handledEvents(),
        };
        const response = await forgery.send(tb.eventsUrl, surface.body(), surface.contentType);
        await tb.settle();
        expect({ forgery: forgery.name, status: response.status }).toEqual({
          forgery: forgery.name,
          status: 401,
        });
        expect(response.text).not.toContain('forged-challenge-value');
        expect({
          forgery: forgery.name,
          calls: tb.fake.calls.slice(before.calls).map((c) => c.method),
        }).toEqual({ forgery: forgery.name, calls: [] });
        expect(tb.fake.responses.length).toBe(before.responses);
        expect(await handledEvents()).toBe(before.handled);
        expect(await tb.snapshot()).toBe(before.snapshot);
      }
      expect(await tb.rowsMentioning('forged-')).toEqual([]);
      expect(await tb.rowsMentioning(NEWCOMER)).toEqual([]);
    },
  );

  it('the same requests, correctly signed, do get through (the refusals above are not vacuous)', async () => {
    const before = await tb.snapshot();
    for (const surface of surfaces) {
      const response = await tb.post(surface.body(), surface.contentType);
      expect({ surface: surface.name, status: response.status }).toEqual({
        surface: surface.name,
        status: 200,
      });
    }
    await tb.settle();
    expect(await tb.snapshot()).not.toBe(before);
    expect((await tb.rowsMentioning('forged-view')).length).toBeGreaterThan(0);
    expect((await tb.rowsMentioning(NEWCOMER)).length).toBeGreaterThan(0);
    expect(tb.fake.violations).toEqual([]);
  });
});

describe('fault: privileged verbs, modals and buttons used by a member without the role', () => {
  let tb: TestBot;
  const ids = { event: 0, announcement: 0, job: 0, referral: 0 };

  beforeAll(async () => {
    tb = await TestBot.start({ now: '2026-05-11T01:00:00Z', env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
    await tb.command(`role add <@${HR}|h> hr`, ADMIN);
    for (const user of [ORGANIZER, HR, MEMBER, REFERRER]) await tb.agree(user);
    // Real objects, so that a refusal cannot be mistaken for "there is no such event / role".
    const startsAt = new Date(tb.clock.now().getTime() + 72 * HOUR);
    await tb.submit(
      'event.modal',
      eventValues({
        title: 'Privileged meetup',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        channel: 'C0PRIVEV',
        reminders: ['1d'],
      }),
      ORGANIZER,
      '{"eventId":null}',
    );
    await tb.submit(
      'announcement.modal',
      announceValues({
        channel: 'C0PRIVNEWS',
        text: 'News',
        postAt: new Date(tb.clock.now().getTime() + HOUR),
        repeat: 'weekly',
      }),
      ORGANIZER,
      '',
    );
    await tb.submit('job.modal', jobValues(HR), HR, '');
    const max = async (table: string): Promise<number> =>
      (await tb.row<{ id: number }>(`SELECT max(id) AS id FROM ${table}`))?.id ?? 0;
    ids.event = await max('events');
    ids.announcement = await max('announcements');
    ids.job = await max('jobs');
    await tb.submit('job.referral.modal', referralValues(), REFERRER, JSON.stringify({ jobId: ids.job }));
    ids.referral = await max('referrals');
    expect(Object.values(ids).every((id) => id > 0)).toBe(true);
    await tb.command('interests', MEMBER); // the member's activity is recorded before the refusals
    await tb.settle();
  });
  afterAll(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const ROLE_TEXT = {
    organizer: 'Only members with the organizer role',
    hr: 'Only members with the HR role',
    admin: 'Only members with the admin role',
    organizerOrHr: 'Only members with the organizer or HR role',
    // A supporter may fill in a new event or announcement: it becomes a proposal (issue 14 §3).
    organizerOrSupporter: 'Only members with the organizer or supporter role',
  } as const;

  /** Every privileged verb the parser knows (src/slack/parse/command.ts), with the role it names. */
  const verbs = (): [string, string][] => [
    ['event new', ROLE_TEXT.organizerOrSupporter],
    ['event create', ROLE_TEXT.organizerOrSupporter],
    [`event edit ${ids.event}`, ROLE_TEXT.organizer],
    [`event cancel ${ids.event}`, ROLE_TEXT.organizer],
    [`event attendees ${ids.event}`, ROLE_TEXT.organizer],
    ['announce', ROLE_TEXT.organizerOrSupporter],
    ['announce new', ROLE_TEXT.organizerOrSupporter],
    ['announce list', ROLE_TEXT.organizer],
    ['announcements', ROLE_TEXT.organizer],
    // Its author may cancel it too, so the refusal names both rather than a role alone.
    [`announce cancel ${ids.announcement}`, 'Only its author or an admin can change or cancel announcement'],
    ['job new', ROLE_TEXT.hr],
    [`job close ${ids.job}`, ROLE_TEXT.hr],
    [`job hired ${ids.job} <@${REFERRER}|r>`, ROLE_TEXT.hr],
    [`job post ${ids.job}`, ROLE_TEXT.hr],
    [`job contacts ${ids.job}`, ROLE_TEXT.hr],
    [`job contacts ${ids.job} <@${MEMBER}|me> <@${REFERRER}|r>`, ROLE_TEXT.hr],
    ['digest send', ROLE_TEXT.hr],
    ['stats', ROLE_TEXT.organizerOrHr],
    ['stats csv', ROLE_TEXT.organizerOrHr],
    ['roles', ROLE_TEXT.admin],
    [`role add <@${MEMBER}|me> admin`, ROLE_TEXT.admin],
    [`role add <@${MEMBER}|me> hr`, ROLE_TEXT.admin],
    [`role add <@${MEMBER}|me> organizer`, ROLE_TEXT.admin],
    [`role remove <@${ORGANIZER}|o> organizer`, ROLE_TEXT.admin],
    [`role remove <@${ADMIN}|a> admin`, ROLE_TEXT.admin],
    [`talent ${ids.job}`, ROLE_TEXT.hr],
    ['talent go, design', ROLE_TEXT.hr],
    ['intros preview', ROLE_TEXT.admin],
  ];

  it('every privileged verb by slash command: refused, naming the role; nothing changed, nothing opened', async () => {
    const refusals: string[] = [];
    for (const [text, expected] of verbs()) {
      await tb.settle();
      const before = { snapshot: await tb.snapshot(), calls: tb.fake.calls.length };
      const { body, responseUrl } = slashBody(tb.fake, MEMBER, text);
      const response = await tb.post(body, 'application/x-www-form-urlencoded');
      await tb.settle();
      const json = response.json as Json | undefined;
      const later = tb.fake.responses
        .filter((r) => r.path === new URL(responseUrl).pathname)
        .map((r) => r.body);
      const said = [json, ...later].map(visibleText).join('\n');
      expect({
        text,
        status: response.status,
        ephemeral: json?.response_type ?? later[0]?.response_type,
      }).toEqual({ text, status: 200, ephemeral: 'ephemeral' });
      expect({ text, said }).toEqual({ text, said: expect.stringContaining(expected) as unknown });
      expect({
        text,
        calls: tb.fake.calls
          .slice(before.calls)
          .map((c) => c.method)
          .filter((m) => m !== 'users.info'),
      }).toEqual({ text, calls: [] });
      expect({ text, unchanged: (await tb.snapshot()) === before.snapshot }).toEqual({
        text,
        unchanged: true,
      });
      refusals.push(text);
    }
    expect(refusals).toHaveLength(verbs().length);
  });

  it('every privileged verb by DM: refused, naming the role; nothing changed', async () => {
    for (const [text, expected] of verbs()) {
      await tb.settle();
      const before = { snapshot: await tb.snapshot(), posts: tb.fake.callsTo('chat.postMessage').length };
      const response = await tb.dm(text, MEMBER);
      expect(response.status).toBe(200);
      const replies = tb.fake.callsTo('chat.postMessage').slice(before.posts);
      expect({ text, to: replies.map((c) => c.args.channel) }).toEqual({ text, to: [`D${MEMBER}`] });
      expect({ text, said: visibleText(replies[0]?.args) }).toEqual({
        text,
        said: expect.stringContaining(expected) as unknown,
      });
      expect({ text, unchanged: (await tb.snapshot()) === before.snapshot }).toEqual({
        text,
        unchanged: true,
      });
    }
  });

  it('privileged modal submissions (role, event, announcement): refused in the modal, naming the role; nothing saved or posted', async () => {
    const startsAt = new Date(tb.clock.now().getTime() + 48 * HOUR);
    const cases: [string, string, unknown, string, string][] = [
      ['job.modal', 'new role', jobValues(MEMBER), '', ROLE_TEXT.hr],
      [
        'event.modal',
        'new event',
        eventValues({
          title: 'Sneaky',
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR),
          channel: 'C0PRIVEV',
          reminders: ['1h'],
        }),
        '{"eventId":null}',
        ROLE_TEXT.organizer,
      ],
      [
        'event.modal',
        'edit of an existing event',
        eventValues({
          title: 'Hijacked',
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR),
          channel: 'C0PRIVEV',
          reminders: [],
        }),
        JSON.stringify({ eventId: ids.event }),
        ROLE_TEXT.organizer,
      ],
      [
        'announcement.modal',
        'new announcement',
        announceValues({
          channel: 'C0PRIVNEWS',
          text: 'Sneaky news',
          postAt: new Date(tb.clock.now().getTime() + HOUR),
          repeat: 'none',
        }),
        '',
        ROLE_TEXT.organizer,
      ],
    ];
    for (const [callbackId, what, values, metadata, expected] of cases) {
      await tb.settle();
      const before = {
        snapshot: await tb.snapshot(),
        posts: tb.fake.callsTo('chat.postMessage').length,
        updates: tb.fake.callsTo('chat.update').length,
      };
      const response = await tb.post(
        viewBody(MEMBER, callbackId, values, metadata),
        'application/x-www-form-urlencoded',
      );
      await tb.settle();
      const json = response.json as Json | undefined;
      expect({ what, status: response.status, action: json?.response_action }).toEqual({
        what,
        status: 200,
        action: 'update',
      });
      expect({ what, said: visibleText(json?.view) }).toEqual({
        what,
        said: expect.stringContaining(expected) as unknown,
      });
      expect({ what, unchanged: (await tb.snapshot()) === before.snapshot }).toEqual({
        what,
        unchanged: true,
      });
      expect(tb.fake.callsTo('chat.postMessage').length).toBe(before.posts);
      expect(tb.fake.callsTo('chat.update').length).toBe(before.updates);
    }
    expect(await tb.rowsMentioning('Sneaky')).toEqual([]);
    expect(await tb.rowsMentioning('Hijacked')).toEqual([]);
  });

  it('referral status buttons pressed by a member who is not the recruiter, HR or an admin: refused, naming HR', async () => {
    for (const action of [
      'job.referral.contacted',
      'job.referral.interviewing',
      'job.referral.hired',
      'job.referral.closed',
    ]) {
      for (const presser of [MEMBER, REFERRER]) {
        await tb.settle();
        const before = { snapshot: await tb.snapshot(), posts: tb.fake.callsTo('chat.postMessage').length };
        const { body, responseUrl } = actionBody(tb.fake, presser, action, String(ids.referral));
        const response = await tb.post(body, 'application/x-www-form-urlencoded');
        await tb.settle();
        expect(response.status).toBe(200);
        const told = tb.fake.responses
          .filter((r) => r.path === new URL(responseUrl).pathname)
          .map((r) => r.body);
        expect({ action, presser, told: told.map((b) => [b.response_type, b.replace_original]) }).toEqual({
          action,
          presser,
          told: [['ephemeral', false]],
        });
        expect(visibleText(told[0])).toContain('HR');
        expect(visibleText(told[0])).toContain('recruiter');
        expect({ action, presser, unchanged: (await tb.snapshot()) === before.snapshot }).toEqual({
          action,
          presser,
          unchanged: true,
        });
        expect(tb.fake.callsTo('chat.postMessage').length).toBe(before.posts);
      }
    }
    const referral = await tb.row<{ status: string }>(
      'SELECT status FROM referrals WHERE id = ?',
      ids.referral,
    );
    expect(referral?.status).toBe('new');
  });
});
