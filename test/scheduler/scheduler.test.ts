import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LogLevel } from '@slack/bolt';
import { LineLogger } from '../../src/logger';
import { realSleep } from '../../src/scheduler/outbox';
import { nodeCronFactory } from '../../src/scheduler/scheduler';
import { TestBot } from '../support/testBot';
import { MINUTE, attemptsFor, postsFor, request } from './helpers';

describe('scheduler', () => {
  it('registers the tick on SCHEDULER_CRON in DEFAULT_TIMEZONE without overlap, and a cron fire delivers', async () => {
    const tb = await TestBot.start({
      env: { SCHEDULER_CRON: '*/10 * * * * *', DEFAULT_TIMEZONE: 'Europe/London' },
    });
    try {
      expect(tb.cronTasks).toHaveLength(1);
      const [task] = tb.cronTasks;
      expect(task).toMatchObject({
        expression: '*/10 * * * * *',
        options: { timezone: 'Europe/London', noOverlap: true },
        stopped: false,
      });
      await tb.bot.services.outbox.schedule(request(tb, 'cron:fired', {}, 0));
      await task?.fire();
      expect(postsFor('cron:fired', tb.fake)).toHaveLength(1);
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
    expect(tb.cronTasks[0]?.stopped).toBe(true);
  });

  it('runs planners before delivery on every tick; a failing planner does not stop the others', async () => {
    const tb = await TestBot.start();
    try {
      const seen: string[] = [];
      tb.bot.services.scheduler.addPlanner('broken', () => {
        throw new Error('planner bug');
      });
      tb.bot.services.scheduler.addPlanner('reminders', async (now) => {
        seen.push(now.toISOString());
        await tb.bot.services.outbox.schedule(request(tb, `planned:${seen.length}`, { dueAt: now }));
      });
      expect(() => tb.bot.services.scheduler.addPlanner('reminders', () => undefined)).toThrow(
        /already registered/,
      );

      const summary = await tb.tick();
      expect(summary).toMatchObject({ sent: 1, plannerFailures: ['broken'] });
      expect(seen).toEqual([tb.clock.now().toISOString()]);
      expect(postsFor('planned:1', tb.fake)).toHaveLength(1);
      expect(tb.logs.some((line) => line.includes('planner broken failed'))).toBe(true);
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });

  it('ticks never overlap: a tick asked for while one runs waits for it', async () => {
    const tb = await TestBot.start();
    try {
      const order: string[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let calls = 0;
      tb.bot.services.scheduler.addPlanner('slow', async () => {
        calls += 1;
        const n = calls;
        order.push(`start ${n}`);
        if (n === 1) await gate;
        order.push(`end ${n}`);
      });
      const first = tb.tick();
      const second = tb.tick();
      // The first tick reaches the planner after its database work (the lease): a few round trips
      // on Postgres. Wait for that, boundedly, then check the second has not started.
      for (let turn = 0; turn < 10_000 && order.length === 0; turn += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(order).toEqual(['start 1']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    } finally {
      await tb.stop();
    }
  });

  it('stops cleanly: a 429 wait is cut short, the claimed row goes back unsent, then the database closes', async () => {
    // SQLite only: it reads the file after the bot closed it.
    const tb = await TestBot.start({ engine: 'sqlite', scheduler: { sleep: realSleep } });
    const file = path.join(tb.dir, 'alumni.sqlite');
    tb.fake.override('chat.postMessage', () => ({ status: 429, headers: { 'Retry-After': '30' } }));
    await tb.bot.services.outbox.schedule(request(tb, 'stop:waiting', {}, 0));
    const tick = tb.tick();
    await tb.fake.waitForCall('chat.postMessage');
    const started = Date.now();
    await tb.bot.stop();
    await tick;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(tb.db.open).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      const row = db
        .prepare("SELECT status, attempts, claimed_by FROM outbox WHERE key = 'stop:waiting'")
        .get();
      expect(row).toEqual({ status: 'pending', attempts: 0, claimed_by: null });
    } finally {
      db.close();
    }
    expect(attemptsFor('stop:waiting', tb.fake)).toHaveLength(1);
    expect(tb.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
    await tb.fake.stop();
    fs.rmSync(tb.dir, { recursive: true, force: true });
  });

  it('a tick asked for after stop does nothing', async () => {
    const tb = await TestBot.start();
    await tb.bot.services.outbox.schedule(request(tb, 'stop:after', {}, 0));
    await tb.stop();
    expect(await tb.tick()).toMatchObject({ sent: 0 });
    expect(postsFor('stop:after', tb.fake)).toHaveLength(0);
  });

  it('node-cron accepts the task as configured (six fields, a time zone)', async () => {
    const logger = new LineLogger(LogLevel.ERROR, () => undefined);
    let runs = 0;
    const task = nodeCronFactory(logger)(
      '0 0 0 1 1 *',
      () => {
        runs += 1;
        return Promise.resolve();
      },
      { timezone: 'Asia/Tokyo', name: 'homecoming-outbox-test', noOverlap: true },
    );
    await task.stop();
    await task.destroy();
    expect(runs).toBe(0);
  });

  it('later ticks keep clock time: a row due in an hour waits for the clock, not for cron', async () => {
    const tb = await TestBot.start();
    try {
      await tb.bot.services.outbox.schedule(request(tb, 'clock:hour', {}, 60 * MINUTE));
      await tb.cronTasks[0]?.fire();
      await tb.cronTasks[0]?.fire();
      expect(postsFor('clock:hour', tb.fake)).toHaveLength(0);
      tb.clock.advance(60 * MINUTE);
      await tb.cronTasks[0]?.fire();
      expect(postsFor('clock:hour', tb.fake)).toHaveLength(1);
    } finally {
      await tb.stop();
    }
  });
});
