import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { askTypeSchema } from '../../asks/types';
import { joinList, messages, type Locale } from '../../i18n';
import type { Services } from '../../services';
import { postAskCard, refreshAskCard } from '../askCards';
import { askModal, askTypeFromMetadata, parseAskForm } from '../forms/askForm';
import { askIdFromResolveMetadata, parseResolveForm, resolveModal } from '../forms/resolveForm';
import { ACTION, VIEW } from '../ids';
import { tellPresser } from '../presserReplies';
import { isReplay } from '../replays';
import { userMessage } from '../userMessage';
import { doneModal } from '../views/doneModal';
import { escapeMrkdwn, mention, slackDate } from '../views/text';
import type { ListenerRouter } from './router';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Button values are ids we wrote, but they come back from Slack: read them as untrusted. */
const idValue = z.coerce.number().int().positive();

/** ack() first; then the work, with every failure explained to the presser in their words. */
function button(
  services: Services,
  work: (args: ButtonArgs, userId: string, locale: Locale) => Promise<void>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    try {
      await work(args, userId, locale);
    } catch (error) {
      const failure = {
        where: `ask button ${args.action.action_id}`,
        userId,
        surface: 'ask_button',
      } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(
        (failed: unknown) => {
          services.logger.error(`ask button ${args.action.action_id}: could not tell ${userId}:`, failed);
        },
      );
    }
  };
}

/** Members act after agreeing to the code of conduct, as with events and roles. */
async function agreed(services: Services, userId: string): Promise<boolean> {
  return (await services.onboarding.agreementState(userId)) === 'agreed';
}

function openForm(services: Services) {
  return button(services, async (args, userId, locale) => {
    const type = askTypeSchema.parse(args.action.value);
    if (!(await agreed(services, userId))) {
      await tellPresser(args, messages(locale).onboarding.mustAgreeFirst);
      return;
    }
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: askModal(type, locale) });
  });
}

function respond(services: Services) {
  return button(services, async (args, userId, locale) => {
    const m = messages(locale).asks;
    const askId = idValue.parse(args.action.value);
    if (!(await agreed(services, userId))) {
      await tellPresser(args, messages(locale).onboarding.mustAgreeFirst);
      return;
    }
    const { item, created } = await services.asks.respond(userId, askId);
    await services.members.recordActivity(userId);
    services.logger.info(`ask ${askId}: ${userId} responded${created ? '' : ' again'}`);
    const title = escapeMrkdwn(item.title);
    await tellPresser(args, created ? m.respondDone(mention(item.author), title) : m.respondAgain(title));
    if (created) await refreshAskCard(services, args.client, askId);
  });
}

function openResolve(services: Services) {
  return button(services, async (args, userId, locale) => {
    const askId = idValue.parse(args.action.value);
    const summary = await services.asks.managed(userId, askId);
    if (summary.item.status === 'resolved') {
      await tellPresser(args, messages(locale).asks.resolvedAlready(escapeMrkdwn(summary.item.title)));
      return;
    }
    const responders = summary.responses.map((response) => response.userId);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: resolveModal(summary, { locale, responders }),
    });
  });
}

function extend(services: Services) {
  return button(services, async (args, userId, locale) => {
    const askId = idValue.parse(args.action.value);
    const item = await services.asks.extend(userId, askId);
    services.logger.info(`ask ${askId} extended by ${userId} to ${item.expiresAt.toISOString()}`);
    const date = slackDate(item.expiresAt, item.expiresAt.toISOString().slice(0, 10));
    await tellPresser(args, messages(locale).asks.extended(escapeMrkdwn(item.title), date));
    await refreshAskCard(services, args.client, askId);
  });
}

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

async function submitAsk(services: Services, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const locale = await services.locales.localeOf(userId);
  const m = messages(locale);
  const type = askTypeFromMetadata(view.private_metadata);
  try {
    if (!(await agreed(services, userId))) {
      await ack({
        response_action: 'update',
        view: doneModal(m.asks.modalTitle[type], m.onboarding.mustAgreeFirst, locale),
      });
      return;
    }
    await services.interests.refresh();
    const form = parseAskForm(view.state.values, { locale, type }, (text) =>
      services.members.parseInterestField(text),
    );
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const { item, created } = await services.asks.create(userId, form.input, view.id);
    await ack();
    if (isReplay(services.logger, { what: 'ask', viewId: view.id, userId, id: item.id, created })) return;
    await services.members.recordActivity(userId);
    services.logger.info(`ask ${item.id} (${item.type}, ${item.audience}) posted by ${userId}`);
    const card = await postAskCard(services, client, item.id);
    await client.chat.postMessage({ channel: userId, text: postedText(services, locale, item, card) });
  } catch (error) {
    const failure = { where: 'ask modal', userId, surface: 'member_form' } as const;
    const text = userMessage(error, locale, failure, services.logger);
    await ack({ response_action: 'update', view: doneModal(m.asks.modalTitle[type], text, locale) }).catch(
      async () => {
        await client.chat.postMessage({ channel: userId, text });
      },
    );
  }
}

async function submitResolve(services: Services, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const locale = await services.locales.localeOf(userId);
  const m = messages(locale).asks;
  const done = (text: string) => doneModal(m.resolveTitle, text, locale);
  try {
    const askId = askIdFromResolveMetadata(view.private_metadata);
    if (askId === undefined) {
      await ack({ response_action: 'update', view: done(m.notFound('?')) });
      return;
    }
    const { item, changed, thanked } = await services.asks.resolve(
      userId,
      askId,
      parseResolveForm(view.state.values),
    );
    const title = escapeMrkdwn(item.title);
    const text = !changed
      ? m.resolvedAlready(title)
      : thanked.length === 0
        ? m.resolvedDone(title)
        : `${m.resolvedDone(title)} ${m.resolvedThanked(joinList(locale, thanked.map(mention)))}`;
    await ack({ response_action: 'update', view: done(text) });
    if (changed) await refreshAskCard(services, client, askId);
  } catch (error) {
    const failure = { where: 'ask resolve modal', userId, surface: 'member_form' } as const;
    const text = userMessage(error, locale, failure, services.logger);
    await ack({ response_action: 'update', view: done(text) }).catch(async () => {
      await client.chat.postMessage({ channel: userId, text });
    });
  }
}

export function registerAskListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.askOpen, openForm(services));
  app.action<BlockAction<ButtonAction>>(ACTION.askRespond, respond(services));
  app.action<BlockAction<ButtonAction>>(ACTION.askResolve, openResolve(services));
  app.action<BlockAction<ButtonAction>>(ACTION.askExtend, extend(services));
  app.view<ViewSubmitAction>(VIEW.ask, (args) => submitAsk(services, args));
  app.view<ViewSubmitAction>(VIEW.askResolve, (args) => submitResolve(services, args));
}
