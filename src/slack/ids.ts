/**
 * Every action_id, callback_id and block_id the bot uses. Views and listeners both read
 * them from here, so a renamed field cannot silently break its handler.
 */
export const ACTION = {
  agree: 'onboarding.agree',
  openProfile: 'profile.open',
  openInterests: 'interests.open',
  openPrivacy: 'privacy.open',
  privacyExport: 'privacy.export',
  privacyDelete: 'privacy.delete',
} as const;

export const VIEW = {
  profile: 'profile.modal',
  interests: 'interests.modal',
  privacy: 'privacy.modal',
  done: 'done.modal',
} as const;

/** block_id / action_id pairs of the profile modal's inputs. */
export const PROFILE_INPUT = {
  displayName: { block: 'profile.display_name', action: 'value' },
  yearsFrom: { block: 'profile.years_from', action: 'value' },
  yearsTo: { block: 'profile.years_to', action: 'value' },
  company: { block: 'profile.company', action: 'value' },
  title: { block: 'profile.title', action: 'value' },
  location: { block: 'profile.location', action: 'value' },
  bio: { block: 'profile.bio', action: 'value' },
  interests: { block: 'profile.interests', action: 'value' },
  openTo: { block: 'profile.open_to', action: 'value' },
  visibility: { block: 'profile.visibility', action: 'value' },
} as const;

export const INTERESTS_INPUT = { block: 'interests.tags', action: 'value' } as const;
