import type { z } from 'zod';

/**
 * A modal's private_metadata, read with the shape its builder wrote; undefined when it is not
 * that shape. Slack hands it back as sent, but a forged submission can carry anything.
 */
export function readMetadata<T>(schema: z.ZodType<T>, privateMetadata: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
