import type { CommunityEvent, EventInput } from '../../src/events/types';
import { EventRepository } from '../../src/storage/events';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (hours: number): Date => new Date(T0.getTime() + hours * 3_600_000);

const full: EventInput = {
  title: '新年会 New Year party',
  description: 'Food, drinks; "quotes" and 100% fun',
  startsAt: at(48),
  endsAt: at(50),
  place: 'Tokyo office, 3F',
  url: 'https://meet.example.com/ny',
  channel: 'C0EVENTS',
  capacity: 25,
  tags: ['テニス', 'golf'],
  reminders: ['1w', '1h'],
};

const bare: EventInput = {
  ...full,
  title: 'Renamed',
  description: null,
  place: null,
  url: null,
  capacity: null,
  tags: [],
  reminders: [],
};

describeOnEachEngine('event repository', (engine) => {
  let store: Store;
  let events: EventRepository;
  beforeAll(() => {
    store = new Store(engine().connect());
    events = new EventRepository(store);
  });

  test('every column an event has is written and read back equal, and an edit writes nulls', async () => {
    const id = await events.insert(full, 'UORG', T0);
    await events.setCard(id, 'C0EVENTS', '1700000000.000100');
    const expected: CommunityEvent = {
      ...full,
      id,
      tags: ['golf', 'テニス'],
      createdBy: 'UORG',
      status: 'scheduled',
      cardChannel: 'C0EVENTS',
      cardTs: '1700000000.000100',
    };
    expect(await events.get(id)).toEqual(expected);
    expect(await events.some([id + 1000, id])).toEqual([expected]);

    await events.update(id, bare, at(1));
    expect(await events.get(id)).toEqual({ ...expected, ...bare });
    expect(await events.lockSeats(id, 'UNOBODY')).toEqual({
      capacity: null,
      cancelled: false,
      previous: undefined,
      going: 0,
    });

    expect((await events.upcoming(T0)).map((e) => e.id)).toContain(id);
    expect(await events.cancel(id, at(2))).toBe(true);
    expect(await events.cancel(id, at(3))).toBe(false);
    expect((await events.get(id))?.status).toBe('cancelled');
    expect((await events.upcoming(T0)).map((e) => e.id)).not.toContain(id);
    expect(await events.get(id + 1000)).toBeUndefined();
    expect(await events.lockSeats(id + 1000, 'UNOBODY')).toBeUndefined();
  });

  test('answers: each status, the name given, who may be named, counts and the member’s own list', async () => {
    await store.sql
      .insertInto('members')
      .values([
        { user_id: 'UVIS', created_at: T0.toISOString(), visibility: 'all' },
        { user_id: 'UHID', created_at: T0.toISOString(), visibility: 'staff' },
      ])
      .execute();
    const id = await events.insert({ ...full, capacity: 2 }, 'UORG', T0);
    await events.setCard(id, 'C0EVENTS', '1700000000.000200');
    await events.setRsvp(id, 'UVIS', 'going', 'Visible Vera', at(1));
    await events.setRsvp(id, 'UHID', 'maybe', 'Hidden Hana', at(2));
    await events.setRsvp(id, 'UNONE', 'waitlist', 'No Profile', at(3));
    await events.setRsvp(id, 'UNO', 'not_going', 'Nope', at(4));
    expect(await events.rsvps(id)).toEqual([
      {
        userId: 'UVIS',
        status: 'going',
        displayName: 'Visible Vera',
        respondedAt: at(1).toISOString(),
        visibility: 'all',
      },
      {
        userId: 'UHID',
        status: 'maybe',
        displayName: 'Hidden Hana',
        respondedAt: at(2).toISOString(),
        visibility: 'staff',
      },
      {
        userId: 'UNONE',
        status: 'waitlist',
        displayName: 'No Profile',
        respondedAt: at(3).toISOString(),
        visibility: 'nobody',
      },
      {
        userId: 'UNO',
        status: 'not_going',
        displayName: 'Nope',
        respondedAt: at(4).toISOString(),
        visibility: 'nobody',
      },
    ]);
    expect(await events.goingCount(id)).toBe(1);
    expect(await events.lockSeats(id, 'UHID')).toMatchObject({ previous: 'maybe', going: 1 });
    expect(await events.rsvpOf(id, 'UHID')).toBe('maybe');
    expect(await events.rsvpOf(id, 'USTRANGER')).toBeUndefined();
    expect(await events.myUpcomingRsvps('UNONE', T0)).toEqual([{ eventId: id, status: 'waitlist' }]);
    expect(await events.myUpcomingRsvps('UNONE', at(50))).toEqual([]);
    expect(await events.cardsCounting('UHID')).toContain(id);
    expect(await events.cardsCounting('UNO')).not.toContain(id);

    // Answering again replaces status, name and time.
    await events.setRsvp(id, 'UHID', 'going', 'Hana', at(5));
    expect((await events.rsvps(id)).find((r) => r.userId === 'UHID')).toMatchObject({
      status: 'going',
      displayName: 'Hana',
      respondedAt: at(5).toISOString(),
    });
    expect(await events.goingCount(id)).toBe(2);
  });

  test('a freed seat goes to the longest-waiting member who may take it; the others keep their place', async () => {
    const id = await events.insert({ ...full, capacity: 1 }, 'UORG', T0);
    await events.setRsvp(id, 'UW3', 'waitlist', 'Third', at(3));
    await events.setRsvp(id, 'UW1', 'waitlist', 'First', at(1));
    await events.setRsvp(id, 'UW2', 'waitlist', 'Second', at(2));
    expect(await events.promoteFirstWaitlisted(id, (user) => user !== 'UW1')).toBe('UW2');
    expect(await events.rsvpOf(id, 'UW2')).toBe('going');
    expect(await events.rsvpOf(id, 'UW1')).toBe('waitlist');
    expect(await events.promoteFirstWaitlisted(id, () => false)).toBeUndefined();
    expect(await events.promoteFirstWaitlisted(id, () => true)).toBe('UW1');
  });

  test('reminders: replaced while unplanned, due in time order, planned once', async () => {
    const id = await events.insert(full, 'UORG', T0);
    await events.reminders.replace(id, [
      { eventId: id, code: '1d', remindAt: at(24) },
      { eventId: id, code: '1h', remindAt: at(47) },
    ]);
    const mine = async (now: Date) => (await events.reminders.due(now)).filter((r) => r.eventId === id);
    expect(await mine(at(47))).toEqual([
      { eventId: id, code: '1d', remindAt: at(24) },
      { eventId: id, code: '1h', remindAt: at(47) },
    ]);
    expect(await events.reminders.markPlanned(id, '1d', at(24))).toBe(true);
    expect(await events.reminders.markPlanned(id, '1d', at(24))).toBe(false);
    // A planned reminder survives a re-plan; the unplanned ones are replaced.
    await events.reminders.replace(id, [
      { eventId: id, code: '1d', remindAt: at(30) },
      { eventId: id, code: '15m', remindAt: at(47.75) },
    ]);
    expect(await mine(at(48))).toEqual([{ eventId: id, code: '15m', remindAt: at(47.75) }]);
    await events.reminders.clearUnplanned(id);
    expect(await mine(at(48))).toEqual([]);
  });

  test('erasure: answers go, created events lose the name, cards and held seats are reported', async () => {
    const upcoming = await events.insert({ ...full, capacity: 1 }, 'UERASE', T0);
    await events.setCard(upcoming, 'C0EVENTS', '1700000000.000300');
    const past = await events.insert({ ...full, startsAt: at(-5), endsAt: at(-4) }, 'UORG', T0);
    await events.setRsvp(upcoming, 'UERASE', 'going', 'Erased Eri', at(1));
    await events.setRsvp(past, 'UERASE', 'going', 'Erased Eri', at(1));
    expect(await events.exportMember('UERASE')).toEqual({
      rsvps: [
        { event_id: upcoming, title: full.title, status: 'going', responded_at: at(1).toISOString() },
        { event_id: past, title: full.title, status: 'going', responded_at: at(1).toISOString() },
      ],
      eventsCreated: [{ id: upcoming, title: full.title, starts_at: full.startsAt.toISOString() }],
    });
    const erased = await store.transaction(() => events.eraseMember('UERASE', T0));
    expect(erased.seatsHeld).toEqual([upcoming]);
    expect(erased.cardsCounting).toEqual([upcoming]);
    expect(await events.exportMember('UERASE')).toEqual({ rsvps: [], eventsCreated: [] });
    expect((await events.get(upcoming))?.createdBy).toBeNull();
  });
});
