import { joinList, messages, people, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { IntroMessages } from '../../intros/service';
import type {
  IntroCheckin,
  IntroPerson,
  IntroPost,
  IntroPreview,
  IntroStatus,
  MeetStats,
  RoundSummary,
} from '../../intros/types';
import type { OutboxMessage } from '../../scheduler/types';
import { LAPSED_AFTER_DAYS } from '../../members/activity';
import { MAX_SNOOZE_WEEKS } from '../../intros/types';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, slackCalendarDate, slackDate, truncate } from './text';

/** FNV-1a; picks the first question so that every language of one intro asks the same one. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const codeTags = (tags: readonly string[], locale: Locale): string =>
  joinList(
    locale,
    tags.map((tag) => `\`${escapeMrkdwn(truncate(tagLabel(tag, locale), 50))}\``),
  );

/** A question from the list, about one of their shared interests when they have any. */
export function firstQuestion(post: Pick<IntroPost, 'key' | 'sharedTags'>, locale: Locale): string {
  const m = messages(locale).intros;
  const h = hash(post.key);
  const tag = post.sharedTags[h % Math.max(1, post.sharedTags.length)];
  if (tag !== undefined) {
    const about = m.questionsAbout[(h >>> 8) % m.questionsAbout.length] ?? m.questionsAbout[0];
    return about(escapeMrkdwn(tagLabel(tag, locale)));
  }
  // The list is never empty (the catalogue test would fail); '' only satisfies the index type.
  return m.questionsGeneral[h % m.questionsGeneral.length] ?? '';
}

/**
 * One member as their visibility allows: 'all' shows name, role, place and years; 'staff' and
 * 'nobody' show the mention alone (an intro is seen by peers, not by admins or HR).
 */
export function personLine(person: IntroPerson, locale: Locale): string {
  const m = messages(locale);
  const who = mention(person.userId);
  if (person.visibility !== 'all') return who;
  const parts = [who];
  if (person.displayName !== null) parts.push(`*${escapeMrkdwn(truncate(person.displayName, 80))}*`);
  const now = [person.title, person.company]
    .filter((part): part is string => part !== null)
    .map((part) => escapeMrkdwn(truncate(part, 100)));
  if (now.length > 0) parts.push(now.join(m.profile.at));
  if (person.location !== null) parts.push(escapeMrkdwn(truncate(person.location, 100)));
  if (person.yearsFrom !== null || person.yearsTo !== null) {
    parts.push(m.intros.introYears(String(person.yearsFrom ?? '?'), String(person.yearsTo ?? '?')));
  }
  return parts.join(' · ');
}

function introBlocks(post: IntroPost, locale: Locale): KnownBlock[] {
  const m = messages(locale).intros;
  const people = post.members.map((person) => `• ${personLine(person, locale)}`).join('\n');
  const shared =
    post.sharedTags.length > 0
      ? m.introShared(codeTags(post.sharedTags, locale))
      : post.overlapHidden
        ? undefined
        : m.introNothingShared;
  const question = m.introQuestion(firstQuestion(post, locale));
  return [
    { type: 'header', text: plain(m.introTitle, 150) },
    {
      type: 'section',
      text: mrkdwn(`${post.members.length === 2 ? m.introLead.two : m.introLead.three}\n${people}`),
    },
    { type: 'section', text: mrkdwn(shared === undefined ? question : `${shared}\n${question}`) },
    { type: 'context', elements: [mrkdwn(m.introFooter)] },
  ];
}

/** The group DM: in the members' language, or in both when they differ. */
export function introPost(post: IntroPost): SlackMessage {
  const locales: Locale[] = post.locales.length === 0 ? ['en'] : [...post.locales];
  const names = post.members.map((person) => mention(person.userId));
  const blocks = locales.flatMap((locale, index) => [
    ...(index > 0 ? [{ type: 'divider' } as const] : []),
    ...introBlocks(post, locale),
  ]);
  const text = locales
    .map((locale) => messages(locale).intros.introNotification(joinList(locale, names)))
    .join(' / ');
  return { text, blocks };
}

/** The check-in's buttons under its text: Yes / Not yet / Skip, or Yes alone once "Not yet" was said. */
function checkinBlocks(text: string, groupId: number, locale: Locale, yesOnly: boolean): SlackMessage {
  const m = messages(locale).intros;
  const value = String(groupId);
  const button = (action_id: string, label: string) => ({
    type: 'button' as const,
    action_id,
    text: plain(label, 75),
    value,
  });
  const yes = { ...button(ACTION.introMetYes, m.checkinYes), style: 'primary' as const };
  const rest = yesOnly
    ? []
    : [button(ACTION.introMetNotYet, m.checkinNotYet), button(ACTION.introMetSkip, m.checkinSkip)];
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(text) },
      { type: 'actions', block_id: 'intro.checkin', elements: [yes, ...rest] },
    ],
  };
}

/** "Did you meet?" a week later, with Yes / Not yet / Skip (the group id is the buttons' value). */
export function checkinMessage(checkin: IntroCheckin, locale: Locale): SlackMessage {
  const text = messages(locale).intros.checkinText(
    people(locale, checkin.partners),
    slackCalendarDate(checkin.introducedAt, checkin.introducedAt.toISOString().slice(0, 10)),
  );
  return checkinBlocks(text, checkin.groupId, locale, false);
}

/** What replaces the check-in once answered; "Not yet" keeps a Yes button for later. */
export function checkinAnswered(
  answer: 'yes' | 'not_yet' | 'skip',
  groupId: number,
  locale: Locale,
): SlackMessage {
  const m = messages(locale).intros;
  const text = answer === 'yes' ? m.answeredYes : answer === 'not_yet' ? m.answeredNotYet : m.answeredSkip;
  return answer === 'not_yet' ? checkinBlocks(text, groupId, locale, true) : { text };
}

function roundReport(summary: RoundSummary, locale: Locale): OutboxMessage {
  const m = messages(locale).intros;
  return {
    text: summary.groups === 0 ? m.runNobody : m.runReport(summary.groups, summary.members, summary.leftOut),
  };
}

export function introMessages(): IntroMessages {
  return { intro: introPost, checkin: checkinMessage, report: roundReport };
}

function when(date: Date | undefined, locale: Locale): string {
  return date === undefined
    ? messages(locale).intros.noNextRound
    : slackDate(date, `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

export function introStatusText(status: IntroStatus, locale: Locale): string {
  const m = messages(locale).intros;
  const line =
    status.setting === 'never'
      ? m.status.never
      : status.setting === 'off'
        ? m.status.off
        : status.snoozedUntil !== null
          ? m.status.snoozed(when(status.snoozedUntil, locale))
          : m.status.on(when(status.nextRound, locale));
  return [line, m.activityNote(LAPSED_AFTER_DAYS), m.usage].join('\n');
}

export function turnedOnText(nextRound: Date | undefined, locale: Locale): string {
  return messages(locale).intros.turnedOn(when(nextRound, locale));
}

export function snoozedText(until: Date, locale: Locale): string {
  return messages(locale).intros.snoozed(when(until, locale));
}

export function snoozeUsageText(locale: Locale): string {
  return messages(locale).intros.snoozeUsage(MAX_SNOOZE_WEEKS);
}

const PREVIEW_SECTION_CHARS = 2800;
const PREVIEW_MAX_SECTIONS = 40;

/** `intros preview` for admins: every pair with its shared interests, packed into as few sections as fit. */
export function previewMessage(preview: IntroPreview, locale: Locale): SlackMessage {
  const m = messages(locale).intros;
  const title = preview.dueAt === undefined ? m.previewNoRound : m.previewTitle(when(preview.dueAt, locale));
  const summary = m.previewSummary(preview.eligible, preview.groups.length, preview.leftOut.length);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*${title}*`) },
    { type: 'context', elements: [mrkdwn(summary)] },
  ];
  if (preview.groups.length === 0) blocks.push({ type: 'section', text: mrkdwn(m.previewEmpty) });
  let section = '';
  let shown = 0;
  let sections = 0;
  for (const group of preview.groups) {
    // Tags hidden by a member's visibility are shared all the same: "none" would be untrue.
    const hidden = group.hiddenShared > 0 ? `_${m.previewHiddenShared(group.hiddenShared)}_` : undefined;
    const named = group.sharedTags.length === 0 ? undefined : codeTags(group.sharedTags, locale);
    const tags =
      named === undefined
        ? (hidden ?? `_${m.previewNoShared}_`)
        : `${named}${hidden === undefined ? '' : ` ${hidden}`}`;
    const line = m.previewGroup(people(locale, group.members), tags);
    if (section.length + line.length + 1 > PREVIEW_SECTION_CHARS) {
      if (sections + 1 >= PREVIEW_MAX_SECTIONS) break;
      blocks.push({ type: 'section', text: mrkdwn(section) });
      sections += 1;
      section = '';
    }
    section = section === '' ? line : `${section}\n${line}`;
    shown += 1;
  }
  if (section !== '') blocks.push({ type: 'section', text: mrkdwn(section) });
  if (shown < preview.groups.length)
    blocks.push({ type: 'context', elements: [mrkdwn(m.previewMore(preview.groups.length - shown))] });
  if (preview.leftOut.length > 0)
    blocks.push({ type: 'context', elements: [mrkdwn(people(locale, preview.leftOut))] });
  blocks.push({ type: 'context', elements: [mrkdwn(m.previewNote)] });
  return { text: `${title}\n${summary}`, blocks };
}

/** The intros part of `stats`: rounds, members introduced, answers, and the meet rate. */
export function meetStatsBlock(stats: MeetStats, locale: Locale): KnownBlock {
  const m = messages(locale).intros;
  const n = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US');
  const rate = stats.rate === null ? messages(locale).common.none : `${stats.rate.toFixed(1)}%`;
  return {
    type: 'section',
    text: mrkdwn(
      [
        `*${m.statsHeading}*`,
        m.statsLine(n.format(stats.rounds), n.format(stats.introduced)),
        m.statsAnswers(n.format(stats.yes), n.format(stats.notYet), n.format(stats.skip)),
        m.statsRate(rate),
      ].join('\n'),
    ),
  };
}
