import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Services } from '../../services';

/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num); Bolt has already
 * acknowledged it, so a second delivery of the same event_id simply stops here.
 */
export function handleEachEventOnce(services: Services): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !(await services.handledEvents.claim(eventId, services.clock.now()))) {
      services.logger.info(
        `event ${eventId} already handled; retry ${String(context.retryNum ?? '?')} ignored`,
      );
      return;
    }
    await next();
  };
}

/** Counts each request's listeners as in flight so that shutdown waits for them. */
export function trackInFlight(services: Services): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await services.tasks.track(next());
  };
}
