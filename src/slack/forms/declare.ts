import type { InputBlock } from '../blockKit';
import { parseViewState, readFormState, type ViewState } from '../parse/viewState';
import { UnreadableSubmission } from '../userMessage';

/*
 * A modal form declared once: each field says how it is drawn and how its value is read back,
 * and the form derives every block_id from the field's name. The builder, the parser, the field
 * errors and the tests' form-filler then all come from that one declaration, so a renamed or
 * added field cannot leave one of them behind. The field kinds are in fields.ts.
 */

/** Field errors for response_action: errors, keyed by block_id. */
export type FieldErrors = Record<string, string>;

export interface FieldIds {
  readonly block: string;
  readonly action: string;
}

/** The Block Kit element a field draws; it also says how Slack sends the field's state back. */
export type ElementType =
  | 'plain_text_input'
  | 'number_input'
  | 'static_select'
  | 'radio_buttons'
  | 'checkboxes'
  | 'datepicker'
  | 'datetimepicker'
  | 'users_select'
  | 'conversations_select';

/** One input: drawn for a context (the reader's language, what the form is for), read from the state. */
export interface Field<Value, Context> {
  readonly element: ElementType;
  /** Whether the form shows the field in this context; always when absent. */
  readonly shown?: (context: Context) => boolean;
  render(ids: FieldIds, context: Context): InputBlock;
  read(state: ViewState, ids: FieldIds): Value;
}

type AnyField<Context> = Field<unknown, Context>;
type ValueOf<F> = F extends Field<infer Value, never> ? Value : never;
export type FormValues<Fields> = { readonly [K in keyof Fields]: ValueOf<Fields[K]> };

export interface DeclaredForm<Fields extends Record<string, AnyField<Context>>, Context> {
  readonly ids: { readonly [K in keyof Fields]: FieldIds };
  /** Each field's element type, for whoever fills the form as Slack would (the tests). */
  readonly elements: { readonly [K in keyof Fields]: ElementType };
  /** The input blocks of the fields shown in this context, in the order they were declared. */
  blocks(context: Context): InputBlock[];
  /**
   * The values typed, or undefined when the state is not what Slack sends for this form (none of
   * its blocks): such a submission is refused as a whole rather than read as a form left empty.
   */
  read(values: unknown): FormValues<Fields> | undefined;
  /** As `read`, where a state that is not what Slack sends is refused: UnreadableSubmission, nothing saved. */
  submitted(values: unknown): FormValues<Fields>;
  /**
   * The values typed, where a state that is not what Slack sends reads as a form left empty: for
   * forms with required fields, whose own checks then refuse it field by field.
   */
  readLenient(values: unknown): FormValues<Fields>;
  /** Field errors for response_action: errors, from messages keyed by field name. */
  errors(problems: { readonly [K in keyof Fields]?: string }): FieldErrors;
}

/** A field's part of its block_id: `closesOn` → `closes_on`. */
function blockName(fieldName: string): string {
  return fieldName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `declareForm<Context>()('job', { title: textField(…), closesOn: dateField(…) })`: block ids `job.title`, `job.closes_on`. */
export function declareForm<Context>() {
  return <Fields extends Record<string, AnyField<Context>>>(
    prefix: string,
    fields: Fields,
  ): DeclaredForm<Fields, Context> => {
    const entries = Object.entries(fields).map(([name, field]) => ({
      name,
      field,
      ids: { block: `${prefix}.${blockName(name)}`, action: 'value' },
    }));
    const byName = <T>(value: (entry: (typeof entries)[number]) => T) =>
      Object.fromEntries(entries.map((entry) => [entry.name, value(entry)])) as { [K in keyof Fields]: T };
    const readState = (state: ViewState) =>
      byName((entry) => entry.field.read(state, entry.ids)) as FormValues<Fields>;
    const read = (values: unknown) => {
      const state = readFormState(
        values,
        entries.map((entry) => entry.ids.block),
      );
      return state === undefined ? undefined : readState(state);
    };
    return {
      ids: byName((entry) => entry.ids),
      elements: byName((entry) => entry.field.element),
      blocks: (context) =>
        entries
          .filter((entry) => entry.field.shown?.(context) ?? true)
          .map((entry) => entry.field.render(entry.ids, context)),
      read,
      submitted: (values) => {
        const typed = read(values);
        if (typed === undefined) throw new UnreadableSubmission();
        return typed;
      },
      readLenient: (values) => readState(parseViewState(values)),
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

/** An optional text left empty is stored as null. */
export function nullIfEmpty(text: string): string | null {
  return text === '' ? null : text;
}

/** A field's message for the kind of problem it has: one text per kind, so none can be forgotten. */
export function textFor<Problem extends string>(problem: Problem, texts: Record<Problem, string>): string {
  return texts[problem];
}
