import { messages, type Catalogue, type Languages, type Locale } from '../../i18n';
import type { HostCredit, Proposal } from '../../supporters/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { eventWhen } from './events';
import { label, stacked } from './languages';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, slackDate, truncate } from './text';
import { actionButton } from './buttons';

/** A proposal's name in lists and DMs: the event's title, or the announcement's first line. */
export function proposalTitle(proposal: Proposal): string {
  const content = proposal.content;
  const raw = content.kind === 'event' ? content.input.title : (content.input.text.split('\n')[0] ?? '');
  return escapeMrkdwn(truncate(raw, 80));
}

function decisionLine(proposal: Proposal, m: Catalogue): string | undefined {
  const who = proposal.decidedBy === null ? m.supporters.someone : mention(proposal.decidedBy);
  // When it was decided, in each reader's own time zone: the card is the decision's record.
  const at = proposal.decidedAt;
  const when =
    at === null ? '' : ` (${slackDate(at, at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC')})`;
  if (proposal.status === 'approved') return `${m.supporters.cardApproved(who)}${when}`;
  if (proposal.status !== 'declined') return undefined;
  const reason =
    proposal.reason === null ? '' : `\n${m.supporters.cardReason(escapeMrkdwn(proposal.reason))}`;
  return `${m.supporters.cardDeclined(who)}${when}${reason}`;
}

function button(
  actionId: string,
  proposal: Proposal,
  languages: Languages,
  say: (m: Catalogue) => string,
): Button {
  return actionButton(actionId, label(languages, say), proposal.id);
}

/**
 * The card organizers decide on: what the supporter proposed, who (named only when their profile is
 * visible to all alumni), and Approve / Decline while it is pending; then who decided.
 */
export function proposalCard(
  proposal: Proposal,
  proposer: HostCredit | undefined,
  languages: Languages,
  timeZone: string,
): SlackMessage {
  const [first] = languages;
  const m = messages(first);
  const content = proposal.content;
  const header = label(languages, (c) => c.supporters.cardHeader[content.kind], 150);
  const details: string[] = [];
  if (content.kind === 'event') {
    details.push(`*${escapeMrkdwn(truncate(content.input.title, 150))}*`);
    details.push(`:calendar: ${eventWhen(content.input, timeZone, first)}`);
    if (content.input.place !== null) details.push(`:round_pushpin: ${escapeMrkdwn(content.input.place)}`);
    if (content.input.description !== null)
      details.push(escapeMrkdwn(truncate(content.input.description, 1500)));
  } else {
    const when = slackDate(content.input.firstAt, content.input.firstAt.toISOString());
    details.push(m.supporters.cardFirstAt(when));
    details.push(truncate(content.input.text, 2000));
  }
  details.push(m.supporters.cardChannel(`<#${content.input.channel}>`));
  const who =
    proposer === undefined
      ? m.supporters.aSupporter
      : proposer.kind === 'named'
        ? mention(proposer.userId)
        : m.supporters.aVolunteer;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(header, 150) },
    { type: 'section', text: mrkdwn(truncate(details.join('\n'), 3000)) },
    { type: 'context', elements: [mrkdwn(m.supporters.cardFrom(who, proposal.id))] },
  ];
  const decided = stacked(languages, (c) => decisionLine(proposal, c) ?? '');
  if (proposal.status === 'pending')
    blocks.push({
      type: 'actions',
      elements: [
        {
          ...button(ACTION.proposalApprove, proposal, languages, (c) => c.supporters.approveButton),
          style: 'primary',
        },
        button(ACTION.proposalDecline, proposal, languages, (c) => c.supporters.declineButton),
      ],
    });
  else if (decided.trim() !== '') blocks.push({ type: 'section', text: mrkdwn(decided) });
  return { text: `${header}: ${proposalTitle(proposal)}`, blocks };
}

/** App Home: a supporter's latest proposals and what became of them. */
export function homeProposalBlocks(proposals: readonly Proposal[], locale: Locale): KnownBlock[] {
  if (proposals.length === 0) return [];
  const m = messages(locale).supporters;
  const lines = proposals.map((p) =>
    m.homeLine(m.kind[p.content.kind], proposalTitle(p), m.status[p.status]),
  );
  return [
    { type: 'header', text: plain(m.homeHeader, 150) },
    { type: 'section', text: mrkdwn(truncate(lines.join('\n'), 3000)) },
  ];
}
