import type { KnownBlock } from '../blockKit';
import type { Locale } from '../../i18n';
import { messages } from '../../i18n';
import type { CommunityText } from '../../onboarding/community';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { mrkdwn, plain, slackCalendarDate } from './text';

/** Purpose, eligibility and code of conduct, then "I agree" (and "Set up my profile" when asked). */
export function charterBlocks(
  text: CommunityText,
  locale: Locale,
  options: { lead?: string; withProfileButton?: boolean } = {},
): KnownBlock[] {
  const m = messages(locale);
  const conduct = text.conduct.map((rule, index) => `${index + 1}. ${rule}`).join('\n');
  const buttons: KnownBlock = {
    type: 'actions',
    block_id: 'charter.actions',
    elements: [
      {
        type: 'button',
        action_id: ACTION.agree,
        style: 'primary',
        text: plain(m.onboarding.agreeButton, 75),
        value: 'agree',
      },
      ...(options.withProfileButton === true
        ? [
            {
              type: 'button' as const,
              action_id: ACTION.openProfile,
              text: plain(m.onboarding.profileButton, 75),
              value: 'welcome',
            },
          ]
        : []),
    ],
  };
  return [
    ...(options.lead === undefined ? [] : [{ type: 'section' as const, text: mrkdwn(options.lead) }]),
    { type: 'section', text: mrkdwn(`*${m.onboarding.purpose}*\n${text.purpose}`) },
    { type: 'section', text: mrkdwn(`*${m.onboarding.eligibility}*\n${text.eligibility}`) },
    { type: 'section', text: mrkdwn(`*${m.onboarding.conduct}*\n${conduct}`) },
    { type: 'context', elements: [mrkdwn(m.onboarding.agreePrompt)] },
    buttons,
  ];
}

export function welcomeMessage(text: CommunityText, locale: Locale): SlackMessage {
  const m = messages(locale);
  return {
    text: m.onboarding.welcomeText(text.name),
    blocks: [
      { type: 'header', text: plain(m.onboarding.welcomeTitle(text.name), 150) },
      ...charterBlocks(text, locale, { withProfileButton: true }),
    ],
  };
}

/** Shown instead of running a command when the member has not agreed to the current charter. */
export function agreementRequiredMessage(
  text: CommunityText,
  locale: Locale,
  outdated: boolean,
): SlackMessage {
  const m = messages(locale);
  const lead = outdated ? m.onboarding.versionChanged : m.onboarding.mustAgreeFirst;
  return { text: lead, blocks: charterBlocks(text, locale, { lead }) };
}

/** Replaces the welcome once the member agreed: the agreement, then the next step. */
export function agreedMessage(locale: Locale, agreedAt: Date): SlackMessage {
  const m = messages(locale);
  const when = slackCalendarDate(agreedAt, agreedAt.toISOString().slice(0, 10));
  return {
    text: m.onboarding.agreedText,
    blocks: [
      { type: 'section', text: mrkdwn(`:white_check_mark: ${m.onboarding.agreed(when)}`) },
      {
        type: 'actions',
        block_id: 'agreed.actions',
        elements: [
          {
            type: 'button',
            action_id: ACTION.openProfile,
            style: 'primary',
            text: plain(m.onboarding.profileButton, 75),
            value: 'agreed',
          },
        ],
      },
    ],
  };
}
