import { AudienceService } from '../../src/audience/service';
import { ManualClock } from '../../src/clock';
import { LogLevel } from '@slack/bolt';
import { LineLogger } from '../../src/logger';
import { RoleService } from '../../src/roles/service';
import type { FunnelCounts, StatsExport, StatsReport } from '../../src/stats/types';
import { StatsService } from '../../src/stats/service';
import { AudienceRepository } from '../../src/storage/audience';
import { RoleRepository } from '../../src/storage/roles';
import type { Sql } from '../../src/storage/schema';
import { StatsRepository } from '../../src/storage/stats';
import { Store } from '../../src/storage/store';
import { StudyReadRepository } from '../../src/storage/studyReads';
import { describeOnEachEngine } from '../support/engines';
import { TEST_DATABASE_URL } from '../support/postgres';
import { ORG, ORG_HR, NOW, seedCommunity } from './statsCommunity';

function statsService(sql: Sql): StatsService {
  const store = new Store(sql);
  const clock = new ManualClock(NOW);
  const audience = new AudienceService({
    repository: new AudienceRepository(store),
    // The figures are read from the database alone; Slack is never asked.
    directory: {
      describe: () => Promise.reject(new Error('no Slack in this test')),
      members: () => Promise.reject(new Error('no Slack in this test')),
    },
    clock,
    logger: new LineLogger(LogLevel.ERROR),
  });
  return new StatsService(
    new StatsRepository(store),
    new RoleService(new RoleRepository(store), [], clock),
    audience,
    clock,
    new StudyReadRepository(store),
  );
}

interface Figures {
  readonly report: StatsReport;
  readonly hrExport: StatsExport;
  readonly organizerExport: StatsExport;
}

const funnelOf = ({ shown, curious, applyClick, hired, referrals }: FunnelCounts): FunnelCounts => ({
  shown,
  curious,
  applyClick,
  hired,
  referrals,
});

/** What each engine answered, compared figure by figure once both have run. */
const answered = new Map<string, Figures>();

describeOnEachEngine('stats figures', (engine) => {
  let figures: Figures;

  beforeAll(async () => {
    const sql = engine().connect();
    await seedCommunity(sql);
    const stats = statsService(sql);
    figures = {
      report: await stats.report(ORG_HR),
      hrExport: await stats.export(ORG_HR),
      organizerExport: await stats.export(ORG),
    };
    answered.set(engine().name, figures);
  });

  test('report: members, interests and events', () => {
    const { report } = figures;
    expect(report.generatedAt).toEqual(NOW);
    // Total: all 8. Agreed: all but Dave. Complete: Alice, Dave (who never agreed), Erin, Olive (ORG_HR).
    // Active in [now-30d, now]: Alice, Bob (RSVP 2 days ago), Dave, Erin, Frank (exactly 30 days ago).
    expect(report.members).toEqual({ total: 8, agreed: 7, profileComplete: 4, active: 5 });
    // chess (1) is too rare; ties at 3 in byte order (ASCII before Japanese).
    expect(report.interests).toEqual([
      { tag: 'golf', members: 4 },
      { tag: 'ai', members: 3 },
      { tag: 'tennis', members: 3 },
      { tag: 'テニス', members: 3 },
    ]);
    expect(report.events.upcoming).toBe(2);
    expect(report.events.rsvps).toEqual({ going: 3, maybe: 1, waitlist: 1 });
    expect(report.events.past.map((e) => [e.title, e.going, e.channel])).toEqual([
      ['Ended just now', 1, 'C0PUBLIC01'],
      ['Twin B', 2, 'G1PRIV0001'],
      ['Twin A', 1, 'C0PUBLIC01'],
      ['Older', 1, 'C0PUBLIC01'],
      ['Oldest', 0, 'C0PUBLIC01'],
    ]);
  });

  test('report: the funnel over every role, and the open roles the caller may see', () => {
    const { report } = figures;
    // shown: Alice, Bob and two erased rows on Backend; Alice on Secret; Erin on Designer; Frank, Erin.
    // As distinct members over all roles: Alice, Bob, Erin, Frank + 2 erased rows = 6.
    expect(report.funnel.counts).toEqual({ shown: 6, curious: 4, applyClick: 2, hired: 1, referrals: 2 });
    expect(report.funnel.rates).toEqual({ curiousPerShown: 66.7, applyPerCurious: 50, hiredPerApply: 50 });
    expect(
      report.openRoles.map((r) => [r.role.title, r.role.activity, r.counts.shown, r.counts.referrals]),
    ).toEqual([
      ['Backend engineer', 9, 4, 2],
      ['Same B', 1, 1, 0],
      ['Same A', 1, 1, 0],
      ['Quiet role', 0, 0, 0],
    ]);
    expect(report.openRoles[0]?.role).toMatchObject({
      status: 'open',
      channel: 'C0PUBLIC01',
      curious: 1,
      applyClick: 1,
      hired: 0,
    });
  });

  test('export for HR: every role the caller may see, and the job signals of members HR may see', () => {
    const { hrExport } = figures;
    if (hrExport.scope !== 'hr') throw new Error('HR export expected');
    expect(hrExport.roles.map((r) => [r.role.title, r.role.status, funnelOf(r.counts)])).toEqual([
      ['Backend engineer', 'open', { shown: 4, curious: 1, applyClick: 1, hired: 0, referrals: 2 }],
      ['Designer', 'filled', { shown: 1, curious: 2, applyClick: 1, hired: 1, referrals: 0 }],
      ['Quiet role', 'open', { shown: 0, curious: 0, applyClick: 0, hired: 0, referrals: 0 }],
      ['Same A', 'open', { shown: 1, curious: 0, applyClick: 0, hired: 0, referrals: 0 }],
      ['Same B', 'open', { shown: 1, curious: 0, applyClick: 0, hired: 0, referrals: 0 }],
      ['Closed role', 'closed', { shown: 0, curious: 0, applyClick: 0, hired: 0, referrals: 0 }],
    ]);
    expect(hrExport.members).toEqual([
      {
        userId: 'U1ALICE01',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: true,
        interests: 4,
        lastActiveAt: '2026-11-30T12:00:00.000Z',
        rsvps: 3,
        curious: 1,
        applyClicks: 1,
        digestFrequency: 'daily',
      },
      {
        userId: 'U2BOB0001',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: false,
        interests: 3,
        lastActiveAt: '2026-11-29T12:00:00.000Z',
        rsvps: 3,
        curious: 1,
        applyClicks: 0,
        digestFrequency: 'weekly',
      },
      {
        userId: 'U5ERIN001',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: true,
        interests: 2,
        lastActiveAt: '2026-11-26T12:00:00.000Z',
        rsvps: 2,
        curious: 1,
        applyClicks: 1,
        digestFrequency: 'weekly',
      },
      {
        userId: 'U6FRANK01',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: false,
        interests: 1,
        lastActiveAt: '2026-11-01T12:00:00.000Z',
        rsvps: 0,
        curious: 0,
        applyClicks: 0,
        digestFrequency: 'weekly',
      },
      {
        userId: 'U7ORGHR01',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: true,
        interests: 1,
        lastActiveAt: '2026-10-31T12:00:00.000Z',
        rsvps: 1,
        curious: 0,
        applyClicks: 0,
        digestFrequency: 'weekly',
      },
      {
        userId: 'U8ORG0001',
        agreedAt: '2026-08-23T12:00:00.000Z',
        agreedVersion: '2026-11-24',
        profileComplete: false,
        interests: 0,
        lastActiveAt: null,
        rsvps: 0,
        curious: 0,
        applyClicks: 0,
        digestFrequency: 'weekly',
      },
    ]);
  });

  test('export for an organizer: event engagement of members visible to all', () => {
    const { organizerExport } = figures;
    expect(organizerExport.scope).toBe('events');
    expect(
      organizerExport.members.map((m) => [m.userId, m.rsvps, m.lastActiveAt, m.profileComplete]),
    ).toEqual([
      ['U1ALICE01', 3, '2026-11-30T12:00:00.000Z', true],
      ['U5ERIN001', 2, '2026-11-26T12:00:00.000Z', true],
      ['U6FRANK01', 0, '2026-11-01T12:00:00.000Z', false],
      ['U7ORGHR01', 1, '2026-10-31T12:00:00.000Z', true],
    ]);
  });
});

// Runs after both engines' blocks above (jest runs a file's blocks in order).
(TEST_DATABASE_URL === undefined ? describe.skip : describe)('stats figures on both engines', () => {
  test('every figure of report and export is identical on SQLite and Postgres', () => {
    const [sqlite, postgres] = [answered.get('sqlite'), answered.get('postgres')];
    if (sqlite === undefined || postgres === undefined) throw new Error('both engines should have answered');
    expect(postgres.report).toEqual(sqlite.report);
    expect(postgres.hrExport).toEqual(sqlite.hrExport);
    expect(postgres.organizerExport).toEqual(sqlite.organizerExport);
  });
});
