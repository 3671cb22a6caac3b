import { localParts } from '../time/zoned';
import {
  JOB_LIMITS,
  REFERRAL_LIMITS,
  type JobFieldProblem,
  type JobInput,
  type ReferralFieldProblem,
  type ReferralInput,
} from './types';

// The pure rules of roles and referrals: what a valid one is, and the community's calendar date.
// Kept apart from JobService so that the form parsers can check input without the service.

const URL_PATTERN = /^https?:\/\/[^\s<>|]+\.[^\s<>|]+$/i;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date at `now` in the zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  const p = localParts(now, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Problems with a role as typed; empty when it may be saved. `today` is YYYY-MM-DD in the community's zone. */
export function checkJob(input: Partial<JobInput>, today: string): JobFieldProblem[] {
  const problems: JobFieldProblem[] = [];
  const title = input.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', problem: 'empty' });
  else if (title.length > JOB_LIMITS.title) problems.push({ field: 'title', problem: 'too_long' });
  if ((input.team?.length ?? 0) > JOB_LIMITS.team) problems.push({ field: 'team', problem: 'too_long' });
  if ((input.location?.length ?? 0) > JOB_LIMITS.location)
    problems.push({ field: 'location', problem: 'too_long' });
  if ((input.description?.length ?? 0) > JOB_LIMITS.description)
    problems.push({ field: 'description', problem: 'too_long' });
  if (input.workStyle === undefined) problems.push({ field: 'work_style', problem: 'missing' });
  if (input.employmentType === undefined) problems.push({ field: 'employment_type', problem: 'missing' });
  const url = input.applyUrl ?? '';
  if (url === '') problems.push({ field: 'apply_url', problem: 'missing' });
  else if (url.length > JOB_LIMITS.url || !URL_PATTERN.test(url))
    problems.push({ field: 'apply_url', problem: 'invalid' });
  if (input.recruiter === undefined || input.recruiter === '')
    problems.push({ field: 'recruiter', problem: 'missing' });
  // The form's picker offers public and private channels (C…/G…): any other value was not chosen there.
  if (input.channel === undefined || !/^[CG][A-Z0-9]{2,}$/.test(input.channel))
    problems.push({ field: 'channel', problem: 'missing' });
  if (input.closesOn !== undefined && input.closesOn !== null) {
    if (!isCalendarDate(input.closesOn)) problems.push({ field: 'closes_on', problem: 'invalid' });
    else if (input.closesOn < today) problems.push({ field: 'closes_on', problem: 'in_past' });
  }
  return problems;
}

export function checkReferral(input: Partial<ReferralInput>): ReferralFieldProblem[] {
  const problems: ReferralFieldProblem[] = [];
  const name = input.candidateName?.trim() ?? '';
  if (name === '') problems.push({ field: 'name', problem: 'empty' });
  else if (name.length > REFERRAL_LIMITS.name) problems.push({ field: 'name', problem: 'too_long' });
  const contact = input.contact?.trim() ?? '';
  if (contact === '') problems.push({ field: 'contact', problem: 'empty' });
  else if (contact.length > REFERRAL_LIMITS.contact) problems.push({ field: 'contact', problem: 'too_long' });
  if ((input.relationship?.length ?? 0) > REFERRAL_LIMITS.relationship)
    problems.push({ field: 'relationship', problem: 'too_long' });
  if ((input.note?.length ?? 0) > REFERRAL_LIMITS.note) problems.push({ field: 'note', problem: 'too_long' });
  return problems;
}
