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
  rsvpGoing: 'event.rsvp.going',
  rsvpMaybe: 'event.rsvp.maybe',
  rsvpNotGoing: 'event.rsvp.not_going',
  eventIcs: 'event.ics',
  /** A link button: Slack still sends a block_actions payload, which we acknowledge. */
  eventCalendarLink: 'event.calendar',
  /** Previous / More under a long list; the value is the offset of the page to show. */
  eventsPrevious: 'events.page.previous',
  eventsMore: 'events.page.more',
  jobsPrevious: 'jobs.page.previous',
  jobsMore: 'jobs.page.more',
  homeRolesPrevious: 'home.roles.page.previous',
  homeRolesMore: 'home.roles.page.more',
  jobCurious: 'job.curious',
  jobRefer: 'job.refer',
  /** Link buttons (the apply URL; a DM with the curious member): Slack still sends block_actions. */
  jobApply: 'job.apply',
  jobMessageMember: 'job.message_member',
  referralContacted: 'job.referral.contacted',
  referralInterviewing: 'job.referral.interviewing',
  referralHired: 'job.referral.hired',
  referralClosed: 'job.referral.closed',
  introMetYes: 'intro.met.yes',
  introMetNotYet: 'intro.met.not_yet',
  introMetSkip: 'intro.met.skip',
  availabilityKeep: 'availability.keep',
  availabilityDrop: 'availability.drop',
  availabilityKeepAll: 'availability.keep_all',
  digestOff: 'digest.off',
  coffeeRequest: 'coffee.request',
  coffeeInviteConfirm: 'coffee.invite.confirm',
  coffeeInviteDecline: 'coffee.invite.decline',
  coffeeAskAccept: 'coffee.ask.accept',
  coffeeAskDecline: 'coffee.ask.decline',
  /** Opens the ask or offer form (value 'ask' or 'offer'): a DM has no trigger_id, a button does. */
  askOpen: 'ask.open',
  askRespond: 'ask.respond',
  askResolve: 'ask.resolve',
  askExtend: 'ask.extend',
  /** "Start a channel" (issue 13 §2), value: the item's id; in `asks mine`. */
  askChannel: 'ask.channel',
  /** A suggested mentor's answer to a request (issue 13 §4), value: the request's id. */
  mentorAccept: 'mentor.accept',
  mentorDecline: 'mentor.decline',
  /** The monthly check-in of a mentoring pair, value: the pair's id. */
  mentorContinue: 'mentor.checkin.continue',
  mentorPause: 'mentor.checkin.pause',
  mentorEnd: 'mentor.checkin.end',
  /** A destructive command's question: the Confirm button carries the command text, Keep nothing. */
  commandConfirm: 'command.confirm',
  commandKeep: 'command.keep',
} as const;

export const VIEW = {
  profile: 'profile.modal',
  interests: 'interests.modal',
  privacy: 'privacy.modal',
  done: 'done.modal',
  event: 'event.modal',
  announcement: 'announcement.modal',
  job: 'job.modal',
  referral: 'job.referral.modal',
  /** The ask and offer form; its block ids come from its declaration (forms/askForm.ts). */
  ask: 'ask.modal',
  askResolve: 'ask.resolve.modal',
} as const;

export const ANNOUNCE_INPUT = {
  channel: { block: 'announce.channel', action: 'value' },
  text: { block: 'announce.text', action: 'value' },
  postAt: { block: 'announce.post_at', action: 'value' },
  repeat: { block: 'announce.repeat', action: 'value' },
  cron: { block: 'announce.cron', action: 'value' },
} as const;

export const EVENT_INPUT = {
  title: { block: 'event.title', action: 'value' },
  description: { block: 'event.description', action: 'value' },
  startsAt: { block: 'event.starts_at', action: 'value' },
  endsAt: { block: 'event.ends_at', action: 'value' },
  place: { block: 'event.place', action: 'value' },
  url: { block: 'event.url', action: 'value' },
  channel: { block: 'event.channel', action: 'value' },
  capacity: { block: 'event.capacity', action: 'value' },
  tags: { block: 'event.tags', action: 'value' },
  reminders: { block: 'event.reminders', action: 'value' },
} as const;

export const JOB_INPUT = {
  title: { block: 'job.title', action: 'value' },
  team: { block: 'job.team', action: 'value' },
  location: { block: 'job.location', action: 'value' },
  workStyle: { block: 'job.work_style', action: 'value' },
  employmentType: { block: 'job.employment_type', action: 'value' },
  description: { block: 'job.description', action: 'value' },
  applyUrl: { block: 'job.apply_url', action: 'value' },
  tags: { block: 'job.tags', action: 'value' },
  recruiter: { block: 'job.recruiter', action: 'value' },
  closesOn: { block: 'job.closes_on', action: 'value' },
  channel: { block: 'job.channel', action: 'value' },
} as const;

export const REFERRAL_INPUT = {
  name: { block: 'referral.name', action: 'value' },
  contact: { block: 'referral.contact', action: 'value' },
  relationship: { block: 'referral.relationship', action: 'value' },
  note: { block: 'referral.note', action: 'value' },
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
