import type { webApi } from '@slack/bolt';
import type { Services } from '../../services';
import type { Decision } from '../../supporters/service';
import type { Proposal } from '../../supporters/types';
import { postEventCard } from '../eventCards';
import {
  declineProposalModal,
  parseDeclineProposalForm,
  proposalIdFromMetadata,
} from '../forms/proposalForm';
import { ACTION, VIEW } from '../ids';
import { refreshProposalCard } from '../proposalCards';
import { proposalCard, proposalTitle } from '../views/supporters';
import { escapeMrkdwn, mention } from '../views/text';
import type { Catalogue } from '../../i18n';
import { messages } from '../../i18n';
import type { ListenerRouter } from './router';
import { ID_VALUE, type ButtonArgs } from './surfaces';

function alreadyText(proposal: Proposal, m: Catalogue): string {
  const who = proposal.decidedBy === null ? m.supporters.someone : mention(proposal.decidedBy);
  return m.supporters.alreadyDecided(proposal.id, m.supporters.status[proposal.status], who);
}

/** Tells the supporter what an organizer decided, in the supporter's language. */
async function tellProposer(services: Services, client: webApi.WebClient, decision: Decision): Promise<void> {
  const { proposal } = decision;
  if (proposal.proposerId === null || decision.outcome === 'already') return;
  const m = messages(await services.locales.localeOf(proposal.proposerId)).supporters;
  const kind = m.kind[proposal.content.kind];
  const title = proposalTitle(proposal);
  const text =
    decision.outcome === 'approved'
      ? m.approvedDm(kind, title, `<#${proposal.content.input.channel}>`)
      : [
          m.declinedDm(kind, title),
          ...(proposal.reason === null ? [] : [m.declinedReasonDm(escapeMrkdwn(proposal.reason))]),
        ].join('\n');
  try {
    await client.chat.postMessage({ channel: proposal.proposerId, text });
  } catch (error) {
    services.logger.warn(`proposal ${proposal.id}: supporter not told: ${String(error)}`);
  }
}

/** A card pressed in an organizer's DM has no stored address: the press's own message is redrawn. */
async function redrawPressed(services: Services, args: ButtonArgs, proposalId: number): Promise<void> {
  if (services.config.organizerChannelId !== undefined) return;
  const proposal = await services.supporters.get(proposalId);
  const locale = await services.locales.localeOf(args.body.user.id);
  const proposer = await services.supporters.proposerShown(proposal);
  const card = proposalCard(proposal, proposer, [locale], services.config.defaultTimezone);
  await args.respond({ replace_original: true, text: card.text, blocks: card.blocks });
}

/**
 * Organizers' Approve and Decline on a supporter's proposal (issue 14 §3). The gate is 'anyone':
 * the service refuses every decision to anyone who is not an organizer, whatever the surface.
 */
export function registerSupporterListeners(router: ListenerRouter, services: Services): void {
  const organizerButton = { gate: 'anyone', value: ID_VALUE, surface: 'proposal_button' } as const;

  router.button(ACTION.proposalApprove, organizerButton, async ({ value, userId, m, args, reply }) => {
    const decision = await services.supporters.approve(userId, value);
    if (decision.outcome === 'already') {
      await reply(alreadyText(decision.proposal, m));
      return;
    }
    if (decision.outcome === 'approved' && decision.posted.kind === 'event')
      await postEventCard(services, args.client, decision.posted.event.id);
    await reply(m.supporters.approved(value));
    await refreshProposalCard(services, args.client, value);
    await redrawPressed(services, args, value);
    await tellProposer(services, args.client, decision);
  });

  router.button(
    ACTION.proposalDecline,
    organizerButton,
    async ({ value, userId, locale, m, args, reply }) => {
      const proposal = await services.supporters.forDecider(userId, value);
      if (proposal.status !== 'pending') {
        await reply(alreadyText(proposal, m));
        return;
      }
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: declineProposalModal(proposal.id, proposalTitle(proposal), locale),
      });
    },
  );

  router.form(
    VIEW.proposalDecline,
    { gate: 'anyone', surface: 'manage_form', title: (m) => m.supporters.declineTitle },
    async ({ userId, locale, m, view, client, done, fieldErrors }) => {
      const proposalId = proposalIdFromMetadata(view.private_metadata);
      if (proposalId === undefined) {
        await done(m.supporters.notFound('?'));
        return;
      }
      const form = parseDeclineProposalForm(view.state.values, locale);
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const decision = await services.supporters.decline(userId, proposalId, form.reason);
      await done(
        decision.outcome === 'already'
          ? alreadyText(decision.proposal, m)
          : m.supporters.declined(proposalId),
      );
      if (decision.outcome === 'already') return;
      await refreshProposalCard(services, client, proposalId);
      await tellProposer(services, client, decision);
    },
  );
}
