import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ChannelDirectory } from '../audience/types';
import { slackErrorCode } from './errors';

/** Errors that mean "the bot cannot read this channel" rather than "try again". */
const UNREADABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'method_not_supported_for_channel_type',
  'channel_is_limited_access',
]);
/** Slack returns fewer than asked at times; 1,000 keeps the number of Tier 4 calls low. */
const PAGE_SIZE = 1000;
/**
 * Pages read while looking for one member (the forms' check, before the 3-second ack).
 * A full read (private channels, in the background) has no such limit.
 */
const PAGES_WHEN_LOOKING = 5;

const infoAnswer = z.object({
  channel: z
    .object({
      is_private: z.boolean().optional(),
      is_mpim: z.boolean().optional(),
      is_im: z.boolean().optional(),
    })
    .loose(),
});
const membersAnswer = z.object({
  members: z.array(z.string()).default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).loose().optional(),
});

/** Slack's answers about channels, over the interactive Web API client (conversations.info and .members). */
export class SlackChannelDirectory implements ChannelDirectory {
  constructor(private readonly client: webApi.WebClient) {}

  async describe(channelId: string): Promise<{ isPrivate: boolean } | undefined> {
    try {
      const { channel } = infoAnswer.parse(await this.client.conversations.info({ channel: channelId }));
      return { isPrivate: channel.is_private === true || channel.is_mpim === true || channel.is_im === true };
    } catch (error) {
      if (UNREADABLE.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  }

  async members(
    channelId: string,
    lookingFor?: string,
  ): Promise<{ members: string[]; complete: boolean } | undefined> {
    const members: string[] = [];
    let cursor: string | undefined;
    try {
      for (let page = 1; ; page += 1) {
        const answer = membersAnswer.parse(
          await this.client.conversations.members({
            channel: channelId,
            limit: PAGE_SIZE,
            ...(cursor === undefined ? {} : { cursor }),
          }),
        );
        members.push(...answer.members);
        cursor = answer.response_metadata?.next_cursor;
        const done = cursor === undefined || cursor === '';
        if (done) return { members, complete: true };
        if (lookingFor !== undefined && (answer.members.includes(lookingFor) || page >= PAGES_WHEN_LOOKING))
          return { members, complete: false };
      }
    } catch (error) {
      if (UNREADABLE.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
  }
}
