import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const platformError = z.object({ data: z.object({ error: z.string() }) });

/** The `error` code of a failed Web API call (`not_in_channel`, `invalid_auth`, …), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const parsed = platformError.safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}

/** A short id to quote to the member and to put in the one log line of an unexpected error. */
export function errorReference(): string {
  return randomBytes(3).toString('hex');
}
