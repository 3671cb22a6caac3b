import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { ChannelRefused } from '../../audience/types';
import { messages, type Catalogue, type Locale } from '../../i18n';
import type { Logger } from '../../logger';
import type { Access } from '../../approval/types';
import type { FieldErrors } from '../parse/profileForm';
import { readFormState } from '../parse/viewState';
import { tellPresser } from '../presserReplies';
import { UnreadableSubmission, userMessage, type Surface } from '../userMessage';
import { accessRefusal } from '../views/approval';
import { doneModal } from '../views/doneModal';
import type { SlackMessage } from '../views/message';
import type { AckFirst } from '../ackFirst';

/** Most buttons carry an id we wrote; it comes back from Slack, so it is read as untrusted. */
export const ID_VALUE = z.coerce.number().int().positive();

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What the router needs to know about a member before any handler runs. */
export interface SurfaceDeps {
  localeOf(userId: string): Promise<Locale>;
  /** Where the member stands: agreed to the charter and, with approval on, approved (ApprovalService.access). */
  access(userId: string): Promise<Access>;
  readonly logger: Logger;
  /** Follow-up work after a press's ack takes turns, so that other requests' acks go first. */
  readonly ackFirst: AckFirst;
}

/**
 * Who may press or submit: `agreed` members only (most surfaces: agreed to the charter and, with
 * APPROVAL=on, approved), or anyone (the charter's own buttons, the eligibility form, privacy,
 * help). The services check roles and ownership again where the work is done.
 */
export type Gate = 'agreed' | 'anyone';

export interface ButtonOptions<V> {
  readonly gate: Gate;
  /** Reads the button's value: ids we wrote, but they come back from Slack, so untrusted. */
  readonly value: z.ZodType<V>;
  /** Decides the words for a value that does not read (see userMessage), and for other failures. */
  readonly surface: Surface;
  /** The words for a value that does not read, where the surface's own words do not fit. */
  readonly badValue?: (m: Catalogue) => string;
  /**
   * The press only changes stored state and messages (no modal to open: a trigger_id lasts 3 s),
   * so its work waits its turn behind other requests' acks (see ackFirst.ts). For presses that
   * come in bursts, such as an RSVP on a card many members see at once.
   */
  readonly takesTurns?: true;
}

/** A press, read: who, in which language, the value, and how to answer them. */
export interface Press<V> {
  readonly userId: string;
  readonly locale: Locale;
  readonly m: Catalogue;
  readonly value: V;
  readonly args: ButtonArgs;
  /** An answer only the presser sees (ephemeral, or a DM where there is no message). */
  readonly reply: (message: SlackMessage | string) => Promise<void>;
}

export interface FormOptions {
  readonly gate: Gate;
  readonly surface: Surface;
  /** The modal's title, for the closing view that carries a refusal or an error. */
  readonly title: (m: Catalogue, args: SubmitArgs) => string;
  /**
   * The form's block ids: a state that has none of them is not what Slack sends for this form,
   * so it is refused as a whole (nothing saved) rather than read as a form left empty.
   */
  readonly blocks?: readonly string[];
  /** The channel field's error when the service refuses the chosen channel (nothing was saved). */
  readonly channelRefusal?: (reason: ChannelRefused['reason'], locale: Locale) => FieldErrors;
}

/** A submission, read: who, in which language, and the ways to answer within Slack's 3 s. */
export interface Submission {
  readonly userId: string;
  readonly locale: Locale;
  readonly m: Catalogue;
  readonly args: SubmitArgs;
  readonly view: SubmitArgs['view'];
  readonly client: SubmitArgs['client'];
  /** Closes the modal (or answers with a response action); only the first call counts. */
  readonly ack: (response?: ViewResponseAction) => Promise<void>;
  /** Field errors shown on their fields; nothing was saved. */
  readonly fieldErrors: (errors: FieldErrors) => Promise<void>;
  /** Turns the modal into a closing view with one line. */
  readonly done: (text: string, title?: string) => Promise<void>;
}

/**
 * The one path for a button press: ack, the member's language, the value read, the gate, then
 * the handler; any error it throws becomes the member's words through userMessage.
 */
export function buttonHandler<V>(
  deps: SurfaceDeps,
  options: ButtonOptions<V>,
  handler: (press: Press<V>) => Promise<void>,
): (args: ButtonArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const done = options.takesTurns === true ? await deps.ackFirst.turn() : undefined;
    try {
      await pressed(deps, options, handler, args);
    } finally {
      done?.();
    }
  };
}

async function pressed<V>(
  deps: SurfaceDeps,
  options: ButtonOptions<V>,
  handler: (press: Press<V>) => Promise<void>,
  args: ButtonArgs,
): Promise<void> {
  const userId = args.body.user.id;
  const locale = await deps.localeOf(userId);
  const m = messages(locale);
  const reply = (message: SlackMessage | string): Promise<void> => tellPresser(args, message);
  try {
    const read = options.value.safeParse(args.action.value);
    if (!read.success && options.badValue !== undefined) {
      deps.logger.warn(`button ${args.action.action_id} from ${userId}: unreadable value`);
      await reply(options.badValue(m));
      return;
    }
    if (!read.success) throw read.error;
    const value = read.data;
    if (options.gate === 'agreed') {
      const access = await deps.access(userId);
      if (access.kind !== 'member') {
        await reply(accessRefusal(access, locale));
        return;
      }
    }
    await handler({ userId, locale, m, value, args, reply });
  } catch (error) {
    const failure = { where: `button ${args.action.action_id}`, userId, surface: options.surface };
    await reply(userMessage(error, locale, failure, deps.logger)).catch((failed: unknown) => {
      deps.logger.error(`button ${args.action.action_id}: could not tell ${userId}:`, failed);
    });
  }
}

/**
 * The one path for a modal submission: the member's language, the state checked, the gate, then
 * the handler. An error before the handler acknowledged turns the modal into a closing view with
 * the member's words; after it, the words come as a DM.
 */
export function formHandler(
  deps: SurfaceDeps,
  options: FormOptions,
  handler: (submission: Submission) => Promise<void>,
): (args: SubmitArgs) => Promise<void> {
  return async (args) => {
    const userId = args.body.user.id;
    const locale = await deps.localeOf(userId);
    const m = messages(locale);
    let acked = false;
    const ack = async (response?: ViewResponseAction): Promise<void> => {
      if (acked) return;
      acked = true;
      await (response === undefined ? args.ack() : args.ack(response));
    };
    const done = (text: string, title = options.title(m, args)): Promise<void> =>
      ack({ response_action: 'update', view: doneModal(title, text, locale) });
    const fieldErrors = (errors: FieldErrors): Promise<void> => ack({ response_action: 'errors', errors });
    const failure = { where: `view ${args.view.callback_id}`, userId, surface: options.surface };
    try {
      if (options.blocks !== undefined && readFormState(args.view.state.values, options.blocks) === undefined)
        throw new UnreadableSubmission();
      if (options.gate === 'agreed') {
        const access = await deps.access(userId);
        if (access.kind !== 'member') {
          await done(accessRefusal(access, locale).text);
          return;
        }
      }
      const { view, client } = args;
      await handler({ userId, locale, m, args, view, client, ack, fieldErrors, done });
    } catch (error) {
      if (error instanceof ChannelRefused && options.channelRefusal !== undefined && !acked) {
        deps.logger.info(`${failure.where} from ${userId}: channel ${error.reason}`);
        await fieldErrors(options.channelRefusal(error.reason, locale));
        return;
      }
      const text = userMessage(error, locale, failure, deps.logger);
      if (!acked) await done(text).catch(() => undefined);
      else
        await args.client.chat.postMessage({ channel: userId, text }).catch((failed: unknown) => {
          deps.logger.error(`view ${args.view.callback_id}: could not tell ${userId}:`, failed);
        });
    }
  };
}

/**
 * The options of a form that posts a card into a channel its author picks (event, job,
 * announcement): anyone may submit (the service checks the role), and a channel the service
 * refuses comes back on the channel field with nothing saved, so the author picks another (or
 * invites the bot) and submits again.
 */
export function channelPostingForm(
  title: FormOptions['title'],
  channelRefusal: NonNullable<FormOptions['channelRefusal']>,
): FormOptions {
  return { gate: 'anyone', surface: 'manage_form', title, channelRefusal };
}
