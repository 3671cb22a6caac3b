import type { AskItem } from '../../asks/types';
import { messages, type Locale } from '../../i18n';
import type { AskFigures } from '../../storage/asks';
import type { MentoringFigures } from '../../storage/mentoring';
import type { KnownBlock } from '../blockKit';
import { csvFile } from '../csv';
import { sendFileToMember } from '../files';
import { mrkdwn } from '../views/text';
import type { CommandContext } from './context';

// What asks and offers add to `stats` and `stats csv`.

/** Items by type and state, responses, and the helpers their authors thanked. */
export function askStatsBlock(figures: AskFigures, locale: Locale): KnownBlock {
  const m = messages(locale).asks;
  const n = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US');
  const line = (
    say: (open: string, resolved: string, lapsed: string) => string,
    counts: AskFigures['asks'],
  ): string => say(n.format(counts.open), n.format(counts.resolved), n.format(counts.lapsed));
  return {
    type: 'section',
    text: mrkdwn(
      [
        `*${m.statsHeading}*`,
        line(m.statsAsks, figures.asks),
        line(m.statsOffers, figures.offers),
        m.statsHelp(n.format(figures.responses), n.format(figures.helpers)),
      ].join('\n'),
    ),
  };
}

/** Mentors all alumni may see and their free places, pairs by state, requests waiting or unmatched. */
export function mentoringStatsBlock(figures: MentoringFigures, locale: Locale): KnownBlock {
  const m = messages(locale).mentoring;
  const format = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US');
  const n = (value: number): string => format.format(value);
  return {
    type: 'section',
    text: mrkdwn(
      [
        `*${m.statsHeading}*`,
        m.statsMentors(n(figures.mentors), n(figures.freePlaces)),
        m.statsPairs(n(figures.activePairs), n(figures.pausedPairs), n(figures.endedPairs)),
        m.statsRequests(n(figures.pendingRequests), n(figures.unmatchedRequests)),
      ].join('\n'),
    ),
  };
}

// Fixed English column names, as the other stats files have.
const HEADER = [
  'ask_id',
  'type',
  'kind',
  'audience',
  'status',
  'created_at',
  'expires_at',
  'resolved_at',
  'responses',
  'helpers_thanked',
  'title',
  'tags',
];

/**
 * One row per item. The title and tags of an item for matching members only stay out: the file
 * goes to organizers and HR whatever their interests. No member is named.
 */
export function asksCsv(rows: readonly { item: AskItem; responses: number; thanked: number }[]): string {
  return csvFile(
    HEADER,
    rows.map(({ item, responses, thanked }) => {
      const open = item.audience === 'all';
      return [
        String(item.id),
        item.type,
        item.kind,
        item.audience,
        item.status,
        item.createdAt.toISOString(),
        item.expiresAt.toISOString(),
        item.resolvedAt?.toISOString() ?? '',
        String(responses),
        String(thanked),
        open ? item.title : '',
        open ? item.tags.join(', ') : '',
      ];
    }),
  );
}

/** `stats csv`: the asks file, when there is any item; the words to add to the confirmation. */
export async function sendAsksCsv(
  ctx: CommandContext,
  day: string,
  hr: boolean,
): Promise<string | undefined> {
  const rows = await ctx.services.asks.export(ctx.userId);
  if (rows.length === 0) return undefined;
  const m = messages(ctx.locale).asks;
  await sendFileToMember(ctx.client, ctx.userId, {
    filename: `asks-and-offers-${day}.csv`,
    title: m.csvTitle,
    content: asksCsv(rows),
    comment: m.csvTitle,
  });
  return hr ? m.csvSent : m.csvSentEvents;
}
