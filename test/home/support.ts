import { record, type Json } from '../support/blocks';
import type { TestBot } from '../support/testBot';

/** The view of the last views.publish for the member. */
export function lastHome(tb: TestBot, user: string): Json {
  const calls = tb.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);
  return record(calls.at(-1)?.args.view);
}

export function homeBlocks(tb: TestBot, user: string): Json[] {
  const blocks = lastHome(tb, user).blocks;
  return Array.isArray(blocks) ? blocks.map(record) : [];
}

/** The blocks of one Home section: from its header to the divider that closes it. */
export function homeSection(tb: TestBot, user: string, heading: string): Json[] {
  const blocks = homeBlocks(tb, user);
  const start = blocks.findIndex((block) => block.type === 'header' && record(block.text).text === heading);
  if (start === -1) return [];
  const end = blocks.findIndex((block, index) => index > start && block.type === 'divider');
  return blocks.slice(start, end === -1 ? undefined : end);
}

export function publishesFor(tb: TestBot, user: string): number {
  return tb.fake.callsTo('views.publish').filter((call) => call.args.user_id === user).length;
}
