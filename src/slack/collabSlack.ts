import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { CollabChannelGone, type CollabSlack } from '../collab/types';
import type { OutboxMessage } from '../scheduler/types';
import { slackErrorCode } from './errors';

/** Subtypes of messages a member wrote themselves; joins, topic changes, edits and bots' posts are not. */
const MEMBER_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share', 'me_message']);

/** Whether a message (from an event or the history) is one a member wrote, not a bot or Slack itself. */
export function isMemberMessage(message: { user?: unknown; bot_id?: unknown; subtype?: unknown }): boolean {
  if (typeof message.user !== 'string' || message.bot_id !== undefined) return false;
  return (
    message.subtype === undefined ||
    (typeof message.subtype === 'string' && MEMBER_SUBTYPES.has(message.subtype))
  );
}

/** Errors that mean the bot cannot read the channel any more, rather than "try again later". */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'method_not_supported_for_channel_type',
]);

const created = z.object({ channel: z.object({ id: z.string(), name: z.string().optional() }) });
const posted = z.object({ ts: z.string() });
const history = z.object({
  messages: z
    .array(
      z
        .object({
          ts: z.string(),
          user: z.string().optional(),
          bot_id: z.string().optional(),
          subtype: z.string().optional(),
          latest_reply: z.string().optional(),
          metadata: z
            .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
            .optional(),
        })
        .loose(),
    )
    .default([]),
});

const listed = z.object({
  channels: z
    .array(z.object({ id: z.string(), name: z.string(), creator: z.string().optional() }).loose())
    .default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});
const LIST_PAGE = 200;
const LIST_PAGES = 10;
/** The metadata event type of the first posts of channels, which postOnce finds again by their key. */
const POST_ONCE_EVENT = 'homecoming_channel_post';

/** Messages read from the end of a channel's history: the newest are what tell whether it is quiet. */
const HISTORY_PAGE = 100;

const tsToDate = (ts: string): Date => new Date(Math.round(Number(ts) * 1000));

/**
 * The Slack calls of collaboration channels over the interactive Web API client: conversations.create
 * and .invite (groups:write), chat.postMessage, pins.add (pins:write), conversations.history
 * (groups:history). Answers come from outside, so they are read with zod.
 */
export class SlackCollabChannels implements CollabSlack {
  private botUser: Promise<string | undefined> | undefined;

  constructor(private readonly client: webApi.WebClient) {}

  async createPrivateChannel(name: string): Promise<{ id: string; name: string } | 'name_taken'> {
    try {
      const answer = created.parse(await this.client.conversations.create({ name, is_private: true }));
      return { id: answer.channel.id, name: answer.channel.name ?? name };
    } catch (error) {
      if (slackErrorCode(error) === 'name_taken') return 'name_taken';
      throw error;
    }
  }

  async invite(channelId: string, userIds: readonly string[]): Promise<void> {
    try {
      // force: a member Slack will not invite (deactivated, a guest) does not keep the others out.
      await this.client.conversations.invite({ channel: channelId, users: userIds.join(','), force: true });
    } catch (error) {
      if (slackErrorCode(error) === 'already_in_channel') return;
      throw error;
    }
  }

  /**
   * conversations.list of the private channels the bot is in (groups:read), page by page: the only
   * way Slack finds a channel by its name. Called only after name_taken.
   */
  async findPrivateChannel(name: string): Promise<{ id: string; name: string } | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < LIST_PAGES; page += 1) {
      const answer = listed.parse(
        await this.client.conversations.list({
          types: 'private_channel',
          exclude_archived: true,
          limit: LIST_PAGE,
          ...(cursor === undefined ? {} : { cursor }),
        }),
      );
      const found = answer.channels.find((channel) => channel.name === name);
      // Ours only if the bot made it: a channel a member made under that name is left alone.
      if (found !== undefined)
        return found.creator === (await this.botUserId()) ? { id: found.id, name } : undefined;
      cursor = answer.response_metadata?.next_cursor;
      if (cursor === undefined || cursor === '') return undefined;
    }
    return undefined;
  }

  /** The bot's own user id (auth.test), asked once. */
  private async botUserId(): Promise<string | undefined> {
    this.botUser ??= this.client.auth
      .test()
      .then((answer) => z.object({ user_id: z.string() }).parse(answer).user_id)
      .catch(() => {
        this.botUser = undefined;
        return undefined;
      });
    return this.botUser;
  }

  async postOnce(channelId: string, message: OutboxMessage, key: string): Promise<string> {
    const recent = history.parse(
      await this.client.conversations.history({
        channel: channelId,
        limit: HISTORY_PAGE,
        include_all_metadata: true,
      }),
    );
    const earlier = recent.messages.find(
      (posted) =>
        posted.metadata?.event_type === POST_ONCE_EVENT && posted.metadata.event_payload?.key === key,
    );
    if (earlier !== undefined) return earlier.ts;
    const answer = await this.client.chat.postMessage({
      channel: channelId,
      text: message.text,
      ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
      metadata: { event_type: POST_ONCE_EVENT, event_payload: { key } },
    });
    return posted.parse(answer).ts;
  }

  async pin(channelId: string, ts: string): Promise<void> {
    try {
      await this.client.pins.add({ channel: channelId, timestamp: ts });
    } catch (error) {
      if (slackErrorCode(error) === 'already_pinned') return;
      throw error;
    }
  }

  /**
   * The newest message a member wrote, or replied in a thread, after `since`. The last page of the
   * history is read rather than everything after `since`: a reply in the thread of an older message
   * (the pinned item, most often) shows only as that message's latest_reply.
   */
  async latestActivity(channelId: string, since: Date): Promise<Date | undefined> {
    let answer: z.infer<typeof history>;
    try {
      answer = history.parse(
        await this.client.conversations.history({ channel: channelId, limit: HISTORY_PAGE }),
      );
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== undefined && GONE.has(code)) throw new CollabChannelGone(channelId, code);
      throw error;
    }
    let latest: Date | undefined;
    for (const message of answer.messages) {
      const times = [
        ...(isMemberMessage(message) ? [tsToDate(message.ts)] : []),
        ...(message.latest_reply === undefined ? [] : [tsToDate(message.latest_reply)]),
      ];
      for (const time of times)
        if (time.getTime() > since.getTime() && (latest === undefined || time > latest)) latest = time;
    }
    return latest;
  }
}
