/**
 * A forged form or command with 60,000 tags is refused at once on its field, with what the
 * limits are, and nothing is saved. Every place that reads a list of tags is covered: the
 * profile form, the interests modal, the event and role forms, and `/alumni interests add`.
 */
import { eventValues } from '../events/support';
import { profileValues } from '../support/forms';
import { ADMIN, TestBot } from '../support/testBot';
import { HR, jobValues, setUpHr } from '../jobs/support';

type Json = Record<string, unknown>;

const ORGANIZER = 'U9TAGORG';
const MEMBER = 'U9TAGMEM';
const DAY = 24 * 3_600_000;
const SIXTY_THOUSAND_TAGS = Array.from({ length: 60_000 }, (_, i) => `t${i}`).join(',');
const REFUSAL =
  'That list is longer than 2000 characters. A member has at most 30 interests of up to 50 characters each. Nothing was saved.';

describe('lists of tags are read in bounded time', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: 'C0JOBS01' } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    await setUpHr(tb);
    await tb.agree(MEMBER);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  /** Submits the form and returns the field errors it got back; the database must be unchanged. */
  async function refusedOnField(
    callbackId: string,
    values: Json,
    user: string,
    metadata: string,
  ): Promise<Record<string, string>> {
    const before = await tb.snapshot();
    const response = await tb.submit(callbackId, values, user, metadata);
    expect(response.status).toBe(200);
    const body = response.json as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(await tb.snapshot()).toBe(before);
    return body.errors ?? {};
  }

  it('the profile form', async () => {
    const errors = await refusedOnField(
      'profile.modal',
      profileValues({ name: 'Mika', interests: SIXTY_THOUSAND_TAGS }),
      MEMBER,
      '{"origin":"command"}',
    );
    expect(errors).toEqual({ 'profile.interests': REFUSAL });
  });

  it('the interests modal', async () => {
    const values = { 'interests.tags': { value: { type: 'plain_text_input', value: SIXTY_THOUSAND_TAGS } } };
    const errors = await refusedOnField('interests.modal', values, MEMBER, '{"origin":"command"}');
    expect(errors).toEqual({ 'interests.tags': REFUSAL });
  });

  it('the event form', async () => {
    const start = new Date(tb.clock.now().getTime() + 3 * DAY);
    const values = eventValues({
      title: 'Meetup',
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      channel: 'C0EVENTS1',
      tags: SIXTY_THOUSAND_TAGS,
    });
    const errors = await refusedOnField('event.modal', values, ORGANIZER, '{"eventId":null}');
    expect(errors).toEqual({ 'event.tags': REFUSAL });
  });

  it('the role form', async () => {
    const errors = await refusedOnField('job.modal', jobValues({ tags: SIXTY_THOUSAND_TAGS }), HR, '');
    expect(errors).toEqual({ 'job.tags': REFUSAL });
  });

  it('/alumni interests add', async () => {
    const response = await tb.command(`interests add ${SIXTY_THOUSAND_TAGS}`, MEMBER);
    expect(TestBot.replyText(response)).toBe(REFUSAL);
    // Running a command counts as activity; nothing else is written.
    expect(
      (await tb.row<{ n: number }>('SELECT count(*) AS n FROM member_interests WHERE user_id = ?', MEMBER))
        ?.n,
    ).toBe(0);
  });

  it('a long list within the limit, full of repeats, is still read', async () => {
    const list = Array.from({ length: 300 }, (_, i) => `tag${i % 30}`).join(', ');
    expect(list.length).toBeLessThanOrEqual(2000);
    const response = await tb.submit(
      'profile.modal',
      profileValues({ name: 'Mika', interests: list }),
      MEMBER,
    );
    expect((response.json as Json).response_action).toBe('update');
    const saved = await tb.row<{ n: number }>(
      'SELECT count(*) AS n FROM member_interests WHERE user_id = ?',
      MEMBER,
    );
    expect(saved?.n).toBe(30);
  });
});
