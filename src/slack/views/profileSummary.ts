import { joinList, labelled, messages, type Locale } from '../../i18n';
import type { Profile } from '../../members/types';
import { escapeMrkdwn } from './text';

/** Lines describing a profile in mrkdwn; member-typed text is escaped. */
export function profileSummaryLines(profile: Profile, locale: Locale): string[] {
  const m = messages(locale);
  const lines: string[] = [];
  if (profile.yearsFrom !== null || profile.yearsTo !== null) {
    lines.push(m.profile.summaryYears(String(profile.yearsFrom ?? '?'), String(profile.yearsTo ?? '?')));
  }
  const now = [profile.title, profile.company]
    .filter((part): part is string => part !== null)
    .map(escapeMrkdwn);
  if (now.length > 0) lines.push(m.profile.summaryNow(now.join(m.profile.at)));
  if (profile.location !== null) lines.push(`:round_pushpin: ${escapeMrkdwn(profile.location)}`);
  if (profile.bio !== null) lines.push(`>${escapeMrkdwn(profile.bio).replace(/\n/g, '\n>')}`);
  if (profile.openTo.length > 0) {
    lines.push(
      labelled(
        locale,
        `*${m.home.openToHeading}*`,
        joinList(
          locale,
          profile.openTo.map((flag) => m.openTo[flag]),
        ),
      ),
    );
  }
  return lines;
}
