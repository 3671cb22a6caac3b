/**
 * Helpers for front-door tests that play the part of Slack calling the app over HTTP:
 * request signing (v0 scheme), form bodies, and a signed POST over real HTTP.
 *
 * Signature scheme (Slack "verifying requests" docs, and what Bolt checks):
 *   X-Slack-Request-Timestamp: <unix seconds>
 *   X-Slack-Signature: 'v0=' + hex(HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`))
 */
import { createHmac } from 'node:crypto';

/** 'v0=' + hex HMAC-SHA256 of `v0:${timestamp}:${rawBody}` keyed with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${rawBody}`, 'utf8')
    .digest('hex');
  return `v0=${digest}`;
}

/** application/x-www-form-urlencoded body from flat string fields (as Slack sends slash commands). */
export function formEncode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Interactivity body as Slack sends it: a single `payload` field holding the JSON payload. */
export function interactivityBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface SignedResponse {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface PostSignedOptions {
  signingSecret: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Extra headers (e.g. X-Slack-Retry-Num); they override the computed ones. */
  headers?: Record<string, string>;
  /** Set false to send the request without signature headers. Default true. */
  sign?: boolean;
}

/** POSTs `rawBody` to `url` with Slack's signature headers, using the global fetch. */
export async function postSigned(
  url: string,
  rawBody: string,
  opts: PostSignedOptions,
): Promise<SignedResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'Content-Type': opts.contentType };
  if (opts.sign !== false) {
    headers['X-Slack-Request-Timestamp'] = String(timestamp);
    headers['X-Slack-Signature'] = slackSignature(opts.signingSecret, timestamp, rawBody);
  }
  Object.assign(headers, opts.headers ?? {});
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  const text = await response.text();
  let json: unknown = undefined;
  if (text.length > 0) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, text, json };
}
