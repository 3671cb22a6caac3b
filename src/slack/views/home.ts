import { joinList, messages, type Locale } from '../../i18n';
import type { Profile } from '../../members/types';
import type { CommunityText } from '../../onboarding/community';
import type { Role } from '../../roles/types';
import type { HomeView, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { charterBlocks } from './charter';
import { profileSummaryLines } from './profileSummary';
import { escapeMrkdwn, mrkdwn, plain } from './text';

export interface HomeData {
  readonly profile: Profile | undefined;
  readonly roles: ReadonlySet<Role>;
  readonly agreed: boolean;
  readonly charter: CommunityText;
}

/** The member's App Home: their profile, interests and the buttons to change them. */
export function homeView(data: HomeData, locale: Locale): HomeView {
  const m = messages(locale);
  const { profile } = data;
  const name = profile?.displayName;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(name === null || name === undefined ? m.home.greetingAnon : m.home.greeting(name), 150) },
  ];
  if (!data.agreed) {
    blocks.push(...charterBlocks(data.charter, locale, { lead: m.home.notAgreed, withProfileButton: false }));
    return { type: 'home', blocks };
  }
  const summary = profile === undefined ? [] : profileSummaryLines(profile, locale);
  blocks.push({
    type: 'section',
    text: mrkdwn(`*${m.home.profileHeading}*\n${summary.length === 0 ? m.profile.empty : summary.join('\n')}`),
  });
  if (profile !== undefined) {
    blocks.push({ type: 'context', elements: [mrkdwn(m.home.visibilityLine(m.visibility[profile.visibility]))] });
  }
  const interests = profile?.interests ?? [];
  blocks.push({
    type: 'section',
    text: mrkdwn(
      `*${m.home.interestsHeading}*\n${interests.length === 0 ? m.interests.none : joinList(locale, interests.map((t) => `\`${escapeMrkdwn(t)}\``))}`,
    ),
  });
  blocks.push({
    type: 'actions',
    block_id: 'home.actions',
    elements: [
      { type: 'button', action_id: ACTION.openProfile, style: 'primary', text: plain(m.home.editProfile, 75), value: 'home' },
      { type: 'button', action_id: ACTION.openInterests, text: plain(m.home.editInterests, 75), value: 'home' },
      { type: 'button', action_id: ACTION.openPrivacy, text: plain(m.home.privacy, 75), value: 'home' },
    ],
  });
  blocks.push({ type: 'divider' });
  if (data.roles.size > 0) {
    const roles = joinList(locale, [...data.roles].map((role) => m.roleName[role]));
    blocks.push({ type: 'section', text: mrkdwn(m.home.manage(roles)) });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(m.home.hint)] });
  return { type: 'home', blocks };
}
