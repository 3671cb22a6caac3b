import { z } from 'zod';
import type { KnownBlock } from '../slack/blockKit';
import type { OutboxMessage } from './types';

/*
 * How an outbox row's parts are kept in the database: times as ISO text, the message as JSON that is
 * validated again when read back. Shared by the queue (outbox.ts), delivery (delivery.ts, sender.ts)
 * and failure notices (notice.ts), so they all read and write rows the same way.
 */

const blockSchema = z.custom<KnownBlock>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    typeof value.type === 'string',
  { message: 'each block must be an object with a type' },
);

/** The stored payload. It is read back from the database, so it is validated like any input. */
export const outboxMessageSchema = z.object({
  text: z.string().min(1).max(40_000),
  blocks: z.array(blockSchema).max(50).optional(),
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  action: z.literal('archive').optional(),
});

export function iso(date: Date): string {
  return date.toISOString();
}

/** The stored payload as a message, or undefined when it is not valid JSON of the schema above. */
export function parseMessage(payload: string): OutboxMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = outboxMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
