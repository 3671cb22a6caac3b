import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { LineLogger } from '../../src/logger';
import { startBot, type RunningBot } from '../../src/main';
import type { SchedulerOptions } from '../../src/scheduler/scheduler';
import type { CronFactory, CronOptions, Sleep, TickSummary } from '../../src/scheduler/types';
import type { Db } from '../../src/storage/database';
import type { Sql } from '../../src/storage/schema';
import type { Store } from '../../src/storage/store';
import { FakeSlack } from './fakeSlack';
import { formEncode, interactivityBody, postSigned, type SignedResponse } from './signing';
import { LogLevel } from '@slack/bolt';
import {
  allTables,
  botDatabase,
  runStatement,
  selectRows,
  tableRows,
  TEST_ENGINE,
  type Row,
  type SqlValue,
  type TestEngine,
} from './testDatabase';

import slashFixture from '../fixtures/payloads/slash_command.json';
import actionFixture from '../fixtures/payloads/block_actions.json';
import viewFixture from '../fixtures/payloads/view_submission.json';
import homeOpenedFixture from '../fixtures/payloads/event_app_home_opened.json';
import dmFixture from '../fixtures/payloads/event_message_im.json';
import teamJoinFixture from '../fixtures/payloads/event_team_join.json';
import joinedChannelFixture from '../fixtures/payloads/event_member_joined_channel.json';

export const SIGNING_SECRET = 'test-signing-secret';
export const ADMIN = 'UADMIN01';

type Json = Record<string, unknown>;

export interface TestBotOptions {
  /**
   * Extra environment; e.g. DATABASE_PATH to let two bots share one database (on Postgres, the
   * same path names the same scratch database).
   */
  readonly env?: Record<string, string>;
  /** The engine of this bot; TEST_ENGINE by default. Tests about the SQLite file itself say 'sqlite'. */
  readonly engine?: TestEngine;
  readonly now?: string;
  /** A clock shared with another TestBot (otherwise a new ManualClock at `now`). */
  readonly clock?: ManualClock;
  /** A fake Slack shared with another TestBot; it is then not stopped by this bot's stop(). */
  readonly fake?: FakeSlack;
  /** Scheduler overrides; by default cron never fires by itself and sleep() only records. */
  readonly scheduler?: SchedulerOptions;
}

/** A cron task registered by the scheduler; `fire()` runs it as node-cron would. */
export interface RecordedCronTask {
  readonly expression: string;
  readonly options: CronOptions;
  readonly fire: () => Promise<void>;
  stopped: boolean;
}

let eventCounter = 0;
/** Each submission comes from a modal of its own, as in Slack: the bot creates once per view id. */
let viewCounter = 0;

/**
 * The real bot in HTTP mode on an ephemeral port, a real database (a SQLite file in a temp dir, or
 * with TEST_ENGINE=postgres a scratch Postgres database), and a fake Slack Web API over real HTTP.
 * Requests are signed exactly as Slack signs them.
 */
export class TestBot {
  readonly logs: string[] = [];
  /** Milliseconds the scheduler asked to sleep (429 Retry-After waits); nothing really waits. */
  readonly sleeps: number[];
  /** Cron tasks the scheduler registered. */
  readonly cronTasks: RecordedCronTask[];
  private readonly ownsFake: boolean;
  private readonly releaseDatabase: () => Promise<void>;

  private constructor(
    readonly fake: FakeSlack,
    readonly bot: RunningBot,
    readonly clock: ManualClock,
    readonly dir: string,
    readonly eventsUrl: string,
    readonly baseUrl: string,
    logs: string[],
    scheduler: { sleeps: number[]; cronTasks: RecordedCronTask[]; ownsFake: boolean },
    releaseDatabase: () => Promise<void>,
  ) {
    this.logs = logs;
    this.sleeps = scheduler.sleeps;
    this.cronTasks = scheduler.cronTasks;
    this.ownsFake = scheduler.ownsFake;
    this.releaseDatabase = releaseDatabase;
  }

  static async start(options: TestBotOptions = {}): Promise<TestBot> {
    const fake = options.fake ?? (await FakeSlack.start());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-test-'));
    const clock = options.clock ?? new ManualClock(options.now ?? '2026-11-24T01:00:00Z');
    const sleeps: number[] = [];
    const cronTasks: RecordedCronTask[] = [];
    // Tests tick by hand (tb.tick()) against the ManualClock: real cron fires would race them.
    const cron: CronFactory = (expression, run, cronOptions) => {
      const task: RecordedCronTask = { expression, options: cronOptions, fire: run, stopped: false };
      cronTasks.push(task);
      return {
        stop: () => {
          task.stopped = true;
        },
        destroy: () => {
          task.stopped = true;
        },
      };
    };
    const sleep: Sleep = (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    };
    const logs: string[] = [];
    const logger = new LineLogger(LogLevel.DEBUG, (line) => logs.push(line));
    const database = await botDatabase(
      options.engine ?? TEST_ENGINE,
      path.join(dir, 'alumni.sqlite'),
      options.env?.DATABASE_PATH,
    );
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_PATH: path.join(dir, 'alumni.sqlite'),
      ADMIN_USER_IDS: ADMIN,
      LOG_LEVEL: 'debug',
      // Bulk pacing is the bench's concern; tests send as fast as the fake answers.
      BULK_POSTS_PER_SECOND: '1000',
      ...options.env,
      ...database.env,
    });
    try {
      const bot = await startBot(config, { clock, logger, scheduler: { cron, sleep, ...options.scheduler } });
      // The start-up (catch-up) tick runs in the background; tests begin once it is done.
      await bot.services.scheduler.idle();
      const baseUrl = `http://127.0.0.1:${bot.port}`;
      return new TestBot(
        fake,
        bot,
        clock,
        dir,
        `${baseUrl}/slack/events`,
        baseUrl,
        logs,
        { sleeps, cronTasks, ownsFake: options.fake === undefined },
        database.release,
      );
    } catch (error) {
      if (options.fake === undefined) await fake.stop();
      await database.release();
      throw error;
    }
  }

  /** One scheduler tick (planners, then delivery) at the ManualClock's current time. */
  tick(): Promise<TickSummary> {
    return this.bot.services.scheduler.tick();
  }

  /** The SQLite handle, for the few tests about the file itself; seed and read with sql/rows/run. */
  get db(): Db {
    const engine = this.bot.engine;
    if (engine.kind !== 'sqlite') {
      throw new Error(
        'tb.db is the SQLite handle; use tb.rows / tb.row / tb.run, which work on both engines',
      );
    }
    return engine.db;
  }

  /** The typed query builder on this bot's database, whichever the engine. */
  get sql(): Sql {
    return this.bot.services.store.sql;
  }

  get store(): Store {
    return this.bot.services.store;
  }

  /** Rows of a query written with `?` placeholders; the same text runs on SQLite and Postgres. */
  rows<T = Row>(text: string, ...params: SqlValue[]): Promise<T[]> {
    return selectRows<T>(this.sql, text, params);
  }

  /** The first row of a query, or undefined. */
  async row<T = Row>(text: string, ...params: SqlValue[]): Promise<T | undefined> {
    const rows = await selectRows<T>(this.sql, text, params);
    return rows[0];
  }

  /** Runs an INSERT of one row and resolves to its new id (RETURNING id, on both engines). */
  async insert(text: string, ...params: SqlValue[]): Promise<number> {
    const inserted = await this.row<{ id: number }>(`${text} RETURNING id`, ...params);
    if (inserted === undefined) throw new Error(`nothing inserted by: ${text}`);
    return inserted.id;
  }

  /** Runs a write (seeding, or an edit a test needs); resolves to the number of rows changed. */
  run(text: string, ...params: SqlValue[]): Promise<number> {
    return runStatement(this.sql, text, params);
  }

  /** Waits until every request's listeners (including work after ack) have finished. */
  async settle(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await this.bot.services.tasks.idle(5000);
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    if (this.ownsFake) await this.fake.stop();
    await this.releaseDatabase();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  post(
    rawBody: string,
    contentType: 'application/json' | 'application/x-www-form-urlencoded',
    headers: Record<string, string> = {},
  ): Promise<SignedResponse> {
    return postSigned(this.eventsUrl, rawBody, { signingSecret: SIGNING_SECRET, contentType, headers });
  }

  /** /alumni <text> from a member; the reply is in the response body (ack) or at the response_url. */
  async command(text: string, user = 'U111', extra: Record<string, string> = {}): Promise<SignedResponse> {
    const fields = {
      ...slashFixture,
      user_id: user,
      text,
      response_url: this.fake.responseUrl(),
      trigger_id: `trig-${user}-${Date.now()}`,
      ...extra,
    };
    const response = await this.post(formEncode(fields), 'application/x-www-form-urlencoded');
    await this.settle();
    // A slow answer (a busy machine) is acknowledged empty and follows at the response_url: the
    // member sees it all the same, so the test reads it there.
    if (response.status === 200 && response.text === '') {
      const path = new URL(fields.response_url).pathname;
      const late = this.fake.responses.find((recorded) => recorded.path === path);
      if (late !== undefined) return { ...response, text: JSON.stringify(late.body), json: late.body };
    }
    return response;
  }

  /**
   * A command that asks first (event cancel, job close, announce cancel, role remove): sends it,
   * presses Confirm on the question, and returns the answer as if it had been the reply.
   * Without a question (a refusal, a usage reply) the command's own reply is returned.
   */
  async commandConfirmed(text: string, user = 'U111'): Promise<SignedResponse> {
    const asked = await this.command(text, user);
    const value = confirmValueIn(asked.json);
    if (value === undefined) return asked;
    const before = this.fake.responses.length;
    await this.press('command.confirm', user, 'message', value);
    const answer = this.fake.responses.slice(before).at(-1)?.body;
    return { status: asked.status, text: JSON.stringify(answer ?? null), json: answer };
  }

  /** The ephemeral text the member saw for a command: the ack body, or else the last response_url post. */
  static replyText(response: SignedResponse): string {
    const body = response.json as Json | null;
    return typeof body?.text === 'string' ? body.text : '';
  }

  async event(
    event: Json,
    options: { eventId?: string; retryNum?: number; fixture?: Json } = {},
  ): Promise<SignedResponse> {
    eventCounter += 1;
    const envelope = {
      ...(options.fixture ?? dmFixture),
      event,
      event_id: options.eventId ?? `Ev${Date.now()}${eventCounter}`,
      event_time: Math.floor(Date.now() / 1000),
    };
    const headers: Record<string, string> =
      options.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
    const response = await this.post(JSON.stringify(envelope), 'application/json', headers);
    await this.settle();
    return response;
  }

  dm(text: string, user = 'U111'): Promise<SignedResponse> {
    return this.event({ ...dmFixture.event, user, text, channel: `D${user}`, ts: `${Date.now() / 1000}` });
  }

  homeOpened(user = 'U111'): Promise<SignedResponse> {
    return this.event({ ...homeOpenedFixture.event, user }, { fixture: homeOpenedFixture });
  }

  teamJoin(user = 'U111', extra: Json = {}): Promise<SignedResponse> {
    return this.event(
      { ...teamJoinFixture.event, user: { ...teamJoinFixture.event.user, id: user, ...extra } },
      { fixture: teamJoinFixture },
    );
  }

  joinedChannel(user: string, channel: string): Promise<SignedResponse> {
    return this.event({ ...joinedChannelFixture.event, user, channel }, { fixture: joinedChannelFixture });
  }

  /** A button press. `where` says what the button sat in: a message, the Home tab, or a modal. */
  async press(
    actionId: string,
    user = 'U111',
    where: 'message' | 'home' | 'modal' = 'message',
    value = 'clicked',
  ): Promise<SignedResponse> {
    const payload: Json = {
      ...actionFixture,
      user: { ...actionFixture.user, id: user },
      trigger_id: `trig-${user}-${Date.now()}`,
      actions: [{ ...actionFixture.actions[0], action_id: actionId, value }],
    };
    if (where === 'message') {
      payload.response_url = this.fake.responseUrl();
    } else {
      delete payload.message;
      delete payload.channel;
      delete payload.response_url;
      payload.container = { type: 'view', view_id: 'V123' };
      payload.view = {
        ...viewFixture.view,
        id: 'V123',
        type: where,
        callback_id: where === 'home' ? '' : 'privacy.modal',
      };
    }
    const response = await this.post(interactivityBody(payload), 'application/x-www-form-urlencoded');
    await this.settle();
    return response;
  }

  /** A modal submission with the given state values, from a view of its own unless `viewId` names one. */
  async submit(
    callbackId: string,
    values: Json,
    user = 'U111',
    privateMetadata = '{"origin":"command"}',
    viewId?: string,
  ): Promise<SignedResponse> {
    // Whoever submits is in the workspace, so in every channel the test did not declare.
    this.fake.noteWorkspaceUser(user);
    viewCounter += 1;
    const id = viewId ?? `VSUBMIT${String(viewCounter).padStart(5, '0')}`;
    const payload = {
      ...viewFixture,
      user: { ...viewFixture.user, id: user },
      view: {
        ...viewFixture.view,
        id,
        root_view_id: id,
        callback_id: callbackId,
        private_metadata: privateMetadata,
        state: { values },
      },
    };
    const response = await this.post(interactivityBody(payload), 'application/x-www-form-urlencoded');
    await this.settle();
    return response;
  }

  /** Presses "I agree" for a member, as a newcomer does from the welcome DM. */
  async agree(user = 'U111'): Promise<void> {
    await this.press('onboarding.agree', user);
  }

  /** Every row, in every table, that contains the text anywhere. */
  async rowsMentioning(text: string): Promise<{ table: string; row: Row }[]> {
    const found: { table: string; row: Row }[] = [];
    for (const table of allTables) {
      for (const row of await tableRows(this.sql, table)) {
        if (Object.values(row).some((value) => typeof value === 'string' && value.includes(text))) {
          found.push({ table, row });
        }
      }
    }
    return found;
  }

  /**
   * A fingerprint of the whole database, to show that bad input changed nothing. Left out:
   * handled event ids and the caches of what Slack said (locales, channels and their members),
   * which record that a request arrived, not anything the request asked for.
   */
  async snapshot(): Promise<string> {
    const left = new Set(['handled_events', 'user_locales', 'audience_channels', 'audience_members']);
    const contents: [string, Row[]][] = [];
    for (const table of [...allTables].sort()) {
      if (!left.has(table)) contents.push([table, await tableRows(this.sql, table)]);
    }
    return JSON.stringify(contents);
  }
}

/** The value of the Confirm button in a reply that asks first, if it has one. */
export function confirmValueIn(message: unknown): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.action_id === 'command.confirm' && typeof record.value === 'string') found = record.value;
      else Object.values(record).forEach(walk);
    }
  };
  walk(message);
  return found;
}

/** Text of a message-like body, including its blocks' texts, for assertions. */
export function allText(message: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') parts.push(value);
        else walk(value);
      }
    }
  };
  walk(message);
  return parts.join('\n');
}
