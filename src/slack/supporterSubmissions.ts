import type { webApi } from '@slack/bolt';
import { messages, type Locale } from '../i18n';
import type { Services } from '../services';
import type { Posted } from '../supporters/service';
import type { Proposal, ProposalInput } from '../supporters/types';
import { postEventCard } from './eventCards';
import { postProposalCard } from './proposalCards';
import { scheduledText } from './views/announcements';
import { proposalTitle } from './views/supporters';
import { escapeMrkdwn } from './views/text';

/** What a supporter's form did, read before the ack (a refusal becomes the form's field error). */
export type SupporterOutcome =
  | { readonly kind: 'proposed'; readonly proposal: Proposal; readonly created: boolean }
  | { readonly kind: 'posted'; readonly posted: Posted; readonly created: boolean };

/**
 * A supporter's new event or announcement: a proposal for the organizers, or (posting directly) the
 * item itself, credited to them. The service checks the role and the channel; no Slack call here.
 */
export async function submitAsSupporter(
  services: Services,
  userId: string,
  content: ProposalInput,
  viewId: string,
): Promise<SupporterOutcome> {
  if ((await services.supporters.route(userId)) === 'post_credited') {
    const { posted, created } = await services.supporters.postCredited(userId, content, viewId);
    return { kind: 'posted', posted, created };
  }
  const { proposal, created } = await services.supporters.propose(userId, content, viewId);
  return { kind: 'proposed', proposal, created };
}

function titleOf(posted: Posted): string {
  return escapeMrkdwn(
    posted.kind === 'event' ? posted.event.title : (posted.announcement.text.split('\n')[0] ?? ''),
  );
}

/** After the ack: the proposal's card goes to the organizers, or a directly posted event's card to its channel. */
export async function afterSupporterSubmit(
  services: Services,
  client: webApi.WebClient,
  outcome: SupporterOutcome,
): Promise<void> {
  if (!outcome.created) return;
  if (outcome.kind === 'proposed') await postProposalCard(services, client, outcome.proposal.id);
  else if (outcome.posted.kind === 'event') await postEventCard(services, client, outcome.posted.event.id);
}

/** What the supporter is told; a replay is told the same as the first submission. */
export function supporterReply(outcome: SupporterOutcome, locale: Locale): string {
  const m = messages(locale).supporters;
  if (outcome.kind === 'proposed') {
    const { proposal } = outcome;
    const kind = m.kind[proposal.content.kind];
    return m.proposed(kind, proposalTitle(proposal), `<#${proposal.content.input.channel}>`);
  }
  const { posted } = outcome;
  if (posted.kind === 'event')
    return m.postedCredited(m.kind.event, titleOf(posted), `<#${posted.event.channel}>`);
  const credited = m.postedCredited(
    m.kind.announcement,
    titleOf(posted),
    `<#${posted.announcement.channel}>`,
  );
  return `${credited}\n${scheduledText(posted.announcement, posted.nextRuns, locale)}`;
}
