import { z } from 'zod';
import type { Services } from '../../services';
import { ACTION } from '../ids';
import type { ListenerRouter } from './router';

export function registerDigestListeners(router: ListenerRouter, services: Services): void {
  // "Turn off digests" in every digest: one click, and the member is told how to turn them back on.
  router.button(
    ACTION.digestOff,
    { gate: 'anyone', value: z.unknown(), surface: 'other' },
    async ({ userId, m, reply }) => {
      await services.digests.setFrequency(userId, 'off');
      await reply(m.digests.turnedOff);
    },
  );
}
