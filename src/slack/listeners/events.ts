import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { publishHome } from '../home';
import { welcomeMember } from '../welcome';

function appHomeOpened(services: Services) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(services, client, event.user);
  };
}

function teamJoin(services: Services) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs): Promise<void> => {
    const { user } = event;
    if (user.is_bot || user.deleted === true) return;
    await welcomeMember(services, client, user.id);
  };
}

function memberJoinedChannel(services: Services) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs): Promise<void> => {
    const communityChannel = services.config.communityChannelId;
    if (communityChannel === undefined || event.channel !== communityChannel) return;
    if (event.user === context.botUserId) return;
    await welcomeMember(services, client, event.user);
  };
}

export function registerEvents(app: App, services: Services): void {
  app.event('app_home_opened', appHomeOpened(services));
  app.event('team_join', teamJoin(services));
  app.event('member_joined_channel', memberJoinedChannel(services));
}
