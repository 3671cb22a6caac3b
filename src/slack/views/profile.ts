import { messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import { OPEN_TO_FLAGS, PROFILE_LIMITS, VISIBILITIES, type Profile } from '../../members/types';
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '../blockKit';
import { INTERESTS_INPUT, PROFILE_INPUT, VIEW } from '../ids';
import { textInput } from './inputs';
import { plain } from './text';
import { AVAILABILITY_DAYS } from '../../availability/types';
import { MAX_TAG_LIST_LENGTH } from '../../interests/tags';

/** Where a modal was opened from, carried in private_metadata so the submission can refresh it. */
export interface ModalOrigin {
  readonly origin: 'home' | 'command' | 'message';
}

function yearInput(
  ids: { block: string; action: string },
  label: string,
  placeholder: string,
  initial: number | null,
  now: Date,
): InputBlock {
  return {
    type: 'input',
    block_id: ids.block,
    optional: true,
    label: plain(label, 2000),
    element: {
      type: 'number_input',
      action_id: ids.action,
      is_decimal_allowed: false,
      min_value: String(PROFILE_LIMITS.earliestYear),
      max_value: String(now.getUTCFullYear()),
      placeholder: plain(placeholder, 150),
      ...(initial === null ? {} : { initial_value: String(initial) }),
    },
  };
}

export function profileModal(
  profile: Profile | undefined,
  locale: Locale,
  origin: ModalOrigin,
  now: Date,
): ModalView {
  const m = messages(locale);
  const openToOptions: PlainTextOption[] = OPEN_TO_FLAGS.map((flag) => ({
    text: plain(m.openTo[flag], 75),
    value: flag,
  }));
  const visibilityOptions: PlainTextOption[] = VISIBILITIES.map((v) => ({
    text: plain(m.visibility[v], 75),
    value: v,
  }));
  const chosenOpenTo = openToOptions.filter(
    (option) => profile?.openTo.some((flag) => flag === option.value) === true,
  );
  const chosenVisibility = visibilityOptions.find(
    (option) => option.value === (profile?.visibility ?? 'all'),
  );
  const blocks: KnownBlock[] = [
    textInput(PROFILE_INPUT.displayName, m.profile.displayName, {
      initial: profile?.displayName,
      placeholder: m.profile.displayNamePlaceholder,
      max: PROFILE_LIMITS.displayName,
    }),
    yearInput(
      PROFILE_INPUT.yearsFrom,
      m.profile.yearsFrom,
      m.profile.yearPlaceholder,
      profile?.yearsFrom ?? null,
      now,
    ),
    yearInput(
      PROFILE_INPUT.yearsTo,
      m.profile.yearsTo,
      m.profile.yearPlaceholder,
      profile?.yearsTo ?? null,
      now,
    ),
    textInput(PROFILE_INPUT.company, m.profile.company, {
      initial: profile?.company,
      max: PROFILE_LIMITS.company,
    }),
    textInput(PROFILE_INPUT.title, m.profile.title, { initial: profile?.title, max: PROFILE_LIMITS.title }),
    textInput(PROFILE_INPUT.location, m.profile.location, {
      initial: profile?.location,
      placeholder: m.profile.locationPlaceholder,
      max: PROFILE_LIMITS.location,
    }),
    textInput(PROFILE_INPUT.bio, m.profile.bio, {
      initial: profile?.bio,
      placeholder: m.profile.bioPlaceholder,
      max: PROFILE_LIMITS.bio,
      multiline: true,
    }),
    textInput(PROFILE_INPUT.interests, m.profile.interests, {
      initial: profile?.interests.map((tag) => tagLabel(tag, locale)).join(', '),
      hint: m.profile.interestsHint,
      max: MAX_TAG_LIST_LENGTH,
    }),
    {
      type: 'input',
      block_id: PROFILE_INPUT.openTo.block,
      optional: true,
      label: plain(m.profile.openTo, 2000),
      hint: plain(m.availability.profileHint(AVAILABILITY_DAYS), 2000),
      element: {
        type: 'checkboxes',
        action_id: PROFILE_INPUT.openTo.action,
        options: openToOptions,
        ...(chosenOpenTo.length === 0 ? {} : { initial_options: chosenOpenTo }),
      },
    },
    {
      type: 'input',
      block_id: PROFILE_INPUT.visibility.block,
      label: plain(m.profile.visibilityLabel, 2000),
      hint: plain(m.profile.visibilityHint, 2000),
      element: {
        type: 'radio_buttons',
        action_id: PROFILE_INPUT.visibility.action,
        options: visibilityOptions,
        ...(chosenVisibility === undefined ? {} : { initial_option: chosenVisibility }),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEW.profile,
    private_metadata: JSON.stringify(origin),
    title: plain(m.profile.modalTitle, 24),
    submit: plain(m.common.save, 24),
    close: plain(m.common.cancel, 24),
    blocks,
  };
}

export function interestsModal(interests: readonly string[], locale: Locale, origin: ModalOrigin): ModalView {
  const m = messages(locale);
  return {
    type: 'modal',
    callback_id: VIEW.interests,
    private_metadata: JSON.stringify(origin),
    title: plain(m.interests.modalTitle, 24),
    submit: plain(m.common.save, 24),
    close: plain(m.common.cancel, 24),
    blocks: [
      textInput(INTERESTS_INPUT, m.interests.modalLabel, {
        initial: interests.map((tag) => tagLabel(tag, locale)).join(', '),
        hint: m.profile.interestsHint,
        max: MAX_TAG_LIST_LENGTH,
        multiline: true,
      }),
    ],
  };
}
