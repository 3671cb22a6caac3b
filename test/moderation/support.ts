import { reportForm, resolveReportForm } from '../../src/slack/forms/reportForm';
import type { RecordedCall } from '../support/fakeSlack';
import { fillForm, type Values } from '../support/forms';
import { interactivityBody, type SignedResponse } from '../support/signing';
import { allText, type TestBot } from '../support/testBot';
import messageShortcutFixture from '../fixtures/payloads/message_shortcut.json';
import { buttons, dmsTo } from '../asks/support';

export { buttons, dmsTo };

export const MOD_CHANNEL = 'C0MODS01';
/** The channel where the reported messages are. */
export const GENERAL = 'C0GENRL1';
export const ENV = { MODERATION_CHANNEL_ID: MOD_CHANNEL };

/**
 * A message shortcut (`callbackId`) pressed by `user` on a message in a channel: `author` wrote it
 * (null for a bot's message, which has no user). The payload is the fixture's, with these ids.
 */
export async function messageShortcut(
  tb: TestBot,
  callbackId: string,
  user: string,
  target: { channel: string; ts: string; author: string | null },
): Promise<SignedResponse> {
  const message: Record<string, unknown> = { ...messageShortcutFixture.message, ts: target.ts };
  delete message.user;
  if (target.author !== null) message.user = target.author;
  const payload = {
    ...messageShortcutFixture,
    callback_id: callbackId,
    user: { ...messageShortcutFixture.user, id: user },
    channel: { ...messageShortcutFixture.channel, id: target.channel },
    trigger_id: `trig-${user}-${Date.now()}`,
    message_ts: target.ts,
    message,
    response_url: tb.fake.responseUrl(),
  };
  const response = await tb.post(interactivityBody(payload), 'application/x-www-form-urlencoded');
  await tb.settle();
  return response;
}

/** A message a member wrote in GENERAL (in the fake's history, so its author can be read from a link). */
export function messageBy(
  tb: TestBot,
  author: string,
  text = 'something rude',
): { channel: string; ts: string } {
  const ts = tb.fake.memberMessage(GENERAL, author, text);
  return { channel: GENERAL, ts };
}

/** Slack's permalink of that message, as the fake gives it (and as members paste it). */
export function linkTo(message: { channel: string; ts: string }): string {
  return `https://alumni-test.slack.com/archives/${message.channel}/p${message.ts.replace('.', '')}`;
}

export interface ReportFields {
  link?: string | null;
  reason?: string | null;
  note?: string;
  share?: boolean;
}

/** The report form as Slack sends it; from the shortcut the link field is not shown. */
export function reportValues(fields: ReportFields, withLink = false): Values {
  return fillForm(
    reportForm,
    {
      link: fields.link,
      reason: fields.reason === undefined ? 'conduct:0' : fields.reason,
      note: fields.note,
      share: fields.share === true ? ['share'] : [],
    },
    withLink ? [] : ['link'],
  );
}

export function resolveValues(note: string | null): Values {
  return fillForm(resolveReportForm, { note });
}

/** The last modal opened with views.open. */
export function openedView(tb: TestBot): {
  callback_id?: string;
  private_metadata: string;
  blocks: unknown[];
} {
  const view = tb.fake.callsTo('views.open').at(-1)?.args.view as
    { callback_id?: string; private_metadata: string; blocks: unknown[] } | undefined;
  if (view === undefined) throw new Error('no modal was opened');
  return view;
}

/** Shortcut on a message, then the form submitted as opened: the submission's response. */
export async function reportByShortcut(
  tb: TestBot,
  reporter: string,
  message: { channel: string; ts: string },
  author: string | null,
  fields: ReportFields = {},
): Promise<Record<string, unknown>> {
  await messageShortcut(tb, 'report.message', reporter, { ...message, author });
  const view = openedView(tb);
  const response = await tb.submit('report.modal', reportValues(fields), reporter, view.private_metadata);
  return response.json as Record<string, unknown>;
}

/** Every post and update of report cards in the moderators' channel. */
export function cardCalls(tb: TestBot): RecordedCall[] {
  return tb.fake.calls.filter(
    (call) =>
      (call.method === 'chat.postMessage' || call.method === 'chat.update') &&
      call.args.channel === MOD_CHANNEL,
  );
}

/** The text of the card as it stands (its last post or update). */
export function cardText(tb: TestBot): string {
  return allText(cardCalls(tb).at(-1)?.args.blocks);
}

/** A card button's value and id, by action id. */
export function cardButtons(tb: TestBot): string[] {
  return buttons(cardCalls(tb).at(-1)?.args.blocks).map((button) => String(button.action_id));
}

export async function reportRows(tb: TestBot): Promise<Record<string, unknown>[]> {
  return tb.rows('SELECT * FROM reports ORDER BY id');
}

export async function actionRows(
  tb: TestBot,
): Promise<{ actor_id: string | null; action: string; note: string | null }[]> {
  return tb.rows('SELECT actor_id, action, note FROM report_actions ORDER BY id');
}

/** The text of a modal submission's closing view, or of its field errors. */
export function submissionText(response: Record<string, unknown>): string {
  return allText(response);
}
