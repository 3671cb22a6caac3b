import type { ApprovalMessages } from '../../approval/service';
import type { Access, JoinAction, JoinRequest } from '../../approval/types';
import { messages, type Catalogue, type Languages, type Locale } from '../../i18n';
import type { EligibilityFact } from '../../onboarding/community';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { label, stacked } from './languages';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, slackDate } from './text';

// The join request card admins decide on, what a newcomer who is not approved yet is told, and the
// DMs that tell them an admin's decision.

function quote(text: string): string {
  return escapeMrkdwn(text).replace(/\n/g, '\n>');
}

function joinButton(locale: Locale, answer: boolean): KnownBlock {
  const m = messages(locale).approval;
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION.joinOpen,
        style: 'primary',
        text: plain(answer ? m.answerButton : m.askButton, 75),
        value: 'join',
      },
    ],
  };
}

/** What a member who is not approved yet is told instead of what they asked for. */
export function notApprovedMessage(request: JoinRequest | undefined, locale: Locale): SlackMessage {
  const m = messages(locale).approval;
  if (request?.status === 'declined') {
    const text = m.declined(quote(request.reason ?? ''));
    return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
  }
  if (request?.status === 'asked') {
    const text = m.asked(quote(request.question ?? ''));
    return { text, blocks: [{ type: 'section', text: mrkdwn(text) }, joinButton(locale, true)] };
  }
  if (request?.status === 'pending') return { text: m.pending };
  return {
    text: m.needRequest,
    blocks: [{ type: 'section', text: mrkdwn(m.needRequest) }, joinButton(locale, false)],
  };
}

/** The refusal for a member who may not take part yet, as one line (modals, shortcuts) or a message. */
export function accessRefusal(access: Exclude<Access, { kind: 'member' }>, locale: Locale): SlackMessage {
  if (access.kind === 'must_agree') {
    const m = messages(locale).onboarding;
    return { text: access.outdated ? m.versionChanged : m.mustAgreeFirst };
  }
  return notApprovedMessage(access.request, locale);
}

/** From a DM, which has no trigger_id: the button that opens the eligibility form. */
export function openJoinFormMessage(locale: Locale, answer: boolean): SlackMessage {
  const m = messages(locale).approval;
  return {
    text: m.openFormLead,
    blocks: [{ type: 'section', text: mrkdwn(m.openFormLead) }, joinButton(locale, answer)],
  };
}

function trailLine(action: JoinAction, request: JoinRequest, m: Catalogue): string {
  const when = slackDate(action.at, action.at.toISOString().slice(0, 16).replace('T', ' '));
  const who =
    action.actorId !== null
      ? mention(action.actorId)
      : action.action === 'approved'
        ? `${m.approval.theBot} (${m.approval.via[request.via ?? 'admin']})`
        : m.approval.anErasedMember;
  return m.approval.trailLine(when, m.approval.actions[action.action], who);
}

function cardButton(
  actionId: string,
  userId: string,
  languages: Languages,
  say: (m: Catalogue) => string,
): Button {
  return { type: 'button', action_id: actionId, text: plain(label(languages, say), 75), value: userId };
}

/**
 * The card admins decide on, in the channel's languages: who asks, the facts they gave (labels in
 * each language, answers as typed), the status, the trail with each step's author, and the buttons
 * while the request is undecided.
 */
export function joinCard(
  request: JoinRequest,
  actions: readonly JoinAction[],
  facts: readonly EligibilityFact[],
  languages: Languages,
): SlackMessage {
  const first = messages(languages[0]);
  const title = label(languages, (m) => m.approval.cardTitle, 150);
  const status = label(languages, (m) => m.approval.status[request.status]);
  const answers = facts
    .map((fact) => {
      const answer = request.facts[fact.id];
      const name = languages.map((locale) => fact[locale]).join(' / ');
      return `*${escapeMrkdwn(name)}:* ${answer === undefined ? first.approval.notAnswered : escapeMrkdwn(answer)}`;
    })
    .join('\n');
  const head = stacked(languages, (m) => m.approval.cardFrom(mention(request.userId)), 500);
  const lines = [head, answers];
  if (request.employeeId !== null)
    lines.push(first.approval.cardEmployeeId(escapeMrkdwn(request.employeeId)));
  lines.push(first.approval.cardStatus(status));
  if (request.status === 'asked' && request.question !== null)
    lines.push(first.approval.cardQuestion(escapeMrkdwn(request.question)));
  if (request.status === 'declined' && request.reason !== null)
    lines.push(first.approval.cardReason(escapeMrkdwn(request.reason)));
  const trail = actions.map((action) => trailLine(action, request, first)).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(title, 150) },
    { type: 'section', text: mrkdwn(lines.join('\n')) },
    {
      type: 'context',
      elements: [mrkdwn(`*${label(languages, (m) => m.approval.trailHeading)}*\n${trail}`, 3000)],
    },
  ];
  if (request.status === 'pending' || request.status === 'asked')
    blocks.push({
      type: 'actions',
      elements: [
        {
          ...cardButton(ACTION.joinApprove, request.userId, languages, (m) => m.approval.approveButton),
          style: 'primary',
        },
        cardButton(ACTION.joinAsk, request.userId, languages, (m) => m.approval.askMoreButton),
        {
          ...cardButton(ACTION.joinDecline, request.userId, languages, (m) => m.approval.declineButton),
          style: 'danger',
        },
      ],
    });
  return { text: `${title} · ${mention(request.userId)} · ${status}`, blocks };
}

/** Who decided, as an admin's "already decided" answer says it. */
export function decidedBy(request: JoinRequest, m: Catalogue): string {
  if (request.decidedBy !== null) return mention(request.decidedBy);
  return request.via === null || request.via === 'admin'
    ? m.approval.anErasedMember
    : m.approval.via[request.via];
}

export function approvalMessages(community: (locale: Locale) => string): ApprovalMessages {
  const section = (text: string) => ({ text, blocks: [{ type: 'section' as const, text: mrkdwn(text) }] });
  return {
    approved: (locale) => section(messages(locale).approval.approvedDm(community(locale))),
    asked: (question, locale) => section(messages(locale).approval.askedDm(quote(question))),
    declined: (reason, locale) => section(messages(locale).approval.declinedDm(quote(reason))),
  };
}
