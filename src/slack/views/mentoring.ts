import { messages, people, person, type Languages, type Locale } from '../../i18n';
import type { MentoringMessages, MentoringStatus } from '../../mentoring/service';
import { ANSWER_DAYS } from '../../mentoring/service';
import type { MentorMatch, MentorPair } from '../../mentoring/types';
import type { OutboxMessage } from '../../scheduler/types';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { tagsText } from './askCard';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mrkdwn, truncate } from './text';
import { actionButton as button } from './buttons';

// What mentoring shows and sends (issue 13 §4): lists, status, and the DMs queued in the outbox.

/** Most mentors one list shows (a message holds 50 blocks). */
export const MAX_MENTORS_LISTED = 10;

function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

const goalText = (goal: string): string => truncate(escapeMrkdwn(goal), 300);

/** `mentors [topics]`: mentors with a free place, most shared topics first. */
export function mentorsListMessage(
  matches: readonly MentorMatch[],
  tags: readonly string[],
  locale: Locale,
): SlackMessage {
  const m = messages(locale).mentoring;
  if (matches.length === 0) return { text: m.findNone(tagsText(tags, locale)) };
  const shown = matches.slice(0, MAX_MENTORS_LISTED);
  const heading = m.findHeading(shown.length, matches.length);
  const lines = shown.map((match) =>
    m.findLine(
      person(locale, match.offer.userId),
      tagsText(match.sharedTopics, locale),
      match.free,
      m.availability[match.offer.availability],
    ),
  );
  return {
    text: heading,
    blocks: [section(heading), section(lines.map((line) => `• ${line}`).join('\n')), section(m.findHint)],
  };
}

/** `mentor`: the member's offer, pairs, requests, and what waits on them. */
export function mentoringStatusMessage(
  status: MentoringStatus,
  userId: string,
  locale: Locale,
): SlackMessage {
  const m = messages(locale).mentoring;
  const lines = [m.statusHeading];
  const { offer } = status;
  lines.push(
    offer === undefined
      ? m.statusNoOffer
      : m.statusOffer(
          tagsText(offer.topics, locale),
          offer.activeCount,
          offer.capacity,
          m.availability[offer.availability],
        ),
  );
  for (const pair of status.pairs)
    lines.push(
      `• ${
        pair.mentorId === userId
          ? m.statusMentee(person(locale, pair.menteeId), m.pairState[pair.status])
          : m.statusMentor(person(locale, pair.mentorId), m.pairState[pair.status])
      }`,
    );
  for (const request of status.requests)
    lines.push(`• ${m.statusRequest(request.id, goalText(request.goal), m.requestState[request.status])}`);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  for (const request of status.waitingOnMe.slice(0, 5))
    blocks.push(section(m.statusWaiting(person(locale, request.requester), goalText(request.goal))), {
      type: 'actions',
      block_id: `mentor.${request.id}.answer`,
      elements: [
        button(ACTION.mentorAccept, m.acceptButton, request.id, 'primary'),
        button(ACTION.mentorDecline, m.declineButton, request.id),
      ],
    });
  return { text: lines[0] ?? m.statusHeading, blocks };
}

/** The same lines in each language the pair reads, the first language first. */
function inLanguages(languages: Languages, write: (locale: Locale) => string): string[] {
  return [...new Set(languages)].map(write);
}

function checkinButtons(pair: MentorPair, locale: Locale): KnownBlock {
  const m = messages(locale).mentoring;
  return {
    type: 'actions',
    block_id: `mentorpair.${pair.id}.checkin.${locale}`,
    elements: [
      button(ACTION.mentorContinue, m.continueButton, pair.id, 'primary'),
      button(ACTION.mentorPause, m.pauseButton, pair.id),
      button(ACTION.mentorEnd, m.endButton, pair.id),
    ],
  };
}

/** The DMs and group DMs mentoring queues in the outbox. */
export function mentoringMessages(): MentoringMessages {
  return {
    ask: (request, locale): OutboxMessage => {
      const m = messages(locale).mentoring;
      const text = m.askDm(
        person(locale, request.requester),
        goalText(request.goal),
        tagsText(request.tags, locale),
        ANSWER_DAYS,
      );
      return {
        text,
        blocks: [
          section(text),
          {
            type: 'actions',
            block_id: `mentor.${request.id}.answer`,
            elements: [
              button(ACTION.mentorAccept, m.acceptButton, request.id, 'primary'),
              button(ACTION.mentorDecline, m.declineButton, request.id),
            ],
          },
        ],
      };
    },
    unmatched: (request, locale) => ({ text: messages(locale).mentoring.unmatched(goalText(request.goal)) }),
    paired: (request, pair, languages) => {
      const lines = inLanguages(languages, (locale) =>
        messages(locale).mentoring.paired(
          person(locale, pair.mentorId),
          person(locale, pair.menteeId),
          goalText(request.goal),
        ),
      );
      return { text: lines.join('\n\n') };
    },
    checkin: (pair, languages) => {
      const locales = [...new Set(languages)];
      const blocks: KnownBlock[] = locales.flatMap((locale) => [
        section(
          messages(locale).mentoring.checkin(person(locale, pair.mentorId), person(locale, pair.menteeId)),
        ),
        checkinButtons(pair, locale),
      ]);
      const text = locales
        .map((locale) =>
          messages(locale).mentoring.checkin(person(locale, pair.mentorId), person(locale, pair.menteeId)),
        )
        .join(' / ');
      return { text, blocks };
    },
  };
}

/** The names a request reply suggests, in the order they are asked. */
export function suggestedText(userIds: readonly string[], locale: Locale): string {
  return people(locale, userIds);
}
