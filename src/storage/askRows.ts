import type { Selectable } from 'kysely';
import {
  askAudienceSchema,
  askKindSchema,
  askStatusSchema,
  askTypeSchema,
  type AskInput,
  type AskItem,
  type AskResponse,
} from '../asks/types';
import type { Database } from './schema';
import { everyFieldWritten } from './written';

export type AskRow = Selectable<Database['asks']>;

export type ResponseRow = Selectable<Database['ask_responses']>;

export const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The one mapping from a stored row (and its tags) to the domain's item. */
export function toItem(row: AskRow, tags: readonly string[]): AskItem {
  return {
    id: row.id,
    type: askTypeSchema.parse(row.type),
    // A kind from a newer build reads as "other" rather than failing the whole list.
    kind: askKindSchema.catch('other').parse(row.kind),
    author: row.author,
    title: row.title,
    details: row.details,
    tags,
    audience: askAudienceSchema.catch('matches').parse(row.audience),
    status: askStatusSchema.parse(row.status),
    expiresAt: new Date(row.expires_at),
    remindedFor: dateOrNull(row.reminded_for),
    createdAt: new Date(row.created_at),
    resolvedAt: dateOrNull(row.resolved_at),
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
  };
}

/** The columns an ask form writes, every field of it (its tags go to ask_tags; its days set expires_at). */
export function columns(input: AskInput) {
  const { type, kind, title, details, audience, tags: _inAskTags, days: _asExpiresAt, ...unwritten } = input;
  everyFieldWritten(unwritten);
  return { type, kind, title, details, audience };
}

export function toResponse(row: ResponseRow): AskResponse {
  return {
    askId: row.ask_id,
    userId: row.user_id,
    respondedAt: new Date(row.responded_at),
    thanked: Number(row.thanked) === 1,
  };
}
