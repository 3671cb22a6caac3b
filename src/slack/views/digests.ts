import { joinList, messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { DigestMessages } from '../../digests/service';
import type { DigestContent, DigestJob, DigestRunReport } from '../../digests/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { eventWhen } from './events';
import { jobActionButtons } from './jobCard';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';
import { DIGEST_ASKS_HEADING, askPicksBlocks } from './asks';
import { studyPickBlocks } from './study';

/** The role buttons a digest line carries; the jobs module registers their listeners. */
export type JobActions = (job: DigestJob, locale: Locale) => Button[];

/** The same three actions as the role's card, so a digest reader is one click from the comeback path. */
export const digestJobActions: JobActions = (job, locale) => jobActionButtons(job, [locale]);

function label(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

function tagsLine(tags: readonly string[], locale: Locale): string {
  return messages(locale).digests.matched(
    joinList(
      locale,
      tags.map((t) => `\`${escapeMrkdwn(tagLabel(t, locale))}\``),
    ),
  );
}

export function digestBlocks(
  content: DigestContent,
  locale: Locale,
  timeZone: string,
  jobActions: JobActions,
  frequency: 'weekly' | 'daily' = 'weekly',
): KnownBlock[] {
  const m = messages(locale).digests;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(m.title, 150) },
    { type: 'context', elements: [mrkdwn(m.intro)] },
  ];
  if (content.jobs.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*${m.rolesHeading}*`) });
    for (const { job, sharedTags } of content.jobs) {
      const facts = [
        job.team,
        job.location,
        label(m.workStyle, job.workStyle),
        label(m.employmentType, job.employmentType),
      ]
        .filter((part): part is string => part !== null && part !== undefined)
        .map(escapeMrkdwn);
      blocks.push({
        type: 'section',
        text: mrkdwn(`*${escapeMrkdwn(truncate(job.title, 150))}*  _#${job.id}_\n${facts.join(' · ')}`),
      });
      blocks.push({ type: 'context', elements: [mrkdwn(tagsLine(sharedTags, locale))] });
      const buttons = jobActions(job, locale);
      if (buttons.length > 0)
        blocks.push({ type: 'actions', block_id: `digest.job.${job.id}`, elements: buttons });
    }
  }
  if (content.events.length > 0) {
    const e = messages(locale).events;
    blocks.push({ type: 'section', text: mrkdwn(`*${m.eventsHeading}*`) });
    for (const { event, sharedTags } of content.events) {
      blocks.push({
        type: 'section',
        text: mrkdwn(
          `*${escapeMrkdwn(truncate(event.title, 150))}*  _#${event.id}_\n${eventWhen(event, timeZone, locale)}\n${tagsLine(sharedTags, locale)}`,
        ),
      });
      blocks.push({
        type: 'actions',
        block_id: `digest.event.${event.id}`,
        elements: [
          { type: 'button', action_id: ACTION.rsvpGoing, text: plain(e.going, 75), value: String(event.id) },
          { type: 'button', action_id: ACTION.rsvpMaybe, text: plain(e.maybe, 75), value: String(event.id) },
        ],
      });
    }
  }
  if (content.asks !== undefined && content.asks.items.length > 0) {
    blocks.push({ type: 'section', block_id: DIGEST_ASKS_HEADING, text: mrkdwn(`*${m.asksHeading}*`) });
    blocks.push(...askPicksBlocks(content.asks, locale, 'digest'));
  }
  if (content.study !== undefined && content.study.length > 0)
    blocks.push(...studyPickBlocks(content.study, locale));
  blocks.push({ type: 'divider' });
  blocks.push({ type: 'context', elements: [mrkdwn(frequency === 'daily' ? m.footerDaily : m.footer)] });
  blocks.push({
    type: 'actions',
    block_id: 'digest.settings',
    elements: [{ type: 'button', action_id: ACTION.digestOff, text: plain(m.turnOff, 75), value: 'off' }],
  });
  return blocks;
}

export function digestMessages(timeZone: string, jobActions: JobActions): DigestMessages {
  return {
    digest: (content, locale, frequency) => ({
      text:
        content.jobs.length + content.events.length > 0
          ? messages(locale).digests.notification(content.jobs.length, content.events.length)
          : (content.asks?.total ?? 0) === 0 && (content.study?.length ?? 0) > 0
            ? messages(locale).study.digestNotification(content.study?.length ?? 0)
            : messages(locale).digests.asksNotification(content.asks?.total ?? 0),
      blocks: digestBlocks(content, locale, timeZone, jobActions, frequency),
    }),
    report: (report: DigestRunReport, locale) => {
      const m = messages(locale).digests;
      const lines = [
        m.report(report.sent, report.nothingNew, report.failed),
        ...report.failures.map((f) => m.reportFailure(f.reason, f.count)),
      ];
      return { text: lines.join('\n') };
    },
  };
}
