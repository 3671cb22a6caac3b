/**
 * Shared pieces of the fault suite: deterministic randomness, counting what Slack accepted, and
 * payload builders for the three surfaces (slash commands, Events API, interactivity).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { announcementForm } from '../../src/slack/forms/announcementForm';
import { eventForm } from '../../src/slack/forms/eventForm';
import { profileForm } from '../../src/slack/forms/profileForm';
import { jobForm } from '../../src/slack/forms/jobForm';
import { referralForm } from '../../src/slack/forms/referralForm';
import type { FakeSlack, RecordedCall } from '../support/fakeSlack';
import { fillForm } from '../support/forms';
import { formEncode, interactivityBody } from '../support/signing';
import { keyOf } from '../scheduler/helpers';
import slashFixture from '../fixtures/payloads/slash_command.json';
import actionFixture from '../fixtures/payloads/block_actions.json';
import viewFixture from '../fixtures/payloads/view_submission.json';
import dmFixture from '../fixtures/payloads/event_message_im.json';
import teamJoinFixture from '../fixtures/payloads/event_team_join.json';
import homeOpenedFixture from '../fixtures/payloads/event_app_home_opened.json';

export type Json = Record<string, unknown>;
export type Values = Record<string, Record<string, Record<string, unknown>>>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A number in [0, 1) that depends only on its inputs. Faults are decided per (method, key, n-th call)
 * rather than from one shared sequence, so concurrent delivery cannot change which calls fail.
 */
export function hash01(...parts: (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

/** A temp folder for a SQLite file two bots (or two processes) share; removed by `cleanup`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Slack accepted the call (HTTP 200 and ok: true). */
export function accepted(call: RecordedCall): boolean {
  return call.status === 200 && isRecord(call.response) && call.response.ok === true;
}

/** How many chat.postMessage calls Slack accepted per outbox key (the key rides in the metadata). */
export function acceptedByKey(fake: FakeSlack, prefix = ''): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('chat.postMessage')) {
    const key = keyOf(call);
    if (key === undefined || !key.startsWith(prefix) || !accepted(call)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Keys seen more than once, and expected keys never seen: both must be empty. */
export function duplicatesAndLost(
  counts: ReadonlyMap<string, number>,
  expected: readonly string[],
): { duplicated: string[]; lost: string[] } {
  return {
    duplicated: [...counts].filter(([, n]) => n > 1).map(([key]) => key),
    lost: expected.filter((key) => (counts.get(key) ?? 0) === 0),
  };
}

// ---------------------------------------------------------------- request bodies

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** A slash command body with its own response_url and trigger_id, so its answers can be told apart. */
export function slashBody(
  fake: FakeSlack,
  user: string,
  text: string,
): { body: string; responseUrl: string; triggerId: string } {
  const responseUrl = fake.responseUrl();
  const triggerId = `trig-fault-${next()}`;
  const body = formEncode({
    ...slashFixture,
    user_id: user,
    text,
    response_url: responseUrl,
    trigger_id: triggerId,
  });
  return { body, responseUrl, triggerId };
}

/** An Events API envelope with a fixed event_id (so a second delivery is the same event). */
export function eventEnvelope(event: Json, eventId: string, fixture: Json = dmFixture): string {
  return JSON.stringify({ ...fixture, event, event_id: eventId, event_time: Math.floor(Date.now() / 1000) });
}

/** message.im from `user` in its own DM channel `channel`. */
export function dmEvent(user: string, text: string, channel = `D${user}`): Json {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(next()).padStart(6, '0')}`;
  return { ...dmFixture.event, user, text, channel, ts, event_ts: ts };
}

export function teamJoinEvent(user: string): { event: Json; fixture: Json } {
  return {
    event: { ...teamJoinFixture.event, user: { ...teamJoinFixture.event.user, id: user } },
    fixture: teamJoinFixture,
  };
}

export function homeOpenedEvent(user: string): { event: Json; fixture: Json } {
  return { event: { ...homeOpenedFixture.event, user }, fixture: homeOpenedFixture };
}

/** A block_actions payload for one button pressed in a message (with a response_url of its own). */
export function actionBody(
  fake: FakeSlack,
  user: string,
  actionId: string,
  value: string,
): { body: string; responseUrl: string } {
  const responseUrl = fake.responseUrl();
  const payload: Json = {
    ...actionFixture,
    user: { ...actionFixture.user, id: user },
    trigger_id: `trig-fault-${next()}`,
    response_url: responseUrl,
    actions: [{ ...actionFixture.actions[0], action_id: actionId, value }],
  };
  return { body: interactivityBody(payload), responseUrl };
}

/** A view_submission payload with the given state values and private_metadata. */
export function viewBody(
  user: string,
  callbackId: string,
  values: unknown,
  privateMetadata: string,
  viewId = `VFAULT${next()}`,
): string {
  const payload = {
    ...viewFixture,
    user: { ...viewFixture.user, id: user },
    trigger_id: `trig-fault-${next()}`,
    view: {
      ...viewFixture.view,
      id: viewId,
      root_view_id: viewId,
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
    },
  };
  return interactivityBody(payload);
}

// ---------------------------------------------------------------- modal states, as Slack sends them
// Filled by field name from each form's declaration (test/support/forms.ts).

export function eventValues(fields: {
  title: string;
  startsAt: Date;
  endsAt: Date;
  channel: string;
  reminders: string[];
}): Values {
  return fillForm(eventForm, { ...fields, place: 'Tokyo office' });
}

export function announceValues(fields: {
  channel: string;
  text: string;
  postAt: Date;
  repeat: string;
  cron?: string;
}): Values {
  return fillForm(announcementForm, fields);
}

export function jobValues(poster: string, channel: string | null = null): Values {
  return fillForm(
    jobForm,
    {
      title: 'Staff engineer',
      team: 'Platform',
      location: 'Tokyo',
      workStyle: 'hybrid',
      employmentType: 'full_time',
      description: 'Build the platform',
      applyUrl: 'https://careers.example.com/staff-1',
      tags: 'go',
      recruiter: poster,
      channel,
    },
    channel === null ? ['channel'] : [],
  );
}

export function referralValues(): Values {
  return fillForm(referralForm, {
    name: 'Kenji Sato',
    contact: 'kenji@example.com',
    relationship: 'Worked together',
    note: 'Great engineer',
  });
}

export function profileValues(): Values {
  return fillForm(profileForm, {
    displayName: 'Mika Tanaka',
    yearsFrom: '2015',
    yearsTo: '2021',
    company: 'Acme Robotics',
    title: 'Design lead',
    location: 'Kyoto',
    bio: 'Loves tea',
    interests: 'design, golang',
    openTo: ['comeback'],
    visibility: 'staff',
  });
}

/** The text a person sees in a message-like body (its text and its blocks' texts). */
export function visibleText(message: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') parts.push(value);
        else walk(value);
      }
    }
  };
  walk(message);
  return parts.join('\n');
}

/** Runs `work` over `items`, `size` at a time. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)));
  }
}

/**
 * With FAULT_FIGURES=<file>, each test appends the figures it measured (one JSON line) to that file;
 * the README's Reliability section quotes them. Silent otherwise.
 */
export function recordFigures(test: string, figures: Json): void {
  const file = process.env.FAULT_FIGURES;
  if (file === undefined || file === '') return;
  fs.appendFileSync(file, `${JSON.stringify({ test, ...figures })}\n`);
}
