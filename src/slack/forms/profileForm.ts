import { z } from 'zod';
import { AVAILABILITY_DAYS } from '../../availability/types';
import { messages, type Locale } from '../../i18n';
import { MAX_TAG_LIST_LENGTH, type TagProblem } from '../../interests/tags';
import {
  OPEN_TO_FLAGS,
  PROFILE_LIMITS,
  VISIBILITIES,
  openToSchema,
  visibilitySchema,
  type Profile,
  type ProfileUpdate,
} from '../../members/types';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import type { ModalOrigin } from '../views/profile';
import { declareForm, type FieldErrors } from './declare';
import { checkboxesField, choiceField, textField, wholeNumberField } from './fields';
import { tagListText, tagProblemText } from './tagList';
import { formModal } from '../views/doneModal';

/** Whom the profile form is drawn for, the profile it shows (none yet for a new member), and the year now. */
export interface ProfileFormContext {
  readonly locale: Locale;
  readonly profile: Profile | undefined;
  readonly now: Date;
}

const words = (context: ProfileFormContext) => messages(context.locale);

/** A year joined or left: four digits, from the earliest year the community knows to this one. */
const yearField = (label: (c: ProfileFormContext) => string, initial: (p: Profile) => number | null) =>
  wholeNumberField<ProfileFormContext>({
    min: PROFILE_LIMITS.earliestYear,
    max: (c) => c.now.getUTCFullYear(),
    label,
    placeholder: (c) => words(c).profile.yearPlaceholder,
    initial: (c) => (c.profile === undefined ? null : initial(c.profile)),
  });

/** The profile form, declared once: its blocks, how it is read, and where its errors go. Every field may be left empty. */
export const profileForm = declareForm<ProfileFormContext>()('profile', {
  displayName: textField({
    max: PROFILE_LIMITS.displayName,
    label: (c) => words(c).profile.displayName,
    placeholder: (c) => words(c).profile.displayNamePlaceholder,
    initial: (c) => c.profile?.displayName,
  }),
  yearsFrom: yearField(
    (c) => words(c).profile.yearsFrom,
    (p) => p.yearsFrom,
  ),
  yearsTo: yearField(
    (c) => words(c).profile.yearsTo,
    (p) => p.yearsTo,
  ),
  company: textField({
    max: PROFILE_LIMITS.company,
    label: (c) => words(c).profile.company,
    initial: (c) => c.profile?.company,
  }),
  title: textField({
    max: PROFILE_LIMITS.title,
    label: (c) => words(c).profile.title,
    initial: (c) => c.profile?.title,
  }),
  location: textField({
    max: PROFILE_LIMITS.location,
    label: (c) => words(c).profile.location,
    placeholder: (c) => words(c).profile.locationPlaceholder,
    initial: (c) => c.profile?.location,
  }),
  bio: textField({
    max: PROFILE_LIMITS.bio,
    multiline: true,
    label: (c) => words(c).profile.bio,
    placeholder: (c) => words(c).profile.bioPlaceholder,
    initial: (c) => c.profile?.bio,
  }),
  interests: textField({
    max: MAX_TAG_LIST_LENGTH,
    label: (c) => words(c).profile.interests,
    hint: (c) => words(c).profile.interestsHint,
    initial: (c) => tagListText(c.profile?.interests, c.locale),
  }),
  openTo: checkboxesField({
    label: (c) => words(c).profile.openTo,
    hint: (c) => words(c).availability.profileHint(AVAILABILITY_DAYS),
    choices: (c) => OPEN_TO_FLAGS.map((flag) => ({ value: flag, text: words(c).openTo[flag] })),
    initial: (c) => c.profile?.openTo,
  }),
  visibility: choiceField({
    style: 'radio_buttons',
    optional: false,
    label: (c) => words(c).profile.visibilityLabel,
    hint: (c) => words(c).profile.visibilityHint,
    choices: (c) => VISIBILITIES.map((v) => ({ value: v, text: words(c).visibility[v] })),
    initial: (c) => c.profile?.visibility ?? 'all',
  }),
});

type ProfileField = keyof typeof profileForm.ids;

export function profileModal(
  profile: Profile | undefined,
  locale: Locale,
  origin: ModalOrigin,
  now: Date,
): ModalView {
  const m = messages(locale);
  return formModal(locale, {
    callbackId: VIEW.profile,
    metadata: origin,
    title: m.profile.modalTitle,
    blocks: profileForm.blocks({ locale, profile, now }),
  });
}

/** The interests form: the profile's tag list on its own, with room to write a longer one. */
export const interestsForm = declareForm<{
  readonly locale: Locale;
  readonly interests: readonly string[];
}>()('interests', {
  tags: textField({
    max: MAX_TAG_LIST_LENGTH,
    multiline: true,
    label: (c) => messages(c.locale).interests.modalLabel,
    hint: (c) => messages(c.locale).profile.interestsHint,
    initial: (c) => tagListText(c.interests, c.locale),
  }),
});

export function interestsModal(interests: readonly string[], locale: Locale, origin: ModalOrigin): ModalView {
  const m = messages(locale);
  return formModal(locale, {
    callbackId: VIEW.interests,
    metadata: origin,
    title: m.interests.modalTitle,
    blocks: interestsForm.blocks({ locale, interests }),
  });
}

export type ProfileFormResult =
  | { readonly ok: true; readonly update: ProfileUpdate }
  | { readonly ok: false; readonly errors: FieldErrors };

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
  const read = profileForm.readLenient(values);
  const problems: { [K in ProfileField]?: string } = {};
  const thisYear = now.getUTCFullYear();

  const year = (field: 'yearsFrom' | 'yearsTo'): number | null => {
    const raw = read[field];
    if (raw === '') return null;
    const parsed = z.coerce.number().int().safeParse(raw);
    if (!/^\d{4}$/.test(raw) || !parsed.success) {
      problems[field] = m.yearNotNumber;
      return null;
    }
    if (parsed.data < PROFILE_LIMITS.earliestYear || parsed.data > thisYear) {
      problems[field] = m.yearRange(PROFILE_LIMITS.earliestYear, thisYear);
      return null;
    }
    return parsed.data;
  };

  const text = (field: 'displayName' | 'company' | 'title' | 'location' | 'bio'): string | null => {
    const raw = read[field];
    if (raw.length > PROFILE_LIMITS[field]) problems[field] = m.tooLong(PROFILE_LIMITS[field]);
    return raw === '' ? null : raw;
  };

  const yearsFrom = year('yearsFrom');
  const yearsTo = year('yearsTo');
  if (yearsFrom !== null && yearsTo !== null && yearsTo < yearsFrom) problems.yearsTo = m.yearsOrder;

  const displayName = text('displayName');
  const company = text('company');
  const title = text('title');
  const location = text('location');
  const bio = text('bio');

  const interests = parseInterests(read.interests);
  if (!interests.ok) problems.interests = tagProblemText(interests.problem, locale);

  const openTo = z.array(openToSchema).max(OPEN_TO_FLAGS.length).safeParse(read.openTo);
  const visibility = visibilitySchema.safeParse(read.visibility ?? 'all');
  // Slack only offers our own options; anything else is a forged submission, refused on the field.
  if (!openTo.success) problems.openTo = m.invalidChoice;
  if (!visibility.success) problems.visibility = m.invalidChoice;

  if (Object.keys(problems).length > 0 || !interests.ok || !openTo.success || !visibility.success) {
    return { ok: false, errors: profileForm.errors(problems) };
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
