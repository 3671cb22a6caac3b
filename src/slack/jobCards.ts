import type { webApi } from '@slack/bolt';
import type { Languages, Locale } from '../i18n';
import type { Job } from '../jobs/types';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { jobCard } from './views/jobCard';
import { jobsListMessage, type ListedJob } from './views/jobs';
import type { SlackMessage } from './views/message';

/**
 * Posts a role's card in its channel. A bot that is not in a public channel joins it once and
 * tries again; false when the card could not be posted (the poster is told what to do).
 */
export async function postJobCard(
  services: Services,
  client: webApi.WebClient,
  jobId: number,
): Promise<boolean> {
  const job = await services.jobs.get(jobId);
  const channel = job.cardChannel;
  if (channel === null) return false;
  const card = jobCard(job, services.config.channelLanguages);
  try {
    const result = await postJoiningOnce(client, channel, card);
    if (result === undefined) return false;
    await services.jobs.attachCard(jobId, result.channel, result.ts);
    return true;
  } catch (error) {
    services.logger.warn(
      `job ${jobId}: card not posted in ${channel}: ${slackErrorCode(error) ?? String(error)}`,
    );
    return false;
  }
}

/** Re-renders a posted card (closed, filled); a card never posted is left alone. */
export async function updateJobCard(
  client: webApi.WebClient,
  job: Job,
  channelLanguages: Languages,
): Promise<void> {
  if (job.cardChannel === null || job.cardTs === null) return;
  const card = jobCard(job, channelLanguages);
  await client.chat.update({
    channel: job.cardChannel,
    ts: job.cardTs,
    text: card.text,
    blocks: card.blocks,
  });
}

export async function refreshJobCard(
  services: Services,
  client: webApi.WebClient,
  jobId: number,
): Promise<void> {
  try {
    await updateJobCard(client, await services.jobs.get(jobId), services.config.channelLanguages);
  } catch (error) {
    // The role changed either way; a stale card is worth a log line, not a failed command.
    services.logger.warn(`job ${jobId}: card not updated: ${slackErrorCode(error) ?? String(error)}`);
  }
}

/** Open roles the member may see, interest matches first, each marked when they already said they are curious. */
export async function listedJobsFor(
  services: Services,
  userId: string,
  limit?: number,
): Promise<ListedJob[]> {
  const open = await services.jobs.openFor(userId, await services.members.interests(userId), limit);
  const listed: ListedJob[] = [];
  for (const { job, matchedTags } of open)
    listed.push({ job, matchedTags, curious: await services.jobs.hasBeenCurious(userId, job.id) });
  return listed;
}

/** A member's `/alumni jobs` list. */
export async function jobsListFor(services: Services, userId: string, locale: Locale): Promise<SlackMessage> {
  return jobsListMessage(await listedJobsFor(services, userId), locale);
}
