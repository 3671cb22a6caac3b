import type { MrkdwnElement, PlainTextElement } from '../blockKit';

/** Member-typed text shown in mrkdwn: &, < and > would otherwise become mentions or links. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a limit counted in UTF-16 units (what Slack counts), ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair.
  const safe = /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  return `${safe}…`;
}

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function mrkdwn(text: string, max = 3000): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}

/**
 * A time every viewer sees in their own time zone. Slack writes a near day as "today", "tomorrow" or
 * "yesterday" (「今日」「明日」「昨日」), so it must stand where those words read right: "until …",
 * "due …", 「…まで」. After "on" or 「…に」 use slackCalendarDate.
 */
export function slackDate(date: Date, fallback: string): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/**
 * A day always written as a date ("Nov 23", 「11月23日」), never as "today" or "tomorrow": for
 * sentences that put "on" or 「に」 next to it, where Slack's near-day words would read "on today".
 */
export function slackCalendarDate(date: Date, fallback: string, withTime = false): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short}${withTime ? ' {time}' : ''}|${fallback}>`;
}
