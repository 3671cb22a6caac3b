import { IntroRepository } from '../../src/storage/intros';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-11-30T01:00:00.000Z');
const days = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

describeOnEachEngine('intro repository', (engine) => {
  let store: Store;
  let intros: IntroRepository;

  beforeAll(async () => {
    store = new Store(engine().connect());
    intros = new IntroRepository(store);
    const iso = T0.toISOString();
    const recent = days(-10).toISOString();
    const lapsed = days(-200).toISOString();
    await store.sql
      .insertInto('members')
      .values([
        {
          user_id: 'UI1',
          display_name: 'Aiko',
          title: 'Engineer',
          company: 'Example',
          location: 'Tokyo',
          years_from: 2015,
          years_to: 2020,
          visibility: 'all',
          created_at: iso,
          agreed_at: iso,
          last_active_at: recent,
        },
        { user_id: 'UI2', visibility: 'staff', created_at: iso, agreed_at: iso, last_active_at: recent },
        // Lapsed, but answered an event lately: still active.
        { user_id: 'UI3', visibility: 'nobody', created_at: iso, agreed_at: iso, last_active_at: lapsed },
        // Lapsed and silent.
        { user_id: 'UI4', visibility: 'all', created_at: iso, agreed_at: iso, last_active_at: lapsed },
        // Never agreed.
        { user_id: 'UI5', visibility: 'all', created_at: iso, last_active_at: recent },
        // Snoozed past the round.
        { user_id: 'UI6', visibility: 'all', created_at: iso, agreed_at: iso, last_active_at: recent },
      ])
      .execute();
    await store.sql
      .insertInto('member_interests')
      .values([
        { user_id: 'UI1', tag: 'go', added_at: days(-3).toISOString() },
        { user_id: 'UI1', tag: 'chess', added_at: days(-2).toISOString() },
        { user_id: 'UI2', tag: 'go', added_at: iso },
      ])
      .execute();
    await store.sql
      .insertInto('events')
      .values({
        id: 301,
        title: 'Meetup',
        starts_at: iso,
        ends_at: days(1).toISOString(),
        channel: 'CEV',
        created_at: iso,
      })
      .execute();
    await store.sql
      .insertInto('event_rsvps')
      .values({ event_id: 301, user_id: 'UI3', status: 'going', display_name: 'UI3', responded_at: recent })
      .execute();
  });

  test('preferences: never, on, snoozed, off', async () => {
    expect(await intros.prefs('UI1')).toEqual({ setting: 'never', snoozedUntil: null });
    await intros.setPrefs('UI1', 'on', days(14), T0);
    expect(await intros.prefs('UI1')).toEqual({ setting: 'on', snoozedUntil: days(14) });
    await intros.setPrefs('UI1', 'off', null, days(1));
    expect(await intros.prefs('UI1')).toEqual({ setting: 'off', snoozedUntil: null });
  });

  test('eligible: opted in, agreed, not snoozed, active (or answered an event); interests in order', async () => {
    for (const user of ['UI1', 'UI2', 'UI3', 'UI4', 'UI5']) await intros.setPrefs(user, 'on', null, T0);
    await intros.setPrefs('UI6', 'on', days(7), T0);
    const eligible = await intros.eligible(T0, days(-90));
    expect(eligible.sort((a, b) => (a.userId < b.userId ? -1 : 1))).toEqual([
      { userId: 'UI1', tags: ['go', 'chess'] },
      { userId: 'UI2', tags: ['go'] },
      { userId: 'UI3', tags: [] },
    ]);
    // The snooze is over by the round after next.
    expect((await intros.eligible(days(8), days(-82))).map((e) => e.userId).sort()).toContain('UI6');
  });

  test('people: every field, each once', async () => {
    const people = await intros.people(['UI1', 'UI3', 'UI1', 'UNOBODY']);
    expect(people.sort((a, b) => (a.userId < b.userId ? -1 : 1))).toEqual([
      {
        userId: 'UI1',
        visibility: 'all',
        displayName: 'Aiko',
        title: 'Engineer',
        company: 'Example',
        location: 'Tokyo',
        yearsFrom: 2015,
        yearsTo: 2020,
      },
      {
        userId: 'UI3',
        visibility: 'nobody',
        displayName: null,
        title: null,
        company: null,
        location: null,
        yearsFrom: null,
        yearsTo: null,
      },
    ]);
  });

  test('a round: groups, completion counts, history, check-ins, answers, stats, export, erasure', async () => {
    const first = await intros.openRound('2026-11-16T01:00:00.000Z', days(-14), days(-14));
    expect(first.completed).toBe(false);
    const pair = await intros.addGroup(first.id, ['UI1', 'UI2'], days(-14));
    const solo = await intros.addGroup(first.id, ['UI3', 'UI6'], days(-14));
    expect(pair).toEqual(expect.any(Number));
    expect(solo).toEqual(expect.any(Number));
    expect(await intros.addGroup(first.id, ['UI2', 'UI4'], days(-14))).toBeUndefined();
    expect(await intros.membersInRound(first.id)).toEqual(new Set(['UI1', 'UI2', 'UI3', 'UI6']));
    expect(await intros.completeRound(first.id, 1, days(-14))).toEqual({ groups: 2, members: 4 });
    expect(await intros.openRound('2026-11-16T01:00:00.000Z', days(-14), T0)).toEqual({
      id: first.id,
      completed: true,
    });
    expect(await intros.recentPairs(T0, 6)).toEqual(
      expect.arrayContaining([
        ['UI1', 'UI2'],
        ['UI3', 'UI6'],
      ]),
    );
    // A round at the same instant counts (a run by hand), except the round being planned itself.
    expect(await intros.recentPairs(days(-14), 6)).toHaveLength(2);
    expect(await intros.recentPairs(days(-14), 6, first.id)).toEqual([]);
    expect(await intros.recentPairs(days(-15), 6)).toEqual([]);

    expect(await intros.roundsForCheckins(days(-15))).toEqual([]);
    expect(await intros.roundsForCheckins(days(-7))).toEqual([
      { id: first.id, roundKey: '2026-11-16T01:00:00.000Z', dueAt: days(-14) },
    ]);
    // UI1 turned intros off: no check-in for them, but they are still UI2's partner.
    await intros.setPrefs('UI1', 'off', null, T0);
    const targets = await intros.checkinTargets(first.id);
    expect(targets.sort((a, b) => (a.userId < b.userId ? -1 : 1))).toEqual([
      { groupId: pair, userId: 'UI2', partners: ['UI1'] },
      { groupId: solo, userId: 'UI3', partners: ['UI6'] },
      { groupId: solo, userId: 'UI6', partners: ['UI3'] },
    ]);
    await intros.markCheckinsPlanned(first.id, T0);
    expect(await intros.roundsForCheckins(T0)).toEqual([]);

    if (pair === undefined) throw new Error('the pair was recorded');
    expect(await intros.membership(pair, 'UI2')).toEqual({ dueAt: days(-14) });
    expect(await intros.membership(pair, 'UI3')).toBeUndefined();
    expect(await intros.answer(pair, 'UI2', 'yes', T0)).toBe(true);
    expect(await intros.answer(pair, 'UI1', 'not_yet', T0)).toBe(true);
    expect(await intros.answer(pair, 'UI3', 'yes', T0)).toBe(false);
    expect(await intros.meetStats()).toEqual({ rounds: 1, introduced: 4, yes: 1, notYet: 1, skip: 0 });

    expect(await intros.exportMember('UI2')).toEqual({
      setting: 'on',
      snoozedUntil: null,
      intros: [
        { round: days(-14).toISOString(), partners: ['UI1'], answer: 'yes', answeredAt: T0.toISOString() },
      ],
    });
    expect(await intros.partnersByRound('UI1')).toEqual([
      { roundKey: '2026-11-16T01:00:00.000Z', partner: 'UI2' },
    ]);

    await intros.eraseMember('UI1');
    expect(await intros.prefs('UI1')).toEqual({ setting: 'never', snoozedUntil: null });
    expect(await intros.partnersByRound('UI2')).toEqual([]);
    expect((await intros.exportMember('UI2')).intros).toEqual([
      { round: days(-14).toISOString(), partners: [], answer: 'yes', answeredAt: T0.toISOString() },
    ]);
    expect(await intros.recentPairs(T0, 6)).toEqual([['UI3', 'UI6']]);
    // The erased member's answer still counts.
    expect(await intros.meetStats()).toEqual({ rounds: 1, introduced: 4, yes: 1, notYet: 1, skip: 0 });
  });
});
