/** A message a Slack permalink points at. */
export interface LinkedMessage {
  readonly channelId: string;
  readonly ts: string;
  /** The link as it was given, without Slack's angle brackets. */
  readonly url: string;
}

/*
 * https://<team>.slack.com/archives/<channel>/p<ts without its dot>, optionally with ?thread_ts=…&cid=…
 * (a reply in a thread). Slack also serves workspaces at enterprise.slack.com and GovSlack at
 * slack-gov.com. A slash command with should_escape sends a link as <url> or <url|label>.
 */
const PERMALINK =
  /^https:\/\/[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.slack(?:-gov)?\.com\/archives\/([CGD][A-Z0-9]{2,})\/p(\d{10})(\d{6})(?:\?[^\s<>|]*)?$/;

/** The channel and ts of a Slack message link, or undefined when the text is not one. */
export function parsePermalink(text: string): LinkedMessage | undefined {
  const trimmed = text.trim();
  const unwrapped = /^<([^<>|]+)(?:\|[^<>]*)?>$/.exec(trimmed)?.[1] ?? trimmed;
  const match = PERMALINK.exec(unwrapped);
  if (match === null) return undefined;
  const [, channelId, seconds, micros] = match;
  if (channelId === undefined || seconds === undefined || micros === undefined) return undefined;
  return { channelId, ts: `${seconds}.${micros}`, url: unwrapped };
}
