/**
 * Fault: the same signed `view_submission` (same view id and hash) arrives more than once: a
 * double click, a replayed request, or a retry that reaches a second copy of the bot sharing
 * the database. Each of the four forms that create something (event, role, announcement,
 * referral) creates one row and has one set of side effects (card, DM, post), however the
 * copies arrive: one after the other, at once, or at two bots. Every copy is acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { postSigned, type SignedResponse } from '../support/signing';
import { ADMIN, SIGNING_SECRET, TestBot } from '../support/testBot';
import { setUpHr } from '../jobs/support';
import { keyOf } from '../scheduler/helpers';
import {
  announceValues,
  eventValues,
  jobValues,
  referralValues,
  tempDir,
  viewBody,
  type Json,
} from './support';

jest.setTimeout(60_000);

const ORGANIZER = 'U9RPORG';
const HR = 'U9RPHR';
const MEMBER = 'U9RPMEM';
const EVENTS_CHANNEL = 'C0RPEVENTS';
const JOBS_CHANNEL = 'C0RPJOBS';
const NEWS_CHANNEL = 'C0RPNEWS';
const DAY = 24 * 3_600_000;

let views = 0;

/** One form submission, signed once: every copy is byte for byte the same request. */
interface Submission {
  readonly form: string;
  readonly body: string;
  readonly timestamp: number;
}

function send(tb: TestBot, submission: Submission): Promise<SignedResponse> {
  return postSigned(tb.eventsUrl, submission.body, {
    signingSecret: SIGNING_SECRET,
    contentType: 'application/x-www-form-urlencoded',
    timestamp: submission.timestamp,
  });
}

async function prepare(tb: TestBot): Promise<void> {
  await tb.agree(ADMIN);
  await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
  await tb.agree(ORGANIZER);
  await setUpHr(tb, HR);
  await tb.agree(MEMBER);
}

const count = async (tb: TestBot, sql: string, ...params: (string | number)[]): Promise<number> =>
  (await tb.row<{ n: number }>(sql, ...params))?.n ?? 0;

/** The four forms, each with a title or name of its own, and how to count what one submission made. */
function forms(tb: TestBot, tag: string, jobId: number) {
  views += 1;
  const viewId = (form: string) => `VRP${form.toUpperCase()}${views}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const start = new Date(tb.clock.now().getTime() + 3 * DAY);
  const title = `Replay ${tag}`;
  const eventForm = eventValues({
    title,
    startsAt: start,
    endsAt: new Date(start.getTime() + 3_600_000),
    channel: EVENTS_CHANNEL,
    reminders: ['1d'],
  });
  const job = jobValues(HR);
  job['job.title'] = { value: { type: 'plain_text_input', value: title } };
  const referral = referralValues();
  referral['referral.name'] = { value: { type: 'plain_text_input', value: title } };
  const postAt = new Date(tb.clock.now().getTime() + DAY);
  return [
    {
      submission: {
        form: 'event',
        timestamp,
        body: viewBody(ORGANIZER, 'event.modal', eventForm, '{"eventId":null}', viewId('event')),
      },
      made: async () => ({
        rows: await count(tb, 'SELECT count(*) AS n FROM events WHERE title = ?', title),
        reminders: await count(
          tb,
          'SELECT count(*) AS n FROM event_reminders r JOIN events e ON e.id = r.event_id WHERE e.title = ?',
          title,
        ),
        cards: tb.fake
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === EVENTS_CHANNEL && String(c.args.text).includes(title)).length,
        dms: tb.fake
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === ORGANIZER && String(c.args.text).includes(title)).length,
      }),
    },
    {
      submission: { form: 'job', timestamp, body: viewBody(HR, 'job.modal', job, '', viewId('job')) },
      made: async () => ({
        rows: await count(tb, 'SELECT count(*) AS n FROM jobs WHERE title = ?', title),
        cards: tb.fake
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === JOBS_CHANNEL && String(c.args.text).includes(title)).length,
        dms: tb.fake
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === HR && String(c.args.text).includes(title)).length,
      }),
    },
    {
      submission: {
        form: 'announcement',
        timestamp,
        body: viewBody(
          ORGANIZER,
          'announcement.modal',
          announceValues({ channel: NEWS_CHANNEL, text: title, postAt, repeat: 'none' }),
          '',
          viewId('announcement'),
        ),
      },
      made: async () => ({
        rows: await count(tb, 'SELECT count(*) AS n FROM announcements WHERE text = ?', title),
      }),
    },
    {
      submission: {
        form: 'referral',
        timestamp,
        body: viewBody(MEMBER, 'job.referral.modal', referral, JSON.stringify({ jobId }), viewId('referral')),
      },
      made: async () => ({
        rows: await count(tb, 'SELECT count(*) AS n FROM referrals WHERE candidate_name = ?', title),
        // Referrals are counted one by one in the funnel: one step per referral row.
        funnelMatchesRows:
          (await count(
            tb,
            "SELECT count(*) AS n FROM funnel_events WHERE step = 'referral' AND user_id = ?",
            MEMBER,
          )) === (await count(tb, 'SELECT count(*) AS n FROM referrals WHERE referrer = ?', MEMBER)),
        dms: await count(
          tb,
          "SELECT count(*) AS n FROM outbox o JOIN referrals r ON o.key LIKE 'job:%:referral:' || r.id || ':%' WHERE r.candidate_name = ?",
          title,
        ),
      }),
    },
  ];
}

const ONE: Record<string, Json> = {
  event: { rows: 1, reminders: 1, cards: 1, dms: 1 },
  job: { rows: 1, cards: 1, dms: 1 },
  announcement: { rows: 1 },
  referral: { rows: 1, funnelMatchesRows: true, dms: 1 },
};

/** Every copy answered 200; an empty ack closes the modal, a done view replaces it the same way for each copy. */
function expectAcknowledged(form: string, responses: readonly SignedResponse[]): void {
  for (const response of responses) expect({ form, status: response.status }).toEqual({ form, status: 200 });
  const bodies = new Set(responses.map((response) => response.text));
  expect({ form, distinctAnswers: bodies.size }).toEqual({ form, distinctAnswers: 1 });
  const [first] = responses;
  if (form === 'event' || form === 'job') expect(first?.text).toBe('');
  else expect((first?.json as Json).response_action).toBe('update');
}

describe('fault: the same form submission, replayed', () => {
  let tb: TestBot;
  let jobId: number;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: EVENTS_CHANNEL, JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await prepare(tb);
    const posted = await tb.submit('job.modal', jobValues(HR), HR, '');
    expect(posted.status).toBe(200);
    jobId = await count(tb, 'SELECT max(id) AS n FROM jobs');
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('sent again after the first was answered: one of each, every copy acknowledged', async () => {
    for (const { submission, made } of forms(tb, 'sequential', jobId)) {
      const responses = [await send(tb, submission)];
      await tb.settle();
      responses.push(await send(tb, submission), await send(tb, submission));
      await tb.settle();
      expect({ form: submission.form, ...(await made()) }).toEqual({
        form: submission.form,
        ...ONE[submission.form],
      });
      expectAcknowledged(submission.form, responses);
    }
  });

  it('three copies at once: one of each', async () => {
    for (const { submission, made } of forms(tb, 'racing', jobId)) {
      const responses = await Promise.all([send(tb, submission), send(tb, submission), send(tb, submission)]);
      await tb.settle();
      expect({ form: submission.form, ...(await made()) }).toEqual({
        form: submission.form,
        ...ONE[submission.form],
      });
      expectAcknowledged(submission.form, responses);
    }
  });

  it('the announcement is posted once when it falls due', async () => {
    // Both were scheduled a day ahead; the tick plans and sends what fell due.
    tb.clock.advance(DAY + 60_000);
    await tb.tick();
    for (const tag of ['sequential', 'racing']) {
      const posts = tb.fake
        .callsTo('chat.postMessage')
        .filter(
          (c) => c.args.channel === NEWS_CHANNEL && c.args.text === `Replay ${tag}` && keyOf(c) !== undefined,
        );
      expect({ tag, posts: posts.length }).toEqual({ tag, posts: 1 });
    }
  });

  it('a second form with the same fields (another view) is a second creation: the key is the view, not the content', async () => {
    const first = forms(tb, 'twice', jobId);
    const second = forms(tb, 'twice', jobId);
    for (const [index, { submission, made }] of first.entries()) {
      await send(tb, submission);
      const again = second[index];
      if (again === undefined) throw new Error('no second form');
      await send(tb, again.submission);
      await tb.settle();
      expect({ form: submission.form, rows: (await made()).rows }).toEqual({
        form: submission.form,
        rows: 2,
      });
    }
  });
});

describe('fault: the same submission reaching two bots that share one database', () => {
  it('creates one of each', async () => {
    const { dir, cleanup } = tempDir('homecoming-replay-');
    const env = {
      DATABASE_PATH: path.join(dir, 'alumni.sqlite'),
      EVENTS_CHANNEL_ID: EVENTS_CHANNEL,
      JOBS_CHANNEL_ID: JOBS_CHANNEL,
    };
    const a = await TestBot.start({ env });
    const b = await TestBot.start({ env, fake: a.fake, clock: a.clock });
    try {
      await prepare(a);
      await a.submit('job.modal', jobValues(HR), HR, '');
      const jobId = await count(a, 'SELECT max(id) AS n FROM jobs');
      for (const { submission, made } of forms(a, 'two bots', jobId)) {
        const responses = await Promise.all([
          send(a, submission),
          send(b, submission),
          send(a, submission),
          send(b, submission),
        ]);
        await Promise.all([a.settle(), b.settle()]);
        expect({ form: submission.form, ...(await made()) }).toEqual({
          form: submission.form,
          ...ONE[submission.form],
        });
        for (const response of responses) expect(response.status).toBe(200);
      }
      expect(await count(a, "SELECT count(*) AS n FROM view_submissions WHERE view_id LIKE 'VRP%'")).toBe(4);
      expect(a.fake.violations).toEqual([]);
    } finally {
      await b.stop();
      await a.stop();
      cleanup();
      expect(fs.existsSync(dir)).toBe(false);
    }
  });
});
