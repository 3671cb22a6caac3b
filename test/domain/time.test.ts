import { cronInZone } from '../../src/time/cronSchedule';
import { fromLocal, localParts, shiftLocalDays } from '../../src/time/zoned';

describe('zoned time', () => {
  it('reads and builds local times', () => {
    const instant = new Date('2026-11-24T00:30:00Z');
    expect(localParts(instant, 'Asia/Tokyo')).toMatchObject({
      year: 2026,
      month: 11,
      day: 24,
      hour: 9,
      minute: 30,
      weekday: 2,
    });
    expect(
      fromLocal({ year: 2026, month: 11, day: 24, hour: 9, minute: 30, second: 0 }, 'Asia/Tokyo'),
    ).toEqual(instant);
  });

  it('knows that a time in the spring-forward gap does not exist, and takes the first of a repeated hour', () => {
    expect(
      fromLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York'),
    ).toBeUndefined();
    expect(
      fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York'),
    ).toEqual(new Date('2026-11-01T05:30:00Z'));
  });

  it('"the day before at the same time" stays at the same wall-clock time across DST', () => {
    // Sunday 29 March 2026, 10:00 in London (BST); clocks went forward at 01:00 that morning.
    const event = new Date('2026-03-29T09:00:00Z');
    const dayBefore = shiftLocalDays(event, -1, 'Europe/London');
    expect(localParts(dayBefore, 'Europe/London')).toMatchObject({ day: 28, hour: 10, minute: 0 });
    expect(event.getTime() - dayBefore.getTime()).toBe(23 * 3_600_000);
  });
});

describe('cron occurrences', () => {
  const tokyo = (expr: string) => {
    const schedule = cronInZone(expr, 'Asia/Tokyo');
    if (schedule === undefined) throw new Error(`bad cron ${expr}`);
    return schedule;
  };

  it('weekdays at 09:00 Tokyo', () => {
    const runs = tokyo('0 9 * * 1-5').next(new Date('2026-11-27T01:00:00Z'), 3); // Friday 10:00 JST
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
    ]);
  });

  it('monthly on the 31st skips short months; day-of-month OR day-of-week when both are given', () => {
    const runs = tokyo('0 12 31 * *').next(new Date('2026-01-01T00:00:00Z'), 3);
    expect(runs.map((d) => localParts(d, 'Asia/Tokyo').month)).toEqual([1, 3, 5]);
    const either = tokyo('0 8 1 * 1').next(new Date('2026-06-01T00:00:00Z'), 3); // 1 June 2026 is a Monday
    expect(either.map((d) => localParts(d, 'Asia/Tokyo').day)).toEqual([8, 15, 22]);
  });

  it('seconds are allowed; the start instant itself is excluded', () => {
    const runs = tokyo('*/20 * * * * *').next(new Date('2026-11-24T00:00:00Z'), 2);
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-11-24T00:00:20.000Z',
      '2026-11-24T00:00:40.000Z',
    ]);
  });

  it('in New York a 02:30 daily run is skipped on the spring-forward day', () => {
    const schedule = cronInZone('30 2 * * *', 'America/New_York');
    const runs = schedule?.next(new Date('2026-03-07T12:00:00Z'), 2) ?? [];
    expect(runs.map((d) => localParts(d, 'America/New_York').day)).toEqual([9, 10]);
  });

  it('refuses what is not cron', () => {
    expect(cronInZone('every day', 'Asia/Tokyo')).toBeUndefined();
  });
});
