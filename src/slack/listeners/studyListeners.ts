import { STUDY_LIMITS } from '../../study/types';
import type { Services } from '../../services';
import { parseStudyForm } from '../forms/studyForm';
import { refreshingHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { isReplay } from '../replays';
import { eventModal } from '../views/eventModal';
import { escapeMrkdwn } from '../views/text';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/** Study groups (issue 13 §3): the proposal form, Count me in / out, and scheduling the first session. */
export function registerStudyListeners(router: ListenerRouter, services: Services): void {
  const studyButton = { gate: 'agreed', value: ID_VALUE, surface: 'ask_button' } as const;

  router.button(ACTION.studyIn, studyButton, async ({ value: id, userId, locale, m, args, reply }) => {
    const { group, created, formed } = await refreshingHome(services, args, userId, locale, () =>
      services.study.countIn(userId, id),
    );
    await services.members.recordActivity(userId);
    const topic = escapeMrkdwn(group.topic);
    services.logger.info(`study ${id}: ${userId} counted in${created ? '' : ' again'}`);
    if (formed === 'failed') await reply(m.study.formingLater(topic));
    else if (formed !== undefined) await reply(m.study.formedNow(topic, `<#${formed.channelId}>`));
    else if (!created) await reply(m.study.alreadyIn(topic));
    else await reply(m.study.countedIn(topic, group.backers, group.minMembers));
  });

  router.button(ACTION.studyOut, studyButton, async ({ value: id, userId, locale, m, args, reply }) => {
    const { group, removed } = await refreshingHome(services, args, userId, locale, () =>
      services.study.countOut(userId, id),
    );
    const topic = escapeMrkdwn(group.topic);
    if (removed) services.logger.info(`study ${id}: ${userId} counted out`);
    await reply(removed ? m.study.countedOut(topic) : m.study.notIn(topic));
  });

  // The service checks that the presser backed the group and that its channel exists.
  router.button(ACTION.studyJoin, studyButton, async ({ value: id, userId, m, reply }) => {
    const channelId = await services.study.join(userId, id);
    await services.members.recordActivity(userId);
    await reply(m.collab.joined(`<#${channelId}>`));
  });

  // The service checks that the presser proposed the group (or is an admin) and that it formed.
  router.button(
    ACTION.studySchedule,
    { ...studyButton, gate: 'anyone' },
    async ({ value: id, userId, locale, args }) => {
      const group = await services.study.schedulable(userId, id);
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: eventModal(undefined, locale, group.channelId, group.topic),
      });
    },
  );

  router.form(
    VIEW.study,
    { gate: 'agreed', surface: 'member_form', title: (m) => m.study.modalTitle },
    async ({ userId, locale, m, view, client, ack, fieldErrors }) => {
      await services.interests.refresh();
      const form = parseStudyForm(view.state.values, locale, (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const { group, created } = await services.study.propose(userId, form.input, view.id);
      await ack();
      if (isReplay(services.logger, { what: 'study', viewId: view.id, userId, id: group.id, created }))
        return;
      await services.members.recordActivity(userId);
      services.logger.info(`study ${group.id} proposed by ${userId}`);
      const text = m.study.proposed(
        escapeMrkdwn(group.topic),
        group.id,
        group.minMembers,
        STUDY_LIMITS.lapseDays,
      );
      await client.chat.postMessage({ channel: userId, text });
    },
  );
}
