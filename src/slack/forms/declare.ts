import type { InputBlock, PlainTextOption } from '../blockKit';
import type { FieldErrors } from '../parse/profileForm';
import { readFormState, selectedValue, selectedValues, textValue, type ViewState } from '../parse/viewState';
import { mrkdwn, plain } from '../views/text';

/** Slack shows at most this many checkboxes in one input. */
export const MAX_CHECKBOXES = 10;

/*
 * A modal form declared once: each field says how it is drawn and how its value is read back,
 * and the form derives every block_id from the field's name. The builder, the parser and the
 * field errors then all come from that one declaration, so a renamed or added field cannot leave
 * one of them behind (the event and role forms keep three lists in step by hand).
 */

export interface FieldIds {
  readonly block: string;
  readonly action: string;
}

/** One input: drawn for a context (the reader's language, what the form is for), read from the state. */
export interface Field<Value, Context> {
  render(ids: FieldIds, context: Context): InputBlock;
  read(state: ViewState, ids: FieldIds): Value;
}

type AnyField<Context> = Field<unknown, Context>;
type ValueOf<F> = F extends Field<infer Value, never> ? Value : never;
export type FormValues<Fields> = { readonly [K in keyof Fields]: ValueOf<Fields[K]> };

export interface DeclaredForm<Fields extends Record<string, AnyField<Context>>, Context> {
  readonly ids: { readonly [K in keyof Fields]: FieldIds };
  /** The input blocks, in the order the fields were declared. */
  blocks(context: Context): InputBlock[];
  /**
   * The values typed, or undefined when the state is not what Slack sends for this form (none of
   * its blocks): such a submission is refused as a whole rather than read as a form left empty.
   */
  read(values: unknown): FormValues<Fields> | undefined;
  /** Field errors for response_action: errors, from messages keyed by field name. */
  errors(problems: { readonly [K in keyof Fields]?: string }): FieldErrors;
}

/** `declareForm<Context>()('ask', { title: textField(…), … })`: block ids `ask.title`, … */
export function declareForm<Context>() {
  return <Fields extends Record<string, AnyField<Context>>>(
    prefix: string,
    fields: Fields,
  ): DeclaredForm<Fields, Context> => {
    const entries = Object.entries(fields).map(([name, field]) => ({
      name: name,
      field,
      ids: { block: `${prefix}.${name}`, action: 'value' },
    }));
    const ids = Object.fromEntries(entries.map((entry) => [entry.name, entry.ids])) as {
      [K in keyof Fields]: FieldIds;
    };
    return {
      ids,
      blocks: (context) => entries.map((entry) => entry.field.render(entry.ids, context)),
      read: (values) => {
        const state = readFormState(
          values,
          entries.map((entry) => entry.ids.block),
        );
        if (state === undefined) return undefined;
        return Object.fromEntries(
          entries.map((entry) => [entry.name, entry.field.read(state, entry.ids)]),
        ) as FormValues<Fields>;
      },
      errors: (problems) => {
        const errors: FieldErrors = {};
        for (const entry of entries) {
          const text = problems[entry.name];
          if (text !== undefined) errors[entry.ids.block] = text;
        }
        return errors;
      },
    };
  };
}

interface Labelled<Context> {
  readonly label: (context: Context) => string;
  readonly hint?: (context: Context) => string;
  /** Fields are optional unless said otherwise. */
  readonly optional?: boolean;
}

function frame<Context>(
  ids: FieldIds,
  options: Labelled<Context>,
  context: Context,
): Pick<InputBlock, 'type' | 'block_id' | 'label' | 'optional' | 'hint'> {
  const hint = options.hint?.(context);
  return {
    type: 'input',
    block_id: ids.block,
    optional: options.optional ?? true,
    label: plain(options.label(context), 2000),
    ...(hint === undefined ? {} : { hint: plain(hint, 2000) }),
  };
}

/** A plain-text input; reads as the trimmed text ('' when empty). */
export function textField<Context>(
  options: Labelled<Context> & {
    readonly max: number;
    readonly multiline?: boolean;
    readonly placeholder?: (context: Context) => string;
  },
): Field<string, Context> {
  return {
    render: (ids, context) => ({
      ...frame(ids, options, context),
      element: {
        type: 'plain_text_input',
        action_id: ids.action,
        multiline: options.multiline ?? false,
        max_length: options.max,
        ...(options.placeholder === undefined
          ? {}
          : { placeholder: plain(options.placeholder(context), 150) }),
      },
    }),
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
    readonly initial?: string;
  },
): Field<string | undefined, Context> {
  return {
    render: (ids, context) => {
      const choices = options.choices(context).map(option);
      const initial = choices.find((choice) => choice.value === options.initial);
      return {
        ...frame(ids, options, context),
        element: {
          type: options.style,
          action_id: ids.action,
          options: choices,
          ...(initial === undefined ? {} : { initial_option: initial }),
        },
      };
    },
    read: (state, ids) => selectedValue(state, ids),
  };
}

/** Checkboxes (at most 10, Slack's limit); reads as the values ticked. Choice texts are mrkdwn, so a mention shows a name. */
export function checkboxesField<Context>(
  options: Labelled<Context> & { readonly choices: (context: Context) => readonly Choice[] },
): Field<string[], Context> {
  return {
    render: (ids, context) => ({
      ...frame(ids, options, context),
      element: {
        type: 'checkboxes',
        action_id: ids.action,
        options: options
          .choices(context)
          .slice(0, MAX_CHECKBOXES)
          .map((choice) => ({ text: mrkdwn(choice.text, 75), value: choice.value })),
      },
    }),
    read: (state, ids) => selectedValues(state, ids),
  };
}

/** A whole-number input; reads as the text typed ('' when empty), for the form's own checks. */
export function wholeNumberField<Context>(
  options: Labelled<Context> & { readonly min: number; readonly max: number; readonly initial: number },
): Field<string, Context> {
  return {
    render: (ids, context) => ({
      ...frame(ids, options, context),
      element: {
        type: 'number_input',
        action_id: ids.action,
        is_decimal_allowed: false,
        min_value: String(options.min),
        max_value: String(options.max),
        initial_value: String(options.initial),
      },
    }),
    read: (state, ids) => textValue(state, ids),
  };
}
