import { joinList, labelled, messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import { formatPercent } from '../../stats/funnel';
import {
  ACTIVE_WINDOW_DAYS,
  MIN_INTEREST_HOLDERS,
  PAST_EVENTS_SHOWN,
  TOP_INTERESTS,
  TOP_ROLES,
  type Funnel,
  type StatsReport,
  type StudyFigures,
} from '../../stats/types';
import type { KnownBlock } from '../blockKit';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';

function numberFormat(locale: Locale): (value: number) => string {
  const format = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US');
  return (value) => format.format(value);
}

/** A date every reader sees in their own time zone; the fallback uses the community's zone. */
function slackDay(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  const fallback = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
  }).format(date);
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short}|${fallback}>`;
}

function slackMoment(date: Date, timeZone: string, locale: Locale): string {
  const fallback = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/** One line per role: every step with its rate over the step before. */
function compactFunnel(f: Funnel, locale: Locale): string {
  const m = messages(locale).stats;
  const none = messages(locale).common.none;
  const n = numberFormat(locale);
  const pct = (rate: number | null): string => formatPercent(rate, none);
  return (
    [
      `${m.step.shown} ${n(f.counts.shown)}`,
      m.compactStep(m.step.curious, n(f.counts.curious), pct(f.rates.curiousPerShown)),
      m.compactStep(m.step.applyClick, n(f.counts.applyClick), pct(f.rates.applyPerCurious)),
      m.compactStep(m.step.hired, n(f.counts.hired), pct(f.rates.hiredPerApply)),
    ].join(' → ') + ` · ${m.referrals(n(f.counts.referrals))}`
  );
}

/** `/alumni stats`: an ephemeral report in the caller's language. */
export function statsReportMessage(report: StatsReport, locale: Locale, timeZone: string): SlackMessage {
  const m = messages(locale).stats;
  const none = messages(locale).common.none;
  const n = numberFormat(locale);
  const { members, events, funnel } = report;

  const interests =
    report.interests.length === 0
      ? m.interestsNone(MIN_INTEREST_HOLDERS)
      : report.interests
          .map((i, index) =>
            m.interestLine(
              index + 1,
              `\`${escapeMrkdwn(truncate(tagLabel(i.tag, locale), 60))}\``,
              n(i.members),
            ),
          )
          .join('\n');
  const attendance =
    events.past.length === 0
      ? m.attendanceNone
      : events.past
          .map((e) =>
            m.attendanceLine(
              `#${e.eventId} ${escapeMrkdwn(truncate(e.title, 80))}`,
              slackDay(e.startsAt, timeZone, locale),
              n(e.going),
            ),
          )
          .join('\n');
  // "50.0% of those shown", or a bare dash: there is no share of nobody.
  const rateText = (rate: number | null, of: (rate: string) => string): string =>
    rate === null ? none : of(formatPercent(rate, none));
  const funnelLines = [
    m.stepLine(m.step.shown, n(funnel.counts.shown)),
    m.stepRateLine(
      m.step.curious,
      n(funnel.counts.curious),
      rateText(funnel.rates.curiousPerShown, m.rateOf.curiousPerShown),
    ),
    m.stepRateLine(
      m.step.applyClick,
      n(funnel.counts.applyClick),
      rateText(funnel.rates.applyPerCurious, m.rateOf.applyPerCurious),
    ),
    m.stepRateLine(
      m.step.hired,
      n(funnel.counts.hired),
      rateText(funnel.rates.hiredPerApply, m.rateOf.hiredPerApply),
    ),
    m.referrals(n(funnel.counts.referrals)),
  ];

  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(m.title, 150) },
    { type: 'context', elements: [mrkdwn(m.asOf(slackMoment(report.generatedAt, timeZone, locale)))] },
    {
      type: 'section',
      text: mrkdwn(`*${m.membersHeading}*`),
      fields: [
        mrkdwn(`*${m.total}*\n${n(members.total)}`, 2000),
        mrkdwn(`*${m.agreed}*\n${n(members.agreed)}`, 2000),
        mrkdwn(`*${m.profileComplete}*\n${n(members.profileComplete)}`, 2000),
        mrkdwn(`*${m.active(ACTIVE_WINDOW_DAYS)}*\n${n(members.active)}`, 2000),
      ],
    },
    {
      type: 'section',
      text: mrkdwn(`*${m.interestsHeading(TOP_INTERESTS, MIN_INTEREST_HOLDERS)}*\n${interests}`),
    },
    {
      type: 'section',
      text: mrkdwn(
        `*${m.eventsHeading}*\n${m.upcoming(n(events.upcoming))}\n${m.upcomingRsvps(n(events.rsvps.going), n(events.rsvps.maybe), n(events.rsvps.waitlist))}\n${messages(locale).supporters.eventsHosted(events.hostedBySupporters)}`,
      ),
    },
    { type: 'section', text: mrkdwn(`*${m.attendanceHeading(PAST_EVENTS_SHOWN)}*\n${attendance}`) },
    { type: 'divider' },
    { type: 'section', text: mrkdwn(`*${m.funnelHeading}*\n${funnelLines.join('\n')}`) },
    { type: 'context', elements: [mrkdwn(m.funnelNote)] },
    {
      type: 'section',
      text: mrkdwn(
        `*${m.rolesHeading(TOP_ROLES)}*${report.openRoles.length === 0 ? `\n${m.rolesNone}` : ''}`,
      ),
    },
    // One section per role keeps each well under the 3,000-character limit whatever the titles.
    ...report.openRoles.map((r): KnownBlock => ({
      type: 'section',
      text: mrkdwn(
        `*${escapeMrkdwn(m.roleTitle(r.role.jobId, truncate(r.role.title, 150)))}*\n${compactFunnel(r, locale)}`,
      ),
    })),
  ];
  const text = [
    m.title,
    labelled(
      locale,
      m.membersHeading,
      joinList(locale, [`${m.total} ${n(members.total)}`, `${m.agreed} ${n(members.agreed)}`]),
    ),
    labelled(locale, m.funnelHeading, compactFunnel(funnel, locale)),
  ].join('\n');
  return { text, blocks };
}

/** Study groups: proposals by state, and the members of the groups that formed. */
export function studyStatsBlock(figures: StudyFigures, locale: Locale): KnownBlock {
  const m = messages(locale).study;
  const n = numberFormat(locale);
  return {
    type: 'section',
    text: mrkdwn(
      [
        `*${m.statsHeading}*`,
        m.statsGroups(n(figures.open), n(figures.formed), n(figures.lapsed)),
        m.statsMembers(n(figures.membersInFormed)),
      ].join('\n'),
    ),
  };
}
