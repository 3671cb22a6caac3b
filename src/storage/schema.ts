import type { ColumnType, Kysely } from 'kysely';
import {
  id,
  int,
  intOrNull,
  intWithDefault,
  text,
  textOrNull,
  textWithDefault,
  type Column,
} from './schemaColumns';
import { approvalTables } from './schemaApproval';
import { chapterTables } from './schemaChapters';
import { mentoringTables } from './schemaMentoring';
import { reportTables } from './schemaReports';
import { searchTables } from './schemaSearch';
import { studyTables } from './schemaStudy';
import { supporterTables } from './schemaSupporters';

/**
 * The tables as both engines have them, declared once. Kysely's types are derived from this
 * object, so a query naming a column that is not here fails to compile; the schema test compares
 * the object with the migrated SQLite and Postgres schemas, so this cannot drift from the SQL.
 */
export const tables = {
  members: {
    user_id: text,
    display_name: textOrNull,
    years_from: intOrNull,
    years_to: intOrNull,
    company: textOrNull,
    title: textOrNull,
    location: textOrNull,
    bio: textOrNull,
    visibility: textWithDefault,
    profile_updated_at: textOrNull,
    welcomed_at: textOrNull,
    agreed_version: textOrNull,
    agreed_at: textOrNull,
    last_active_at: textOrNull,
    created_at: text,
  },
  member_interests: {
    user_id: text,
    tag: text,
    added_at: text,
  },
  interest_pairs: {
    id: id,
    ja: text,
    en: text,
    ja_lookup: text,
    added_at: text,
  },
  member_availability: {
    user_id: text,
    flag: text,
    since: text,
    expires_at: textOrNull,
    asked_at: textOrNull,
  },
  member_roles: {
    user_id: text,
    role: text,
    granted_by: textOrNull,
    granted_at: text,
  },
  user_locales: {
    user_id: text,
    locale: text,
    fetched_at: text,
  },
  handled_events: {
    event_id: text,
    received_at: text,
  },
  outbox: {
    id: id,
    kind: text,
    key: text,
    channel: text,
    payload: text,
    due_at: text,
    expires_at: textOrNull,
    status: textWithDefault,
    attempts: intWithDefault,
    next_attempt_at: text,
    last_error: textOrNull,
    claimed_by: textOrNull,
    claimed_at: textOrNull,
    unconfirmed_since: textOrNull,
    slack_channel: textOrNull,
    slack_ts: textOrNull,
    sent_at: textOrNull,
    notify_on_failure: textOrNull,
    failure_notified_at: textOrNull,
    created_at: text,
    updated_at: text,
  },
  events: {
    id: id,
    title: text,
    description: textOrNull,
    starts_at: text,
    ends_at: text,
    place: textOrNull,
    url: textOrNull,
    channel: text,
    capacity: intOrNull,
    reminders: textWithDefault,
    created_by: textOrNull,
    created_at: text,
    updated_at: textOrNull,
    status: textWithDefault,
    card_channel: textOrNull,
    card_ts: textOrNull,
  },
  event_tags: {
    event_id: int,
    tag: text,
  },
  event_rsvps: {
    event_id: int,
    user_id: text,
    status: text,
    display_name: text,
    responded_at: text,
  },
  event_reminders: {
    event_id: int,
    code: text,
    remind_at: text,
    planned_at: textOrNull,
  },
  announcements: {
    id: id,
    channel: text,
    text: text,
    first_at: text,
    repeat: text,
    cron: textOrNull,
    time_zone: text,
    author: textOrNull,
    created_at: text,
    status: textWithDefault,
    cancelled_at: textOrNull,
    next_at: textOrNull,
  },
  jobs: {
    id: id,
    title: text,
    team: textOrNull,
    location: textOrNull,
    work_style: text,
    employment_type: text,
    description: textOrNull,
    apply_url: text,
    recruiter: textOrNull,
    posted_by: textOrNull,
    closes_on: textOrNull,
    status: textWithDefault,
    created_at: text,
    closed_at: textOrNull,
    card_channel: textOrNull,
    card_ts: textOrNull,
  },
  job_tags: {
    job_id: int,
    tag: text,
  },
  funnel_events: {
    id: id,
    job_id: int,
    user_id: textOrNull,
    step: text,
    at: text,
  },
  referrals: {
    id: id,
    job_id: int,
    referrer: textOrNull,
    candidate_name: text,
    contact: text,
    relationship: textOrNull,
    note: textOrNull,
    status: textWithDefault,
    created_at: text,
    updated_at: textOrNull,
  },
  digest_prefs: {
    user_id: text,
    frequency: text,
    updated_at: text,
  },
  digest_runs: {
    id: id,
    run_key: text,
    cadence: text,
    due_at: text,
    started_by: textOrNull,
    planned_at: text,
    recipients: intWithDefault,
    nothing_new: intWithDefault,
    completed_at: textOrNull,
    reported_at: textOrNull,
  },
  digest_items: {
    user_id: text,
    item_type: text,
    item_id: int,
    run_id: int,
  },
  intro_prefs: {
    user_id: text,
    status: text,
    snoozed_until: textOrNull,
    updated_at: text,
  },
  intro_rounds: {
    id: id,
    round_key: text,
    due_at: text,
    planned_at: text,
    completed_at: textOrNull,
    group_count: intWithDefault,
    member_count: intWithDefault,
    left_out: intWithDefault,
    checkins_planned_at: textOrNull,
  },
  intro_groups: {
    id: id,
    round_id: int,
    created_at: text,
  },
  intro_members: {
    id: id,
    group_id: int,
    round_id: int,
    user_id: textOrNull,
    answer: textOrNull,
    answered_at: textOrNull,
  },
  member_nags: {
    id: id,
    user_id: text,
    kind: text,
    sent_at: text,
    ref: textOrNull,
  },
  unsolicited_dm_days: {
    user_id: text,
    day: text,
    ref: text,
    due_at: text,
    claimed_at: text,
  },
  job_contacts: {
    id: id,
    job_id: int,
    user_id: text,
    status: textWithDefault,
    added_by: textOrNull,
    added_at: text,
    answered_at: textOrNull,
  },
  coffee_requests: {
    id: id,
    job_id: int,
    member: textOrNull,
    status: textWithDefault,
    created_at: text,
    updated_at: textOrNull,
  },
  coffee_asks: {
    id: id,
    request_id: int,
    contact: textOrNull,
    answer: textOrNull,
    asked_at: text,
    answered_at: textOrNull,
  },
  coffee_funnel: {
    id: id,
    job_id: int,
    user_id: textOrNull,
    step: text,
    at: text,
  },
  audience_channels: {
    channel_id: text,
    is_private: int,
    checked_at: text,
    members_synced_at: textOrNull,
  },
  audience_members: {
    channel_id: text,
    user_id: text,
  },
  leases: {
    name: text,
    holder: text,
    expires_at: text,
  },
  view_submissions: {
    view_id: text,
    kind: text,
    created_id: int,
    handled_at: text,
  },
  asks: {
    id: id,
    type: text,
    kind: text,
    author: text,
    title: text,
    details: textOrNull,
    audience: text,
    status: textWithDefault,
    expires_at: text,
    reminded_for: textOrNull,
    created_at: text,
    updated_at: textOrNull,
    resolved_at: textOrNull,
    card_channel: textOrNull,
    card_ts: textOrNull,
  },
  ask_tags: {
    ask_id: int,
    tag: text,
  },
  ask_responses: {
    ask_id: int,
    user_id: text,
    responded_at: text,
    thanked: intWithDefault,
  },
  collab_channels: {
    ask_id: int,
    status: textWithDefault,
    started_by: textOrNull,
    claim_token: textOrNull,
    claimed_at: text,
    channel_id: textOrNull,
    channel_name: textOrNull,
    intro_ts: textOrNull,
    created_at: textOrNull,
    last_message_at: textOrNull,
    heads_up_for: textOrNull,
    heads_up_at: textOrNull,
    archived_at: textOrNull,
  },
  collab_members: {
    ask_id: int,
    user_id: text,
    invited_at: text,
  },
  ...studyTables,
  ...mentoringTables,
  ...reportTables,
  ...approvalTables,
  ...chapterTables,
  ...supporterTables,
  ...searchTables,
} as const;

type ValueOf<C> =
  C extends Column<infer Sql, infer Nullable, boolean>
    ? (Sql extends 'text' ? string : number) | (Nullable extends true ? null : never)
    : never;

type ColumnOf<C> =
  C extends Column<'text' | 'integer', infer Nullable, infer Defaulted>
    ? ColumnType<
        ValueOf<C>,
        Defaulted extends true
          ? ValueOf<C> | undefined
          : Nullable extends true
            ? ValueOf<C> | undefined
            : ValueOf<C>,
        ValueOf<C>
      >
    : never;

type TableOf<T> = { [K in keyof T]: ColumnOf<T[K]> };

export type Database = { [T in keyof typeof tables]: TableOf<(typeof tables)[T]> };

export type TableName = keyof typeof tables;

/** What repositories hold: one typed handle, whichever engine is behind it. */
export type Sql = Kysely<Database>;
