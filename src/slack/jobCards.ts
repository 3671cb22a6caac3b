import type { webApi } from '@slack/bolt';
import type { Languages, Locale } from '../i18n';
import type { Job } from '../jobs/types';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { jobCard } from './views/jobCard';
import { jobsListMessage, type ListedJob } from './views/jobs';
import type { SlackMessage } from './views/message';
import type { Page, PageStart } from '../paging';

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

/** Marks each listed role the member already said they are curious about. */
async function withCurious(
  services: Services,
  userId: string,
  open: readonly { job: Job; matchedTags: string[] }[],
): Promise<ListedJob[]> {
  const listed: ListedJob[] = [];
  for (const { job, matchedTags } of open)
    listed.push({ job, matchedTags, curious: await services.jobs.hasBeenCurious(userId, job.id) });
  return listed;
}

/** Open roles the member may see, interest matches first, each marked when they already said they are curious. */
export async function listedJobsFor(
  services: Services,
  userId: string,
  limit?: number,
): Promise<ListedJob[]> {
  const open = await services.jobs.openFor(userId, await services.members.interests(userId), limit);
  return withCurious(services, userId, open);
}

/** The first page of a member's `/alumni jobs` list. */
export async function jobsListFor(services: Services, userId: string, locale: Locale): Promise<SlackMessage> {
  return renderJobsPage(services, userId, locale, await openPage(services, userId, { offset: 0 }));
}

/**
 * A page of the list, from a Previous/More offset or the page holding a role just marked. Undefined
 * when an offset points past the end (the list shrank since that page was shown).
 */
export async function jobsListPage(
  services: Services,
  userId: string,
  locale: Locale,
  start: PageStart<{ job: Job }>,
): Promise<SlackMessage | undefined> {
  const page = await openPage(services, userId, start);
  if (page.offset > 0 && page.items.length === 0) return undefined;
  return renderJobsPage(services, userId, locale, page);
}

async function openPage(services: Services, userId: string, start: PageStart<{ job: Job }>) {
  return services.jobs.openPageFor(userId, await services.members.interests(userId), start);
}

async function renderJobsPage(
  services: Services,
  userId: string,
  locale: Locale,
  page: Page<{ job: Job; matchedTags: string[] }>,
): Promise<SlackMessage> {
  return jobsListMessage({ ...page, items: await withCurious(services, userId, page.items) }, locale);
}
