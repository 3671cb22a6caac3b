import { z } from 'zod';
import { tagLabel } from '../../interests/labels';
import { joinList, messages, type Locale } from '../../i18n';
import type { AvailabilityMessages } from '../../availability/service';
import { AVAILABILITY_DAYS, type FlagState, type TalentResult } from '../../availability/types';
import { OPEN_TO_FLAGS, openToSchema, type OpenToFlag } from '../../members/types';
import type { Button, KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mention, mrkdwn, plain, truncate } from './text';

/**
 * What each re-ask button carries: the flag it is about (none for Keep all) and every flag the DM
 * asked about, so that the message can be redrawn with each one's state after any press.
 */
export const askButtonSchema = z.object({
  flag: openToSchema.optional(),
  asked: z.array(openToSchema).min(1).max(OPEN_TO_FLAGS.length),
});
export type AskButton = z.infer<typeof askButtonSchema>;

/** Parses a button value; undefined for anything we did not send. */
export function parseAskButton(value: string | undefined): AskButton | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = askButtonSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function slackDay(date: Date): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty}|${date.toISOString().slice(0, 10)}>`;
}

/** The re-ask DM, and the same message redrawn after each button: pending flags keep their buttons. */
export function availabilityAsk(flags: readonly FlagState[], locale: Locale): SlackMessage {
  const m = messages(locale);
  const a = m.availability;
  const asked: OpenToFlag[] = flags.map((f) => f.flag);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(a.askTitle, 150) },
    { type: 'section', text: mrkdwn(a.askIntro(AVAILABILITY_DAYS)) },
  ];
  for (const item of flags) {
    const name = m.openTo[item.flag];
    if (item.state === 'gone' || item.expiresAt === null) {
      blocks.push({ type: 'section', text: mrkdwn(a.goneFlag(name)) });
      continue;
    }
    if (item.state === 'kept') {
      blocks.push({ type: 'section', text: mrkdwn(a.keptFlag(name, slackDay(item.expiresAt))) });
      continue;
    }
    const value = (flag?: OpenToFlag): string =>
      JSON.stringify({ ...(flag === undefined ? {} : { flag }), asked });
    const buttons: Button[] = [
      {
        type: 'button',
        action_id: ACTION.availabilityKeep,
        style: 'primary',
        text: plain(a.keep, 75),
        value: value(item.flag),
      },
      {
        type: 'button',
        action_id: ACTION.availabilityDrop,
        text: plain(a.drop, 75),
        value: value(item.flag),
      },
    ];
    blocks.push({ type: 'section', text: mrkdwn(a.askFlag(name, slackDay(item.expiresAt))) });
    blocks.push({ type: 'actions', block_id: `availability.flag.${item.flag}`, elements: buttons });
  }
  const pending = flags.filter((f) => f.state === 'pending');
  if (pending.length > 1) {
    blocks.push({
      type: 'actions',
      block_id: 'availability.all',
      elements: [
        {
          type: 'button',
          action_id: ACTION.availabilityKeepAll,
          text: plain(a.keepAll, 75),
          value: JSON.stringify({ asked }),
        },
      ],
    });
  }
  if (pending.length === 0) blocks.push({ type: 'section', text: mrkdwn(a.allDone) });
  else blocks.push({ type: 'context', elements: [mrkdwn(a.footer)] });
  return {
    text: a.notification(
      joinList(
        locale,
        flags.map((f) => m.openTo[f.flag]),
      ),
    ),
    blocks,
  };
}

export function availabilityMessages(): AvailabilityMessages {
  return { ask: availabilityAsk };
}

/** HR's `talent` results: what each member's visibility lets HR see, with the tags that matched. */
export function talentMessage(result: Extract<TalentResult, { ok: true }>, locale: Locale): SlackMessage {
  const m = messages(locale);
  const t = m.talent;
  const tags = joinList(
    locale,
    result.tags.map((tag) => `\`${escapeMrkdwn(truncate(tagLabel(tag, locale), 50))}\``),
  );
  const what =
    result.source.kind === 'role'
      ? t.forRole(result.source.jobId, escapeMrkdwn(truncate(result.source.title, 150)))
      : tags;
  if (result.matches.length === 0) return { text: t.none(what) };
  const header = t.header(what, result.total);
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`*${header}*`) }];
  if (result.source.kind === 'role') blocks.push({ type: 'context', elements: [mrkdwn(tags)] });
  for (const { candidate, matchedTags } of result.matches) {
    const now = [candidate.title, candidate.company]
      .filter((part): part is string => part !== null)
      .map((part) => escapeMrkdwn(truncate(part, 100)));
    const parts = [
      mention(candidate.userId),
      candidate.displayName === null ? undefined : `*${escapeMrkdwn(truncate(candidate.displayName, 80))}*`,
      now.length > 0 ? now.join(m.profile.at) : undefined,
      candidate.location === null ? undefined : escapeMrkdwn(truncate(candidate.location, 100)),
      candidate.yearsFrom === null && candidate.yearsTo === null
        ? undefined
        : m.intros.introYears(String(candidate.yearsFrom ?? '?'), String(candidate.yearsTo ?? '?')),
    ].filter((part): part is string => part !== undefined);
    const matched = t.matched(
      joinList(
        locale,
        matchedTags.map((tag) => `\`${escapeMrkdwn(truncate(tagLabel(tag, locale), 50))}\``),
      ),
    );
    blocks.push({
      type: 'section',
      text: mrkdwn(`${parts.join(' · ')}\n${matched} · ${t.until(slackDay(candidate.comebackUntil))}`),
    });
  }
  if (result.total > result.matches.length)
    blocks.push({ type: 'context', elements: [mrkdwn(t.more(result.matches.length))] });
  blocks.push({ type: 'context', elements: [mrkdwn(t.note)] });
  return { text: header, blocks };
}
