import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import type { TagProblem } from '../../interests/tags';
import {
  OPEN_TO_FLAGS,
  PROFILE_LIMITS,
  openToSchema,
  visibilitySchema,
  type ProfileUpdate,
} from '../../members/types';
import { PROFILE_INPUT } from '../ids';
import { parseViewState, selectedValue, selectedValues, textValue } from './viewState';

export type { FieldErrors } from '../forms/declare';
import type { FieldErrors } from '../forms/declare';

export type ProfileFormResult =
  | { readonly ok: true; readonly update: ProfileUpdate }
  | { readonly ok: false; readonly errors: FieldErrors };

export function tagProblemText(problem: TagProblem, locale: Locale): string {
  const m = messages(locale).interests.errors;
  switch (problem.kind) {
    case 'empty':
      return m.empty;
    case 'too_long':
      return m.tooLong(problem.tag, problem.max);
    case 'too_many':
      return m.tooMany(problem.count, problem.max);
    case 'list_too_long':
      return m.listTooLong(problem.maxChars, problem.maxTags, problem.maxTagLength);
  }
}

/**
 * Reads and validates the profile modal. Every problem is reported on its own field
 * (response_action: errors), and nothing is saved unless every field is good.
 */
export function parseProfileForm(
  values: unknown,
  locale: Locale,
  now: Date,
  parseInterests: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): ProfileFormResult {
  const m = messages(locale).profile.errors;
  const state = parseViewState(values);
  const errors: FieldErrors = {};
  const thisYear = now.getUTCFullYear();

  const year = (ids: { block: string; action: string }): number | null => {
    const raw = textValue(state, ids);
    if (raw === '') return null;
    const parsed = z.coerce.number().int().safeParse(raw);
    if (!/^\d{4}$/.test(raw) || !parsed.success) {
      errors[ids.block] = m.yearNotNumber;
      return null;
    }
    if (parsed.data < PROFILE_LIMITS.earliestYear || parsed.data > thisYear) {
      errors[ids.block] = m.yearRange(PROFILE_LIMITS.earliestYear, thisYear);
      return null;
    }
    return parsed.data;
  };

  const text = (ids: { block: string; action: string }, max: number): string | null => {
    const raw = textValue(state, ids);
    if (raw.length > max) errors[ids.block] = m.tooLong(max);
    return raw === '' ? null : raw;
  };

  const yearsFrom = year(PROFILE_INPUT.yearsFrom);
  const yearsTo = year(PROFILE_INPUT.yearsTo);
  if (yearsFrom !== null && yearsTo !== null && yearsTo < yearsFrom)
    errors[PROFILE_INPUT.yearsTo.block] = m.yearsOrder;

  const displayName = text(PROFILE_INPUT.displayName, PROFILE_LIMITS.displayName);
  const company = text(PROFILE_INPUT.company, PROFILE_LIMITS.company);
  const title = text(PROFILE_INPUT.title, PROFILE_LIMITS.title);
  const location = text(PROFILE_INPUT.location, PROFILE_LIMITS.location);
  const bio = text(PROFILE_INPUT.bio, PROFILE_LIMITS.bio);

  const interests = parseInterests(textValue(state, PROFILE_INPUT.interests));
  if (!interests.ok) errors[PROFILE_INPUT.interests.block] = tagProblemText(interests.problem, locale);

  const openTo = z
    .array(openToSchema)
    .max(OPEN_TO_FLAGS.length)
    .safeParse(selectedValues(state, PROFILE_INPUT.openTo));
  const visibility = visibilitySchema.safeParse(selectedValue(state, PROFILE_INPUT.visibility) ?? 'all');
  // Slack only offers our own options; anything else is a forged submission, refused on the field.
  if (!openTo.success) errors[PROFILE_INPUT.openTo.block] = m.invalidChoice;
  if (!visibility.success) errors[PROFILE_INPUT.visibility.block] = m.invalidChoice;

  if (Object.keys(errors).length > 0 || !interests.ok || !openTo.success || !visibility.success) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    update: {
      displayName,
      yearsFrom,
      yearsTo,
      company,
      title,
      location,
      bio,
      visibility: visibility.data,
      openTo: [...new Set(openTo.data)],
      interests: interests.tags,
    },
  };
}
