import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Logger } from '../../logger';
import {
  messageShortcutHandler,
  type MessageShortcutPress,
  type ShortcutArgs,
  type ShortcutOptions,
} from './shortcuts';
import {
  buttonHandler,
  formHandler,
  type ButtonOptions,
  type FormOptions,
  type Press,
  type Submission,
  type SurfaceDeps,
} from './surfaces';

type ActionArgs<A extends SlackAction> = SlackActionMiddlewareArgs<A> & AllMiddlewareArgs;
type ViewArgs<V extends SlackViewAction> = SlackViewMiddlewareArgs<V> & AllMiddlewareArgs;
type Handler<T> = (args: T) => Promise<void>;

/**
 * Buttons and modal submissions by id, behind one Bolt listener per surface. Bolt offers every
 * request to every registered listener in turn; with dozens of buttons that matching doubled
 * the work per request (see `npm run bench`). A map lookup does it once. An id nobody handles
 * (a link button, a stale message) is acknowledged and logged, never left to time out.
 */
export class ListenerRouter {
  private readonly actions = new Map<string, Handler<ActionArgs<SlackAction>>>();
  private readonly views = new Map<string, Handler<ViewArgs<SlackViewAction>>>();
  private readonly shortcuts = new Map<string, Handler<ShortcutArgs>>();

  constructor(private readonly deps: SurfaceDeps) {}

  /** A button: acked, the member's language resolved, the value read and the gate applied first. */
  button<V>(actionId: string, options: ButtonOptions<V>, handler: (press: Press<V>) => Promise<void>): void {
    this.action<BlockAction<ButtonAction>>(actionId, buttonHandler(this.deps, options, handler));
  }

  /** A modal submission: the member's language, the state checked and the gate applied first. */
  form(callbackId: string, options: FormOptions, handler: (submission: Submission) => Promise<void>): void {
    this.view<ViewSubmitAction>(callbackId, formHandler(this.deps, options, handler));
  }

  /** A message shortcut (its callback_id is in the manifest): acked, language, payload and gate first. */
  messageShortcut(
    callbackId: string,
    options: ShortcutOptions,
    handler: (press: MessageShortcutPress) => Promise<void>,
  ): void {
    if (this.shortcuts.has(callbackId)) throw new Error(`two handlers for shortcut ${callbackId}`);
    this.shortcuts.set(callbackId, messageShortcutHandler(this.deps, options, handler));
  }

  action<A extends SlackAction = BlockAction>(actionId: string, handler: Handler<ActionArgs<A>>): void {
    if (this.actions.has(actionId)) throw new Error(`two handlers for action ${actionId}`);
    // Bolt narrows the payload type by the listener's constraint; here the id is the constraint.
    this.actions.set(actionId, handler as unknown as Handler<ActionArgs<SlackAction>>);
  }

  view<V extends SlackViewAction = ViewSubmitAction>(
    callbackId: string,
    handler: Handler<ViewArgs<V>>,
  ): void {
    if (this.views.has(callbackId)) throw new Error(`two handlers for view ${callbackId}`);
    this.views.set(callbackId, handler as unknown as Handler<ViewArgs<SlackViewAction>>);
  }

  attach(app: App, logger: Logger): void {
    app.action(/.*/, async (args) => {
      const actionId = 'action_id' in args.action ? args.action.action_id : undefined;
      const handler = actionId === undefined ? undefined : this.actions.get(actionId);
      if (handler === undefined) {
        await args.ack();
        logger.info(`no handler for action ${actionId ?? '(none)'}; acknowledged`);
        return;
      }
      await handler({ ...args, ack: ackThenYield(args.ack) });
    });
    app.shortcut(/.*/, async (args) => {
      const handler = this.shortcuts.get(args.body.callback_id);
      if (handler === undefined) {
        await args.ack();
        logger.info(`no handler for shortcut ${args.body.callback_id}; acknowledged`);
        return;
      }
      await handler({ ...args, ack: ackThenYield(args.ack) });
    });
    app.view({ type: 'view_submission' }, async (args) => {
      const handler = this.views.get(args.view.callback_id);
      if (handler === undefined) {
        await args.ack();
        logger.info(`no handler for view ${args.view.callback_id}; acknowledged`);
        return;
      }
      await handler({ ...args, ack: ackThenYield(args.ack) });
    });
  }
}

/**
 * After acknowledging, let requests already waiting be acknowledged too before this one's slow
 * work runs: under a burst, acks (which Slack times at 3 s) go first, follow-up work after.
 */
function ackThenYield<A extends (...args: never[]) => Promise<void>>(ack: A): A {
  const wrapped = async (...args: Parameters<A>): Promise<void> => {
    await ack(...args);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return wrapped as A;
}
