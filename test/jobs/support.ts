import { jobForm } from '../../src/slack/forms/jobForm';
import { referralForm } from '../../src/slack/forms/referralForm';
import { buttons } from '../support/blocks';
import { fillForm, profileValues, type Values } from '../support/forms';
import type { RecordedCall } from '../support/fakeSlack';
import { interactivityBody } from '../support/signing';
import { ADMIN, TestBot } from '../support/testBot';
import actionFixture from '../fixtures/payloads/block_actions.json';

type Json = Record<string, unknown>;

export { buttons };

export const HR = 'U7HR01';
export const JOBS_CHANNEL = 'C0JOBS01';

export interface JobFields {
  title?: string;
  team?: string;
  location?: string;
  /** null: nothing chosen. */
  workStyle?: string | null;
  employmentType?: string | null;
  description?: string;
  applyUrl?: string;
  tags?: string;
  recruiter?: string | null;
  closesOn?: string | null;
  /** Only when the form shows a channel picker (JOBS_CHANNEL_ID unset). */
  channel?: string | null;
}

/** view.state.values of the role modal, as Slack sends them. */
export function jobValues(fields: JobFields, poster = HR): Values {
  const chosen = (value: string | null | undefined, fallback: string) =>
    value === undefined ? fallback : value;
  return fillForm(
    jobForm,
    {
      ...fields,
      title: fields.title ?? 'Senior product manager',
      workStyle: chosen(fields.workStyle, 'hybrid'),
      employmentType: chosen(fields.employmentType, 'full_time'),
      applyUrl: fields.applyUrl ?? 'https://careers.example.com/pm-1',
      recruiter: chosen(fields.recruiter, poster),
    },
    // The form shows a channel picker only when JOBS_CHANNEL_ID is unset.
    fields.channel === undefined ? ['channel'] : [],
  );
}

/** Gives HR its role the way an admin does, and has both agree to the code of conduct. */
export async function setUpHr(tb: TestBot, hr = HR): Promise<void> {
  await tb.agree(ADMIN);
  const granted = await tb.command(`role add <@${hr}|hr> hr`, ADMIN);
  if (!TestBot.replyText(granted).includes('now HR'))
    throw new Error(`HR role not granted: ${TestBot.replyText(granted)}`);
  await tb.agree(hr);
}

/** Posts a role through the modal; returns its id. */
export async function postJob(tb: TestBot, fields: JobFields = {}, poster = HR): Promise<number> {
  const response = await tb.submit('job.modal', jobValues(fields, poster), poster, '');
  if (
    response.status !== 200 ||
    (response.json !== null && typeof response.json === 'object' && 'response_action' in response.json)
  ) {
    throw new Error(`role not posted: ${response.text}`);
  }
  const row = await tb.row<{ id: number }>('SELECT max(id) AS id FROM jobs');
  if (row === undefined) throw new Error('no job row');
  return row.id;
}

export interface ReferralFields {
  name?: string;
  contact?: string;
  relationship?: string;
  note?: string;
}

export function referralValues(fields: ReferralFields): Values {
  return fillForm(referralForm, fields);
}

export function submitReferral(tb: TestBot, user: string, jobId: number, fields: ReferralFields) {
  return tb.submit('job.referral.modal', referralValues(fields), user, JSON.stringify({ jobId }));
}

/** Every chat.postMessage addressed to the member (a DM, posted to their user id). */
export function dmsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === user);
}

export function funnelRows(tb: TestBot, jobId: number): Promise<{ user_id: string | null; step: string }[]> {
  return tb.rows<{ user_id: string | null; step: string }>(
    'SELECT user_id, step FROM funnel_events WHERE job_id = ? ORDER BY id',
    jobId,
  );
}

export async function jobRow(tb: TestBot, jobId: number): Promise<Json> {
  return (await tb.row<Json>('SELECT * FROM jobs WHERE id = ?', jobId)) ?? {};
}

/** The card's post and every update of it, found by the ts stored with the role. */
export async function cardCalls(
  tb: TestBot,
  jobId: number,
  method: 'chat.postMessage' | 'chat.update',
): Promise<RecordedCall[]> {
  const ts = (await jobRow(tb, jobId)).card_ts;
  return tb.fake
    .callsTo(method)
    .filter((call) =>
      method === 'chat.update'
        ? call.args.ts === ts
        : (call.response as { ts?: string } | undefined)?.ts === ts,
    );
}

/** A member's profile, saved through the profile modal. */
export async function saveProfile(
  tb: TestBot,
  user: string,
  visibility: 'all' | 'staff' | 'nobody',
  interests = 'design, golang',
  displayName = 'Mika Tanaka',
): Promise<void> {
  const response = await tb.submit(
    'profile.modal',
    profileValues({
      name: displayName,
      from: '2015',
      to: '2021',
      company: 'Acme Robotics',
      title: 'Design lead',
      location: 'Kyoto',
      bio: 'Loves tea',
      interests,
      openTo: ['comeback'],
      visibility,
    }),
    user,
  );
  const json = response.json as Json | null;
  if (json?.response_action !== 'update') throw new Error(`profile not saved: ${response.text}`);
}

/**
 * A button pressed in an ephemeral message (the member's own `/alumni jobs` list): Slack marks
 * the container ephemeral and gives a response_url.
 */
export async function pressInEphemeral(tb: TestBot, actionId: string, user: string, value: string) {
  const payload: Json = {
    ...actionFixture,
    user: { ...actionFixture.user, id: user },
    trigger_id: `trig-${user}-${Date.now()}`,
    container: { ...actionFixture.container, is_ephemeral: true },
    response_url: tb.fake.responseUrl(),
    actions: [{ ...actionFixture.actions[0], action_id: actionId, value }],
  };
  const response = await tb.post(interactivityBody(payload), 'application/x-www-form-urlencoded');
  await tb.settle();
  return response;
}

/** The view of the last views.open call. */
export function jobsOpenModal(tb: TestBot): {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Json[];
} {
  const view = tb.fake.callsTo('views.open').pop()?.args.view;
  if (typeof view !== 'object' || view === null) throw new Error('no views.open call');
  return view as { callback_id: string; private_metadata: string; title: { text: string }; blocks: Json[] };
}
