import type { AnnouncementInput } from '../../src/announcements/types';
import type { AskInput } from '../../src/asks/types';
import type { EventInput } from '../../src/events/types';
import type { JobInput, ReferralInput } from '../../src/jobs/types';
import type { ProfileUpdate } from '../../src/members/types';
import { AnnouncementRepository } from '../../src/storage/announcements';
import { AskRepository } from '../../src/storage/asks';
import { EventRepository } from '../../src/storage/events';
import { JobRepository } from '../../src/storage/jobs';
import { MemberRepository } from '../../src/storage/members';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

/*
 * One round trip per repository a form writes through: every field of the form's input, none left
 * empty, is written and read back into the domain type, deep-equal. The expected objects spread the
 * input, so a field the domain gains is checked here as soon as the input below has to name it
 * (the compiler asks for it); src/storage/written.ts makes the write itself name it.
 */

const T0 = new Date('2026-12-01T10:00:00.000Z');
const later = (hours: number): Date => new Date(T0.getTime() + hours * 3_600_000);

// Tags in the order the repositories read them (by tag, bytewise on both engines).
const event: EventInput = {
  title: '新年会 New Year party',
  description: 'Food, drinks; "quotes" and 100% fun',
  startsAt: later(48),
  endsAt: later(50),
  place: 'Tokyo office, 3F',
  url: 'https://meet.example.com/ny',
  channel: 'C0EVENTS',
  capacity: 25,
  tags: ['golf', 'テニス'],
  reminders: ['1w', '1h'],
};

const job: JobInput = {
  title: 'Staff engineer',
  team: 'Platform',
  location: 'Tokyo',
  workStyle: 'remote',
  employmentType: 'contract',
  description: 'Keeps the lights on',
  applyUrl: 'https://example.com/apply',
  tags: ['golang', 'rust', 'テニス'],
  recruiter: 'UREC',
  closesOn: '2026-12-24',
  channel: 'CJOBS',
};

const referral: ReferralInput = {
  candidateName: 'Kenji Sato',
  contact: 'kenji@example.com',
  relationship: 'Worked together at Acme',
  note: 'Great with customers',
};

const announcement: AnnouncementInput = {
  channel: 'C0NEWS',
  text: 'Coffee chat every Monday & Thursday <3',
  firstAt: later(3),
  repeat: 'cron',
  cron: '0 9 * * 1,4',
};

const ask: AskInput = {
  type: 'offer',
  kind: 'fundraising',
  title: '資金調達の相談に乗ります',
  details: 'Seed and series A',
  tags: ['startups', 'venture capital'],
  audience: 'matches',
  days: 30,
};

const profile: ProfileUpdate = {
  displayName: 'Aiko Tanaka',
  yearsFrom: 2012,
  yearsTo: 2019,
  company: 'Acme K.K.',
  title: 'プロダクトマネージャー',
  location: 'Tokyo',
  bio: 'Likes tennis & design',
  visibility: 'staff',
  openTo: ['comeback', 'mentoring'],
  interests: ['design', 'tennis'],
};

describeOnEachEngine('round trips: what a form writes reads back whole', (engine) => {
  let store: Store;
  beforeAll(() => {
    store = new Store(engine().connect());
  });

  test('events', async () => {
    const events = new EventRepository(store);
    const id = await events.insert(event, 'UORG', T0);
    expect(await events.get(id)).toEqual({
      ...event,
      id,
      createdBy: 'UORG',
      status: 'scheduled',
      cardChannel: null,
      cardTs: null,
    });
  });

  test('jobs and referrals', async () => {
    const jobs = new JobRepository(store);
    const id = await jobs.insert(job, 'UHR', T0);
    const { channel, ...rest } = job;
    expect(await jobs.get(id)).toEqual({
      ...rest,
      id,
      postedBy: 'UHR',
      status: 'open',
      createdAt: T0,
      closedAt: null,
      cardChannel: channel,
      cardTs: null,
    });
    const referralId = await jobs.insertReferral(id, 'UREF', referral, later(1));
    expect(await jobs.referral(referralId)).toEqual({
      ...referral,
      id: referralId,
      jobId: id,
      referrer: 'UREF',
      status: 'new',
      createdAt: later(1),
      updatedAt: null,
    });
  });

  test('announcements', async () => {
    const announcements = new AnnouncementRepository(store);
    const id = await announcements.insert(announcement, 'Asia/Tokyo', 'UORG', T0);
    expect(await announcements.get(id)).toEqual({
      ...announcement,
      id,
      timeZone: 'Asia/Tokyo',
      author: 'UORG',
      status: 'active',
      nextAt: announcement.firstAt,
    });
  });

  test('asks and offers', async () => {
    const asks = new AskRepository(store);
    const id = await asks.insert(ask, 'UAUTHOR', T0, later(30 * 24));
    const { days: _days, ...rest } = ask;
    expect(await asks.get(id)).toEqual({
      ...rest,
      id,
      author: 'UAUTHOR',
      status: 'open',
      expiresAt: later(30 * 24),
      remindedFor: null,
      createdAt: T0,
      resolvedAt: null,
      cardChannel: null,
      cardTs: null,
    });
  });

  test('profiles', async () => {
    const members = new MemberRepository(store);
    await members.ensure('U0ROUND', T0);
    await members.saveProfile('U0ROUND', profile, later(1), later(90 * 24));
    expect(await members.profile('U0ROUND')).toEqual({
      ...profile,
      userId: 'U0ROUND',
      profileUpdatedAt: later(1).toISOString(),
      agreedVersion: null,
      agreedAt: null,
    });
  });
});
