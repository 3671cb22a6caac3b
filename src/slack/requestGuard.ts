import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { AckFirst } from './ackFirst';

/**
 * The outer shape of every body Slack sends to /slack/events, and that our listeners rely on.
 * Only the envelope: what is inside a form's state or an event is judged by the listener.
 */
const userRef = z.object({ id: z.string().min(1) }).loose();
const blockActions = z
  .object({
    type: z.literal('block_actions'),
    user: userRef,
    container: z.object({ type: z.string() }).loose(),
    actions: z.array(z.object({ action_id: z.string() }).loose()).min(1),
  })
  .loose();
const viewPayload = z
  .object({
    type: z.enum(['view_submission', 'view_closed']),
    user: userRef,
    view: z.object({ id: z.string().min(1), callback_id: z.string(), state: z.object({}).loose() }).loose(),
  })
  .loose();
// A message shortcut (Report to moderators): the listener reads the message it names.
const messageAction = z
  .object({
    type: z.literal('message_action'),
    user: userRef,
    callback_id: z.string().min(1),
    trigger_id: z.string().min(1),
  })
  .loose();
const interactivePayload = z.union([blockActions, viewPayload, messageAction]);
const eventsApiBody = z.union([
  z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string() }).loose() }).loose(),
  z.object({ type: z.literal('url_verification'), challenge: z.string() }).loose(),
  z.object({ type: z.literal('app_rate_limited') }).loose(),
]);
// A form field given twice parses as an array; Slack never sends one twice.
const slashCommand = z
  .record(z.string(), z.string())
  .and(z.object({ command: z.string().min(1), user_id: z.string().min(1) }));

export type EnvelopeVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function judge(schema: z.ZodType, value: unknown, what: string): EnvelopeVerdict {
  // The reason names the shape only: a body can hold what members typed, and that stays out of the log.
  return schema.safeParse(value).success ? { ok: true } : { ok: false, reason: `not ${what}` };
}

/**
 * Reads a raw body the way Bolt's HTTP receiver will (form fields, a form's `payload` JSON, or
 * JSON) and says whether it has the shape Slack sends. Bolt reads `body.ssl_check` before any
 * check of its own, so a body of `null` would otherwise throw outside every handler.
 */
export function checkEnvelope(rawBody: string, contentType: string | undefined): EnvelopeVerdict {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseForm(rawBody);
    if (fields.ssl_check === '1') return { ok: true };
    if ('payload' in fields) {
      const { payload } = fields;
      if (typeof payload !== 'string') return { ok: false, reason: 'one payload field' };
      const parsed = parseJson(payload);
      return parsed.ok
        ? judge(interactivePayload, parsed.value, 'an interactivity payload')
        : { ok: false, reason: 'payload is not JSON' };
    }
    return judge(slashCommand, fields, 'a slash command');
  }
  const parsed = parseJson(rawBody);
  return parsed.ok
    ? judge(eventsApiBody, parsed.value, 'an Events API body')
    : { ok: false, reason: 'body is not JSON' };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly endpoints: readonly string[];
  readonly logger: Logger;
  readonly bodyLimit?: number;
  /** Told of each request to the endpoints until it is answered, so that acks go before follow-up work. */
  readonly ackFirst?: AckFirst;
}

/**
 * Wraps Bolt's HTTP request listener: a POST to the events endpoint is read first and its body
 * checked with `checkEnvelope`; a good one goes on to Bolt (which reuses the buffered body and
 * checks the signature itself). A malformed body is answered at once: 400 when it is correctly
 * signed, 401 when it is not, so a forgery learns nothing about our parsing.
 */
export function guardRequests(inner: RequestListener, options: RequestGuardOptions): RequestListener {
  const { logger } = options;
  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let rawBody: string;
    try {
      const buffered = await HTTPModuleFunctions.bufferIncomingMessage(
        req,
        options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit,
      );
      rawBody = buffered.rawBody.toString();
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      logger.warn(
        tooLarge
          ? 'request body over the size limit; answered 413'
          : 'request body could not be read; answered 400',
      );
      answer(res, tooLarge ? 413 : 400);
      return;
    }
    const verdict = checkEnvelope(rawBody, header(req, 'content-type'));
    if (verdict.ok) {
      inner(req, res);
      return;
    }
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const signed =
      signature !== undefined &&
      isValidSlackRequest({
        signingSecret: options.signingSecret,
        body: rawBody,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });
    if (signed)
      logger.warn(`refused a signed request whose body is malformed (${verdict.reason}); answered 400`);
    else logger.warn('refused an unsigned request; answered 401');
    answer(res, signed ? 400 : 401);
  };
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method?.toUpperCase() !== 'POST' || !options.endpoints.includes(path)) {
      // Health checks and anything else: Bolt's own routing (and its 404) as before.
      inner(req, res);
      return;
    }
    const answered = options.ackFirst?.arrived();
    if (answered !== undefined) {
      res.once('finish', answered);
      res.once('close', answered);
    }
    screen(req, res).catch((error: unknown) => {
      logger.error('request guard failed:', error);
      answer(res, 500);
    });
  };
}
