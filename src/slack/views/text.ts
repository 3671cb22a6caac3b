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

/** A time every viewer sees in their own time zone. */
export function slackDate(date: Date, fallback: string): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}
