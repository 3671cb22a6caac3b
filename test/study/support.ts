import type { TestBot } from '../support/testBot';

// Helpers of the study-group tests (issue 13 §3).

export { member, dmsTo, lastAnswer, openedView, outboxKeys, buttons } from '../asks/support';

export const DAY = 86_400_000;

export interface StudyFields {
  topic?: string;
  tags?: string;
  minMembers?: string | null;
  /** null: nothing chosen. */
  rhythm?: string | null;
}

/** view.state.values of the proposal form, as Slack sends them. */
export function studyValues(
  fields: StudyFields = {},
): Record<string, Record<string, Record<string, unknown>>> {
  const text = (value: string | undefined) => ({ value: { type: 'plain_text_input', value: value ?? null } });
  const rhythm = fields.rhythm === undefined ? 'weekly' : fields.rhythm;
  return {
    'study.topic': text(fields.topic ?? 'Rust for web developers'),
    'study.tags': text(fields.tags ?? 'rust'),
    'study.min_members': {
      value: { type: 'number_input', value: fields.minMembers === undefined ? '4' : fields.minMembers },
    },
    'study.rhythm': {
      value: { type: 'radio_buttons', selected_option: rhythm === null ? null : { value: rhythm } },
    },
  };
}

export function submitStudy(tb: TestBot, user: string, fields: StudyFields = {}, viewId?: string) {
  return tb.submit('study.modal', studyValues(fields), user, '', viewId);
}

/** Proposes through the form; returns the proposal's id. */
export async function propose(tb: TestBot, user: string, fields: StudyFields = {}): Promise<number> {
  const response = await submitStudy(tb, user, fields);
  if (response.status !== 200 || (response.json !== null && typeof response.json === 'object'))
    throw new Error(`study not proposed: ${response.text}`);
  const row = await tb.row<{ id: number | null }>(
    'SELECT max(id) AS id FROM study_groups WHERE proposer = ?',
    user,
  );
  if (row === undefined || row.id === null) throw new Error('no study row');
  return Number(row.id);
}

export function groupRow(tb: TestBot, id: number) {
  return tb.row<{ status: string; channel_id: string | null; claim_token: string | null }>(
    'SELECT status, channel_id, claim_token FROM study_groups WHERE id = ?',
    id,
  );
}

export async function backers(tb: TestBot, id: number): Promise<string[]> {
  const rows = await tb.rows<{ user_id: string }>(
    'SELECT user_id FROM study_backers WHERE group_id = ? ORDER BY user_id',
    id,
  );
  return rows.map((row) => row.user_id);
}

export const countIn = (tb: TestBot, user: string, id: number) =>
  tb.press('study.in', user, 'message', String(id));
export const countOut = (tb: TestBot, user: string, id: number) =>
  tb.press('study.out', user, 'message', String(id));
