import { joinList, messages, type Locale } from '../../i18n';
import type { StudyGroup, StudyListing, StudyMessages } from '../../study/types';
import { STUDY_LIMITS } from '../../study/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { joinChannelButton } from './collab';
import { tagsText } from './askCard';
import { stacked } from './languages';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, truncate } from './text';

// Study groups (issue 13 §3): the list, the digest section, the channel's first post and the DMs.

/** The block id of the digest's study heading (tests find the section by it). */
export const DIGEST_STUDY_HEADING = 'digest.study';

function line(group: StudyGroup, locale: Locale): string {
  const m = messages(locale).study;
  return m.listLine(
    escapeMrkdwn(truncate(group.topic, 150)),
    group.id,
    m.rhythms[group.rhythm],
    group.backers,
    group.minMembers,
  );
}

function button(action: 'in' | 'out', group: StudyGroup, locale: Locale): Button {
  const m = messages(locale).study;
  return {
    type: 'button',
    action_id: action === 'in' ? ACTION.studyIn : ACTION.studyOut,
    text: plain(action === 'in' ? m.countIn : m.countOut, 75),
    value: String(group.id),
    ...(action === 'in' ? { style: 'primary' as const } : {}),
  };
}

/** `study`: open proposals, matching first; hidden members are counted, never named. */
export function studyListMessage(
  listings: readonly StudyListing[],
  viewerId: string,
  locale: Locale,
): SlackMessage {
  const m = messages(locale).study;
  if (listings.length === 0) return { text: m.listEmpty };
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.listTitle, 150) }];
  for (const listing of listings) {
    const { group } = listing;
    const proposer = listing.proposerNamed ? mention(group.proposer) : m.aMember;
    const hidden = group.backers - listing.namedBackers.length;
    const names = listing.namedBackers.map(mention);
    if (hidden > 0) names.push(m.othersIn(hidden));
    const lines = [
      line(group, locale),
      `${m.proposedBy(proposer)} · ${m.backersNamed(joinList(locale, names))}`,
    ];
    if (listing.matchedTags.length > 0) lines.push(m.matched(tagsText(listing.matchedTags, locale)));
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'section', block_id: `study.list.${group.id}`, text: mrkdwn(lines.join('\n')) });
    if (!listing.backedByViewer)
      blocks.push({
        type: 'actions',
        block_id: `study.list.actions.${group.id}`,
        elements: [button('in', group, locale)],
      });
    else if (group.proposer === viewerId)
      blocks.push({ type: 'context', block_id: `study.list.in.${group.id}`, elements: [mrkdwn(m.youAreIn)] });
    else
      blocks.push({
        type: 'actions',
        block_id: `study.list.actions.${group.id}`,
        elements: [button('out', group, locale)],
      });
  }
  return { text: m.listTitle, blocks: blocks.slice(0, 50) };
}

/** The digest's section: each proposal with its "Count me in" button. */
export function studyPickBlocks(groups: readonly StudyGroup[], locale: Locale): KnownBlock[] {
  const m = messages(locale).study;
  return [
    { type: 'section', block_id: DIGEST_STUDY_HEADING, text: mrkdwn(`*${m.digestHeading}*`) },
    ...groups.slice(0, STUDY_LIMITS.perDigest).flatMap((group): KnownBlock[] => [
      {
        type: 'section',
        block_id: `study.digest.${group.id}`,
        text: mrkdwn(`${line(group, locale)}\n${tagsText(group.tags, locale)}`),
        accessory: button('in', group, locale),
      },
    ]),
  ];
}

/** The "Schedule the first session" button (value: the group's id). */
function scheduleButton(group: StudyGroup, locale: Locale): Button {
  return {
    type: 'button',
    action_id: ACTION.studySchedule,
    text: plain(messages(locale).study.scheduleButton, 75),
    value: String(group.id),
    style: 'primary',
  };
}

/** A DM about a group's channel: one line naming the topic and the channel, and one button. */
function groupDm(
  say: (topic: string, channel: string) => string,
  group: StudyGroup,
  blockId: string,
  button: Button,
): SlackMessage {
  const text = say(escapeMrkdwn(truncate(group.topic, 150)), `<#${group.channelId ?? ''}>`);
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(text) },
      { type: 'actions', block_id: blockId, elements: [button] },
    ],
  };
}

export function studyMessages(): StudyMessages {
  return {
    intro: (group, languages, proposerNamed) => {
      const topic = escapeMrkdwn(truncate(group.topic, 150));
      const text = stacked(languages, (m) =>
        [
          m.study.introLead(topic, m.study.rhythms[group.rhythm]),
          m.study.introSessions(proposerNamed ? mention(group.proposer) : m.study.theProposer),
        ].join(' '),
      );
      return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
    },
    formed: (group, locale) =>
      groupDm(
        messages(locale).study.formedDm,
        group,
        `study.formed.${group.id}`,
        scheduleButton(group, locale),
      ),
    join: (group, locale) =>
      groupDm(
        messages(locale).study.joinDm,
        group,
        `study.join.${group.id}`,
        joinChannelButton(ACTION.studyJoin, group.id, locale),
      ),
    lapsed: (group, locale) => ({
      text: messages(locale).study.lapsedDm(
        escapeMrkdwn(truncate(group.topic, 150)),
        group.backers,
        group.minMembers,
        STUDY_LIMITS.lapseDays,
      ),
    }),
  };
}
