import type { Logger } from '../logger';

/**
 * A form's second submission (a double click, or Slack's request replayed) finds what the first
 * created: the services return `created: false`. True for such a replay, which is logged once by
 * ids so that the listener answers as before and does nothing more.
 */
export function isReplay(
  logger: Logger,
  replay: { what: string; viewId: string; userId: string; id: number; created: boolean },
): boolean {
  if (replay.created) return false;
  logger.info(
    `${replay.what} modal ${replay.viewId} from ${replay.userId} already created ${replay.what} ${replay.id}; nothing more done`,
  );
  return true;
}
