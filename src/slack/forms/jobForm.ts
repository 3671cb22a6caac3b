import { z } from 'zod';
import type { ChannelRefused } from '../../audience/types';
import { messages, type Locale } from '../../i18n';
import { MAX_TAG_LIST_LENGTH, type TagProblem } from '../../interests/tags';
import { checkJob } from '../../jobs/rules';
import {
  EMPLOYMENT_TYPES,
  JOB_LIMITS,
  WORK_STYLES,
  employmentTypeSchema,
  workStyleSchema,
  type Job,
  type JobFieldProblem,
  type JobInput,
} from '../../jobs/types';
import type { KnownBlock, ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { channelRefusal } from '../parse/channelRefusal';
import { tagListText, tagProblemText } from './tagList';
import { mrkdwn } from '../views/text';
import { declareForm, nullIfEmpty, type FieldErrors } from './declare';
import { channelField, choiceField, dateField, textField, userField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** Whom the role form is drawn for, and the role it edits (none for a new one). */
export interface JobFormContext {
  readonly locale: Locale;
  readonly posterId: string;
  /** JOBS_CHANNEL_ID: when set, every role goes there and the form has no channel picker. */
  readonly jobsChannelId: string | undefined;
  readonly job?: Job;
}

const words = (context: JobFormContext) => messages(context.locale).jobs;

/** The role form, declared once: its blocks, how it is read, and where its errors go. */
export const jobForm = declareForm<JobFormContext>()('job', {
  title: textField({
    optional: false,
    max: JOB_LIMITS.title,
    label: (c) => words(c).title,
    initial: (c) => c.job?.title,
  }),
  team: textField({ max: JOB_LIMITS.team, label: (c) => words(c).team, initial: (c) => c.job?.team }),
  location: textField({
    max: JOB_LIMITS.location,
    label: (c) => words(c).location,
    placeholder: (c) => words(c).locationPlaceholder,
    initial: (c) => c.job?.location,
  }),
  workStyle: choiceField({
    style: 'radio_buttons',
    optional: false,
    label: (c) => words(c).workStyle,
    choices: (c) => WORK_STYLES.map((style) => ({ value: style, text: words(c).workStyles[style] })),
    initial: (c) => c.job?.workStyle,
  }),
  employmentType: choiceField({
    style: 'static_select',
    optional: false,
    label: (c) => words(c).employmentType,
    choices: (c) => EMPLOYMENT_TYPES.map((type) => ({ value: type, text: words(c).employmentTypes[type] })),
    initial: (c) => c.job?.employmentType ?? EMPLOYMENT_TYPES[0],
  }),
  description: textField({
    max: JOB_LIMITS.description,
    multiline: true,
    label: (c) => words(c).description,
    placeholder: (c) => words(c).descriptionPlaceholder,
    initial: (c) => c.job?.description,
  }),
  applyUrl: textField({
    optional: false,
    max: JOB_LIMITS.url,
    label: (c) => words(c).applyUrl,
    placeholder: (c) => words(c).applyUrlPlaceholder,
    initial: (c) => c.job?.applyUrl,
  }),
  tags: textField({
    max: MAX_TAG_LIST_LENGTH,
    label: (c) => words(c).tags,
    hint: (c) => words(c).tagsHint,
    initial: (c) => tagListText(c.job?.tags, c.locale),
  }),
  recruiter: userField({
    optional: false,
    label: (c) => words(c).recruiter,
    hint: (c) => words(c).recruiterHint,
    // A role whose recruiter erased their data is handed to whoever edits it.
    initial: (c) => c.job?.recruiter ?? c.posterId,
  }),
  closesOn: dateField({
    label: (c) => words(c).closesOn,
    hint: (c) => words(c).closesOnHint,
    initial: (c) => c.job?.closesOn,
  }),
  channel: channelField({
    optional: false,
    shown: (c) => c.jobsChannelId === undefined,
    label: (c) => words(c).channel,
    hint: (c) => words(c).channelHint,
    initial: (c) => c.job?.cardChannel,
  }),
});

export type JobFormResult =
  { readonly ok: true; readonly input: JobInput } | { readonly ok: false; readonly errors: FieldErrors };

const metadataSchema = z.object({ jobId: z.number().int().positive() });

/** The role an edit form was opened for; undefined for a new role (or tampered metadata). */
export function jobIdFromMetadata(privateMetadata: string): number | undefined {
  return readMetadata(metadataSchema, privateMetadata)?.jobId;
}

/**
 * `/alumni job new`, or the same form filled with an existing role. With JOBS_CHANNEL_ID set the
 * role goes there and the form says so; without it the poster picks a channel (and the hint says
 * how to make that permanent).
 */
export function jobModal(
  locale: Locale,
  posterId: string,
  jobsChannelId: string | undefined,
  initial?: Job,
): ModalView {
  const m = messages(locale).jobs;
  const blocks: KnownBlock[] = jobForm.blocks({ locale, posterId, jobsChannelId, job: initial });
  if (jobsChannelId !== undefined)
    blocks.push({ type: 'context', elements: [mrkdwn(m.postedIn(`<#${jobsChannelId}>`))] });
  return formModal(locale, {
    callbackId: VIEW.job,
    ...(initial === undefined ? {} : { metadata: { jobId: initial.id } }),
    title: initial === undefined ? m.modalTitle : m.modalEditTitle,
    ...(initial === undefined ? { submit: m.submit } : {}),
    blocks,
  });
}

type JobField = keyof typeof jobForm.ids;

function problemText(problem: JobFieldProblem, locale: Locale): [JobField, string] {
  const e = messages(locale).jobs.errors;
  switch (problem.field) {
    case 'title':
      return ['title', problem.problem === 'empty' ? e.titleEmpty : e.titleTooLong(JOB_LIMITS.title)];
    case 'team':
      return ['team', e.tooLong(JOB_LIMITS.team)];
    case 'location':
      return ['location', e.tooLong(JOB_LIMITS.location)];
    case 'description':
      return ['description', e.tooLong(JOB_LIMITS.description)];
    case 'work_style':
      return ['workStyle', e.workStyleMissing];
    case 'employment_type':
      return ['employmentType', e.employmentTypeMissing];
    case 'apply_url':
      return ['applyUrl', problem.problem === 'missing' ? e.urlMissing : e.urlInvalid];
    case 'recruiter':
      return ['recruiter', e.recruiterMissing];
    case 'channel':
      return ['channel', e.channelMissing];
    case 'closes_on':
      return ['closesOn', problem.problem === 'invalid' ? e.closesOnInvalid : e.closesOnInPast];
  }
}

/** The channel field's error when HR may not post there (not a member, or the bot cannot see it). */
export function jobChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, jobForm.ids.channel.block, messages(locale).jobs.errors);
}

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);

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
  const read = jobForm.readLenient(values);
  const workStyle = workStyleSchema.safeParse(read.workStyle);
  const employmentType = employmentTypeSchema.safeParse(read.employmentType);
  const recruiter = userId.safeParse(read.recruiter);
  const draft: Partial<JobInput> = {
    title: read.title,
    team: nullIfEmpty(read.team),
    location: nullIfEmpty(read.location),
    workStyle: workStyle.success ? workStyle.data : undefined,
    employmentType: employmentType.success ? employmentType.data : undefined,
    description: nullIfEmpty(read.description),
    applyUrl: read.applyUrl,
    recruiter: recruiter.success ? recruiter.data : undefined,
    closesOn: read.closesOn,
    channel: jobsChannelId ?? read.channel,
  };
  const problems: { [K in JobField]?: string } = {};
  for (const problem of checkJob(draft, today)) {
    const [field, text] = problemText(problem, locale);
    problems[field] ??= text;
  }
  const tags = parseTags(read.tags);
  if (!tags.ok) problems.tags = tagProblemText(tags.problem, locale);
  const { title, applyUrl, channel } = draft;
  if (
    Object.keys(problems).length > 0 ||
    !tags.ok ||
    !workStyle.success ||
    !employmentType.success ||
    !recruiter.success ||
    title === undefined ||
    applyUrl === undefined ||
    channel === undefined
  ) {
    return { ok: false, errors: jobForm.errors(problems) };
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
