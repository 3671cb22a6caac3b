import type { Services } from '../../services';
import { refreshingHome } from '../home';
import { ACTION } from '../ids';
import { escapeMrkdwn } from '../views/text';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/** Chapters (issue 14 §4): Join and Leave on App Home; the Home is published again after each press. */
export function registerChapterListeners(router: ListenerRouter, services: Services): void {
  const chapterButton = {
    gate: 'agreed',
    value: ID_VALUE,
    surface: 'other',
    badValue: (m) => m.chapters.gone,
  } as const satisfies Parameters<typeof router.button>[1];

  for (const [actionId, action] of [
    [ACTION.chapterJoin, 'join'],
    [ACTION.chapterLeave, 'leave'],
  ] as const) {
    router.button(actionId, chapterButton, async ({ value: id, userId, locale, m, args, reply }) => {
      const { name, change, channel } = await refreshingHome(services, args, userId, locale, async () => {
        const chapter = await services.chapters.byId(id);
        const done =
          action === 'join'
            ? await services.chapters.join(userId, chapter)
            : await services.chapters.leave(userId, chapter);
        return { name: escapeMrkdwn(chapter.name), change: done, channel: chapter.channelId };
      });
      await services.members.recordActivity(userId);
      services.logger.info(`chapter ${id}: ${userId} ${change}`);
      if (change === 'joined') await reply(m.chapters.joined(name, `<#${channel}>`));
      else if (change === 'already_member') await reply(m.chapters.alreadyMember(name));
      else if (change === 'left') await reply(m.chapters.left(name));
      else await reply(m.chapters.notMember(name));
    });
  }
}
