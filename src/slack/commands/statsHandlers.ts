import { messages } from '../../i18n';
import type { EventEngagement, Funnel, MemberEngagement, RoleFunnel } from '../../stats/types';
import type { StatsCommand } from './verbs/stats';
import { csvFile } from '../csv';
import { sendFileToMember } from '../files';
import { statsReportMessage, studyStatsBlock } from '../views/stats';
import { chapterStatsBlock } from '../views/chapters';
import { meetStatsBlock } from '../views/intros';
import type { CommandContext } from './context';
import { askStatsBlock, mentoringStatsBlock, sendAsksCsv } from './askStats';
import { sendStudyCsv } from './studyStats';

/** YYYY-MM-DD in the given zone (sv-SE formats dates that way). */
function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

// A rate cell holds a bare number (no "%"), so a spreadsheet sums and charts it; empty when there is no rate.
const rateCell = (rate: number | null): string => (rate === null ? '' : rate.toFixed(1));

// Column names are fixed English identifiers whatever the caller's language, so sheets and scripts
// built on one export keep working on the next.
const FUNNEL_HEADER = [
  'job_id',
  'title',
  'status',
  'posted_on',
  'shown',
  'curious',
  'apply_clicks',
  'referrals',
  'hired',
  'curious_per_shown_pct',
  'apply_per_curious_pct',
  'hired_per_apply_pct',
];

const MEMBERS_HEADER = [
  'user_id',
  'agreed_at',
  'agreed_version',
  'profile_complete',
  'interests',
  'last_active_at',
  'rsvps',
  'curious',
  'apply_clicks',
  'digest_frequency',
];

// An organizer's file: the same columns without the job signals.
const EVENT_ENGAGEMENT_HEADER = MEMBERS_HEADER.filter(
  (column) => column !== 'curious' && column !== 'apply_clicks',
);

function funnelCells({ counts, rates }: Funnel): string[] {
  return [
    String(counts.shown),
    String(counts.curious),
    String(counts.applyClick),
    String(counts.referrals),
    String(counts.hired),
    rateCell(rates.curiousPerShown),
    rateCell(rates.applyPerCurious),
    rateCell(rates.hiredPerApply),
  ];
}

/**
 * One row per role, then a total row (job_id `total`) holding the funnel exactly as `/alumni stats`
 * shows it: each member once per step over all roles, so it is not the sum of the rows above, and
 * its title cell says so.
 */
export function funnelCsv(
  roles: readonly RoleFunnel[],
  total: { funnel: Funnel; label: string },
  timeZone: string,
): string {
  const rows = roles.map((row) => [
    String(row.role.jobId),
    row.role.title,
    row.role.status,
    isoDay(new Date(row.role.postedAt), timeZone),
    ...funnelCells(row),
  ]);
  rows.push(['total', total.label, '', '', ...funnelCells(total.funnel)]);
  return csvFile(FUNNEL_HEADER, rows);
}

/** The columns both member files share; the HR file adds the job signals after them. */
function engagementCells(e: EventEngagement): string[] {
  return [
    e.userId,
    e.agreedAt,
    e.agreedVersion ?? '',
    e.profileComplete ? 'yes' : 'no',
    String(e.interests),
    e.lastActiveAt ?? '',
    String(e.rsvps),
  ];
}

export function membersCsv(members: readonly MemberEngagement[]): string {
  const rows = members.map((e) => [
    ...engagementCells(e),
    String(e.curious),
    String(e.applyClicks),
    e.digestFrequency,
  ]);
  return csvFile(MEMBERS_HEADER, rows);
}

export function eventEngagementCsv(members: readonly EventEngagement[]): string {
  return csvFile(
    EVENT_ENGAGEMENT_HEADER,
    members.map((e) => [...engagementCells(e), e.digestFrequency]),
  );
}

export async function statsCommand(ctx: CommandContext, command: StatsCommand): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).stats;
  const timeZone = services.config.defaultTimezone;
  if (command.action === 'report') {
    const figures = await services.stats.report(ctx.userId);
    const report = statsReportMessage(figures, ctx.locale, timeZone);
    // Intros' meet rate is a block of its own, placed with the community figures (before the divider
    // that opens the comeback funnel), so the report's own layout stays the stats module's.
    const intros = meetStatsBlock(await services.intros.meetStats(ctx.userId), ctx.locale);
    const asks = askStatsBlock(await services.asks.figures(ctx.userId), ctx.locale);
    const mentoring = mentoringStatsBlock(await services.mentoring.figures(ctx.userId), ctx.locale);
    const study = studyStatsBlock(figures.study, ctx.locale);
    const chapters = chapterStatsBlock(await services.chapters.figures(ctx.userId), ctx.locale);
    const blocks = [...(report.blocks ?? [])];
    const divider = blocks.findIndex((block) => block.type === 'divider');
    blocks.splice(divider === -1 ? blocks.length : divider, 0, intros, asks, study, mentoring, chapters);
    await ctx.reply({ ...report, blocks: blocks.slice(0, 50) });
    return;
  }
  // The role check and the reads come first: a refusal must not leave a silent acknowledgement.
  const data = await services.stats.export(ctx.userId);
  // Two uploads take longer than Slack's three seconds to acknowledge a slash command.
  await ctx.acknowledge();
  const day = isoDay(data.generatedAt, timeZone);
  if (data.scope === 'events') {
    await sendFileToMember(ctx.client, ctx.userId, {
      filename: `event-engagement-${day}.csv`,
      title: m.csvEventsTitle,
      content: eventEngagementCsv(data.members),
      comment: m.csvEventsTitle,
    });
    const more = [await sendAsksCsv(ctx, day, false), await sendStudyCsv(ctx, day)];
    await ctx.reply({ text: [m.csvSentEvents, ...more.filter((line) => line !== undefined)].join(' ') });
    return;
  }
  await sendFileToMember(ctx.client, ctx.userId, {
    filename: `comeback-funnel-${day}.csv`,
    title: m.csvFunnelTitle,
    content: funnelCsv(
      data.roles,
      {
        funnel: data.total,
        label: m.csvTotalRow(
          data.allRoles,
          data.allRoles > data.roles.length ? m.csvUnlisted(data.allRoles - data.roles.length) : '',
        ),
      },
      timeZone,
    ),
    comment: m.csvFunnelTitle,
  });
  await sendFileToMember(ctx.client, ctx.userId, {
    filename: `member-engagement-${day}.csv`,
    title: m.csvMembersTitle,
    content: membersCsv(data.members),
    comment: m.csvMembersTitle,
  });
  // HR and admins get the asks and offers file too (its words count it as the third file).
  const more = [await sendAsksCsv(ctx, day, true), await sendStudyCsv(ctx, day)];
  await ctx.reply({ text: [m.csvSent, ...more.filter((line) => line !== undefined)].join(' ') });
}
