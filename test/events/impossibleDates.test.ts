/**
 * A date picker's value that no picker gives (a forged `selected_date_time` of 1e15 seconds, a
 * negative one, one past the year 9999, or not a number at all) gets a message on that field,
 * not "something went wrong", and nothing is saved. The role form's close date too.
 */
import { announceValues } from '../faults/support';
import { HR, jobValues, setUpHr } from '../jobs/support';
import { ADMIN, TestBot } from '../support/testBot';
import { DAY, HOUR, eventValues } from './support';

type Json = Record<string, unknown>;
type Values = Record<string, Record<string, Record<string, unknown>>>;

const ORGANIZER = 'U9DATEORG';
const ORGANIZER_JA = 'U9DATEJA';
const IMPOSSIBLE: readonly [string, unknown][] = [
  ['1e15 seconds', 1e15],
  ['-1 seconds', -1],
  ['a date after the year 9999', 1e12],
  ['a string', 'NaN'],
  ['an object', { seconds: 1 }],
];

function withDateTime(values: Values, block: string, seconds: unknown): Values {
  return { ...values, [block]: { value: { type: 'datetimepicker', selected_date_time: seconds } } };
}

describe('impossible dates and times in forms', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: 'C0JOBS01' } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    tb.fake.setUser(ORGANIZER_JA, { locale: 'ja-JP' });
    await tb.command(`role add <@${ORGANIZER_JA}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER_JA);
    await setUpHr(tb);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  async function fieldErrors(
    callbackId: string,
    values: Values,
    user: string,
    metadata: string,
  ): Promise<Record<string, string>> {
    const before = await tb.snapshot();
    const logged = tb.logs.length;
    const response = await tb.submit(callbackId, values, user, metadata);
    expect(response.status).toBe(200);
    const body = response.json as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(await tb.snapshot()).toBe(before);
    expect(tb.logs.slice(logged).filter((line) => line.includes(' ERROR '))).toEqual([]);
    return body.errors ?? {};
  }

  function goodEvent(): Values {
    const start = new Date(tb.clock.now().getTime() + 3 * DAY);
    return eventValues({
      title: 'Meetup',
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * HOUR),
      channel: 'C0EVENTS1',
    });
  }

  it.each(IMPOSSIBLE)('an event starting at %s: the start says so', async (_label, seconds) => {
    const errors = await fieldErrors(
      'event.modal',
      withDateTime(goodEvent(), 'event.starts_at', seconds),
      ORGANIZER,
      '{"eventId":null}',
    );
    expect(errors['event.starts_at']).toBe(
      'That is not a date and time the picker offers. Choose the date and time again.',
    );
    expect(Object.keys(errors)).toEqual(['event.starts_at']);
  });

  it.each(IMPOSSIBLE)('an event ending at %s: the end says so', async (_label, seconds) => {
    const errors = await fieldErrors(
      'event.modal',
      withDateTime(goodEvent(), 'event.ends_at', seconds),
      ORGANIZER,
      '{"eventId":null}',
    );
    expect(errors).toEqual({
      'event.ends_at': 'That is not a date and time the picker offers. Choose the date and time again.',
    });
  });

  it('in Japanese for a ja-JP organizer', async () => {
    const errors = await fieldErrors(
      'event.modal',
      withDateTime(goodEvent(), 'event.starts_at', 1e15),
      ORGANIZER_JA,
      '{"eventId":null}',
    );
    expect(errors).toEqual({
      'event.starts_at': 'その日時は選択肢にありません。日付と時刻を選び直してください。',
    });
  });

  it.each(IMPOSSIBLE)('an announcement posted at %s: the time says so', async (_label, seconds) => {
    const values = announceValues({
      channel: 'C0NEWS1',
      text: 'Hello',
      postAt: new Date(tb.clock.now().getTime() + DAY),
      repeat: 'none',
    });
    const errors = await fieldErrors(
      'announcement.modal',
      withDateTime(values, 'announce.post_at', seconds),
      ORGANIZER,
      '',
    );
    expect(errors).toEqual({
      'announce.post_at': 'That is not a date and time the picker offers. Choose when to post again.',
    });
  });

  it('a repeating announcement with a cron expression and an impossible first time: only the time is wrong', async () => {
    const values = announceValues({
      channel: 'C0NEWS1',
      text: 'Hello',
      postAt: new Date(),
      repeat: 'cron',
      cron: '0 9 * * 1',
    });
    const errors = await fieldErrors(
      'announcement.modal',
      withDateTime(values, 'announce.post_at', 1e15),
      ORGANIZER,
      '',
    );
    expect(errors).toEqual({
      'announce.post_at': 'That is not a date and time the picker offers. Choose when to post again.',
    });
  });

  it.each(['99999-01-01', '2026-02-30', '0000-01-01', '1e15'])(
    'a role closing on %s: the close date says so',
    async (date) => {
      const values = jobValues({ closesOn: date });
      const errors = await fieldErrors('job.modal', values, HR, '');
      expect(Object.keys(errors)).toEqual(['job.closes_on']);
    },
  );

  it('a good event and announcement still save', async () => {
    const event = await tb.submit('event.modal', goodEvent(), ORGANIZER, '{"eventId":null}');
    expect(event.text).toBe(''); // acknowledged: the modal closes
    const announcement = await tb.submit(
      'announcement.modal',
      announceValues({
        channel: 'C0NEWS1',
        text: 'Hello',
        postAt: new Date(tb.clock.now().getTime() + DAY),
        repeat: 'none',
      }),
      ORGANIZER,
      '',
    );
    expect((announcement.json as Json).response_action).toBe('update');
  });
});
