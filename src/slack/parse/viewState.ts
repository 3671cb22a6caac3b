import { z } from 'zod';

/** view.state.values as Slack sends it: block_id → action_id → element state. */
const elementState = z
  .object({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_conversation: z.string().nullish(),
    // Read by selectedDateTime: a value of the wrong type is an impossible date on its own field,
    // not a reason to drop the whole form.
    selected_date_time: z.unknown().optional(),
    // Likewise for the user and date pickers: a forged value is refused on its own field.
    selected_user: z.unknown().optional(),
    selected_date: z.unknown().optional(),
  })
  .loose();

export const viewStateSchema = z.record(z.string(), z.record(z.string(), elementState));
export type ViewState = z.infer<typeof viewStateSchema>;

export function parseViewState(values: unknown): ViewState {
  const parsed = viewStateSchema.safeParse(values);
  return parsed.success ? parsed.data : {};
}

/**
 * The state of a form whose every field is optional (profile, interests), where an empty field
 * erases what was there. Undefined when the state is not what Slack sends (not block → action →
 * element, or none of the form's own blocks): such a submission must change nothing, rather than
 * read as a form left empty.
 */
export function readFormState(values: unknown, blockIds: readonly string[]): ViewState | undefined {
  const parsed = viewStateSchema.safeParse(values);
  if (!parsed.success || !blockIds.some((id) => id in parsed.data)) return undefined;
  return parsed.data;
}

export function textValue(state: ViewState, ids: { block: string; action: string }): string {
  return state[ids.block]?.[ids.action]?.value?.trim() ?? '';
}

export function selectedValue(state: ViewState, ids: { block: string; action: string }): string | undefined {
  return state[ids.block]?.[ids.action]?.selected_option?.value;
}

export function selectedValues(state: ViewState, ids: { block: string; action: string }): string[] {
  return (state[ids.block]?.[ids.action]?.selected_options ?? []).map((option) => option.value);
}

export function selectedConversation(
  state: ViewState,
  ids: { block: string; action: string },
): string | undefined {
  return state[ids.block]?.[ids.action]?.selected_conversation ?? undefined;
}

/** Undefined when nothing was picked; an Invalid Date (see isStorableTime) when the value is not seconds. */
export function selectedDateTime(state: ViewState, ids: { block: string; action: string }): Date | undefined {
  const seconds = state[ids.block]?.[ids.action]?.selected_date_time;
  if (seconds === undefined || seconds === null) return undefined;
  return typeof seconds === 'number' ? new Date(seconds * 1000) : new Date(Number.NaN);
}

/** The user picked; undefined when none (or a value that is not an id's text, refused by the form's checks). */
export function selectedUser(state: ViewState, ids: { block: string; action: string }): string | undefined {
  const user = state[ids.block]?.[ids.action]?.selected_user;
  return typeof user === 'string' ? user : undefined;
}

/** Text that is no YYYY-MM-DD: what a date of the wrong type reads as, so that the form's own check refuses it. */
export const UNREADABLE_DATE = 'unreadable';

/** The date picked (YYYY-MM-DD as Slack sends it), or null when none. */
export function selectedDate(state: ViewState, ids: { block: string; action: string }): string | null {
  const date = state[ids.block]?.[ids.action]?.selected_date;
  if (date === undefined || date === null || date === '') return null;
  return typeof date === 'string' ? date : UNREADABLE_DATE;
}
