/**
 * FakeSlack: a fake Slack Web API (and Socket Mode link) over real HTTP, for front-door tests.
 *
 * - Web API at `apiUrl` ('http://127.0.0.1:<port>/api/'): requests are parsed the way @slack/web-api sends them
 *   (application/x-www-form-urlencoded with non-scalar values JSON-stringified; JSON bodies; multipart;
 *   query-string arguments), the token is taken from `Authorization: Bearer …` (or a `token` field) and kept
 *   out of `args`. Fields that carry JSON (blocks, view, metadata, files, …) are decoded back into objects.
 *   Scalars stay as sent: over a form body booleans and numbers arrive as strings ('true', '20').
 * - Every call is checked against the method table (checkWebApiCall) and, for messages and views, against
 *   Block Kit rules (checkBlockKit); findings land in `violations`, prefixed with the method name. The call is
 *   still answered normally: tests should assert `violations` is empty.
 * - `response_url`s handed out by `responseUrl()` (any POST to /response/<id>) are recorded in `responses`.
 * - `files.getUploadURLExternal` hands out /upload/<fileId>; the bytes POSTed there land in `uploads`.
 * - `shareFile` puts a member's file share in a conversation's history (a message with `files`, as
 *   Slack's own upload leaves); `files.info` describes it, and its `url_private_download` serves the bytes
 *   to a request with a bot token (Authorization: Bearer xoxb-…), as files.slack.com does.
 * - `users.info` gives `profile.email` when setUser gave one (Slack does so with users:read.email).
 * - Channels: by default every channel is public and holds every user the fake has heard of (setUser,
 *   users.info, noteWorkspaceUser). `declareChannel` makes one private or public with given members; then
 *   `conversations.info`, `conversations.members` (paginated with `limit` and `cursor`), `conversations.join`
 *   and `chat.postMessage` answer as Slack would, e.g. `channel_not_found` for a private channel the bot
 *   is not in. `conversations.create` makes such a channel (with Slack's name rules and `name_taken`),
 *   `conversations.invite`, `conversations.archive` and `pins.add` change it; `memberMessage` puts a
 *   member's message in a channel's history, as if they had written it.
 * - Socket Mode: `apps.connections.open` returns ws://127.0.0.1:<port>/link?…; the fake sends `hello` on
 *   connection, `socket.sendEnvelope` delivers an envelope and resolves with the client's ack.
 *
 * Message timestamps follow the clock (microseconds, strictly increasing, e.g. '1732400000.123400'), so that
 * `oldest`/`latest` filters computed from Date.now() behave as with Slack.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { checkWebApiCall } from './webApiMethods';
import { checkBlockKit, type Surface } from './blockKit';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status the fake answered with (200 unless an override said otherwise). */
  status: number;
  /** The body the fake answered with (a JSON value, or a string for raw bodies). */
  response: unknown;
}

export type FakeReply = { status?: number; headers?: Record<string, string>; body?: unknown };

export interface RecordedResponse {
  path: string;
  body: Record<string, unknown>;
}

export interface RecordedUpload {
  fileId: string;
  content: Buffer;
}

export interface FakeUserInfo {
  locale?: string;
  tz?: string;
  name?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** The member's email, as users.info gives it in profile.email. */
  email?: string;
}

/** A file a member shares (see shareFile). */
export interface FakeSharedFile {
  name: string;
  content: string | Buffer;
  /** Slack's filetype, e.g. 'csv'; from the name's extension when not given. */
  filetype?: string;
}

export interface FakeChannel {
  isPrivate: boolean;
  /** Human members; the bot is a member too unless botIsMember is false. */
  members: string[];
  botIsMember?: boolean;
  /** Its name (conversations.create answers name_taken for it); the id in lower case otherwise. */
  name?: string;
  /** Made by the bot (as conversations.create does), rather than by a member. */
  madeByBot?: boolean;
}

/** A declared or created channel as the fake holds it. */
export interface FakeChannelState {
  readonly isPrivate: boolean;
  readonly members: ReadonlySet<string>;
  readonly botIsMember: boolean;
  readonly name: string | undefined;
  readonly archived: boolean;
  /** Timestamps of the pinned messages. */
  readonly pins: ReadonlySet<string>;
}

interface ChannelState {
  isPrivate: boolean;
  members: Set<string>;
  botIsMember: boolean;
  name: string | undefined;
  archived: boolean;
  pins: Set<string>;
  /** Who made it: the bot for channels made by conversations.create, a member otherwise. */
  creator: string;
}

/** Slack's channel names: lower case letters, digits, hyphens and underscores, 80 at most. */
function channelNameError(name: string): string | undefined {
  if (name === '') return 'invalid_name_required';
  if (name.length > 80) return 'invalid_name_maxlength';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'invalid_name_specials';
  return undefined;
}

/** May answer later (a promise), e.g. after writing to the database as another replica would. */
export type OverrideHandler = (
  args: Record<string, unknown>,
  callIndex: number,
) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeSocket {
  /** Resolves once a Socket Mode client is connected and has been sent `hello` (at once if one already is). */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to the most recently connected client; resolves with its ack `{ envelope_id, payload? }`. */
  sendEnvelope(envelope: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends Slack's `disconnect` message (the client is expected to reconnect). */
  sendDisconnect(reason?: string): void;
  /** Number of open Socket Mode connections. */
  clientCount(): number;
}

export const FAKE_TEAM_ID = 'T111';
export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';
export const FAKE_APP_ID = 'A111';
const TEAM_NAME = 'Homecoming Test';
const TEAM_URL = 'https://homecoming-test.slack.com/';
const BOT_NAME = 'homecoming';
const DEFAULT_LOCALE = 'en-US';
const DEFAULT_TZ = 'Asia/Tokyo';
const DEFAULT_TIMEOUT_MS = 3000;
const MAX_BODY_BYTES = 50 * 1024 * 1024;
const RESPONSE_URL_MAX_USES = 5;

/** Argument names whose values are JSON documents when they arrive as strings. */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'files',
  'unfurls',
  'user_auth_blocks',
  'prompts',
  'outputs',
]);
/** Argument names that are free text and must never be JSON-decoded even if they look like JSON. */
const TEXT_FIELDS = new Set([
  'text',
  'markdown_text',
  'initial_comment',
  'title',
  'alt_text',
  'filename',
  'query',
]);
/** Methods whose arguments form a message (checked as the Block Kit 'message' surface). */
const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
]);
/** Methods an app-level (xapp-) token may call. */
/** The member who made every channel a test declares (channels the bot creates name the bot). */
const FAKE_CHANNEL_CREATOR = 'U0CREATOR';
const APP_TOKEN_METHODS = new Set(['apps.connections.open', 'auth.test', 'api.test']);

type Json = Record<string, unknown>;
type DefaultHandler = (args: Json, token: string | undefined) => Json;

interface StoredMessage {
  channel: string;
  message: Json;
}

interface StoredView {
  view: Json;
  hash: string;
}

interface Waiter {
  tryResolve(): boolean;
  fail(error: Error): void;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(args: Json, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function flag(args: Json, key: string): boolean {
  const value = args[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

function tsToMicros(ts: string): number {
  const [sec = '0', frac = ''] = ts.split('.');
  return Number(sec) * 1_000_000 + Number(frac.padEnd(6, '0').slice(0, 6) || '0');
}

function microsToTs(micros: number): string {
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function tzDetails(tz: string): { offset: number; label: string } {
  try {
    const now = new Date();
    const offsetName =
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
        .formatToParts(now)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName);
    const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
    const label =
      new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' })
        .formatToParts(now)
        .find((p) => p.type === 'timeZoneName')?.value ?? tz;
    return { offset, label };
  } catch {
    return { offset: 0, label: tz };
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface MultipartPart {
  name?: string;
  filename?: string;
  data: Buffer;
}

function multipartBoundary(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Minimal multipart/form-data parser: enough for fetch's FormData bodies. */
function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing delimiter '--'
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    let end = next;
    if (end >= 2 && body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
      const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
      parts.push({ name, filename, data: Buffer.from(part.subarray(headerEnd + 4)) });
    }
    pos = next;
  }
  return parts;
}

export class FakeSlack {
  readonly apiUrl: string;
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly uploads: RecordedUpload[] = [];
  readonly socket: FakeSocket;

  private readonly baseUrl: string;
  private readonly users = new Map<string, FakeUserInfo>();
  /** Users the fake has heard of: the members of every channel nobody declared. */
  private readonly workspaceUsers = new Set<string>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly overrides = new Map<string, OverrideHandler>();
  private readonly messages: StoredMessage[] = [];
  private readonly scheduled: Json[] = [];
  private readonly views = new Map<string, StoredView>();
  private readonly homeViews = new Map<string, string>();
  private readonly pendingUploads = new Map<string, { filename: string; length: number | undefined }>();
  private readonly sharedFiles = new Map<
    string,
    { name: string; filetype: string; content: Buffer; user: string; created: number }
  >();
  private readonly responseUrlUses = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private readonly sockets = new Set<WebSocket>();
  private readonly ackWaiters = new Map<string, (ack: Json) => void>();
  private readonly handlers: Record<string, DefaultHandler>;
  private lastTsMicros = 0;
  private counter = 0;
  private stopped = false;

  private constructor(
    private readonly server: http.Server,
    private readonly wss: WebSocketServer,
    port: number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.handlers = this.defaultHandlers();
    this.socket = {
      connected: (timeoutMs = DEFAULT_TIMEOUT_MS) => this.socketConnected(timeoutMs),
      sendEnvelope: (envelope, timeoutMs = DEFAULT_TIMEOUT_MS) => this.sendEnvelope(envelope, timeoutMs),
      sendDisconnect: (reason = 'refresh_requested') => this.sendDisconnect(reason),
      clientCount: () => this.openSockets().length,
    };
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.handleRequest(req, res).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.violations.push(`FakeSlack internal error: ${message}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('fake slack internal error');
      });
    });
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', this.baseUrl).pathname;
      if (path !== '/link' && path !== '/link/') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(): Promise<FakeSlack> {
    const server = http.createServer();
    const wss = new WebSocketServer({ noServer: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    return new FakeSlack(server, wss, port);
  }

  // ---------------------------------------------------------------- public API

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  waitForCall(
    method: string,
    predicate?: (c: RecordedCall) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedCall> {
    return this.waitFor(
      () => this.calls.find((c) => c.method === method && (predicate === undefined || predicate(c))),
      () =>
        `FakeSlack: no call to ${method}${predicate ? ' matching the predicate' : ''} within ${timeoutMs} ms. ` +
        `Methods called so far: ${this.describeCalls()}`,
      timeoutMs,
    );
  }

  waitForResponse(
    predicate?: (r: RecordedResponse) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedResponse> {
    return this.waitFor(
      () => this.responses.find((r) => predicate === undefined || predicate(r)),
      () =>
        `FakeSlack: no post to a response_url${predicate ? ' matching the predicate' : ''} within ${timeoutMs} ms ` +
        `(${this.responses.length} seen). Methods called so far: ${this.describeCalls()}`,
      timeoutMs,
    );
  }

  responseUrl(): string {
    return `${this.baseUrl}/response/${this.nextId('R')}`;
  }

  setUser(id: string, info: FakeUserInfo): void {
    this.users.set(id, { ...info });
    this.workspaceUsers.add(id);
  }

  /** A user who is in the workspace (and so in every undeclared channel). */
  noteWorkspaceUser(id: string): void {
    this.workspaceUsers.add(id);
  }

  /** Declares a channel: private or public, with its members. Like users, channels survive reset(). */
  declareChannel(id: string, channel: FakeChannel): void {
    this.channels.set(id, {
      isPrivate: channel.isPrivate,
      members: new Set(channel.members),
      botIsMember: channel.botIsMember ?? true,
      name: channel.name,
      archived: false,
      pins: new Set(),
      creator: channel.madeByBot === true ? FAKE_BOT_USER_ID : FAKE_CHANNEL_CREATOR,
    });
  }

  /** A declared or created channel, or undefined. */
  channel(id: string): FakeChannelState | undefined {
    return this.channels.get(id);
  }

  /** The id of the channel with this name, if one was declared or created. */
  channelNamed(name: string): string | undefined {
    return [...this.channels].find(([, channel]) => channel.name === name)?.[0];
  }

  /**
   * A member's message in a channel's history (as if they had written it in Slack); `ts` defaults
   * to the next timestamp. The test sends the matching message event itself, if it wants one.
   */
  memberMessage(
    channel: string,
    user: string,
    text: string,
    options: { ts?: string; threadTs?: string } = {},
  ): string {
    const ts = options.ts ?? this.nextTs();
    const message: Json = { type: 'message', user, text, team: FAKE_TEAM_ID, ts };
    if (options.threadTs !== undefined) {
      message.thread_ts = options.threadTs;
      const parent = this.findMessage(channel, options.threadTs);
      if (parent !== undefined) {
        parent.message.latest_reply = ts;
        parent.message.reply_count = Number(parent.message.reply_count ?? 0) + 1;
      }
    }
    this.messages.push({ channel, message });
    return ts;
  }

  /**
   * A member shares a file in a conversation (e.g. `D<user>`, their DM with the bot): the message
   * carrying it lands in the history, as Slack's upload leaves it. Returns the file's id.
   */
  shareFile(channel: string, user: string, file: FakeSharedFile, text = ''): string {
    const id = this.nextId('F');
    const filetype = file.filetype ?? (file.name.split('.').pop() ?? 'text').toLowerCase();
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const created = Math.floor(Date.now() / 1000);
    this.sharedFiles.set(id, { name: file.name, filetype, content, user, created });
    const ts = this.nextTs();
    this.messages.push({
      channel,
      message: {
        type: 'message',
        user,
        text,
        team: FAKE_TEAM_ID,
        ts,
        upload: true,
        files: [this.fileObject(id)],
      },
    });
    return id;
  }

  private fileObject(id: string): Json {
    const file = this.sharedFiles.get(id);
    if (file === undefined) return { id };
    const path = `${this.baseUrl}/files-pri/${FAKE_TEAM_ID}-${id}`;
    return {
      id,
      created: file.created,
      timestamp: file.created,
      name: file.name,
      title: file.name,
      mimetype: file.filetype === 'csv' ? 'text/csv' : 'text/plain',
      filetype: file.filetype,
      pretty_type: file.filetype.toUpperCase(),
      user: file.user,
      mode: 'hosted',
      editable: false,
      is_external: false,
      external_type: '',
      size: file.content.length,
      url_private: `${path}/${encodeURIComponent(file.name)}`,
      url_private_download: `${path}/download/${encodeURIComponent(file.name)}`,
    };
  }

  /** Someone joins a declared channel (the test then sends member_joined_channel, as Slack would). */
  addChannelMember(id: string, user: string): void {
    const channel = this.channels.get(id);
    if (channel === undefined) throw new Error(`FakeSlack: channel ${id} was not declared`);
    if (user === FAKE_BOT_USER_ID) channel.botIsMember = true;
    else channel.members.add(user);
  }

  /** Someone leaves a declared channel (the test then sends member_left_channel, as Slack would). */
  removeChannelMember(id: string, user: string): void {
    const channel = this.channels.get(id);
    if (channel === undefined) throw new Error(`FakeSlack: channel ${id} was not declared`);
    if (user === FAKE_BOT_USER_ID) channel.botIsMember = false;
    else channel.members.delete(user);
  }

  /**
   * Replaces the answer for `method`. The handler gets the decoded args and the 0-based index of this call
   * among calls to that method; returning undefined falls back to the default behaviour.
   * A reply without a body gets `{ ok: false, error: 'ratelimited' }` for 429, the default answer for 200,
   * and `{ ok: false, error: 'fake_http_<status>' }` otherwise. A string body is sent raw.
   * The pseudo-method 'response_url' overrides posts to response URLs (args = the posted body).
   */
  override(method: string, handler: OverrideHandler): void {
    this.overrides.set(method, handler);
  }

  /** Clears calls, violations, responses, uploads, overrides and stored messages/views. Users stay. */
  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.responses.length = 0;
    this.uploads.length = 0;
    this.overrides.clear();
    this.messages.length = 0;
    this.scheduled.length = 0;
    this.views.clear();
    this.homeViews.clear();
    this.pendingUploads.clear();
    this.sharedFiles.clear();
    this.responseUrlUses.clear();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiter of [...this.waiters])
      waiter.fail(new Error('FakeSlack stopped while a wait was pending'));
    this.waiters.clear();
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- waiting

  private waitFor<T>(find: () => T | undefined, describe: () => string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let found: T | undefined;
      try {
        found = find();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (found !== undefined) {
        resolve(found);
        return;
      }
      if (this.stopped) {
        reject(new Error('FakeSlack is stopped'));
        return;
      }
      const waiter: Waiter = {
        tryResolve: () => {
          let match: T | undefined;
          try {
            match = find();
          } catch (error) {
            waiter.fail(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (match === undefined) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(match);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(describe())), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.tryResolve();
  }

  private describeCalls(): string {
    if (this.calls.length === 0) return '(none)';
    const counts = new Map<string, number>();
    for (const c of this.calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
    return [...counts].map(([m, n]) => (n > 1 ? `${m} ×${n}` : m)).join(', ');
  }

  // ---------------------------------------------------------------- HTTP

  private async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      await this.handleApi(decodeURIComponent(path.slice('/api/'.length)), req, url, raw, res);
    } else if (path.startsWith('/response/') && req.method === 'POST') {
      await this.handleResponseUrl(path, req, raw, res);
    } else if (path.startsWith('/upload/') && req.method === 'POST') {
      this.handleUpload(decodeURIComponent(path.slice('/upload/'.length)), req, raw, res);
    } else if (path.startsWith('/files-pri/') && req.method === 'GET') {
      this.handleDownload(path, req, res);
    } else {
      this.violations.push(`FakeSlack: unexpected request ${req.method ?? '?'} ${path}`);
      send(res, { status: 404, body: 'not found' });
    }
  }

  private async handleApi(
    method: string,
    req: http.IncomingMessage,
    url: URL,
    raw: Buffer,
    res: http.ServerResponse,
  ): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    const args: Json = {};
    for (const [key, value] of url.searchParams) args[key] = value;
    let parseError: string | undefined;
    if (raw.length > 0) {
      if (/application\/json/i.test(contentType)) {
        try {
          const parsed = JSON.parse(raw.toString('utf8')) as unknown;
          if (isRecord(parsed)) Object.assign(args, parsed);
          else parseError = 'JSON body is not an object';
        } catch {
          parseError = 'JSON body does not parse';
        }
      } else if (/multipart\/form-data/i.test(contentType)) {
        const boundary = multipartBoundary(contentType);
        for (const part of boundary ? parseMultipart(raw, boundary) : []) {
          if (part.name === undefined) continue;
          args[part.name] = part.filename === undefined ? part.data.toString('utf8') : part.data;
        }
      } else {
        for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = value;
      }
    }

    const authorization = req.headers.authorization;
    let token: string | undefined;
    if (authorization !== undefined && /^Bearer\s+/i.test(authorization)) {
      token = authorization.replace(/^Bearer\s+/i, '').trim();
    }
    if (typeof args.token === 'string') {
      token ??= args.token;
      delete args.token;
    }

    const problems: string[] = [];
    if (parseError !== undefined) problems.push(parseError);
    this.decodeJsonFields(args, problems);

    const callIndex = this.callsTo(method).length;
    const call: RecordedCall = { method, args, at: Date.now(), status: 0, response: undefined };
    if (token !== undefined && token !== '') call.token = token;
    this.calls.push(call);

    problems.push(...this.checkCall(method, args));
    const tokenError = this.checkToken(method, token, problems);
    for (const p of problems) this.violations.push(p.startsWith(`${method}:`) ? p : `${method}: ${p}`);

    let reply: FakeReply | undefined;
    const override = this.overrides.get(method);
    if (override !== undefined) reply = await override(args, callIndex);
    if (reply === undefined || ((reply.status ?? 200) === 200 && reply.body === undefined)) {
      const body = tokenError ?? this.defaultAnswer(method, args, token);
      reply = { ...(reply ?? {}), body };
    } else if (reply.body === undefined) {
      const status = reply.status ?? 200;
      reply = {
        ...reply,
        body:
          status === 429 ? { ok: false, error: 'ratelimited' } : { ok: false, error: `fake_http_${status}` },
      };
    }
    call.status = reply.status ?? 200;
    call.response = reply.body;
    send(res, reply);
    this.notify();
  }

  private decodeJsonFields(args: Json, problems: string[]): void {
    for (const [key, value] of Object.entries(args)) {
      if (typeof value !== 'string' || TEXT_FIELDS.has(key)) continue;
      const trimmed = value.trim();
      const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
      if (!JSON_FIELDS.has(key) && !looksJson) continue;
      if (JSON_FIELDS.has(key) && !looksJson) {
        if (trimmed !== '') problems.push(`argument "${key}" is not a JSON object or array`);
        continue;
      }
      try {
        args[key] = JSON.parse(trimmed) as unknown;
      } catch {
        if (JSON_FIELDS.has(key)) problems.push(`argument "${key}" is not valid JSON`);
      }
    }
  }

  private checkCall(method: string, args: Json): string[] {
    const found: string[] = [];
    const run = (label: string, fn: () => string[]): void => {
      try {
        found.push(...fn());
      } catch (error) {
        found.push(`${label} threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    run('checkWebApiCall', () => checkWebApiCall(method, args));
    if (!(method in this.handlers))
      found.push('method not implemented by FakeSlack (answered unknown_method)');
    if (MESSAGE_METHODS.has(method)) run('checkBlockKit', () => checkBlockKit('message', args));
    const surface: Surface | undefined =
      method === 'views.publish'
        ? 'home'
        : method === 'views.open' || method === 'views.push' || method === 'views.update'
          ? 'modal'
          : undefined;
    if (surface !== undefined) {
      const view = args.view;
      if (isRecord(view)) run('checkBlockKit', () => checkBlockKit(surface, view));
      else if (view !== undefined) found.push('"view" is not an object');
    }
    return found;
  }

  /** Returns an error body when the token cannot call the method (and records why in `problems`). */
  private checkToken(method: string, token: string | undefined, problems: string[]): Json | undefined {
    if (token === undefined || token === '') {
      problems.push('no token (neither Authorization: Bearer nor a token field)');
      return { ok: false, error: 'not_authed' };
    }
    const isAppToken = token.startsWith('xapp-');
    if (method === 'apps.connections.open' && !isAppToken) {
      problems.push('needs an app-level token (xapp-…)');
      return { ok: false, error: 'not_allowed_token_type' };
    }
    if (isAppToken && !APP_TOKEN_METHODS.has(method)) {
      problems.push('called with an app-level token (xapp-…), which cannot call this method');
      return { ok: false, error: 'not_allowed_token_type' };
    }
    return undefined;
  }

  private defaultAnswer(method: string, args: Json, token: string | undefined): Json {
    const handler = this.handlers[method];
    if (handler === undefined) return { ok: false, error: 'unknown_method' };
    return handler(args, token);
  }

  private async handleResponseUrl(
    path: string,
    req: http.IncomingMessage,
    raw: Buffer,
    res: http.ServerResponse,
  ): Promise<void> {
    const text = raw.toString('utf8');
    let body: Json = {};
    const problems: string[] = [];
    try {
      const parsed = JSON.parse(text) as unknown;
      if (isRecord(parsed)) body = parsed;
      else problems.push('body is not a JSON object');
    } catch {
      // Slack also accepts a form body with a `payload` field; anything else is a bug.
      const payload = new URLSearchParams(text).get('payload');
      let decoded: unknown;
      try {
        decoded = payload === null ? undefined : (JSON.parse(payload) as unknown);
      } catch {
        decoded = undefined;
      }
      if (isRecord(decoded)) body = decoded;
      else problems.push(`body is not JSON (content-type ${req.headers['content-type'] ?? 'none'})`);
    }
    const uses = (this.responseUrlUses.get(path) ?? 0) + 1;
    this.responseUrlUses.set(path, uses);
    if (uses > RESPONSE_URL_MAX_USES) {
      problems.push(
        `used ${uses} times; Slack accepts at most ${RESPONSE_URL_MAX_USES} posts per response_url`,
      );
    }
    if (body.delete_original !== true && body.delete_original !== 'true') {
      try {
        problems.push(...checkBlockKit('message', body));
      } catch (error) {
        problems.push(`checkBlockKit threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    for (const p of problems) this.violations.push(`response_url: ${p}`);
    this.responses.push({ path, body });
    const override = this.overrides.get('response_url');
    const callIndex = this.responses.length - 1;
    const reply = (await override?.(body, callIndex)) ?? { body: { ok: true } };
    send(res, { ...reply, body: reply.body ?? { ok: (reply.status ?? 200) === 200 } });
    this.notify();
  }

  private handleUpload(
    fileId: string,
    req: http.IncomingMessage,
    raw: Buffer,
    res: http.ServerResponse,
  ): void {
    const contentType = req.headers['content-type'] ?? '';
    let content = raw;
    if (/multipart\/form-data/i.test(contentType)) {
      const boundary = multipartBoundary(contentType);
      const parts = boundary ? parseMultipart(raw, boundary) : [];
      const filePart = parts.find((p) => p.filename !== undefined) ?? parts[0];
      if (filePart === undefined) this.violations.push(`upload ${fileId}: multipart body without parts`);
      content = filePart?.data ?? Buffer.alloc(0);
    }
    const pending = this.pendingUploads.get(fileId);
    if (pending === undefined) {
      this.violations.push(`upload ${fileId}: no files.getUploadURLExternal handed out this file id`);
    } else if (pending.length !== undefined && pending.length !== content.length) {
      this.violations.push(
        `upload ${fileId}: ${content.length} bytes uploaded but files.getUploadURLExternal declared length ${pending.length}`,
      );
    }
    this.uploads.push({ fileId, content });
    send(res, { status: 200, headers: { 'Content-Type': 'text/plain' }, body: `OK - ${content.length}` });
    this.notify();
  }

  /** url_private(_download): the bytes, to a bot token only (files.slack.com shows a login page otherwise). */
  private handleDownload(path: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const match = /^\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\//.exec(path);
    const file = match?.[1] === undefined ? undefined : this.sharedFiles.get(match[1]);
    const auth = req.headers.authorization ?? '';
    if (!/^Bearer xoxb-\S+$/.test(auth)) {
      this.violations.push(
        `download ${path}: no bot token in Authorization (Slack answers with its login page)`,
      );
      send(res, { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>sign in</html>' });
      return;
    }
    if (file === undefined) {
      send(res, { status: 404, body: 'file not found' });
      return;
    }
    res.writeHead(200, { 'Content-Type': file.filetype === 'csv' ? 'text/csv' : 'text/plain' });
    res.end(file.content);
  }

  // ---------------------------------------------------------------- Socket Mode

  private openSockets(): WebSocket[] {
    return [...this.sockets].filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  private onSocket(ws: WebSocket): void {
    if (this.stopped) {
      ws.terminate();
      return;
    }
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
    });
    ws.on('error', () => {
      this.sockets.delete(ws);
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        this.violations.push('socket: binary message from client');
        return;
      }
      const bytes = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data);
      let message: unknown;
      try {
        message = JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        this.violations.push('socket: client sent a message that is not JSON');
        return;
      }
      if (!isRecord(message) || typeof message.envelope_id !== 'string') {
        this.violations.push('socket: client message without envelope_id');
        return;
      }
      const resolveAck = this.ackWaiters.get(message.envelope_id);
      if (resolveAck === undefined) {
        this.violations.push(
          `socket: ack for unknown or already acknowledged envelope ${message.envelope_id}`,
        );
        return;
      }
      resolveAck(message);
    });
    const hello = {
      type: 'hello',
      num_connections: this.sockets.size,
      debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: FAKE_APP_ID },
    };
    ws.send(JSON.stringify(hello), () => this.notify());
  }

  private socketConnected(timeoutMs: number): Promise<void> {
    return this.waitFor(
      () => (this.openSockets().length > 0 ? true : undefined),
      () =>
        `FakeSlack: no Socket Mode client connected within ${timeoutMs} ms. Methods called so far: ${this.describeCalls()}`,
      timeoutMs,
    ).then(() => undefined);
  }

  private sendDisconnect(reason: string): void {
    const message = JSON.stringify({
      type: 'disconnect',
      reason,
      num_connections: this.sockets.size,
      debug_info: { host: 'applink-fake' },
      connection_info: { app_id: FAKE_APP_ID },
    });
    for (const ws of this.openSockets()) ws.send(message);
  }

  private sendEnvelope(
    envelope: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<Record<string, unknown>> {
    const sockets = this.openSockets();
    const ws = sockets[sockets.length - 1];
    if (ws === undefined) {
      return Promise.reject(new Error('FakeSlack: sendEnvelope with no Socket Mode client connected'));
    }
    const envelopeId = typeof envelope.envelope_id === 'string' ? envelope.envelope_id : this.nextId('env-');
    const toSend = { ...envelope, envelope_id: envelopeId };
    const type = typeof envelope.type === 'string' ? envelope.type : '?';
    if (this.ackWaiters.has(envelopeId)) {
      return Promise.reject(new Error(`FakeSlack: envelope ${envelopeId} is already awaiting an ack`));
    }
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      let ack: Json | undefined;
      const waiter: Waiter = {
        tryResolve: () => {
          if (ack === undefined) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          this.ackWaiters.delete(envelopeId);
          this.checkAck(type, ack);
          resolve(ack);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          this.ackWaiters.delete(envelopeId);
          reject(error);
        },
      };
      const timer = setTimeout(
        () =>
          waiter.fail(
            new Error(
              `FakeSlack: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms (Slack waits 3 s)`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.add(waiter);
      this.ackWaiters.set(envelopeId, (message) => {
        ack = message;
        waiter.tryResolve();
      });
      ws.send(JSON.stringify(toSend), (error) => {
        if (error) waiter.fail(error);
      });
    });
  }

  /** Block Kit checks on ack payloads that Slack renders (slash command replies, view response_actions). */
  private checkAck(type: string, ack: Json): void {
    const payload = ack.payload;
    if (!isRecord(payload)) return;
    const problems: string[] = [];
    try {
      if (type === 'slash_commands' && (payload.text !== undefined || payload.blocks !== undefined)) {
        problems.push(...checkBlockKit('message', payload));
      }
      const action = payload.response_action;
      if (type === 'interactive' && (action === 'update' || action === 'push') && isRecord(payload.view)) {
        problems.push(...checkBlockKit('modal', payload.view));
      }
    } catch (error) {
      problems.push(`checkBlockKit threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const p of problems) this.violations.push(`socket ack (${type}): ${p}`);
  }

  // ---------------------------------------------------------------- default Web API behaviour

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(8, '0')}`;
  }

  private nextTs(): string {
    this.lastTsMicros = Math.max(Date.now() * 1000, this.lastTsMicros + 100);
    return microsToTs(this.lastTsMicros);
  }

  private newHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${this.nextId('h')}`;
  }

  /** A user id as a channel means "the DM with that user": Slack answers with the D… id. */
  private static channelFor(channel: string): string {
    return /^[UW]/.test(channel) ? `D${channel}` : channel;
  }

  private findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.message.ts === ts);
  }

  private userInfo(id: string, includeLocale: boolean): Json {
    const info = this.users.get(id) ?? {};
    const tz = info.tz ?? DEFAULT_TZ;
    const { offset, label } = tzDetails(tz);
    const name = info.name ?? id.toLowerCase();
    const user: Json = {
      id,
      team_id: FAKE_TEAM_ID,
      name,
      deleted: info.deleted ?? false,
      color: '9f69e7',
      real_name: name,
      tz,
      tz_label: label,
      tz_offset: offset,
      profile: {
        real_name: name,
        real_name_normalized: name,
        display_name: name,
        display_name_normalized: name,
        team: FAKE_TEAM_ID,
      },
      is_admin: false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: info.isBot ?? false,
      is_app_user: false,
      updated: 1700000000,
    };
    if (includeLocale) user.locale = info.locale ?? DEFAULT_LOCALE;
    if (info.email !== undefined && isRecord(user.profile)) user.profile.email = info.email;
    return user;
  }

  /** A declared private channel the bot is not in does not exist, as far as the bot can tell. */
  private hiddenFromBot(id: string): boolean {
    const channel = this.channels.get(id);
    return channel !== undefined && channel.isPrivate && !channel.botIsMember;
  }

  private channelMembers(args: Json): Json {
    const id = str(args, 'channel') ?? '';
    if (this.hiddenFromBot(id) || /^[DU]/.test(id)) return { ok: false, error: 'channel_not_found' };
    const declared = this.channels.get(id);
    const everyone =
      declared === undefined
        ? [FAKE_BOT_USER_ID, ...this.workspaceUsers]
        : [...(declared.botIsMember ? [FAKE_BOT_USER_ID] : []), ...declared.members];
    const members = [...new Set(everyone)];
    return paged(members, args, 'members');
  }

  /**
   * conversations.list over the declared and created channels: public ones, and private ones the
   * bot is in (Slack lists no other private channel to a bot), paged by cursor.
   */
  private channelList(args: Json): Json {
    const types = (str(args, 'types') ?? 'public_channel').split(',');
    const excludeArchived = flag(args, 'exclude_archived');
    const listed = [...this.channels.entries()]
      .filter(([, channel]) =>
        channel.isPrivate ? types.includes('private_channel') : types.includes('public_channel'),
      )
      .filter(([, channel]) => !channel.isPrivate || channel.botIsMember)
      .filter(([, channel]) => !excludeArchived || !channel.archived)
      .map(([id]) => this.channelInfo(id));
    return paged(listed, args, 'channels');
  }

  private channelInfo(id: string): Json {
    if (id.startsWith('D')) {
      const user = id.slice(1);
      return {
        id,
        created: 1700000000,
        is_im: true,
        is_org_shared: false,
        user,
        is_open: true,
        priority: 0,
      };
    }
    const declared = this.channels.get(id);
    const isMpim = declared === undefined && id.startsWith('G');
    return {
      id,
      name: declared?.name ?? id.toLowerCase(),
      is_channel: !isMpim,
      is_group: false,
      is_im: false,
      is_mpim: isMpim,
      is_private: declared?.isPrivate ?? isMpim,
      created: 1700000000,
      creator: declared?.creator ?? FAKE_CHANNEL_CREATOR,
      is_archived: declared?.archived ?? false,
      is_general: false,
      is_member: declared?.botIsMember ?? true,
      name_normalized: declared?.name ?? id.toLowerCase(),
      is_shared: false,
      is_ext_shared: false,
      is_org_shared: false,
      context_team_id: FAKE_TEAM_ID,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      previous_names: [],
    };
  }

  /** conversations.create, .invite, .archive and pins.add, with the errors Slack gives for each. */
  private channelChangeHandlers(): Record<string, DefaultHandler> {
    const usable = (id: string): ChannelState | Json => {
      const channel = this.channels.get(id);
      if (channel === undefined || this.hiddenFromBot(id)) return { ok: false, error: 'channel_not_found' };
      if (!channel.botIsMember) return { ok: false, error: 'not_in_channel' };
      return channel;
    };
    const isState = (value: ChannelState | Json): value is ChannelState => value.members instanceof Set;
    return {
      'conversations.create': (args) => {
        const name = str(args, 'name') ?? '';
        const invalid = channelNameError(name);
        if (invalid !== undefined) {
          this.violations.push(`conversations.create: "${name}" is not a valid channel name (${invalid})`);
          return { ok: false, error: invalid };
        }
        if (this.channelNamed(name) !== undefined) return { ok: false, error: 'name_taken' };
        const id = this.nextId('C');
        this.declareChannel(id, { isPrivate: flag(args, 'is_private'), members: [], name, madeByBot: true });
        return { ok: true, channel: this.channelInfo(id) };
      },
      'conversations.invite': (args) => {
        const id = str(args, 'channel') ?? '';
        const channel = usable(id);
        if (!isState(channel)) return channel;
        if (channel.archived) return { ok: false, error: 'is_archived' };
        const users = (str(args, 'users') ?? '').split(',').filter((user) => user !== '');
        if (users.includes(FAKE_BOT_USER_ID)) return { ok: false, error: 'cant_invite_self' };
        if (users.every((user) => channel.members.has(user)))
          return { ok: false, error: 'already_in_channel' };
        for (const user of users) channel.members.add(user);
        return { ok: true, channel: this.channelInfo(id) };
      },
      'conversations.archive': (args) => {
        const id = str(args, 'channel') ?? '';
        const channel = usable(id);
        if (!isState(channel)) return channel;
        if (channel.archived) return { ok: false, error: 'already_archived' };
        channel.archived = true;
        return { ok: true };
      },
      'pins.add': (args) => {
        const id = str(args, 'channel') ?? '';
        const channel = usable(id);
        if (!isState(channel)) return channel;
        const ts = str(args, 'timestamp');
        if (ts === undefined) return { ok: false, error: 'no_item_specified' };
        if (this.findMessage(id, ts) === undefined) return { ok: false, error: 'message_not_found' };
        if (channel.pins.has(ts)) return { ok: false, error: 'already_pinned' };
        channel.pins.add(ts);
        return { ok: true };
      },
    };
  }

  private viewAnswer(stored: StoredView): Json {
    return { ok: true, view: { ...stored.view, hash: stored.hash } };
  }

  private storeView(id: string, view: Json, rootId: string, previous: string | null): StoredView {
    const stored: StoredView = {
      view: {
        team_id: FAKE_TEAM_ID,
        private_metadata: '',
        callback_id: '',
        external_id: '',
        clear_on_close: false,
        notify_on_close: false,
        close: null,
        submit: null,
        ...view,
        id,
        state: { values: {} },
        root_view_id: rootId,
        previous_view_id: previous,
        app_id: FAKE_APP_ID,
        bot_id: FAKE_BOT_ID,
      },
      hash: this.newHash(),
    };
    this.views.set(id, stored);
    return stored;
  }

  private defaultHandlers(): Record<string, DefaultHandler> {
    const viewArg = (args: Json): Json => (isRecord(args.view) ? args.view : {});
    return {
      'api.test': (args) => ({ ok: true, args }),
      'auth.test': () => ({
        ok: true,
        url: TEAM_URL,
        team: TEAM_NAME,
        user: BOT_NAME,
        team_id: FAKE_TEAM_ID,
        user_id: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
        is_enterprise_install: false,
      }),
      'apps.connections.open': () => ({
        ok: true,
        url: `ws://127.0.0.1:${new URL(this.baseUrl).port}/link?ticket=${this.nextId('t')}&app_id=${FAKE_APP_ID}`,
      }),

      'chat.postMessage': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        if (this.hiddenFromBot(channel)) return { ok: false, error: 'channel_not_found' };
        if (this.channels.get(channel)?.botIsMember === false) return { ok: false, error: 'not_in_channel' };
        if (this.channels.get(channel)?.archived === true) return { ok: false, error: 'is_archived' };
        const ts = this.nextTs();
        const message: Json = {
          type: 'message',
          text: str(args, 'text') ?? '',
          user: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          app_id: FAKE_APP_ID,
          team: FAKE_TEAM_ID,
          ts,
        };
        if (args.blocks !== undefined) message.blocks = args.blocks;
        if (args.attachments !== undefined) message.attachments = args.attachments;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        const threadTs = str(args, 'thread_ts');
        if (threadTs !== undefined) {
          message.thread_ts = threadTs;
          message.parent_user_id = FAKE_BOT_USER_ID;
          if (flag(args, 'reply_broadcast')) message.subtype = 'thread_broadcast';
        }
        this.messages.push({ channel, message });
        return { ok: true, channel, ts, message: { ...message } };
      },
      'chat.postEphemeral': () => ({ ok: true, message_ts: this.nextTs() }),
      'chat.update': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        const ts = str(args, 'ts') ?? '';
        const stored = this.findMessage(channel, ts);
        const text =
          str(args, 'text') ?? (typeof stored?.message.text === 'string' ? stored.message.text : '');
        if (stored !== undefined) {
          stored.message.text = text;
          if (args.blocks !== undefined) stored.message.blocks = args.blocks;
          if (args.metadata !== undefined) stored.message.metadata = args.metadata;
          stored.message.edited = { user: FAKE_BOT_USER_ID, ts: this.nextTs() };
        }
        const message: Json = { text, user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
        if (args.blocks !== undefined) message.blocks = args.blocks;
        return { ok: true, channel, ts, text, message };
      },
      'chat.delete': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        const ts = str(args, 'ts') ?? '';
        const index = this.messages.findIndex((m) => m.channel === channel && m.message.ts === ts);
        if (index !== -1) this.messages.splice(index, 1);
        return { ok: true, channel, ts };
      },
      'chat.getPermalink': (args) => {
        const channel = str(args, 'channel') ?? '';
        const ts = (str(args, 'message_ts') ?? '').replace('.', '');
        return { ok: true, channel, permalink: `${TEAM_URL}archives/${channel}/p${ts}` };
      },
      'chat.scheduleMessage': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        const id = this.nextId('Q');
        const postAt = str(args, 'post_at') ?? '';
        const message: Json = {
          type: 'delayed_message',
          text: str(args, 'text') ?? '',
          user: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          subtype: 'bot_message',
        };
        if (args.blocks !== undefined) message.blocks = args.blocks;
        this.scheduled.push({
          id,
          channel_id: channel,
          post_at: Number(postAt),
          date_created: Math.floor(Date.now() / 1000),
          text: message.text,
        });
        return { ok: true, channel, scheduled_message_id: id, post_at: postAt, message };
      },
      'chat.scheduledMessages.list': (args) => {
        const channel = str(args, 'channel');
        const list = this.scheduled.filter(
          (s) => channel === undefined || s.channel_id === FakeSlack.channelFor(channel),
        );
        return {
          ok: true,
          scheduled_messages: list.map((s) => ({ ...s })),
          response_metadata: { next_cursor: '' },
        };
      },
      'chat.deleteScheduledMessage': (args) => {
        const id = str(args, 'scheduled_message_id');
        const index = this.scheduled.findIndex((s) => s.id === id);
        if (index === -1) return { ok: false, error: 'invalid_scheduled_message_id' };
        this.scheduled.splice(index, 1);
        return { ok: true };
      },
      'reactions.add': () => ({ ok: true }),
      'reactions.remove': () => ({ ok: true }),

      'views.open': (args) => {
        const id = this.nextId('V');
        return this.viewAnswer(this.storeView(id, viewArg(args), id, null));
      },
      'views.push': (args) => {
        const id = this.nextId('V');
        return this.viewAnswer(this.storeView(id, viewArg(args), id, null));
      },
      'views.update': (args) => {
        const viewId = str(args, 'view_id');
        const externalId = str(args, 'external_id');
        let id = viewId;
        if (id === undefined && externalId !== undefined) {
          id = [...this.views].find(([, v]) => v.view.external_id === externalId)?.[0];
        }
        id ??= this.nextId('V');
        const existing = this.views.get(id);
        const hash = str(args, 'hash');
        if (existing !== undefined && hash !== undefined && hash !== existing.hash) {
          return { ok: false, error: 'hash_conflict' };
        }
        const root = typeof existing?.view.root_view_id === 'string' ? existing.view.root_view_id : id;
        return this.viewAnswer(this.storeView(id, viewArg(args), root, null));
      },
      'views.publish': (args) => {
        const userId = str(args, 'user_id') ?? '';
        const existingId = this.homeViews.get(userId);
        const existing = existingId === undefined ? undefined : this.views.get(existingId);
        const hash = str(args, 'hash');
        if (existing !== undefined && hash !== undefined && hash !== existing.hash) {
          return { ok: false, error: 'hash_conflict' };
        }
        const id = existingId ?? this.nextId('V');
        this.homeViews.set(userId, id);
        return this.viewAnswer(this.storeView(id, viewArg(args), id, null));
      },

      'users.info': (args) => {
        const id = str(args, 'user') ?? '';
        this.workspaceUsers.add(id);
        return { ok: true, user: this.userInfo(id, flag(args, 'include_locale')) };
      },

      'conversations.open': (args) => {
        const channelArg = str(args, 'channel');
        if (channelArg !== undefined) return { ok: true, channel: { id: channelArg } };
        const users = (str(args, 'users') ?? '')
          .split(',')
          .map((u) => u.trim())
          .filter((u) => u !== '');
        const id = users.length > 1 ? `G${users.join('')}` : `D${users[0] ?? ''}`;
        return { ok: true, channel: { id } };
      },
      'conversations.join': (args) => {
        const id = str(args, 'channel') ?? '';
        const declared = this.channels.get(id);
        if (declared?.isPrivate === true)
          return declared.botIsMember
            ? { ok: true, channel: this.channelInfo(id) }
            : { ok: false, error: 'channel_not_found' };
        if (declared !== undefined) declared.botIsMember = true;
        return { ok: true, channel: this.channelInfo(id) };
      },
      'conversations.info': (args) => {
        const id = FakeSlack.channelFor(str(args, 'channel') ?? '');
        if (this.hiddenFromBot(id)) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: this.channelInfo(id) };
      },
      'conversations.members': (args) => this.channelMembers(args),
      'conversations.list': (args) => this.channelList(args),
      ...this.channelChangeHandlers(),
      'conversations.history': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        const inclusive = flag(args, 'inclusive');
        const oldest = tsToMicros(str(args, 'oldest') ?? '0');
        const latestArg = str(args, 'latest');
        let latest = latestArg === undefined ? Number.POSITIVE_INFINITY : tsToMicros(latestArg);
        let latestInclusive = inclusive;
        const cursor = str(args, 'cursor');
        if (cursor !== undefined && cursor !== '') {
          const decoded = Buffer.from(cursor, 'base64').toString('utf8');
          if (decoded.startsWith('next_ts:')) {
            latest = Math.min(latest, tsToMicros(decoded.slice('next_ts:'.length)));
            latestInclusive = false;
          }
        }
        const limitArg = Number(str(args, 'limit') ?? '100');
        const limit = Number.isFinite(limitArg) && limitArg > 0 ? Math.min(limitArg, 999) : 100;
        const withMetadata = flag(args, 'include_all_metadata');
        const matching = this.messages
          .filter((m) => m.channel === channel)
          .map((m) => m.message)
          .filter(
            (m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast',
          )
          .filter((m) => {
            const t = tsToMicros(String(m.ts));
            const afterOldest = inclusive ? t >= oldest : t > oldest;
            const beforeLatest = latestInclusive ? t <= latest : t < latest;
            return afterOldest && beforeLatest;
          })
          .sort((a, b) => tsToMicros(String(b.ts)) - tsToMicros(String(a.ts)));
        const page = matching.slice(0, limit).map((m) => {
          const copy = { ...m };
          if (!withMetadata) delete copy.metadata;
          return copy;
        });
        const hasMore = matching.length > limit;
        const last = page[page.length - 1];
        const nextCursor =
          hasMore && last !== undefined ? Buffer.from(`next_ts:${String(last.ts)}`).toString('base64') : '';
        return {
          ok: true,
          messages: page,
          has_more: hasMore,
          pin_count: 0,
          response_metadata: { next_cursor: nextCursor },
        };
      },
      'conversations.replies': (args) => {
        const channel = FakeSlack.channelFor(str(args, 'channel') ?? '');
        const ts = str(args, 'ts') ?? '';
        const withMetadata = flag(args, 'include_all_metadata');
        const thread = this.messages
          .filter((m) => m.channel === channel && (m.message.ts === ts || m.message.thread_ts === ts))
          .map((m) => {
            const copy = { ...m.message };
            if (!withMetadata) delete copy.metadata;
            return copy;
          })
          .sort((a, b) => tsToMicros(String(a.ts)) - tsToMicros(String(b.ts)));
        if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
        return { ok: true, messages: thread, has_more: false, response_metadata: { next_cursor: '' } };
      },

      'files.info': (args) => {
        const id = str(args, 'file') ?? '';
        if (!this.sharedFiles.has(id)) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: this.fileObject(id),
          comments: [],
          response_metadata: { next_cursor: '' },
        };
      },
      'files.getUploadURLExternal': (args) => {
        const fileId = this.nextId('F');
        const lengthArg = str(args, 'length');
        const length = lengthArg === undefined ? undefined : Number(lengthArg);
        this.pendingUploads.set(fileId, { filename: str(args, 'filename') ?? '', length });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
      },
      'files.completeUploadExternal': (args) => {
        const files = Array.isArray(args.files) ? args.files : [];
        const out: Json[] = [];
        for (const entry of files) {
          const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : '';
          const pending = this.pendingUploads.get(id);
          if (pending === undefined) {
            this.violations.push(`files.completeUploadExternal: file ${id || '?'} was never handed out`);
          } else if (!this.uploads.some((u) => u.fileId === id)) {
            this.violations.push(`files.completeUploadExternal: file ${id} was never uploaded`);
          }
          const title =
            isRecord(entry) && typeof entry.title === 'string' ? entry.title : (pending?.filename ?? '');
          out.push({ id, title });
        }
        return { ok: true, files: out };
      },
    };
  }
}

function send(res: http.ServerResponse, reply: FakeReply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  const hasContentType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  let payload: string;
  if (typeof reply.body === 'string') {
    payload = reply.body;
    if (!hasContentType) headers['Content-Type'] = 'text/plain; charset=utf-8';
  } else {
    payload = JSON.stringify(reply.body ?? null);
    if (!hasContentType) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(status, headers);
  res.end(payload);
}

/** One page of a cursor-paginated list, as Slack pages them (limit up to 1,000, an opaque cursor). */
function paged(
  items: readonly unknown[],
  args: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  const limitArg = Number(str(args, 'limit') ?? '100');
  const limit = Number.isInteger(limitArg) && limitArg > 0 ? Math.min(limitArg, 1000) : 100;
  const cursor = str(args, 'cursor') ?? '';
  let offset = 0;
  if (cursor !== '') {
    const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (match === null) return { ok: false, error: 'invalid_cursor' };
    offset = Number(match[1]);
  }
  const next =
    offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { ok: true, [key]: items.slice(offset, offset + limit), response_metadata: { next_cursor: next } };
}
