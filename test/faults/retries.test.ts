/**
 * Fault: Slack delivers an event again (X-Slack-Retry-Num / X-Slack-Retry-Reason) because it did
 * not see our answer in time; sometimes the retry arrives while the first delivery is still being
 * handled. 100 distinct events, each delivered twice: nothing may be handled twice. Side effects
 * are counted at the fake Slack: DM replies, welcome DMs and Home tab publications.
 */
import path from 'node:path';
import type { RecordedCall } from '../support/fakeSlack';
import type { SignedResponse } from '../support/signing';
import { TestBot } from '../support/testBot';
import {
  dmEvent,
  eventEnvelope,
  homeOpenedEvent,
  inBatches,
  teamJoinEvent,
  tempDir,
  visibleText,
} from './support';

const EVENTS = 100;
const RETRY_REASONS = [
  'http_timeout',
  'http_error',
  'connection_failed',
  'too_many_redirects',
  'unknown_error',
];

type Kind = 'dm_help' | 'dm_interests' | 'team_join' | 'home_opened';

interface Delivery {
  readonly index: number;
  readonly kind: Kind;
  readonly user: string;
  readonly eventId: string;
  readonly body: string;
  /** Both deliveries at once (racing) rather than the retry after the first has been answered. */
  readonly parallel: boolean;
}

function plan(): Delivery[] {
  const kinds: Kind[] = ['dm_help', 'dm_interests', 'team_join', 'home_opened'];
  return Array.from({ length: EVENTS }, (_, index) => {
    const kind = kinds[index % kinds.length] ?? 'dm_help';
    const user = `URETRY${String(index).padStart(3, '0')}`;
    const eventId = `EvRetry${String(index).padStart(3, '0')}`;
    let body: string;
    if (kind === 'dm_help') body = eventEnvelope(dmEvent(user, 'help'), eventId);
    else if (kind === 'dm_interests')
      body = eventEnvelope(dmEvent(user, `interests add fault-tag-${index}`), eventId);
    else {
      const { event, fixture } = kind === 'team_join' ? teamJoinEvent(user) : homeOpenedEvent(user);
      body = eventEnvelope(event, eventId, fixture);
    }
    return { index, kind, user, eventId, body, parallel: Math.floor(index / kinds.length) % 2 === 0 };
  });
}

describe('fault: every event delivered twice with Slack’s retry headers', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ now: '2026-02-02T01:00:00Z' });
  });
  afterAll(async () => {
    await tb.stop();
  });

  it(`${EVENTS} events (message.im commands, team_join, app_home_opened), each twice, some racing: 0 handled twice`, async () => {
    const deliveries = plan();
    // Half of the DM senders agreed first, so that their command changes data (interests add).
    for (const d of deliveries.filter((x) => x.kind === 'dm_interests')) await tb.agree(d.user);
    const callsBefore = tb.fake.calls.length;
    const statuses: number[] = [];

    const send = (d: Delivery, retryNum?: number): Promise<SignedResponse> =>
      tb.post(
        d.body,
        'application/json',
        retryNum === undefined
          ? {}
          : {
              'X-Slack-Retry-Num': String(retryNum),
              'X-Slack-Retry-Reason': RETRY_REASONS[d.index % RETRY_REASONS.length] ?? 'http_timeout',
            },
      );

    await inBatches(deliveries, 10, async (d) => {
      let responses: SignedResponse[];
      if (d.parallel) {
        responses = await Promise.all([send(d), send(d, 1)]);
      } else {
        const first = await send(d);
        await tb.settle();
        responses = [first, await send(d, 1)];
      }
      statuses.push(...responses.map((r) => r.status));
    });
    await tb.settle();

    expect(statuses).toHaveLength(2 * EVENTS);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const calls = tb.fake.calls.slice(callsBefore);
    const posts = (channel: string): RecordedCall[] =>
      calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);
    const publishes = (user: string): RecordedCall[] =>
      calls.filter((c) => c.method === 'views.publish' && c.args.user_id === user);

    const handledTwice: string[] = [];
    const missed: string[] = [];
    for (const d of deliveries) {
      let effects: RecordedCall[];
      if (d.kind === 'team_join') effects = posts(d.user);
      else if (d.kind === 'home_opened') effects = publishes(d.user);
      else effects = posts(`D${d.user}`);
      if (effects.length > 1) handledTwice.push(`${d.eventId} (${d.kind}) ×${effects.length}`);
      if (effects.length === 0) missed.push(`${d.eventId} (${d.kind})`);
    }
    expect({ handledTwice, missed }).toEqual({ handledTwice: [], missed: [] });

    // The side effects are what each event asked for, once each.
    const welcomes = deliveries.filter((d) => d.kind === 'team_join').flatMap((d) => posts(d.user));
    expect(welcomes).toHaveLength(EVENTS / 4);
    expect(welcomes.every((c) => JSON.stringify(c.args.blocks).includes('onboarding.agree'))).toBe(true);
    expect(deliveries.filter((d) => d.kind === 'home_opened').flatMap((d) => publishes(d.user))).toHaveLength(
      EVENTS / 4,
    );
    for (const d of deliveries.filter((x) => x.kind === 'dm_interests')) {
      const reply = visibleText(posts(`D${d.user}`)[0]?.args);
      expect(reply).toContain(`fault-tag-${d.index}`);
      expect(reply).not.toContain('already');
      expect(await tb.rows('SELECT tag FROM member_interests WHERE user_id = ?', d.user)).toEqual([
        { tag: `fault-tag-${d.index}` },
      ]);
    }

    // Every second delivery was recognised as a repeat and stopped before any listener ran.
    const handled = await tb.row<{ n: number }>(
      "SELECT count(*) AS n FROM handled_events WHERE event_id LIKE 'EvRetry%'",
    );
    expect(handled?.n).toBe(EVENTS);
    const ignored = tb.logs.filter((line) => /event EvRetry\d+ already handled; retry/.test(line));
    expect(ignored).toHaveLength(EVENTS);
    expect(tb.fake.violations).toEqual([]);
  });

  it('a retry that arrives after a restart is still recognised: handled ids live in the database', async () => {
    const { dir, cleanup } = tempDir('homecoming-retry-restart-');
    const env = { DATABASE_PATH: path.join(dir, 'retry.sqlite') };
    const body = eventEnvelope(dmEvent('URETRYX01', 'help'), 'EvRetryAcrossRestart');
    const first = await TestBot.start({ env, now: '2026-02-02T01:00:00Z' });
    let second: TestBot | undefined;
    let firstStopped = false;
    try {
      expect((await first.post(body, 'application/json')).status).toBe(200);
      await first.settle();
      expect(
        first.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DURETRYX01'),
      ).toHaveLength(1);
      await first.stop();
      firstStopped = true;
      second = await TestBot.start({ env, now: '2026-02-02T01:01:00Z' });
      const again = await second.post(body, 'application/json', {
        'X-Slack-Retry-Num': '2',
        'X-Slack-Retry-Reason': 'http_timeout',
      });
      await second.settle();
      expect(again.status).toBe(200);
      expect(second.fake.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      if (!firstStopped) await first.stop();
      await second?.stop();
      cleanup();
    }
  });
});
