import { allText, TestBot } from '../support/testBot';
import { buttons, dmsTo, groupPosts, member } from '../asks/support';

export { buttons, dmsTo, groupPosts, member };

export const DAY = 86_400_000;

/** The text of a command's ephemeral reply (blocks included). */
export async function say(tb: TestBot, text: string, user: string): Promise<string> {
  return allText((await tb.command(text, user)).json);
}

/** The answer a button press got (its response_url post). */
export function answer(tb: TestBot): string {
  return allText(tb.fake.responses.at(-1)?.body);
}

export async function offerRow(
  tb: TestBot,
  user: string,
): Promise<{ capacity: number; availability: string; active_count: number } | undefined> {
  const row = await tb.row<{
    capacity: number | string;
    availability: string;
    active_count: number | string;
  }>('SELECT capacity, availability, active_count FROM mentor_offers WHERE user_id = ?', user);
  return row === undefined
    ? undefined
    : {
        capacity: Number(row.capacity),
        availability: row.availability,
        active_count: Number(row.active_count),
      };
}

export async function requestRow(
  tb: TestBot,
  requester: string,
): Promise<{ id: number; status: string; current_mentor: string | null } | undefined> {
  const row = await tb.row<{ id: number | string; status: string; current_mentor: string | null }>(
    'SELECT id, status, current_mentor FROM mentor_requests WHERE requester = ? ORDER BY id DESC',
    requester,
  );
  return row === undefined ? undefined : { ...row, id: Number(row.id) };
}

/** The Accept / Decline (or check-in) buttons of the last DM to a member. */
export function lastDmButtons(tb: TestBot, user: string): [string, string][] {
  const last = dmsTo(tb, user).at(-1);
  return buttons(last?.args.blocks).map((b) => [String(b.action_id), String(b.value)]);
}

export async function pairRows(
  tb: TestBot,
): Promise<{ id: number; mentor_id: string; mentee_id: string; status: string }[]> {
  const rows = await tb.rows<{ id: number | string; mentor_id: string; mentee_id: string; status: string }>(
    'SELECT id, mentor_id, mentee_id, status FROM mentor_pairs ORDER BY id',
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
