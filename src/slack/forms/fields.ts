import type { InputBlock, PlainTextOption } from '../blockKit';
import {
  selectedConversation,
  selectedDate,
  selectedDateTime,
  selectedUser,
  selectedValue,
  selectedValues,
  textValue,
} from '../parse/viewState';
import { mrkdwn, plain } from '../views/text';
import type { Field, FieldIds } from './declare';

// The kinds of field a declared form is made of (see declare.ts). Every option that depends on
// whom the form is drawn for (words, what is already there when editing) is a function of the
// form's context.

/** Slack shows at most this many checkboxes in one input. */
export const MAX_CHECKBOXES = 10;

interface Labelled<Context> {
  readonly label: (context: Context) => string;
  readonly hint?: (context: Context) => string;
  /** Fields are optional unless said otherwise. */
  readonly optional?: boolean;
  /** Whether the form shows the field in this context; always when absent. */
  readonly shown?: (context: Context) => boolean;
}

/** What the field holds when the form opens (an item being edited, a default); nothing when undefined. */
type Initial<Context, Value> = (context: Context) => Value | null | undefined;

/** The input block around an element: its id, label, hint and whether it may be left empty. */
function input<Context>(
  ids: FieldIds,
  options: Labelled<Context>,
  context: Context,
  element: InputBlock['element'],
): InputBlock {
  const hint = options.hint?.(context);
  return {
    type: 'input',
    block_id: ids.block,
    optional: options.optional ?? true,
    label: plain(options.label(context), 2000),
    ...(hint === undefined ? {} : { hint: plain(hint, 2000) }),
    element,
  };
}

/** A plain-text input; reads as the trimmed text ('' when empty). */
export function textField<Context>(
  options: Labelled<Context> & {
    readonly max: number;
    readonly multiline?: boolean;
    readonly placeholder?: (context: Context) => string;
    readonly initial?: Initial<Context, string>;
  },
): Field<string, Context> {
  return {
    element: 'plain_text_input',
    shown: options.shown,
    render: (ids, context) => {
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'plain_text_input',
        action_id: ids.action,
        multiline: options.multiline ?? false,
        max_length: options.max,
        ...(initial === undefined || initial === null || initial === '' ? {} : { initial_value: initial }),
        ...(options.placeholder === undefined
          ? {}
          : { placeholder: plain(options.placeholder(context), 150) }),
      });
    },
    read: (state, ids) => textValue(state, ids),
  };
}

export interface Choice {
  readonly value: string;
  readonly text: string;
}

function option(choice: Choice): PlainTextOption {
  return { text: plain(choice.text, 75), value: choice.value };
}

/** A static select or radio buttons; reads as the value chosen, or undefined. */
export function choiceField<Context>(
  options: Labelled<Context> & {
    readonly style: 'static_select' | 'radio_buttons';
    readonly choices: (context: Context) => readonly Choice[];
    readonly initial?: Initial<Context, string>;
  },
): Field<string | undefined, Context> {
  return {
    element: options.style,
    shown: options.shown,
    render: (ids, context) => {
      const choices = options.choices(context).map(option);
      const wanted = options.initial?.(context);
      const initial = choices.find((choice) => choice.value === wanted);
      return input(ids, options, context, {
        type: options.style,
        action_id: ids.action,
        options: choices,
        ...(initial === undefined ? {} : { initial_option: initial }),
      });
    },
    read: (state, ids) => selectedValue(state, ids),
  };
}

/**
 * Checkboxes (at most 10, Slack's limit); reads as the values ticked. With `mrkdwn` the choice
 * texts are mrkdwn, so that a mention shows a name.
 */
export function checkboxesField<Context>(
  options: Labelled<Context> & {
    readonly choices: (context: Context) => readonly Choice[];
    readonly mrkdwn?: boolean;
    readonly initial?: Initial<Context, readonly string[]>;
  },
): Field<string[], Context> {
  return {
    element: 'checkboxes',
    shown: options.shown,
    render: (ids, context) => {
      const choices = options
        .choices(context)
        .slice(0, MAX_CHECKBOXES)
        .map((choice) =>
          options.mrkdwn === true ? { text: mrkdwn(choice.text, 75), value: choice.value } : option(choice),
        );
      const ticked = new Set(options.initial?.(context) ?? []);
      const initial = choices.filter((choice) => choice.value !== undefined && ticked.has(choice.value));
      return input(ids, options, context, {
        type: 'checkboxes',
        action_id: ids.action,
        options: choices,
        ...(initial.length === 0 ? {} : { initial_options: initial }),
      });
    },
    read: (state, ids) => selectedValues(state, ids),
  };
}

type Bound<Context> = number | ((context: Context) => number);

function bound<Context>(value: Bound<Context> | undefined, context: Context): string | undefined {
  if (value === undefined) return undefined;
  return String(typeof value === 'function' ? value(context) : value);
}

/** A whole-number input; reads as the text typed ('' when empty), for the form's own checks. */
export function wholeNumberField<Context>(
  options: Labelled<Context> & {
    readonly min?: Bound<Context>;
    readonly max?: Bound<Context>;
    readonly placeholder?: (context: Context) => string;
    readonly initial?: Initial<Context, number>;
  },
): Field<string, Context> {
  return {
    element: 'number_input',
    shown: options.shown,
    render: (ids, context) => {
      const [min, max] = [bound(options.min, context), bound(options.max, context)];
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'number_input',
        action_id: ids.action,
        is_decimal_allowed: false,
        ...(min === undefined ? {} : { min_value: min }),
        ...(max === undefined ? {} : { max_value: max }),
        ...(options.placeholder === undefined
          ? {}
          : { placeholder: plain(options.placeholder(context), 150) }),
        ...(initial === undefined || initial === null ? {} : { initial_value: String(initial) }),
      });
    },
    read: (state, ids) => textValue(state, ids),
  };
}

/** A date and time; reads as the moment picked, undefined when none, an Invalid Date when forged. */
export function dateTimeField<Context>(
  options: Labelled<Context> & { readonly initial?: Initial<Context, Date> },
): Field<Date | undefined, Context> {
  return {
    element: 'datetimepicker',
    shown: options.shown,
    render: (ids, context) => {
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'datetimepicker',
        action_id: ids.action,
        ...(initial === undefined || initial === null
          ? {}
          : { initial_date_time: Math.floor(initial.getTime() / 1000) }),
      });
    },
    read: (state, ids) => selectedDateTime(state, ids),
  };
}

/** A calendar date; reads as YYYY-MM-DD, or null when none. */
export function dateField<Context>(
  options: Labelled<Context> & { readonly initial?: Initial<Context, string> },
): Field<string | null, Context> {
  return {
    element: 'datepicker',
    shown: options.shown,
    render: (ids, context) => {
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'datepicker',
        action_id: ids.action,
        ...(initial === undefined || initial === null ? {} : { initial_date: initial }),
      });
    },
    read: (state, ids) => selectedDate(state, ids),
  };
}

/** One member of the workspace; reads as their user id, or undefined. */
export function userField<Context>(
  options: Labelled<Context> & { readonly initial?: Initial<Context, string> },
): Field<string | undefined, Context> {
  return {
    element: 'users_select',
    shown: options.shown,
    render: (ids, context) => {
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'users_select',
        action_id: ids.action,
        ...(initial === undefined || initial === null ? {} : { initial_user: initial }),
      });
    },
    read: (state, ids) => selectedUser(state, ids),
  };
}

/**
 * A channel to post in: public and private channels only (no DMs, no channels shared with other
 * organizations); reads as its id, or undefined. Whether the bot and the member may post there is
 * checked when the form is submitted.
 */
export function channelField<Context>(
  options: Labelled<Context> & { readonly initial?: Initial<Context, string> },
): Field<string | undefined, Context> {
  return {
    element: 'conversations_select',
    shown: options.shown,
    render: (ids, context) => {
      const initial = options.initial?.(context);
      return input(ids, options, context, {
        type: 'conversations_select',
        action_id: ids.action,
        filter: {
          include: ['public', 'private'],
          exclude_bot_users: true,
          exclude_external_shared_channels: true,
        },
        ...(initial === undefined || initial === null ? {} : { initial_conversation: initial }),
      });
    },
    read: (state, ids) => selectedConversation(state, ids),
  };
}
