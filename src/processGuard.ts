import { randomBytes } from 'node:crypto';
import type { Logger } from './logger';

/** What the guard listens on: the Node process, or a stand-in in tests. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Where an error came from, without its message: messages can quote a request body (JSON.parse
 * does), and what members typed stays out of the log. Code locations say enough to find it.
 */
export function describeStrayError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().replace(/^at /, ''))
    .filter((line) => line !== '')
    .slice(0, 3);
  return frames.length === 0 ? error.name : `${error.name} in ${frames.join(' < ')}`;
}

/**
 * One bad request must never stop the bot: an error no handler caught is logged with a reference
 * and the process keeps serving. Returns a function that removes the guard.
 */
export function keepServingOnStrayErrors(target: ProcessEvents, logger: Logger): () => void {
  const log = (kind: string) => (error: unknown) => {
    const ref = randomBytes(3).toString('hex');
    logger.error(`${kind} (ref ${ref}): ${describeStrayError(error)}; still serving`);
  };
  const onException = log('uncaught exception');
  const onRejection = log('unhandled promise rejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
