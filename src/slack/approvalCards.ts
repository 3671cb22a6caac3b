import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../i18n';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { joinCard } from './views/approval';

const emailAnswer = z.object({
  user: z.object({ profile: z.object({ email: z.string().optional() }).optional() }),
});

/**
 * The member's Slack email (users.info, which gives it with the users:read.email scope); undefined
 * when Slack does not (no scope, a guest without one): they are then asked for the form instead.
 */
export async function emailOf(
  services: Services,
  client: webApi.WebClient,
  userId: string,
): Promise<string | undefined> {
  try {
    const read = emailAnswer.safeParse(await client.users.info({ user: userId }));
    return read.success ? read.data.user.profile?.email : undefined;
  } catch (error) {
    services.logger.warn(`join: no email for ${userId}: ${slackErrorCode(error) ?? String(error)}`);
    return undefined;
  }
}

/**
 * Lets a newcomer in without a form when their Slack email is on the eligible list or at an
 * approved domain. True when they may take part as far as approval goes (approval off, already
 * approved, or approved now); false when they must ask with the form.
 */
export async function admitByEmail(
  services: Services,
  client: webApi.WebClient,
  userId: string,
): Promise<boolean> {
  if (!services.approval.enabled) return true;
  const request = await services.approval.request(userId);
  if (request?.status === 'approved') return true;
  if (request !== undefined) return false;
  return services.approval.approveByEmail(userId, await emailOf(services, client, userId));
}

/**
 * Where request cards go: ADMIN_CHANNEL_ID, or (unset) the first configured admin's DM, with a
 * warning in the logs; with neither, the request waits and the logs say why.
 */
function cardChannel(services: Services): string | undefined {
  const channel = services.config.adminChannelId;
  if (channel !== undefined) return channel;
  const admin = services.config.adminUserIds[0];
  if (admin === undefined)
    services.logger.error(
      'join: ADMIN_CHANNEL_ID and ADMIN_USER_IDS are unset, so nobody is told of join requests',
    );
  else services.logger.warn(`join: ADMIN_CHANNEL_ID is unset; the request card goes to ${admin} by DM`);
  return admin;
}

/** Posts a new request's card for the admins (or draws it again when it already has one). */
export async function postJoinCard(
  services: Services,
  client: webApi.WebClient,
  userId: string,
): Promise<void> {
  const { request } = await services.approval.card(userId);
  if (request.cardChannel !== null) {
    await refreshJoinCard(services, client, userId);
    return;
  }
  const channel = cardChannel(services);
  if (channel === undefined) return;
  const card = await drawCard(services, userId);
  try {
    const posted = await postJoiningOnce(client, channel, card);
    if (posted === undefined) return;
    await services.approval.attachCard(userId, posted.channel, posted.ts);
    if (services.config.adminChannelId === undefined)
      await client.chat.postMessage({
        channel: posted.channel,
        thread_ts: posted.ts,
        // In the instance's first language, as the card is.
        text: messages(services.config.channelLanguages[0]).approval.noAdminChannel,
      });
  } catch (error) {
    services.logger.warn(
      `join: card for ${userId} not posted in ${channel}: ${slackErrorCode(error) ?? String(error)}`,
    );
  }
}

/** After each step: the card shows the request as it is now, with who decided. */
export async function refreshJoinCard(
  services: Services,
  client: webApi.WebClient,
  userId: string,
): Promise<void> {
  try {
    const { request } = await services.approval.card(userId);
    if (request.cardChannel === null || request.cardTs === null) return;
    const card = await drawCard(services, userId);
    await client.chat.update({
      channel: request.cardChannel,
      ts: request.cardTs,
      text: card.text,
      blocks: card.blocks,
    });
  } catch (error) {
    // The request changed either way; a stale card is worth a log line, not a failed answer.
    services.logger.warn(`join: card of ${userId} not updated: ${slackErrorCode(error) ?? String(error)}`);
  }
}

async function drawCard(services: Services, userId: string) {
  const { request, actions } = await services.approval.card(userId);
  return joinCard(
    request,
    actions,
    services.onboarding.charter.eligibilityFacts,
    services.config.channelLanguages,
  );
}
