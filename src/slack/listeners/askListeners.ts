import { askTypeSchema } from '../../asks/types';
import { joinList, messages, type Locale } from '../../i18n';
import type { Services } from '../../services';
import { postAskCard, refreshAskCard } from '../askCards';
import { askModal, askTypeFromMetadata, parseAskForm } from '../forms/askForm';
import { askIdFromResolveMetadata, parseResolveForm, resolveModal } from '../forms/resolveForm';
import { ACTION, VIEW } from '../ids';
import { isReplay } from '../replays';
import { escapeMrkdwn, mention, slackDate } from '../views/text';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/** What the author is told once the item is saved: where it is, and what happens next. */
function postedText(
  services: Services,
  locale: Locale,
  item: { id: number; title: string; type: 'ask' | 'offer'; audience: 'all' | 'matches' },
  card: 'posted' | 'none' | 'failed',
): string {
  const m = messages(locale).asks;
  const args = [m.typeWord[item.type], escapeMrkdwn(item.title), item.id] as const;
  const channel = `<#${services.config.asksChannelId ?? ''}>`;
  const where =
    item.audience === 'matches'
      ? m.savedMatches(...args)
      : card === 'posted'
        ? m.posted(...args, channel)
        : card === 'failed'
          ? m.notPosted(...args, channel)
          : m.savedListed(...args);
  return `${where}\n${m.afterPosting}`;
}

export function registerAskListeners(router: ListenerRouter, services: Services): void {
  const askButton = { gate: 'agreed', value: ID_VALUE, surface: 'ask_button' } as const;

  router.button(
    ACTION.askOpen,
    { gate: 'agreed', value: askTypeSchema, surface: 'ask_button' },
    async ({ value, locale, args }) => {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: askModal(value, locale) });
    },
  );

  router.button(ACTION.askRespond, askButton, async ({ value: askId, userId, m, args, reply }) => {
    const { item, created } = await services.asks.respond(userId, askId);
    await services.members.recordActivity(userId);
    services.logger.info(`ask ${askId}: ${userId} responded${created ? '' : ' again'}`);
    const title = escapeMrkdwn(item.title);
    await reply(created ? m.asks.respondDone(mention(item.author), title) : m.asks.respondAgain(title));
    if (created) await refreshAskCard(services, args.client, askId);
  });

  // Managing an item: the service checks that the presser is its author or an admin.
  router.button(
    ACTION.askResolve,
    { ...askButton, gate: 'anyone' },
    async ({ value: askId, userId, locale, m, args, reply }) => {
      const summary = await services.asks.managed(userId, askId);
      if (summary.item.status === 'resolved') {
        await reply(m.asks.resolvedAlready(escapeMrkdwn(summary.item.title)));
        return;
      }
      const responders = summary.responses.map((response) => response.userId);
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: resolveModal(summary, { locale, responders }),
      });
    },
  );

  router.button(
    ACTION.askExtend,
    { ...askButton, gate: 'anyone' },
    async ({ value: askId, userId, m, args, reply }) => {
      const item = await services.asks.extend(userId, askId);
      services.logger.info(`ask ${askId} extended by ${userId} to ${item.expiresAt.toISOString()}`);
      const date = slackDate(item.expiresAt, item.expiresAt.toISOString().slice(0, 10));
      await reply(m.asks.extended(escapeMrkdwn(item.title), date));
      await refreshAskCard(services, args.client, askId);
    },
  );

  router.form(
    VIEW.ask,
    {
      gate: 'agreed',
      surface: 'member_form',
      title: (m, { view }) => m.asks.modalTitle[askTypeFromMetadata(view.private_metadata)],
    },
    async ({ userId, locale, view, client, ack, fieldErrors }) => {
      const type = askTypeFromMetadata(view.private_metadata);
      await services.interests.refresh();
      const form = parseAskForm(view.state.values, { locale, type }, (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const { item, created } = await services.asks.create(userId, form.input, view.id);
      await ack();
      if (isReplay(services.logger, { what: 'ask', viewId: view.id, userId, id: item.id, created })) return;
      await services.members.recordActivity(userId);
      services.logger.info(`ask ${item.id} (${item.type}, ${item.audience}) posted by ${userId}`);
      const card = await postAskCard(services, client, item.id);
      await client.chat.postMessage({ channel: userId, text: postedText(services, locale, item, card) });
    },
  );

  router.form(
    VIEW.askResolve,
    { gate: 'anyone', surface: 'member_form', title: (m) => m.asks.resolveTitle },
    async ({ userId, locale, m, view, client, done }) => {
      const askId = askIdFromResolveMetadata(view.private_metadata);
      if (askId === undefined) {
        await done(m.asks.notFound('?'));
        return;
      }
      const resolved = await services.asks.resolve(userId, askId, parseResolveForm(view.state.values));
      const { item, changed, thanked } = resolved;
      const title = escapeMrkdwn(item.title);
      const text = !changed
        ? m.asks.resolvedAlready(title)
        : thanked.length === 0
          ? m.asks.resolvedDone(title)
          : `${m.asks.resolvedDone(title)} ${m.asks.resolvedThanked(joinList(locale, thanked.map(mention)))}`;
      await done(text);
      if (changed) await refreshAskCard(services, client, askId);
    },
  );
}
