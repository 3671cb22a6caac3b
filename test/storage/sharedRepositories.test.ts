import { AudienceRepository } from '../../src/storage/audience';
import { LocaleRepository } from '../../src/storage/locales';
import { MemberRepository } from '../../src/storage/members';
import { NagRepository } from '../../src/storage/nags';
import { RoleRepository } from '../../src/storage/roles';
import { Store } from '../../src/storage/store';
import { ViewSubmissionRepository } from '../../src/storage/viewSubmissions';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

/** Every column the repositories write comes back equal, on each engine (issue 10 §1, issue 11 §2). */
describeOnEachEngine('shared repositories round trip', (engine) => {
  test('members: profile, interests, availability, agreement, welcome, activity, erase', async () => {
    const store = new Store(engine().connect());
    const members = new MemberRepository(store);
    await members.ensure('U0RT1', T0);
    await members.ensure('U0RT1', later(5)); // a second ensure changes nothing
    await members.saveProfile(
      'U0RT1',
      {
        displayName: 'Aiko Tanaka',
        yearsFrom: 2012,
        yearsTo: 2019,
        company: 'Acme K.K.',
        title: 'プロダクトマネージャー',
        location: 'Tokyo',
        bio: 'Likes tennis & design',
        visibility: 'staff',
        openTo: ['mentoring', 'comeback'],
        interests: ['tennis', 'design'],
      },
      later(1_000),
      later(90 * 86_400_000),
    );
    await members.agree('U0RT1', 'v2', later(2_000));
    expect(await members.markWelcomed('U0RT1', later(3_000))).toBe(true);
    expect(await members.markWelcomed('U0RT1', later(4_000))).toBe(false);
    await members.touch('U0RT1', later(5_000));
    const row = await members.row('U0RT1');
    expect(row).toMatchObject({
      user_id: 'U0RT1',
      display_name: 'Aiko Tanaka',
      years_from: 2012,
      years_to: 2019,
      company: 'Acme K.K.',
      title: 'プロダクトマネージャー',
      location: 'Tokyo',
      bio: 'Likes tennis & design',
      visibility: 'staff',
      profile_updated_at: later(1_000).toISOString(),
      agreed_version: 'v2',
      agreed_at: later(2_000).toISOString(),
      welcomed_at: later(3_000).toISOString(),
      last_active_at: later(5_000).toISOString(),
      created_at: T0.toISOString(),
    });
    const profile = await members.profile('U0RT1');
    expect(profile?.openTo).toEqual(['comeback', 'mentoring']);
    expect(profile?.interests).toEqual(['design', 'tennis']);
    expect(await members.availabilityRows('U0RT1')).toEqual([
      {
        flag: 'comeback',
        since: later(1_000).toISOString(),
        expiresAt: later(90 * 86_400_000).toISOString(),
        askedAt: null,
      },
      {
        flag: 'mentoring',
        since: later(1_000).toISOString(),
        expiresAt: later(90 * 86_400_000).toISOString(),
        askedAt: null,
      },
    ]);
    // Keeping a tag keeps when it was added; a dropped flag goes.
    await members.replaceInterests('U0RT1', ['tennis', 'go'], later(6_000));
    expect(await members.interestRows('U0RT1')).toEqual([
      { tag: 'tennis', addedAt: later(1_000).toISOString() },
      { tag: 'go', addedAt: later(6_000).toISOString() },
    ]);
    expect(await members.removeInterests('U0RT1', ['go', 'chess'])).toBe(1);
    // The directory lists agreed members who did not hide themselves.
    expect(
      (await members.directory()).map((entry) => [entry.userId, entry.visibility, entry.interests]),
    ).toEqual([['U0RT1', 'staff', ['tennis']]]);
    await members.delete('U0RT1');
    expect(await members.row('U0RT1')).toBeUndefined();
    expect(await members.interestRows('U0RT1')).toEqual([]);
    expect(await members.availabilityRows('U0RT1')).toEqual([]);
  });

  test('roles, locales and nags', async () => {
    const store = new Store(engine().connect());
    const roles = new RoleRepository(store);
    expect(await roles.grant('U0RT2', 'organizer', 'U0ADMIN', T0)).toBe(true);
    expect(await roles.grant('U0RT2', 'organizer', 'U0ADMIN', T0)).toBe(false);
    expect(await roles.grant('U0RT3', 'hr', 'U0RT2', later(1))).toBe(true);
    expect(await roles.rolesOf('U0RT2')).toEqual(['organizer']);
    await roles.eraseMember('U0RT2');
    expect(await roles.all()).toEqual([
      { userId: 'U0RT3', role: 'hr', grantedBy: null, grantedAt: later(1).toISOString() },
    ]);
    expect(await roles.revoke('U0RT3', 'hr')).toBe(true);
    expect(await roles.revoke('U0RT3', 'hr')).toBe(false);

    const locales = new LocaleRepository(store);
    await locales.put('U0RT2', 'ja-JP', T0);
    await locales.put('U0RT2', 'en-US', later(1));
    await locales.put('U0RT3', 'ja-JP', T0);
    expect(await locales.get('U0RT2')).toEqual({ locale: 'en-US', fetchedAt: later(1) });
    const many = await locales.many(['U0RT2', 'U0RT3', 'U0NONE', 'U0RT2']);
    expect([...many.entries()].sort()).toEqual([
      ['U0RT2', 'en-US'],
      ['U0RT3', 'ja-JP'],
    ]);
    await locales.delete('U0RT2');
    expect(await locales.get('U0RT2')).toBeUndefined();

    const nags = new NagRepository(store);
    await nags.insert('U0RT2', 'availability', T0, 'availability:U0RT2:a');
    await nags.insert('U0RT2', 'intro_checkin', later(10), 'intro:x');
    expect(await nags.lastSent('U0RT2', ['availability'])).toEqual(T0);
    expect(await nags.lastSent('U0RT2', ['availability', 'intro_checkin'])).toEqual(later(10));
    expect(await nags.lastSent('U0RT3', ['availability'])).toBeUndefined();
    expect(await nags.exportMember('U0RT2')).toEqual([
      { kind: 'availability', sentAt: T0.toISOString() },
      { kind: 'intro_checkin', sentAt: later(10).toISOString() },
    ]);
    await nags.eraseMember('U0RT2');
    expect(await nags.exportMember('U0RT2')).toEqual([]);
  });

  test('audience: channels, members, a channel turning public, erase', async () => {
    const store = new Store(engine().connect());
    const audience = new AudienceRepository(store);
    await audience.saveChannel('C0PRIV', true, T0);
    await audience.saveChannel('C0PUB', false, T0);
    await audience.replaceMembers('C0PRIV', ['U0A', 'U0B', 'U0A'], later(1));
    expect(await audience.addMember('C0PRIV', 'U0C')).toBe(true);
    expect(await audience.addMember('C0PRIV', 'U0C')).toBe(false);
    expect(await audience.addMember('C0PUB', 'U0C')).toBe(false); // public channels keep no list
    expect(await audience.isMember('C0PRIV', 'U0B')).toBe(true);
    expect(await audience.removeMember('C0PRIV', 'U0B')).toBe(true);
    const channels = await audience.channels(['C0PRIV', 'C0PUB', 'C0NONE']);
    expect(channels.get('C0PRIV')).toEqual({
      channelId: 'C0PRIV',
      isPrivate: true,
      checkedAt: T0,
      membersSyncedAt: later(1),
    });
    expect(channels.get('C0PUB')?.isPrivate).toBe(false);
    expect(channels.has('C0NONE')).toBe(false);
    expect([...(await audience.memberChannels('U0A', ['C0PRIV', 'C0PUB']))]).toEqual(['C0PRIV']);
    expect([...((await audience.membersOf(['C0PRIV'])).get('C0PRIV') ?? [])].sort()).toEqual(['U0A', 'U0C']);
    // Re-reading a private channel keeps its member list's sync time; turning public drops the list.
    await audience.saveChannel('C0PRIV', true, later(2));
    expect((await audience.channel('C0PRIV'))?.membersSyncedAt).toEqual(later(1));
    await audience.saveUnreadable('C0GONE', later(3));
    expect(await audience.channel('C0GONE')).toMatchObject({ isPrivate: true, membersSyncedAt: null });
    expect(await audience.exportMember('U0A')).toEqual(['C0PRIV']);
    await audience.eraseMember('U0A');
    expect(await audience.exportMember('U0A')).toEqual([]);
    expect((await audience.channel('C0PRIV'))?.membersSyncedAt).toBeNull(); // read again at the next tick
    await audience.saveChannel('C0PRIV', false, later(4));
    expect((await audience.membersOf(['C0PRIV'])).get('C0PRIV')?.size).toBe(0);
  });

  test('view submissions: a view creates once, even when two replicas submit it at the same moment', async () => {
    // On SQLite one process holds one connection (a second one in the same thread would block it on
    // the file lock), so the three submissions share it; on Postgres each is its own replica.
    const shared = new Store(engine().connect());
    const replicas = [1, 2, 3].map(() => {
      const store = engine().name === 'sqlite' ? shared : new Store(engine().connect());
      return { store, submissions: new ViewSubmissionRepository(store) };
    });
    let created = 0;
    const outcomes = await Promise.allSettled(
      replicas.map(({ submissions }) =>
        submissions.once('V0SAME', 'event', T0, () => {
          created += 1;
          return Promise.resolve(1000 + created);
        }),
      ),
    );
    const firsts = outcomes.filter((o) => o.status === 'fulfilled' && o.value.first);
    expect(firsts).toHaveLength(1);
    // The others are answered as replays (not with an error), with the first one's id, and never
    // ran the creation: the view id is claimed before anything is created.
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const ids = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.id : undefined));
    expect(new Set(ids).size).toBe(1);
    expect(created).toBe(1);
    // Later submissions of the same view see the first one's id.
    const again = await replicas[0]?.submissions.once('V0SAME', 'event', T0, () => Promise.resolve(9));
    expect(again?.first).toBe(false);
    const winner = firsts[0];
    if (winner?.status !== 'fulfilled') throw new Error('one submission should have won');
    expect(again?.id).toBe(winner.value.id);
  });
});
