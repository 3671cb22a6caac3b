import { joinList, messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { CuriousMember, JobMessages } from '../../jobs/service';
import { REFERRAL_MOVES, type Job, type JobFunnel, type Referral, type ReferralMove } from '../../jobs/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { Button, KnownBlock } from '../blockKit';
import { closeDate, facts, jobActions } from './jobCard';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { pageBlocks, pagedListMessage } from './pages';
import type { Page } from '../../paging';
import { profileSummaryLines } from './profileSummary';
import { escapeMrkdwn, mention, mrkdwn, plain, truncate } from './text';

// The role and referral forms are declared in ../forms; their builders keep this address too.
export { jobModal } from '../forms/jobForm';
export { referralModal, type ReferralModalMetadata } from '../forms/referralForm';

export const MOVE_ACTIONS: Record<ReferralMove, string> = {
  contacted: ACTION.referralContacted,
  interviewing: ACTION.referralInterviewing,
  hired: ACTION.referralHired,
  closed: ACTION.referralClosed,
};

function tagList(tags: readonly string[], locale: Locale): string {
  return joinList(
    locale,
    tags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, locale))}\``),
  );
}

export interface ListedJob {
  readonly job: Job;
  readonly matchedTags: readonly string[];
  readonly curious: boolean;
}

function listedJobBlocks(item: ListedJob, locale: Locale, blockPrefix: string): KnownBlock[] {
  const m = messages(locale).jobs;
  const { job } = item;
  const lines = [`*${escapeMrkdwn(truncate(job.title, 150))}*  _#${job.id}_`, facts(job, [locale])];
  if (job.closesOn !== null) lines.push(m.cardCloses(closeDate(job.closesOn, locale)));
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(lines.join('\n')) }];
  const context: string[] = [];
  if (item.matchedTags.length > 0) context.push(m.listMatched(tagList(item.matchedTags, locale)));
  if (item.curious) context.push(m.listCurious);
  if (context.length > 0) blocks.push({ type: 'context', elements: [mrkdwn(context.join('  ·  '))] });
  blocks.push(jobActions(job, [locale], `${blockPrefix}.${job.id}.actions`, item.curious));
  return blocks;
}

/** `/alumni jobs`: a page of open roles, interest matches first, each with the three actions. */
export function jobsListMessage(page: Page<ListedJob>, locale: Locale): SlackMessage {
  const m = messages(locale).jobs;
  return pagedListMessage(
    page,
    {
      title: m.listTitle,
      empty: m.listEmpty,
      name: (item) => item.job.title,
      blocks: (item) => listedJobBlocks(item, locale, 'jobs'),
      actions: { previous: ACTION.jobsPrevious, more: ACTION.jobsMore },
      blockId: 'jobs.pages',
    },
    locale,
  );
}

/** The referral as the recruiter sees it, with buttons to move it on (re-rendered after each move). */
export function referralMessage(job: Job, referral: Referral, locale: Locale): SlackMessage {
  const m = messages(locale).jobs;
  const referrer = referral.referrer === null ? m.referrerGone : mention(referral.referrer);
  const name = escapeMrkdwn(referral.candidateName);
  const lead = m.referralDm(referrer, name, escapeMrkdwn(job.title), job.id);
  const details = [m.referralContact(escapeMrkdwn(referral.contact))];
  if (referral.relationship !== null)
    details.push(m.referralRelationship(escapeMrkdwn(referral.relationship)));
  if (referral.note !== null) details.push(m.referralNote(escapeMrkdwn(referral.note)));
  const buttons: Button[] = REFERRAL_MOVES.map((move) => ({
    type: 'button',
    action_id: MOVE_ACTIONS[move],
    text: plain(referral.status === move ? `✓ ${m.moveButton[move]}` : m.moveButton[move], 75),
    value: String(referral.id),
    ...(referral.status === move ? { style: 'primary' as const } : {}),
  }));
  return {
    text: lead,
    blocks: [
      { type: 'section', text: mrkdwn(lead) },
      { type: 'section', text: mrkdwn(truncate(details.join('\n'), 3000)) },
      { type: 'context', elements: [mrkdwn(m.referralStatusLine(m.referralStatus[referral.status]))] },
      { type: 'actions', block_id: `referral.${referral.id}.move`, elements: buttons },
    ],
  };
}

function curiousMessage(job: Job, member: CuriousMember, locale: Locale): OutboxMessage {
  const m = messages(locale).jobs;
  const lead = m.curiousDm(mention(member.userId), escapeMrkdwn(job.title), job.id);
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(lead) }];
  if (member.disclosure === 'profile' && member.profile !== undefined) {
    const lines = profileSummaryLines(member.profile, locale);
    blocks.push({
      type: 'section',
      text: mrkdwn(lines.length === 0 ? m.curiousDmNoProfile : truncate(lines.join('\n'), 3000)),
    });
    if (member.sharedTags.length > 0)
      blocks.push({
        type: 'context',
        elements: [mrkdwn(m.curiousDmShared(tagList(member.sharedTags, locale)))],
      });
  } else {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(member.hasProfile ? m.curiousDmPrivate : m.curiousDmNoProfile)],
    });
  }
  if (member.teamId !== undefined) {
    // A deep link opens the DM with the member in the Slack client; the mention above works too.
    const url = `slack://user?team=${encodeURIComponent(member.teamId)}&id=${encodeURIComponent(member.userId)}`;
    blocks.push({
      type: 'actions',
      block_id: `job.${job.id}.curious`,
      elements: [
        {
          type: 'button',
          action_id: ACTION.jobMessageMember,
          style: 'primary',
          text: plain(m.messageButton, 75),
          url,
          value: String(job.id),
        },
      ],
    });
  }
  return { text: lead, blocks };
}

/** The DMs the jobs module queues in the outbox. */
export function jobMessages(): JobMessages {
  return {
    curious: curiousMessage,
    referral: (job, referral, locale) => referralMessage(job, referral, locale),
    referralMoved: (job, referral, locale) => {
      const m = messages(locale).jobs;
      const status = referral.status === 'new' ? 'contacted' : referral.status;
      const text = m.referralMovedDm[status](escapeMrkdwn(referral.candidateName), escapeMrkdwn(job.title));
      return {
        text,
        blocks: [
          { type: 'section', text: mrkdwn(text) },
          { type: 'context', elements: [mrkdwn(m.cardId(job.id))] },
        ],
      };
    },
  };
}

export interface HomeJobs {
  /** The member's best-matched open roles (up to three). */
  readonly forMe: readonly ListedJob[];
  readonly hasInterests: boolean;
  /** A page of the open roles with their funnel, for HR and admins (undefined for others). */
  readonly managed: Page<{ job: Job; funnel: JobFunnel }> | undefined;
}

/** App Home: roles for the member, and for HR every open role with its funnel counts, a page at a time. */
export function homeJobBlocks(data: HomeJobs, locale: Locale): KnownBlock[] {
  const m = messages(locale).jobs;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  if (data.forMe.length === 0) blocks.push({ type: 'section', text: mrkdwn(m.homeNone) });
  for (const item of data.forMe.slice(0, 3)) blocks.push(...listedJobBlocks(item, locale, 'home.job'));
  if (!data.hasInterests && data.forMe.length > 0)
    blocks.push({ type: 'context', elements: [mrkdwn(m.homeAddInterests)] });
  if (data.managed !== undefined) {
    blocks.push({ type: 'header', text: plain(m.homeHrHeading, 150) });
    if (data.managed.total === 0) blocks.push({ type: 'section', text: mrkdwn(m.homeHrNone) });
    for (const { job, funnel } of data.managed.items) {
      const line = m.homeFunnel(
        funnel.shown,
        funnel.curious,
        funnel.applyClicks,
        funnel.referrals,
        funnel.hired,
      );
      blocks.push({
        type: 'section',
        text: mrkdwn(`*${escapeMrkdwn(truncate(job.title, 150))}*  _#${job.id}_\n${line}`),
      });
    }
    const pages = { previous: ACTION.homeRolesPrevious, more: ACTION.homeRolesMore };
    blocks.push(...pageBlocks(data.managed, pages, 'home.roles.pages', locale));
  }
  blocks.push({ type: 'divider' });
  return blocks;
}
