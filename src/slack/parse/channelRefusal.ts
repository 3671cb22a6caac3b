import type { ChannelRefused } from '../../audience/types';
import type { FieldErrors } from './profileForm';

/** A form's words for a refused channel, from its own catalogue section (each names its kind of post). */
export interface ChannelRefusalTexts {
  readonly channelNotMember: string;
  readonly channelUnreadable: string;
  readonly channelUnavailable: string;
}

/**
 * The channel field's error when the submitter may not post there: not a member, the bot cannot
 * see the channel, or Slack did not answer in time. One mapping for the event, role and
 * announcement forms, so that they cannot drift apart.
 */
export function channelRefusal(
  reason: ChannelRefused['reason'],
  block: string,
  texts: ChannelRefusalTexts,
): FieldErrors {
  const text =
    reason === 'not_member'
      ? texts.channelNotMember
      : reason === 'unreadable'
        ? texts.channelUnreadable
        : texts.channelUnavailable;
  return { [block]: text };
}
