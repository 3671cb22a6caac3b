import { TestBot, ADMIN, allText } from '../support/testBot';
import { DAY, HOUR, cardCalls, createEvent, eventValues, lastCardText, pressOnCard } from './support';

const ORGANIZER = 'U6ORG01';

describe('events: organizers create, members RSVP', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('event new opens the modal for an organizer, with the events channel preselected', async () => {
    await tb.command('event new', ORGANIZER);
    const call = await tb.fake.waitForCall('views.open');
    const view = call.args.view as {
      callback_id: string;
      blocks: { block_id: string; element: { initial_conversation?: string } }[];
    };
    expect(view.callback_id).toBe('event.modal');
    expect(view.blocks.find((b) => b.block_id === 'event.channel')?.element.initial_conversation).toBe(
      'C0EVENTS1',
    );
  });

  it('refuses event verbs to members without the organizer role, naming it', async () => {
    await tb.agree('U6MEM01');
    for (const text of ['event new', 'event cancel 1', 'event attendees 1', 'event edit 1', 'announce']) {
      const before = await tb.snapshot();
      const response = await tb.command(text, 'U6MEM01');
      expect(TestBot.replyText(response)).toContain('organizer');
      expect(await tb.snapshot()).toBe(before);
    }
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('a submitted event is saved and posted as a card with RSVP buttons; the organizer is told', async () => {
    const start = new Date(tb.clock.now().getTime() + 5 * DAY);
    const id = await createEvent(tb, ORGANIZER, {
      title: 'Tokyo meetup',
      startsAt: start,
      place: 'Shibuya',
      url: 'https://meet.example.com/x',
      capacity: '20',
      tags: 'Go, design',
    });
    const card = await tb.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0EVENTS1');
    const blocks = JSON.stringify(card.args.blocks);
    expect(blocks).toContain('Tokyo meetup');
    expect(blocks).toContain(`<!date^${Math.floor(start.getTime() / 1000)}^`);
    for (const action of ['event.rsvp.going', 'event.rsvp.maybe', 'event.rsvp.not_going', 'event.ics'])
      expect(blocks).toContain(action);
    expect(blocks).toContain('calendar.google.com');
    const row = await tb.row(
      'SELECT title, capacity, channel, card_channel, card_ts, created_by FROM events WHERE id = ?',
      id,
    );
    expect(row).toMatchObject({
      title: 'Tokyo meetup',
      capacity: 20,
      channel: 'C0EVENTS1',
      card_channel: 'C0EVENTS1',
      created_by: ORGANIZER,
    });
    expect(await tb.rows('SELECT tag FROM event_tags WHERE event_id = ? ORDER BY tag', id)).toEqual([
      { tag: 'design' },
      { tag: 'go' },
    ]);
    const told = await tb.fake.waitForCall('chat.postMessage', (c) => c.args.channel === ORGANIZER);
    expect(String(told.args.text)).toContain('is scheduled and posted in <#C0EVENTS1>');
  });

  describe('bad event forms: errors on the fields, nothing saved', () => {
    const now = () => tb.clock.now().getTime();
    it.each([
      ['an empty title', () => ({ title: '' }), 'event.title', 'Give the event a title'],
      [
        'an end before the start',
        () => ({ startsAt: new Date(now() + DAY), endsAt: new Date(now() + DAY - HOUR) }),
        'event.ends_at',
        'after the start',
      ],
      [
        'a start in the past',
        () => ({ startsAt: new Date(now() - HOUR), endsAt: new Date(now() + HOUR) }),
        'event.starts_at',
        'in the past',
      ],
      ['a bad URL', () => ({ url: 'meet dot example' }), 'event.url', 'https://'],
      ['a capacity of zero', () => ({ capacity: '0' }), 'event.capacity', 'at least 1'],
      ['no channel', () => ({ channel: '' }), 'event.channel', 'Choose a channel'],
    ])('%s', async (_name, fields, block, message) => {
      const before = await tb.snapshot();
      const start = new Date(now() + 2 * DAY);
      const response = await tb.submit(
        'event.modal',
        eventValues({
          title: 'T',
          channel: 'C0EVENTS1',
          startsAt: start,
          endsAt: new Date(start.getTime() + HOUR),
          ...fields(),
        }),
        ORGANIZER,
        '{"eventId":null}',
      );
      const ack = response.json as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors[block]).toContain(message);
      expect(await tb.snapshot()).toBe(before);
    });
  });

  it('RSVPs update the card with the count and first names; the member is told', async () => {
    const id = await createEvent(tb, ORGANIZER, {});
    tb.fake.setUser('U6MEM02', { name: 'Kenji Sato' });
    await tb.agree('U6MEM02');
    await pressOnCard(tb, 'event.rsvp.going', 'U6MEM02', id);
    expect(
      await tb.row('SELECT status FROM event_rsvps WHERE event_id = ? AND user_id = ?', id, 'U6MEM02'),
    ).toEqual({ status: 'going' });
    expect(await cardCalls(tb, id, 'chat.update')).toHaveLength(1);
    expect(await lastCardText(tb, id)).toContain('1 going');
    const reply = await tb.fake.waitForResponse((r) => allText(r.body).includes('Your answer for “'));
    expect(reply.body.response_type).toBe('ephemeral');
    // Changing one's mind is one row, not two.
    await pressOnCard(tb, 'event.rsvp.maybe', 'U6MEM02', id);
    expect(await tb.row('SELECT count(*) AS n FROM event_rsvps WHERE event_id = ?', id)).toEqual({
      n: 1,
    });
    expect(await lastCardText(tb, id)).toContain('1 maybe');
  });

  it('a card updated with older counts than another replica just wrote is updated again to the final state', async () => {
    const id = await createEvent(tb, ORGANIZER, {});
    await tb.agree('U6MEM03');
    // While our chat.update is in flight, another replica records a second "Going" and its own card
    // update lands first: ours (one going) would be the last word unless the card is checked again.
    tb.fake.override('chat.update', async (_args, callIndex) => {
      if (callIndex === 0)
        await tb.run(
          "INSERT INTO event_rsvps (event_id, user_id, status, display_name, responded_at) VALUES (?, 'U6ELSEWHERE', 'going', 'Elsewhere', ?)",
          id,
          tb.clock.now().toISOString(),
        );
      return undefined;
    });
    await pressOnCard(tb, 'event.rsvp.going', 'U6MEM03', id);
    const updates = await cardCalls(tb, id, 'chat.update');
    expect(JSON.stringify(updates[0]?.args.blocks)).toContain('1 going');
    expect(updates).toHaveLength(2);
    expect(await lastCardText(tb, id)).toContain('2 going');
  });

  it('a member who has not agreed is asked to agree first; nothing recorded', async () => {
    const id = await createEvent(tb, ORGANIZER, {});
    await pressOnCard(tb, 'event.rsvp.going', 'U6NOTAGREED', id);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('press “I agree”'));
    expect(await tb.row('SELECT count(*) AS n FROM event_rsvps')).toEqual({ n: 0 });
  });

  it('at capacity "Going" joins the waitlist; when someone drops, the first waiting is promoted and told', async () => {
    const id = await createEvent(tb, ORGANIZER, { capacity: '1' });
    for (const user of ['U6CAP01', 'U6CAP02', 'U6CAP03']) await tb.agree(user);
    await pressOnCard(tb, 'event.rsvp.going', 'U6CAP01', id);
    tb.clock.advance(1000);
    await pressOnCard(tb, 'event.rsvp.going', 'U6CAP02', id);
    tb.clock.advance(1000);
    await pressOnCard(tb, 'event.rsvp.going', 'U6CAP03', id);
    const statuses = async () =>
      await tb.rows('SELECT user_id, status FROM event_rsvps WHERE event_id = ? ORDER BY user_id', id);
    expect(await statuses()).toEqual([
      { user_id: 'U6CAP01', status: 'going' },
      { user_id: 'U6CAP02', status: 'waitlist' },
      { user_id: 'U6CAP03', status: 'waitlist' },
    ]);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('on the waitlist'));
    expect(await lastCardText(tb, id)).toContain('2 on the waitlist');
    await pressOnCard(tb, 'event.rsvp.not_going', 'U6CAP01', id);
    expect(await statuses()).toEqual([
      { user_id: 'U6CAP01', status: 'not_going' },
      { user_id: 'U6CAP02', status: 'going' },
      { user_id: 'U6CAP03', status: 'waitlist' },
    ]);
    await tb.tick();
    const told = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U6CAP02');
    expect(told).toHaveLength(1);
    expect(String(told[0]?.args.text)).toContain('A place freed up');
  });

  it('answers are closed for cancelled and past events', async () => {
    const id = await createEvent(tb, ORGANIZER, { startsAt: new Date(tb.clock.now().getTime() + DAY) });
    await tb.agree('U6LATE');
    tb.clock.advance(2 * DAY);
    await pressOnCard(tb, 'event.rsvp.going', 'U6LATE', id);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('This event is over'));
    expect(await tb.row('SELECT count(*) AS n FROM event_rsvps')).toEqual({ n: 0 });
  });

  it('/alumni events lists upcoming events, interest matches first, with RSVP buttons and calendar links', async () => {
    await createEvent(tb, ORGANIZER, {
      title: 'Early general',
      startsAt: new Date(tb.clock.now().getTime() + 2 * DAY),
    });
    await createEvent(tb, ORGANIZER, {
      title: 'Later Go night',
      startsAt: new Date(tb.clock.now().getTime() + 9 * DAY),
      tags: 'go',
    });
    await tb.agree('U6LIST');
    await tb.command('interests add golang', 'U6LIST');
    const response = await tb.command('events', 'U6LIST');
    const text = allText(response.json);
    expect(text.indexOf('Later Go night')).toBeLessThan(text.indexOf('Early general'));
    expect(text).toContain('matches your interests: `go`');
    expect(JSON.stringify(response.json)).toContain('event.rsvp.going');
    expect(JSON.stringify(response.json)).toContain('calendar.google.com');
  });

  it('the Google Calendar link button is acknowledged and changes nothing', async () => {
    const id = await createEvent(tb, ORGANIZER, {});
    const before = await tb.snapshot();
    const calls = tb.fake.calls.length;
    const response = await tb.press('event.calendar', 'U6CAL', 'message', String(id));
    expect(response.status).toBe(200);
    expect(await tb.snapshot()).toBe(before);
    expect(tb.fake.calls.length).toBe(calls);
  });

  it('the .ics button sends an iCalendar file to the member', async () => {
    const start = new Date(tb.clock.now().getTime() + 3 * DAY);
    const id = await createEvent(tb, ORGANIZER, { title: 'Ski trip; Niseko, Hokkaido', startsAt: start });
    await tb.press('event.ics', 'U6ICS', 'message', String(id));
    await tb.fake.waitForCall('files.completeUploadExternal');
    const ics = tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '';
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Ski trip\\; Niseko\\, Hokkaido');
    expect(ics).toContain(`DTSTART:${start.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
  });

  it('answers in Japanese for a ja-JP member', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: '忘年会' });
    tb.fake.setUser('U6JA01', { locale: 'ja-JP' });
    await tb.agree('U6JA01');
    await pressOnCard(tb, 'event.rsvp.going', 'U6JA01', id);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('への回答を「参加」にしました'));
    const list = await tb.command('events', 'U6JA01');
    expect(allText(list.json)).toContain('今後のイベント');
  });

  it('App Home shows my upcoming events with my answer; organizers also see events and their announcements', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Board games' });
    await tb.agree('U6HOME');
    await pressOnCard(tb, 'event.rsvp.maybe', 'U6HOME', id);
    await tb.homeOpened('U6HOME');
    const memberHome = JSON.stringify(
      tb.fake
        .callsTo('views.publish')
        .filter((c) => c.args.user_id === 'U6HOME')
        .pop()?.args.view,
    );
    expect(memberHome).toContain('My upcoming events');
    expect(memberHome).toContain('Board games');
    expect(memberHome).toContain('Your answer: maybe');
    expect(memberHome).not.toContain('Events you can manage');

    await tb.submit(
      'announcement.modal',
      {
        'announce.channel': { value: { type: 'conversations_select', selected_conversation: 'C0NEWS1' } },
        'announce.text': { value: { type: 'plain_text_input', value: 'Weekly digest of events' } },
        'announce.post_at': {
          value: {
            type: 'datetimepicker',
            selected_date_time: Math.floor(tb.clock.now().getTime() / 1000) + 3600,
          },
        },
        'announce.repeat': { value: { type: 'static_select', selected_option: { value: 'weekly' } } },
        'announce.cron': { value: { type: 'plain_text_input', value: null } },
      },
      ORGANIZER,
      '',
    );
    await tb.homeOpened(ORGANIZER);
    const organizerHome = JSON.stringify(
      tb.fake
        .callsTo('views.publish')
        .filter((c) => c.args.user_id === ORGANIZER)
        .pop()?.args.view,
    );
    expect(organizerHome).toContain('Events you can manage');
    expect(organizerHome).toContain('Board games');
    expect(organizerHome).toContain('Scheduled announcements');
    expect(organizerHome).toContain('Weekly digest of events');
  });

  it('help lists the organizer verbs to organizers only', async () => {
    const forOrganizer = allText((await tb.command('help', ORGANIZER)).json);
    expect(forOrganizer).toContain('event new');
    expect(forOrganizer).toContain('announce');
    await tb.agree('U6HELP');
    const forMember = allText((await tb.command('help', 'U6HELP')).json);
    expect(forMember).toContain('`events`');
    expect(forMember).not.toContain('event new');
  });
});
