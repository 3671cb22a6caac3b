import { joinList, labelled, messages, person, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { CoffeeMessages } from '../../coffee/service';
import type { JobContact } from '../../coffee/types';
import type { Job } from '../../jobs/types';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import { leadWithButtons, type SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain } from './text';
import { actionButton } from './buttons';

function tagList(tags: readonly string[], locale: Locale): string {
  return joinList(
    locale,
    tags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, locale))}\``),
  );
}

/** The curious member's ephemeral confirmation, with the offer of a chat under it. */
export function curiousWithOffer(text: string, jobId: number, locale: Locale): SlackMessage {
  const m = messages(locale).coffee;
  return {
    text: `${text}\n${m.offer}`,
    blocks: [
      { type: 'section', text: mrkdwn(text) },
      { type: 'section', text: mrkdwn(m.offer) },
      {
        type: 'actions',
        block_id: `coffee.offer.${jobId}`,
        elements: [
          {
            type: 'button',
            action_id: ACTION.coffeeRequest,
            style: 'primary',
            text: plain(m.offerButton, 75),
            value: String(jobId),
          },
        ],
      },
    ],
  };
}

/** A DM's text with its answer shown in place of the buttons (after Confirm / Accept / …). */
export function answeredMessage(lead: string, answer: string): SlackMessage {
  return {
    text: answer,
    blocks: [
      { type: 'section', text: mrkdwn(lead) },
      { type: 'context', elements: [mrkdwn(answer)] },
    ],
  };
}

function buttonsMessage(
  lead: string,
  blockId: string,
  value: string,
  yes: { id: string; text: string },
  no: { id: string; text: string },
): SlackMessage {
  return leadWithButtons(
    lead,
    [actionButton(yes.id, yes.text, value, 'primary'), actionButton(no.id, no.text, value)],
    blockId,
  );
}

export function inviteLead(job: Job, locale: Locale): string {
  return messages(locale).coffee.inviteDm(escapeMrkdwn(job.title), job.id);
}

export function askLead(job: Job, member: string, locale: Locale): string {
  return messages(locale).coffee.askDm(mention(member), escapeMrkdwn(job.title), job.id);
}

/** `job contacts <id>`: each contact with their state, and the role's coffee-chat counts. */
export function contactsList(
  job: Job,
  contacts: readonly JobContact[],
  counts: { requested: number; held: number },
  locale: Locale,
): SlackMessage {
  const m = messages(locale).coffee;
  const title = escapeMrkdwn(job.title);
  if (contacts.length === 0) return { text: m.listNone(title) };
  const lines = contacts.map(
    (contact) => `• ${labelled(locale, person(locale, contact.userId), m.state[contact.status])}`,
  );
  const text = [m.listHeading(title, job.id), ...lines, m.listCounts(counts.requested, counts.held)].join(
    '\n',
  );
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** The DMs and the group DM coffee chats queue in the outbox. */
export function coffeeMessages(): CoffeeMessages {
  return {
    invite: (job, contact, locale) => {
      const m = messages(locale).coffee;
      return buttonsMessage(
        inviteLead(job, locale),
        `coffee.invite.${contact.id}`,
        String(contact.id),
        { id: ACTION.coffeeInviteConfirm, text: m.confirmButton },
        { id: ACTION.coffeeInviteDecline, text: m.declineButton },
      );
    },
    ask: (job, ask, member, locale) => {
      const m = messages(locale).coffee;
      return buttonsMessage(
        askLead(job, member, locale),
        `coffee.ask.${ask.id}`,
        String(ask.id),
        { id: ACTION.coffeeAskAccept, text: m.acceptButton },
        { id: ACTION.coffeeAskDecline, text: m.notNowButton },
      );
    },
    group: (job, group, languages) => {
      const people = group.recruiter === null ? 'two' : 'three';
      const inLanguage = (locale: Locale): { lead: string; lines: string } => {
        const m = messages(locale).coffee;
        const lead = m.groupIntro(
          mention(group.member),
          mention(group.contact),
          escapeMrkdwn(job.title),
          job.id,
        );
        const lines = [lead];
        if (group.recruiter !== null) lines.push(m.groupRecruiter(mention(group.recruiter)));
        if (group.sharedTags !== undefined && group.sharedTags.length > 0)
          lines.push(m.groupShared(tagList(group.sharedTags, locale)));
        lines.push(m.groupSuggest[people]);
        return { lead, lines: lines.join('\n') };
      };
      // Written for everyone in it: once when they read one language, in each in turn when not.
      const versions = [...new Set(languages)].map(inLanguage);
      const blocks: KnownBlock[] = versions.flatMap(({ lines }, index) => [
        ...(index > 0 ? [{ type: 'divider' } as const] : []),
        { type: 'section', text: mrkdwn(lines) } as const,
      ]);
      return { text: versions.map(({ lead }) => lead).join(' / '), blocks };
    },
    held: (job, locale) => {
      const text = messages(locale).coffee.heldDm(escapeMrkdwn(job.title));
      return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
    },
    unavailable: (job, locale) => {
      const text = messages(locale).coffee.unavailableDm(escapeMrkdwn(job.title));
      const apply = messages(locale).jobs.applyButton;
      return {
        text,
        blocks: [
          { type: 'section', text: mrkdwn(text) },
          {
            type: 'actions',
            block_id: `coffee.apply.${job.id}`,
            elements: [
              {
                type: 'button',
                action_id: ACTION.jobApply,
                text: plain(apply, 75),
                url: job.applyUrl,
                value: String(job.id),
              },
            ],
          },
        ],
      };
    },
  };
}
