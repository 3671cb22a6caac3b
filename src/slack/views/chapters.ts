import type { ChapterFigures, ChapterListing } from '../../chapters/types';
import { messages, type Locale } from '../../i18n';
import type { KnownBlock } from '../blockKit';
import { ACTION } from '../ids';
import type { SlackMessage } from './message';
import { escapeMrkdwn, mrkdwn, plain } from './text';

// Chapters (issue 14 §4): the `chapters` list, App Home's section and the `stats` block.

/** Chapters on App Home: the member's own first. Home's budget counts 1 + this + 1 blocks (home/service.ts). */
export const CHAPTERS_ON_HOME = 5;

function line(chapter: ChapterListing, locale: Locale): string {
  const m = messages(locale).chapters;
  const base = m.listLine(escapeMrkdwn(chapter.name), `<#${chapter.channelId}>`, m.members(chapter.members));
  const mine = chapter.leads ? m.youLead : chapter.joined ? m.youAreIn : undefined;
  return mine === undefined ? base : `${base} · _${mine}_`;
}

/** `chapters`: every active chapter with its size (hidden members only in company) and where the reader stands. */
export function chapterListMessage(chapters: readonly ChapterListing[], locale: Locale): SlackMessage {
  const m = messages(locale).chapters;
  if (chapters.length === 0) return { text: m.listNone };
  // One section per 20 chapters keeps each within Slack's 3,000 characters.
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.listHeading, 150) }];
  for (let at = 0; at < chapters.length && blocks.length < 48; at += 20)
    blocks.push({
      type: 'section',
      text: mrkdwn(
        chapters
          .slice(at, at + 20)
          .map((chapter) => line(chapter, locale))
          .join('\n'),
      ),
    });
  blocks.push({ type: 'context', elements: [mrkdwn(m.listHint)] });
  const text = [m.listHeading, ...chapters.map((chapter) => line(chapter, locale))].join('\n');
  return { text: text.slice(0, 3000), blocks };
}

/** App Home: the member's chapters first, each with Join or Leave; the rest are a `chapters` away. */
export function homeChapterBlocks(chapters: readonly ChapterListing[], locale: Locale): KnownBlock[] {
  const m = messages(locale).chapters;
  if (chapters.length === 0) return [];
  const mineFirst = [...chapters].sort((a, b) => Number(b.joined) - Number(a.joined));
  const shown = mineFirst.slice(0, CHAPTERS_ON_HOME);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.homeHeading, 150) }];
  for (const chapter of shown)
    blocks.push({
      type: 'section',
      text: mrkdwn(line(chapter, locale)),
      accessory: {
        type: 'button',
        action_id: chapter.joined ? ACTION.chapterLeave : ACTION.chapterJoin,
        text: plain(chapter.joined ? m.homeLeave : m.homeJoin, 75),
        value: String(chapter.id),
        ...(chapter.joined ? {} : { style: 'primary' as const }),
      },
    });
  if (chapters.length > shown.length)
    blocks.push({ type: 'context', elements: [mrkdwn(m.homeMore(chapters.length - shown.length))] });
  return blocks;
}

/** `stats`: members and events per chapter (hidden members only in company). */
export function chapterStatsBlock(figures: readonly ChapterFigures[], locale: Locale): KnownBlock {
  const m = messages(locale).chapters;
  const n = (value: number): string => value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');
  const lines = figures.map((row) =>
    m.statsLine(escapeMrkdwn(row.name), n(row.members), n(row.upcomingEvents), n(row.pastEvents)),
  );
  const body = lines.length === 0 ? m.statsNone : lines.join('\n');
  return { type: 'section', text: mrkdwn(`*${m.statsHeading}*\n${body}`.slice(0, 3000)) };
}
