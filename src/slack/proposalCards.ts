import type { webApi } from '@slack/bolt';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { proposalCard } from './views/supporters';

/** Whom a proposal is for when ORGANIZER_CHANNEL_ID is unset: the organizers, else the admins. */
async function organizersToAsk(services: Services): Promise<string[]> {
  const organizers = await services.roles.holders('organizer');
  return organizers.length > 0 ? organizers : services.roles.holders('admin');
}

/**
 * Posts a new proposal's card in ORGANIZER_CHANNEL_ID, or, when unset, to each organizer by DM (in
 * their language). A failure is logged: the proposal is kept and shows on the supporter's Home.
 */
export async function postProposalCard(
  services: Services,
  client: webApi.WebClient,
  proposalId: number,
): Promise<void> {
  const proposal = await services.supporters.get(proposalId);
  const timeZone = services.config.defaultTimezone;
  const proposer = await services.supporters.proposerShown(proposal);
  const channel = services.config.organizerChannelId;
  try {
    if (channel !== undefined) {
      const card = proposalCard(proposal, proposer, services.config.channelLanguages, timeZone);
      const posted = await postJoiningOnce(client, channel, card);
      if (posted !== undefined) await services.supporters.attachCard(proposalId, posted.channel, posted.ts);
      return;
    }
    for (const organizer of await organizersToAsk(services)) {
      const card = proposalCard(proposal, proposer, [await services.locales.localeOf(organizer)], timeZone);
      await client.chat.postMessage({ channel: organizer, text: card.text, blocks: card.blocks });
    }
  } catch (error) {
    services.logger.warn(
      `proposal ${proposalId}: card not posted: ${slackErrorCode(error) ?? String(error)}`,
    );
  }
}

/**
 * After a decision: the channel card shows who decided. A DM card is redrawn through the button's
 * response (`respond`) where there is one; other organizers' DM cards answer a late press with who decided.
 */
export async function refreshProposalCard(
  services: Services,
  client: webApi.WebClient,
  proposalId: number,
): Promise<void> {
  try {
    const proposal = await services.supporters.get(proposalId);
    if (proposal.cardChannel === null || proposal.cardTs === null) return;
    const proposer = await services.supporters.proposerShown(proposal);
    const card = proposalCard(
      proposal,
      proposer,
      services.config.channelLanguages,
      services.config.defaultTimezone,
    );
    await client.chat.update({
      channel: proposal.cardChannel,
      ts: proposal.cardTs,
      text: card.text,
      blocks: card.blocks,
    });
  } catch (error) {
    services.logger.warn(
      `proposal ${proposalId}: card not updated: ${slackErrorCode(error) ?? String(error)}`,
    );
  }
}
