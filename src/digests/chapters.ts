import type { DigestEvent } from './types';

/** The channels of the chapters each member joined (src/chapters). */
export type ChapterChannelsOf = (
  userIds: readonly string[],
) => Promise<ReadonlyMap<string, ReadonlySet<string>>>;

/**
 * Per member, the upcoming events posted in their chapters' channels, soonest first: these come
 * first in their digest whatever their interests (issue 14 §4). Members without any are left out.
 */
export async function chapterEventsOf(
  channelsOf: ChapterChannelsOf | undefined,
  userIds: readonly string[],
  events: readonly DigestEvent[],
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (channelsOf === undefined || events.length === 0) return out;
  const soonest = [...events].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  for (const [userId, channels] of await channelsOf(userIds)) {
    const ids = soonest.filter((event) => channels.has(event.channel)).map((event) => event.id);
    if (ids.length > 0) out.set(userId, ids);
  }
  return out;
}
