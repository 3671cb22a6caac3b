import { announcementForm } from '../../src/slack/forms/announcementForm';
import { profileForm } from '../../src/slack/forms/profileForm';
import type { DeclaredForm, ElementType, Field, FormValues } from '../../src/slack/forms/declare';

/** view.state.values of our modals, shaped as Slack sends them. */
export type Values = Record<string, Record<string, Record<string, unknown>>>;

/** What a test types or picks, field by field: what the form reads back; null or absent leaves it empty. */
export type Filled<Fields> = { readonly [K in keyof Fields]?: FormValues<Fields>[K] | null };

/** One element's state as Slack sends it, with `value` typed or picked (nothing when null). */
function elementState(type: ElementType, value: unknown): Record<string, unknown> {
  const picked = value ?? null;
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
      return { type, value: picked };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: picked === null ? null : { value: picked } };
    case 'checkboxes':
      return {
        type,
        selected_options: (Array.isArray(picked) ? picked : []).map((option: unknown) => ({ value: option })),
      };
    case 'datepicker':
      return { type, selected_date: picked };
    case 'datetimepicker':
      return {
        type,
        selected_date_time: picked instanceof Date ? Math.floor(picked.getTime() / 1000) : picked,
      };
    case 'users_select':
      return { type, selected_user: picked };
    case 'conversations_select':
      return { type, selected_conversation: picked };
  }
}

/**
 * A declared form filled in by field name, its block and action ids and element types taken from
 * the declaration: every field is sent (those not given empty, as Slack sends an untouched input)
 * except those `without` names, which the modal did not show.
 */
export function fillForm<Fields extends Record<string, Field<unknown, Context>>, Context>(
  form: DeclaredForm<Fields, Context>,
  filled: Filled<Fields>,
  without: readonly (keyof Fields)[] = [],
): Values {
  const values: Values = {};
  for (const name of Object.keys(form.ids) as (keyof Fields & string)[]) {
    if (without.includes(name)) continue;
    const ids = form.ids[name];
    values[ids.block] = { [ids.action]: elementState(form.elements[name], filled[name]) };
  }
  return values;
}

/** The announcement modal; channel C0NEWS1, a short text, no repeat unless given. */
export function announceValues(fields: {
  channel?: string;
  text?: string;
  postAt?: Date;
  repeat?: string;
  cron?: string;
}): Values {
  return fillForm(announcementForm, {
    ...fields,
    channel: fields.channel ?? 'C0NEWS1',
    text: fields.text ?? 'Coffee chat at 10!',
    repeat: fields.repeat ?? 'none',
  });
}

export interface ProfileFields {
  name?: string;
  from?: string;
  to?: string;
  company?: string;
  title?: string;
  location?: string;
  bio?: string;
  interests?: string;
  openTo?: string[];
  visibility?: string;
}

export function profileValues(fields: ProfileFields): Values {
  return fillForm(profileForm, {
    displayName: fields.name,
    yearsFrom: fields.from,
    yearsTo: fields.to,
    company: fields.company,
    title: fields.title,
    location: fields.location,
    bio: fields.bio,
    interests: fields.interests,
    openTo: fields.openTo,
    visibility: fields.visibility ?? 'all',
  });
}

/**
 * What Slack sends when a modal is submitted untouched: every input's initial value as its state.
 * A form opened to edit an item must read back as that same item.
 */
export function valuesAsShown(blocks: readonly unknown[]): Values {
  const values: Values = {};
  for (const block of blocks as { type?: string; block_id?: string; element?: Record<string, unknown> }[]) {
    const element = block.element;
    if (block.type !== 'input' || block.block_id === undefined || element === undefined) continue;
    const type = element.type as ElementType;
    const state: Record<string, unknown> = { type };
    switch (type) {
      case 'plain_text_input':
      case 'number_input':
        state.value = element.initial_value ?? null;
        break;
      case 'static_select':
      case 'radio_buttons':
        state.selected_option = element.initial_option ?? null;
        break;
      case 'checkboxes':
        state.selected_options = element.initial_options ?? [];
        break;
      case 'datepicker':
        state.selected_date = element.initial_date ?? null;
        break;
      case 'datetimepicker':
        state.selected_date_time = element.initial_date_time ?? null;
        break;
      case 'users_select':
        state.selected_user = element.initial_user ?? null;
        break;
      case 'conversations_select':
        state.selected_conversation = element.initial_conversation ?? null;
        break;
    }
    values[block.block_id] = { [String(element.action_id)]: state };
  }
  return values;
}
