import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Services } from '../../services';
import { publishHome } from '../home';
import { welcomeMember } from '../welcome';

function appHomeOpened(services: Services) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(services, client, event.user);
  };
}

function teamJoin(services: Services) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs): Promise<void> => {
    const { user } = event;
    if (user.is_bot || user.deleted === true) return;
    await welcomeMember(services, client, user.id);
  };
}

/** Who joined or left which channel; anything else in these events is not ours to trust. */
const membershipChange = z.object({
  user: z.string().regex(/^[UW][A-Z0-9]{2,}$/),
  channel: z.string().regex(/^[CG][A-Z0-9]{2,}$/),
});

function memberJoinedChannel(services: Services) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs): Promise<void> => {
    const change = membershipChange.safeParse(event);
    if (!change.success) return;
    const { user, channel } = change.data;
    if (user === context.botUserId) {
      // Invited at last: a private channel whose members the bot could not read can be read now.
      await services.audience.botJoined(channel);
      return;
    }
    if (await services.audience.memberJoined(channel, user))
      services.logger.info(`${user} joined private channel ${channel}: they now see its cards`);
    const communityChannel = services.config.communityChannelId;
    if (communityChannel === undefined || channel !== communityChannel) return;
    await welcomeMember(services, client, user);
  };
}

function memberLeftChannel(services: Services) {
  return async ({
    event,
    context,
  }: SlackEventMiddlewareArgs<'member_left_channel'> & AllMiddlewareArgs): Promise<void> => {
    const change = membershipChange.safeParse(event);
    // When the bot itself leaves, the last member list it read is kept (it can no longer read a new one).
    if (!change.success || change.data.user === context.botUserId) return;
    const { user, channel } = change.data;
    if (await services.audience.memberLeft(channel, user))
      services.logger.info(`${user} left private channel ${channel}: they no longer see its cards`);
  };
}

export function registerEvents(app: App, services: Services): void {
  app.event('app_home_opened', appHomeOpened(services));
  app.event('team_join', teamJoin(services));
  app.event('member_joined_channel', memberJoinedChannel(services));
  app.event('member_left_channel', memberLeftChannel(services));
}
