import { CommunityCharter } from '../../src/onboarding/community';
import { eligibilityForm, joinNoteForm } from '../../src/slack/forms/eligibilityForm';
import type { RecordedCall } from '../support/fakeSlack';
import { fillForm, type Values } from '../support/forms';
import { buttons } from '../support/blocks';
import { ADMIN, allText, type TestBot } from '../support/testBot';

export const ADMIN_CHANNEL = 'C0ADMIN1';
export const ENV = {
  APPROVAL: 'on',
  ADMIN_CHANNEL_ID: ADMIN_CHANNEL,
  AUTO_APPROVE_EMAIL_DOMAINS: 'alumni.example.com',
};

export const FACTS = CommunityCharter.load().eligibilityFacts;

export interface JoinFields {
  years?: string | null;
  department?: string | null;
  employer?: string | null;
  employeeId?: string | null;
}

/** The eligibility form as Slack sends it (the community text's default facts). */
export function joinValues(fields: JoinFields = {}): Values {
  return fillForm(eligibilityForm(FACTS), {
    fact_years: fields.years === undefined ? '2015–2021' : fields.years,
    fact_department: fields.department === undefined ? 'Zorbdept' : fields.department,
    fact_employer: fields.employer === undefined ? 'Acme' : fields.employer,
    employeeId: fields.employeeId,
  });
}

export function noteValues(note: string | null): Values {
  return fillForm(joinNoteForm, { note });
}

/** Every post and update in the admins' channel. */
export function cardCalls(tb: TestBot): RecordedCall[] {
  return tb.fake.calls.filter(
    (call) =>
      (call.method === 'chat.postMessage' || call.method === 'chat.update') &&
      call.args.channel === ADMIN_CHANNEL &&
      call.args.thread_ts === undefined,
  );
}

export function cardText(tb: TestBot): string {
  return allText(cardCalls(tb).at(-1)?.args.blocks);
}

export function cardButtons(tb: TestBot): string[] {
  return buttons(cardCalls(tb).at(-1)?.args.blocks).map((button) => String(button.action_id));
}

/** The ephemeral answer to the last button press (its response_url post). */
export function lastAnswer(tb: TestBot): string {
  return allText(tb.fake.responses.at(-1)?.body);
}

/** A newcomer agrees (as from the welcome DM) and sends the eligibility form: the closing view's text. */
export async function ask(
  tb: TestBot,
  user: string,
  fields: JoinFields = {},
  viewId?: string,
): Promise<string> {
  const response = await tb.submit('join.modal', joinValues(fields), user, '', viewId);
  return allText(response.json);
}

/** An admin shares a CSV in their DM with the bot and imports it: the reply's text. */
export async function importCsv(
  tb: TestBot,
  content: string,
  admin = ADMIN,
  name = 'eligible.csv',
): Promise<string> {
  tb.fake.shareFile(`D${admin}`, admin, { name, content });
  const response = await tb.command('admin eligible import', admin);
  return allText(response.json);
}

export async function requestRow(tb: TestBot, user: string): Promise<Record<string, unknown> | undefined> {
  return tb.row('SELECT * FROM join_requests WHERE user_id = ?', user);
}

export async function actionRows(
  tb: TestBot,
  user: string,
): Promise<{ actor_id: string | null; action: string; note: string | null }[]> {
  return tb.rows(
    'SELECT actor_id, action, note FROM join_request_actions WHERE user_id = ? ORDER BY id',
    user,
  );
}
