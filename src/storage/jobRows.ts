import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { everyFieldWritten } from './written';
import {
  employmentTypeSchema,
  jobStatusSchema,
  referralStatusSchema,
  workStyleSchema,
  type Job,
  type JobInput,
  type Referral,
  type ReferralInput,
} from '../jobs/types';

export type JobRow = Selectable<Database['jobs']>;

export type ReferralRow = Selectable<Database['referrals']>;

/** The one mapping from a jobs row (and its tags) to the domain's role. */
export function toJob(row: JobRow, tags: readonly string[]): Job {
  return {
    id: row.id,
    title: row.title,
    team: row.team,
    location: row.location,
    // The CHECK constraints keep these valid; the fallbacks only satisfy the type checker.
    workStyle: workStyleSchema.catch('onsite').parse(row.work_style),
    employmentType: employmentTypeSchema.catch('full_time').parse(row.employment_type),
    description: row.description,
    applyUrl: row.apply_url,
    tags,
    recruiter: row.recruiter,
    postedBy: row.posted_by,
    closesOn: row.closes_on,
    status: jobStatusSchema.catch('closed').parse(row.status),
    createdAt: new Date(row.created_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
  };
}

export function toReferral(row: ReferralRow): Referral {
  return {
    id: row.id,
    jobId: row.job_id,
    referrer: row.referrer,
    candidateName: row.candidate_name,
    contact: row.contact,
    relationship: row.relationship,
    note: row.note,
    status: referralStatusSchema.catch('new').parse(row.status),
    createdAt: new Date(row.created_at),
    updatedAt: row.updated_at === null ? null : new Date(row.updated_at),
  };
}

/** The columns a role form writes, every field of it (its tags go to job_tags). */
export function jobColumns(input: JobInput) {
  const {
    title,
    team,
    location,
    workStyle,
    employmentType,
    description,
    applyUrl,
    recruiter,
    closesOn,
    channel,
    tags: _inJobTags,
    ...unwritten
  } = input;
  everyFieldWritten(unwritten);
  return {
    title,
    team,
    location,
    work_style: workStyle,
    employment_type: employmentType,
    description,
    apply_url: applyUrl,
    recruiter,
    closes_on: closesOn,
    card_channel: channel,
  };
}

/** The columns a referral form writes, every field of it. */
export function referralColumns(input: ReferralInput) {
  const { candidateName, contact, relationship, note, ...unwritten } = input;
  everyFieldWritten(unwritten);
  return { candidate_name: candidateName, contact, relationship, note };
}
