import { joinList, messages, type Locale } from '../../i18n';
import type { Proposal } from '../../supporters/types';
import { homeProposalBlocks } from './supporters';
import { tagLabel } from '../../interests/labels';
import type { Profile } from '../../members/types';
import type { CommunityText } from '../../onboarding/community';
import type { Role } from '../../roles/types';
import type { HomeView, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { charterBlocks } from './charter';
import { eventWhen } from './events';
import type { CommunityEvent, RsvpStatus } from '../../events/types';
import { profileSummaryLines } from './profileSummary';
import { escapeMrkdwn, mrkdwn, plain, slackDate, truncate } from './text';
import type { Announcement } from '../../announcements/types';
import { homeJobBlocks, type HomeJobs } from './jobs';
import type { AskPicks } from '../../asks/picks';
import { homeAskBlocks } from './asks';
import type { MentoringHome, StudyHome } from '../../home/service';
import { homeMentoringBlocks, homeStudyBlocks } from './homeHelping';
import type { SlackMessage } from './message';
import type { ChapterListing } from '../../chapters/types';
import { homeChapterBlocks } from './chapters';

export interface HomeData {
  readonly profile: Profile | undefined;
  readonly roles: ReadonlySet<Role>;
  readonly agreed: boolean;
  /** With approval on, a member not approved yet: where their request stands, instead of the rest. */
  readonly waiting?: SlackMessage;
  readonly charter: CommunityText;
  readonly myEvents: readonly { event: CommunityEvent; status: RsvpStatus }[];
  /** Upcoming events an organizer can manage (empty for other members). */
  readonly managedEvents: readonly CommunityEvent[];
  /** Active announcements this member scheduled. */
  readonly myAnnouncements: readonly Announcement[];
  /** Roles matching the member; for HR and admins, open roles with their funnel. */
  readonly jobs: HomeJobs;
  /** Open asks and offers of others that suit the member (undefined: none). */
  readonly asks?: AskPicks;
  readonly study: StudyHome;
  readonly mentoring: MentoringHome;
  /** Active chapters, with Join or Leave (issue 14 §4). */
  readonly chapters: readonly ChapterListing[];
  /** A supporter's latest proposals and what became of them (2 blocks at most; none when empty). */
  readonly proposals?: readonly Proposal[];
  /** Whose Home this is: the sections tell the member's own part from others'. */
  readonly userId: string;
  readonly timeZone: string;
}

const EVENTS_ON_HOME = 5;

/** The member's App Home: their profile, interests and the buttons to change them. */
export function homeView(data: HomeData, locale: Locale): HomeView {
  const m = messages(locale);
  const { profile } = data;
  const name = profile?.displayName;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: plain(name === null || name === undefined ? m.home.greetingAnon : m.home.greeting(name), 150),
    },
  ];
  if (!data.agreed) {
    blocks.push(...charterBlocks(data.charter, locale, { lead: m.home.notAgreed, withProfileButton: false }));
    return { type: 'home', blocks };
  }
  if (data.waiting !== undefined) {
    blocks.push(...(data.waiting.blocks ?? [{ type: 'section', text: mrkdwn(data.waiting.text) }]));
    return { type: 'home', blocks };
  }
  const summary = profile === undefined ? [] : profileSummaryLines(profile, locale);
  blocks.push({
    type: 'section',
    text: mrkdwn(
      `*${m.home.profileHeading}*\n${summary.length === 0 ? m.profile.empty : summary.join('\n')}`,
    ),
  });
  if (profile !== undefined) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(m.home.visibilityLine(m.visibility[profile.visibility]))],
    });
  }
  const interests = profile?.interests ?? [];
  blocks.push({
    type: 'section',
    text: mrkdwn(
      `*${m.home.interestsHeading}*\n${
        interests.length === 0
          ? m.interests.none
          : joinList(
              locale,
              interests.map((t) => `\`${escapeMrkdwn(tagLabel(t, locale))}\``),
            )
      }`,
    ),
  });
  blocks.push({
    type: 'actions',
    block_id: 'home.actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION.openProfile,
        style: 'primary',
        text: plain(m.home.editProfile, 75),
        value: 'home',
      },
      {
        type: 'button',
        action_id: ACTION.openInterests,
        text: plain(m.home.editInterests, 75),
        value: 'home',
      },
      { type: 'button', action_id: ACTION.openPrivacy, text: plain(m.home.privacy, 75), value: 'home' },
    ],
  });
  blocks.push({ type: 'divider' });
  blocks.push(...eventSections(data, locale));
  blocks.push(...homeJobBlocks(data.jobs, locale));
  blocks.push(...homeAskBlocks(data.asks, locale));
  blocks.push(...homeStudyBlocks(data.study, data.userId, locale));
  blocks.push(...homeMentoringBlocks(data.mentoring, data.userId, locale));
  blocks.push(...homeProposalBlocks(data.proposals ?? [], locale));
  blocks.push(...homeChapterBlocks(data.chapters, locale));
  if (data.roles.size > 0) {
    const roles = joinList(
      locale,
      [...data.roles].map((role) => m.roleName[role]),
    );
    blocks.push({ type: 'section', text: mrkdwn(m.home.manage(roles)) });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(m.home.hint)] });
  return { type: 'home', blocks };
}

function eventSections(data: HomeData, locale: Locale): KnownBlock[] {
  const m = messages(locale).events;
  const line = (event: CommunityEvent): string =>
    `*${escapeMrkdwn(event.title)}*  _#${event.id}_\n${eventWhen(event, data.timeZone, locale)}`;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  if (data.myEvents.length === 0) blocks.push({ type: 'section', text: mrkdwn(m.homeNone) });
  for (const { event, status } of data.myEvents.slice(0, EVENTS_ON_HOME)) {
    blocks.push({ type: 'section', text: mrkdwn(`${line(event)}\n${m.yourAnswer(m.status[status])}`) });
  }
  if (data.managedEvents.length > 0) {
    blocks.push({ type: 'header', text: plain(m.homeOrganizerHeading, 150) });
    const lines = data.managedEvents.slice(0, EVENTS_ON_HOME).map(line);
    blocks.push({ type: 'section', text: mrkdwn(lines.join('\n\n')) });
  }
  if (data.myAnnouncements.length > 0) {
    const a = messages(locale).announcements;
    blocks.push({ type: 'header', text: plain(a.homeHeading, 150) });
    const lines = data.myAnnouncements.slice(0, EVENTS_ON_HOME).map((item) => {
      const next =
        item.nextAt === null ? '—' : slackDate(item.nextAt, item.nextAt.toISOString().slice(0, 16));
      const repeat = item.repeat === 'cron' ? `\`${item.cron ?? ''}\`` : a.repeatOption[item.repeat];
      return `*#${item.id}* <#${item.channel}> · ${next} · ${repeat}\n>${escapeMrkdwn(truncate(item.text, 120)).replace(/\n/g, ' ')}`;
    });
    blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
  }
  blocks.push({ type: 'divider' });
  return blocks;
}
