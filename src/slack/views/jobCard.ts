import { dateTimeFormat } from '../../time/formats';
import { labelled, messages, type Languages, type Locale } from '../../i18n';
import type { Job } from '../../jobs/types';
import { cardTagLabel } from '../../interests/labels';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { eachLanguage, label, stacked, type Say } from './languages';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, truncate } from './text';

/** A close date (YYYY-MM-DD, a local day) written the way each language writes dates. */
export function closeDate(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  const format = dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

/** "Team · Location · Remote · Full-time", member-typed parts escaped and written once. */
export function facts(job: Job, languages: Languages): string {
  const parts = [job.team, job.location].filter((part): part is string => part !== null).map(escapeMrkdwn);
  parts.push(
    label(languages, (m) => m.jobs.workStyles[job.workStyle]),
    label(languages, (m) => m.jobs.employmentTypes[job.employmentType]),
  );
  return parts.join(' · ');
}

function recruiterText(job: Job, locale: Locale): string {
  return job.recruiter === null ? messages(locale).jobs.theHrTeam : mention(job.recruiter);
}

/**
 * I'm curious / Refer someone / Apply: the same three wherever a role is shown (the digest can
 * use them too). Their listeners count each member once per role.
 */
export function jobActionButtons(
  job: Pick<Job, 'id' | 'applyUrl'>,
  languages: Languages,
  curious = false,
): Button[] {
  const value = String(job.id);
  const text = (say: Say) => plain(label(languages, say), 75);
  return [
    {
      type: 'button',
      action_id: ACTION.jobCurious,
      style: 'primary',
      text: curious
        ? plain(`✓ ${label(languages, (m) => m.jobs.curiousButton, 73)}`, 75)
        : text((m) => m.jobs.curiousButton),
      value,
    },
    { type: 'button', action_id: ACTION.jobRefer, text: text((m) => m.jobs.referButton), value },
    {
      type: 'button',
      action_id: ACTION.jobApply,
      text: text((m) => m.jobs.applyButton),
      url: job.applyUrl,
      value,
    },
  ];
}

export function jobActions(job: Job, languages: Languages, blockId: string, curious = false): KnownBlock {
  return { type: 'actions', block_id: blockId, elements: jobActionButtons(job, languages, curious) };
}

/**
 * The card posted in the jobs channel, in the channel's languages: what HR typed once, the bot's
 * words in each language, first language first. Closed and filled roles lose their buttons.
 */
export function jobCard(job: Job, languages: Languages): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(truncate(job.title, 150), 150) }];
  if (job.status !== 'open') {
    const id = label(languages, (m) => m.jobs.cardId(job.id));
    const filled = job.status === 'filled';
    const notes = eachLanguage(languages, (m) => (filled ? m.jobs.cardFilled : m.jobs.cardClosed));
    blocks.push({
      type: 'section',
      text: mrkdwn(`~${escapeMrkdwn(job.title)}~\n${filled ? ':tada:' : ':lock:'} ${notes.join('\n')}`),
    });
    blocks.push({ type: 'context', elements: [mrkdwn(id)] });
    // The top-level text (notifications, screen readers) is mrkdwn too: escaped like the blocks.
    return { text: labelled(languages[0], escapeMrkdwn(job.title), notes.join(' / ')), blocks };
  }
  blocks.push({ type: 'section', text: mrkdwn(facts(job, languages)) });
  if (job.description !== null)
    blocks.push({ type: 'section', text: mrkdwn(truncate(escapeMrkdwn(job.description), 3000)) });
  // One line per language (recruiter, close date, id), then the tags, which need no translation.
  const lines = eachLanguage(languages, (m, locale) =>
    [
      m.jobs.cardRecruiter(recruiterText(job, locale)),
      ...(job.closesOn === null ? [] : [m.jobs.cardCloses(closeDate(job.closesOn, locale))]),
      m.jobs.cardId(job.id),
    ].join('  ·  '),
  );
  const tags = job.tags.map((t) => `\`${escapeMrkdwn(cardTagLabel(t, languages))}\``).join(' ');
  const context = `${lines.join('\n')}${tags === '' ? '' : `  ·  ${tags}`}`;
  blocks.push({ type: 'context', elements: [mrkdwn(context)] });
  blocks.push(jobActions(job, languages, `job.${job.id}.actions`));
  blocks.push({ type: 'context', elements: [mrkdwn(stacked(languages, (m) => m.jobs.cardHowItWorks))] });
  return { text: `${escapeMrkdwn(job.title)} — ${facts(job, languages)}`, blocks };
}
