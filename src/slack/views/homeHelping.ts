import { messages, person, type Locale } from '../../i18n';
import type { MentoringHome, StudyHome } from '../../home/service';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { tagsText } from './askCard';
import { escapeMrkdwn, mrkdwn, plain, truncate } from './text';
import { actionButton as button } from './buttons';

// App Home's study-group and mentoring sections (issue 13 §3, §4): the member's own state and the
// buttons they may press; HomeSections (src/home/service.ts) decides who may be named and how many.

/** Matching proposals with Count me in / out, then the member's groups with their channels. */
export function homeStudyBlocks(home: StudyHome, userId: string, locale: Locale): KnownBlock[] {
  const m = messages(locale).study;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  if (home.proposals.length === 0) blocks.push({ type: 'section', text: mrkdwn(m.homeNone) });
  for (const { group, matchedTags, proposerNamed, backedByViewer } of home.proposals) {
    const mine = group.proposer === userId;
    const lines = [
      m.listLine(
        escapeMrkdwn(truncate(group.topic, 150)),
        group.id,
        m.rhythms[group.rhythm],
        group.backers,
        group.minMembers,
      ),
      mine ? m.homeProposer : m.proposedBy(proposerNamed ? person(locale, group.proposer) : m.aMember),
    ];
    if (matchedTags.length > 0) lines.push(m.matched(tagsText(matchedTags, locale)));
    blocks.push({
      type: 'section',
      block_id: `home.study.${group.id}`,
      text: mrkdwn(lines.join('\n')),
      // The proposer stays in (the service refuses Count me out for them), so they get no button.
      ...(mine
        ? {}
        : {
            accessory: backedByViewer
              ? button(ACTION.studyOut, m.countOut, group.id)
              : button(ACTION.studyIn, m.countIn, group.id, 'primary'),
          }),
    });
  }
  if (home.more > 0)
    blocks.push({ type: 'context', block_id: 'home.study.more', elements: [mrkdwn(m.homeMore(home.more))] });
  if (home.groups.length > 0) {
    const lines = home.groups.map((group) =>
      m.homeGroupLine(escapeMrkdwn(truncate(group.topic, 150)), `<#${group.channelId}>`),
    );
    blocks.push({
      type: 'section',
      block_id: 'home.study.groups',
      text: mrkdwn(`*${m.homeGroups}*\n${lines.join('\n')}`),
    });
  }
  blocks.push({ type: 'divider' });
  return blocks;
}

/**
 * As a mentor: the offer (topics, places, availability) and the requests waiting on an answer with
 * Accept / Decline; as a mentee: the request waiting for a mentor. Each pair not ended with the
 * check-in's buttons that change it (Pause or Continue, and End).
 */
export function homeMentoringBlocks(home: MentoringHome, userId: string, locale: Locale): KnownBlock[] {
  const m = messages(locale).mentoring;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  const goal = (text: string): string => truncate(escapeMrkdwn(text), 300);
  const who = (member: string, named: boolean): string => (named ? person(locale, member) : m.aMember);
  const summary: string[] = [];
  if (home.offer !== undefined)
    summary.push(
      m.statusOffer(
        tagsText(home.offer.topics, locale),
        home.offer.activeCount,
        home.offer.capacity,
        m.availability[home.offer.availability],
      ),
    );
  if (home.pending !== undefined)
    summary.push(m.statusRequest(home.pending.id, goal(home.pending.goal), m.requestState.pending));
  if (summary.length === 0 && home.pairs.length === 0 && home.waiting.length === 0) summary.push(m.homeNone);
  if (summary.length > 0)
    blocks.push({ type: 'section', block_id: 'home.mentor.summary', text: mrkdwn(summary.join('\n')) });
  for (const { item: request, named } of home.waiting)
    blocks.push(
      {
        type: 'section',
        block_id: `home.mentor.${request.id}.asks`,
        text: mrkdwn(m.statusWaiting(who(request.requester, named), goal(request.goal))),
      },
      {
        type: 'actions',
        block_id: `home.mentor.${request.id}.answer`,
        elements: [
          button(ACTION.mentorAccept, m.acceptButton, request.id, 'primary'),
          button(ACTION.mentorDecline, m.declineButton, request.id),
        ],
      },
    );
  for (const { item: pair, named } of home.pairs) {
    const state = m.pairState[pair.status];
    const line =
      pair.mentorId === userId
        ? m.statusMentee(who(pair.menteeId, named), state)
        : m.statusMentor(who(pair.mentorId, named), state);
    blocks.push(
      { type: 'section', block_id: `home.mentorpair.${pair.id}`, text: mrkdwn(line) },
      {
        type: 'actions',
        block_id: `home.mentorpair.${pair.id}.actions`,
        elements: [
          pair.status === 'paused'
            ? button(ACTION.mentorContinue, m.continueButton, pair.id, 'primary')
            : button(ACTION.mentorPause, m.pauseButton, pair.id),
          button(ACTION.mentorEnd, m.endButton, pair.id),
        ],
      },
    );
  }
  blocks.push({ type: 'divider' });
  return blocks;
}
