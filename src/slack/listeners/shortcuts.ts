import type { AllMiddlewareArgs, SlackShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { messages, type Catalogue, type Locale } from '../../i18n';
import { userMessage } from '../userMessage';
import { accessRefusal } from '../views/approval';
import { doneModal } from '../views/doneModal';
import type { Gate, SurfaceDeps } from './surfaces';

export type ShortcutArgs = SlackShortcutMiddlewareArgs<SlackShortcut> & AllMiddlewareArgs;

/**
 * A message shortcut's payload, read at the boundary: the message (its author when a person wrote
 * it; a bot's message has none) and the trigger to open a modal with.
 */
const messageShortcutSchema = z.object({
  type: z.literal('message_action'),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().regex(/^[CGD][A-Z0-9]{2,}$/) }),
  message: z.object({ ts: z.string().regex(/^\d{10}\.\d{6}$/), user: z.string().optional() }),
});

export interface ShortcutOptions {
  readonly gate: Gate;
  /** The modal title of the closing view that carries a refusal or an error. */
  readonly title: (m: Catalogue) => string;
}

/** A message shortcut, read: who, in which language, which message, and how to answer them. */
export interface MessageShortcutPress {
  readonly userId: string;
  readonly locale: Locale;
  readonly m: Catalogue;
  readonly channelId: string;
  readonly messageTs: string;
  /** Who wrote the message, when a person did. */
  readonly authorId: string | null;
  readonly triggerId: string;
  readonly args: ShortcutArgs;
  /** Answers in a small modal: a shortcut has no message to reply under. */
  readonly tell: (text: string) => Promise<void>;
}

/**
 * The one path for a message shortcut: ack, the member's language, the payload read, the gate, then
 * the handler; any error it throws becomes the member's words in a small modal (the trigger_id is
 * good for about 3 s, so a slow failure is logged only).
 */
export function messageShortcutHandler(
  deps: SurfaceDeps,
  options: ShortcutOptions,
  handler: (press: MessageShortcutPress) => Promise<void>,
): (args: ShortcutArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await deps.localeOf(userId);
    const m = messages(locale);
    const where = `shortcut ${args.body.callback_id}`;
    const tell = async (text: string): Promise<void> => {
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: doneModal(options.title(m), text, locale),
      });
    };
    try {
      const read = messageShortcutSchema.safeParse(args.body);
      if (!read.success) {
        deps.logger.warn(`${where} from ${userId}: not a message shortcut payload; ignored`);
        return;
      }
      const body = read.data;
      if (options.gate === 'agreed') {
        const access = await deps.access(userId);
        if (access.kind !== 'member') {
          await tell(accessRefusal(access, locale).text);
          return;
        }
      }
      await handler({
        userId,
        locale,
        m,
        channelId: body.channel.id,
        messageTs: body.message.ts,
        authorId: body.message.user ?? null,
        triggerId: body.trigger_id,
        args,
        tell,
      });
    } catch (error) {
      const text = userMessage(error, locale, { where, userId, surface: 'other' }, deps.logger);
      await tell(text).catch((failed: unknown) => {
        deps.logger.error(`${where}: could not tell ${userId}:`, failed);
      });
    }
  };
}
