import { z } from 'zod';
import type { ChannelRefused } from '../../audience/types';
import { messages, type Locale } from '../../i18n';
import type { TagProblem } from '../../interests/tags';
import { checkJob, checkReferral } from '../../jobs/rules';
import {
  JOB_LIMITS,
  REFERRAL_LIMITS,
  employmentTypeSchema,
  workStyleSchema,
  type JobFieldProblem,
  type JobInput,
  type ReferralFieldProblem,
  type ReferralInput,
} from '../../jobs/types';
import { JOB_INPUT, REFERRAL_INPUT } from '../ids';
import { channelRefusal } from './channelRefusal';
import { tagProblemText, type FieldErrors } from './profileForm';
import { parseViewState, selectedConversation, selectedValue, textValue } from './viewState';

export type JobFormResult =
  { readonly ok: true; readonly input: JobInput } | { readonly ok: false; readonly errors: FieldErrors };
export type ReferralFormResult =
  { readonly ok: true; readonly input: ReferralInput } | { readonly ok: false; readonly errors: FieldErrors };

// The shared view-state schema does not name these two element states; read them here.
const pickerStates = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ selected_user: z.string().nullish(), selected_date: z.string().nullish() }).loose(),
  ),
);
const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);

function pickers(values: unknown): z.infer<typeof pickerStates> {
  const parsed = pickerStates.safeParse(values);
  return parsed.success ? parsed.data : {};
}

const referralMetadata = z.object({ jobId: z.number().int().positive() });

/** The role a referral modal was opened for; undefined when the metadata was tampered with. */
export function jobIdFromReferralMetadata(privateMetadata: string): number | undefined {
  try {
    const parsed = referralMetadata.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data.jobId : undefined;
  } catch {
    return undefined;
  }
}

function jobProblemText(problem: JobFieldProblem, locale: Locale): [string, string] {
  const e = messages(locale).jobs.errors;
  switch (problem.field) {
    case 'title':
      return [
        JOB_INPUT.title.block,
        problem.problem === 'empty' ? e.titleEmpty : e.titleTooLong(JOB_LIMITS.title),
      ];
    case 'team':
      return [JOB_INPUT.team.block, e.tooLong(JOB_LIMITS.team)];
    case 'location':
      return [JOB_INPUT.location.block, e.tooLong(JOB_LIMITS.location)];
    case 'description':
      return [JOB_INPUT.description.block, e.tooLong(JOB_LIMITS.description)];
    case 'work_style':
      return [JOB_INPUT.workStyle.block, e.workStyleMissing];
    case 'employment_type':
      return [JOB_INPUT.employmentType.block, e.employmentTypeMissing];
    case 'apply_url':
      return [JOB_INPUT.applyUrl.block, problem.problem === 'missing' ? e.urlMissing : e.urlInvalid];
    case 'recruiter':
      return [JOB_INPUT.recruiter.block, e.recruiterMissing];
    case 'channel':
      return [JOB_INPUT.channel.block, e.channelMissing];
    case 'closes_on':
      return [JOB_INPUT.closesOn.block, problem.problem === 'invalid' ? e.closesOnInvalid : e.closesOnInPast];
  }
}

/** The channel field's error when HR may not post there (not a member, or the bot cannot see it). */
export function jobChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, JOB_INPUT.channel.block, messages(locale).jobs.errors);
}

/**
 * Reads the role form. `jobsChannelId` (JOBS_CHANNEL_ID) wins over the form's channel picker,
 * which the form only shows when that setting is empty.
 */
export function parseJobForm(
  values: unknown,
  locale: Locale,
  today: string,
  jobsChannelId: string | undefined,
  parseTags: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): JobFormResult {
  const state = parseViewState(values);
  const picked = pickers(values);
  const optional = (text: string): string | null => (text === '' ? null : text);
  const workStyle = workStyleSchema.safeParse(selectedValue(state, JOB_INPUT.workStyle));
  const employmentType = employmentTypeSchema.safeParse(selectedValue(state, JOB_INPUT.employmentType));
  const recruiter = userId.safeParse(
    picked[JOB_INPUT.recruiter.block]?.[JOB_INPUT.recruiter.action]?.selected_user,
  );
  const closesOn = picked[JOB_INPUT.closesOn.block]?.[JOB_INPUT.closesOn.action]?.selected_date ?? null;
  const draft: Partial<JobInput> = {
    title: textValue(state, JOB_INPUT.title),
    team: optional(textValue(state, JOB_INPUT.team)),
    location: optional(textValue(state, JOB_INPUT.location)),
    workStyle: workStyle.success ? workStyle.data : undefined,
    employmentType: employmentType.success ? employmentType.data : undefined,
    description: optional(textValue(state, JOB_INPUT.description)),
    applyUrl: textValue(state, JOB_INPUT.applyUrl),
    recruiter: recruiter.success ? recruiter.data : undefined,
    closesOn: closesOn === '' ? null : closesOn,
    channel: jobsChannelId ?? selectedConversation(state, JOB_INPUT.channel),
  };
  const errors: FieldErrors = {};
  for (const problem of checkJob(draft, today)) {
    const [block, text] = jobProblemText(problem, locale);
    errors[block] ??= text;
  }
  const tags = parseTags(textValue(state, JOB_INPUT.tags));
  if (!tags.ok) errors[JOB_INPUT.tags.block] = tagProblemText(tags.problem, locale);
  const { title, applyUrl, channel } = draft;
  if (
    Object.keys(errors).length > 0 ||
    !tags.ok ||
    !workStyle.success ||
    !employmentType.success ||
    !recruiter.success ||
    title === undefined ||
    applyUrl === undefined ||
    channel === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      title,
      team: draft.team ?? null,
      location: draft.location ?? null,
      workStyle: workStyle.data,
      employmentType: employmentType.data,
      description: draft.description ?? null,
      applyUrl,
      tags: tags.tags,
      recruiter: recruiter.data,
      closesOn: draft.closesOn ?? null,
      channel,
    },
  };
}

function referralProblemText(problem: ReferralFieldProblem, locale: Locale): [string, string] {
  const e = messages(locale).jobs.referErrors;
  switch (problem.field) {
    case 'name':
      return [
        REFERRAL_INPUT.name.block,
        problem.problem === 'empty' ? e.nameEmpty : e.tooLong(REFERRAL_LIMITS.name),
      ];
    case 'contact':
      return [
        REFERRAL_INPUT.contact.block,
        problem.problem === 'empty' ? e.contactEmpty : e.tooLong(REFERRAL_LIMITS.contact),
      ];
    case 'relationship':
      return [REFERRAL_INPUT.relationship.block, e.tooLong(REFERRAL_LIMITS.relationship)];
    case 'note':
      return [REFERRAL_INPUT.note.block, e.tooLong(REFERRAL_LIMITS.note)];
  }
}

export function parseReferralForm(values: unknown, locale: Locale): ReferralFormResult {
  const state = parseViewState(values);
  const optional = (text: string): string | null => (text === '' ? null : text);
  const input: ReferralInput = {
    candidateName: textValue(state, REFERRAL_INPUT.name),
    contact: textValue(state, REFERRAL_INPUT.contact),
    relationship: optional(textValue(state, REFERRAL_INPUT.relationship)),
    note: optional(textValue(state, REFERRAL_INPUT.note)),
  };
  const errors: FieldErrors = {};
  for (const problem of checkReferral(input)) {
    const [block, text] = referralProblemText(problem, locale);
    errors[block] ??= text;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
