import type { RecordedCall } from '../support/fakeSlack';
import { TestBot, allText } from '../support/testBot';
import { HR, buttons, dmsTo } from '../jobs/support';

export const TEAM1 = 'U8TEAM1';
export const TEAM2 = 'U8TEAM2';
export const MEMBER = 'U8MEM01';

export const tag = (user: string): string => `<@${user}|${user.toLowerCase()}>`;

/** The value of the button with this action id in the last DM to the user that has one. */
export function dmButtonValue(tb: TestBot, user: string, actionId: string): string {
  const dm = dmsTo(tb, user)
    .filter((call) => buttons(call.args.blocks).some((b) => b.action_id === actionId))
    .pop();
  const value = buttons(dm?.args.blocks).find((b) => b.action_id === actionId)?.value;
  if (typeof value !== 'string') throw new Error(`no ${actionId} button in a DM to ${user}`);
  return value;
}

/** DMs to the user whose text contains the words. */
export function dmsWith(tb: TestBot, user: string, words: string): RecordedCall[] {
  return dmsTo(tb, user).filter((call) => allText(call.args).includes(words));
}

/** HR adds the contacts; each confirms from their DM. */
export async function addConfirmedContacts(
  tb: TestBot,
  jobId: number,
  contacts: readonly string[],
  hr = HR,
): Promise<void> {
  await tb.command(`job contacts ${jobId} ${contacts.map(tag).join(' ')}`, hr);
  await tb.tick();
  for (const contact of contacts) {
    await tb.press(
      'coffee.invite.confirm',
      contact,
      'message',
      dmButtonValue(tb, contact, 'coffee.invite.confirm'),
    );
  }
}

export function coffeeSteps(tb: TestBot, jobId: number): Promise<{ user_id: string | null; step: string }[]> {
  return tb.rows<{ user_id: string | null; step: string }>(
    'SELECT user_id, step FROM coffee_funnel WHERE job_id = ? ORDER BY id',
    jobId,
  );
}

/** chat.postMessage calls to group DMs (the fake names them G + the members' ids). */
export function groupPosts(tb: TestBot): RecordedCall[] {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((call) => typeof call.args.channel === 'string' && call.args.channel.startsWith('G'));
}
