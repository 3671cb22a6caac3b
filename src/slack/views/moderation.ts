import { messages, type Catalogue, type Languages, type Locale } from '../../i18n';
import type { ModerationMessages } from '../../moderation/service';
import type { Report, ReportAction, ReportReason } from '../../moderation/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { label, stacked } from './languages';
import { openFormMessage, type SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, slackDate } from './text';
import { actionButton } from './buttons';

// The report card in MODERATION_CHANNEL_ID, the DMs moderation sends, and the DM's form button.

/** A link to the reported message, or where it is when Slack gave no permalink. */
function messageLink(report: Report, text: string, m: Catalogue): string {
  const { permalink, channelId } = report.message;
  return permalink === null ? m.moderation.messageIn(`<#${channelId}>`) : `<${permalink}|${text}>`;
}

/** The reason in a language: the code of conduct's point as that language writes it. */
export function reasonText(
  reason: ReportReason,
  conduct: (locale: Locale) => readonly string[],
  locale: Locale,
): string {
  const m = messages(locale).moderation;
  if (reason.kind === 'other') return m.reasonOther;
  return conduct(locale)[reason.point] ?? `#${reason.point + 1}`;
}

/** Who reported, as the card may say it: by name only when the reporter allowed it. */
function reporterLine(report: Report, m: Catalogue): string {
  if (report.reporterId === null) return m.moderation.reporterErased;
  return report.shareIdentity
    ? m.moderation.cardReporter(mention(report.reporterId))
    : m.moderation.reporterHidden;
}

function trailLine(action: ReportAction, m: Catalogue): string {
  const when = slackDate(action.at, action.at.toISOString().slice(0, 16).replace('T', ' '));
  // The reporter's own line never names them: their name is on the card only if they allowed it.
  const who =
    action.action === 'reported'
      ? m.moderation.aMember
      : action.actorId === null
        ? m.moderation.anErasedMember
        : mention(action.actorId);
  return m.moderation.trailLine(when, m.moderation.actions[action.action], who);
}

function button(
  actionId: string,
  report: Report,
  languages: Languages,
  say: (m: Catalogue) => string,
): Button {
  return actionButton(actionId, label(languages, say), report.id);
}

/**
 * The card moderators act on, in the channel's languages: the message's link, its author, the
 * reason and note, who reported (if allowed), the status, the trail, and the buttons still useful.
 */
export function reportCard(
  report: Report,
  actions: readonly ReportAction[],
  conduct: (locale: Locale) => readonly string[],
  languages: Languages,
): SlackMessage {
  const first = messages(languages[0]);
  const title = label(languages, (m) => m.moderation.cardTitle(report.id), 150);
  const details = stacked(languages, (m, locale) =>
    [
      m.moderation.cardMessage(messageLink(report, m.moderation.openMessage, m)),
      m.moderation.cardAuthor(
        report.message.authorId === null ? m.moderation.authorUnknown : mention(report.message.authorId),
      ),
      m.moderation.cardReason(escapeMrkdwn(reasonText(report.reason, conduct, locale))),
      reporterLine(report, m),
      m.moderation.cardStatus(m.moderation.status[report.status]),
    ].join('\n'),
  );
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(title, 150) },
    { type: 'section', text: mrkdwn(details) },
  ];
  if (report.note !== null)
    blocks.push({
      type: 'section',
      text: mrkdwn(first.moderation.cardNote(`\n>${escapeMrkdwn(report.note)}`)),
    });
  if (report.resolution !== null)
    blocks.push({
      type: 'section',
      text: mrkdwn(first.moderation.cardResolution(`\n>${escapeMrkdwn(report.resolution)}`)),
    });
  const trail = actions.map((action) => trailLine(action, first)).join('\n');
  blocks.push({
    type: 'context',
    elements: [mrkdwn(`*${label(languages, (m) => m.moderation.trailHeading)}*\n${trail}`)],
  });
  const buttons: Button[] = [];
  if (report.status === 'open')
    buttons.push(button(ACTION.reportAcknowledge, report, languages, (m) => m.moderation.acknowledgeButton));
  if (report.message.authorId !== null && report.remindedAt === null && report.status !== 'resolved')
    buttons.push(button(ACTION.reportRemind, report, languages, (m) => m.moderation.remindButton));
  if (report.status !== 'resolved')
    buttons.push({
      ...button(ACTION.reportResolve, report, languages, (m) => m.moderation.resolveButton),
      style: 'primary',
    });
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: `${title} · ${first.moderation.status[report.status]}`, blocks };
}

/** From a DM, which has no trigger_id: a button that opens the report form (value: the link, or ''). */
export function openReportFormMessage(locale: Locale, link: string): SlackMessage {
  const m = messages(locale).moderation;
  return openFormMessage(m.openFormLead, {
    actionId: ACTION.reportOpen,
    text: m.openFormButton,
    value: link,
  });
}

export function moderationMessages(): ModerationMessages {
  return {
    reminder(report, conduct, locale) {
      const m = messages(locale).moderation;
      const lead = m.reminderDm(messageLink(report, m.yourMessage, messages(locale)));
      const quoted = conduct.map((point) => `>• ${escapeMrkdwn(point)}`).join('\n');
      const text = `${lead}\n${quoted}`;
      return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
    },
    resolved(report, locale) {
      const m = messages(locale).moderation;
      return { text: m.resolvedDm(messageLink(report, m.aMessage, messages(locale))) };
    },
  };
}
