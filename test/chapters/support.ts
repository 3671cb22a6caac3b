import type { TestBot } from '../support/testBot';
import { ADMIN } from '../support/testBot';

export { member, dmsTo, openedView } from '../asks/support';

export const TOKYO = 'C0TOKYO1';
export const OSAKA = 'C0OSAKA1';

/** A channel as Slack sends it in a command's text (should_escape). */
export const channelLink = (id: string, name: string): string => `<#${id}|${name}>`;
export const userLink = (id: string): string => `<@${id}|someone>`;

/** An admin creates a chapter; returns its id. */
export async function createChapter(tb: TestBot, name: string, channel: string): Promise<number> {
  await tb.command(
    `chapters create ${name} ${channelLink(channel, name.toLowerCase().replace(/\s+/g, '-'))}`,
    ADMIN,
  );
  const row = await tb.row<{ id: number }>(
    "SELECT id FROM chapters WHERE channel_id = ? AND status = 'active'",
    channel,
  );
  if (row === undefined) throw new Error(`chapter ${name} not created`);
  return row.id;
}

export async function membersOf(tb: TestBot, chapterId: number): Promise<string[]> {
  const rows = await tb.rows<{ user_id: string }>(
    'SELECT user_id FROM chapter_members WHERE chapter_id = ? ORDER BY user_id',
    chapterId,
  );
  return rows.map((row) => row.user_id);
}
