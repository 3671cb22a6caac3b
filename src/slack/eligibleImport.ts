import { z } from 'zod';
import { messages } from '../i18n';
import type { CommandContext } from './commands/context';
import { slackErrorCode } from './errors';
import { escapeMrkdwn } from './views/text';

// `/alumni admin eligible import`: the admin shares a CSV file in their DM with the bot, then runs
// the command; the newest CSV they shared there is read (files.info, then its url_private_download
// with the bot token, which needs the files:read scope) and handed to the service.

/** Larger files are refused: 100,000 rows of emails fit well within it. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** How far back in the DM the file is looked for. */
const HISTORY_LIMIT = 50;
/** How many skipped cells the answer lists (the count covers them all). */
const SKIPPED_SHOWN = 10;

const sharedFile = z.object({
  id: z.string(),
  name: z.string().optional(),
  filetype: z.string().optional(),
  mimetype: z.string().optional(),
});
const historyAnswer = z.object({
  messages: z
    .array(z.object({ user: z.string().optional(), files: z.array(sharedFile).optional() }))
    .optional(),
});
const infoAnswer = z.object({
  file: z.object({
    id: z.string(),
    name: z.string().optional(),
    size: z.number().optional(),
    url_private_download: z.string().url().optional(),
    url_private: z.string().url().optional(),
  }),
});

type SharedFile = z.infer<typeof sharedFile>;

const isCsv = (file: SharedFile): boolean =>
  file.filetype === 'csv' || file.mimetype === 'text/csv' || (file.name ?? '').toLowerCase().endsWith('.csv');

async function dmChannel(ctx: CommandContext): Promise<string | undefined> {
  if (ctx.surface === 'dm' && ctx.channelId !== undefined) return ctx.channelId;
  const opened = await ctx.client.conversations.open({ users: ctx.userId });
  return opened.channel?.id;
}

/** The newest CSV file the admin shared in their DM with the bot, if any. */
async function newestCsv(ctx: CommandContext): Promise<SharedFile | undefined> {
  const channel = await dmChannel(ctx);
  if (channel === undefined) return undefined;
  const read = historyAnswer.safeParse(
    await ctx.client.conversations.history({ channel, limit: HISTORY_LIMIT }),
  );
  if (!read.success) return undefined;
  for (const message of read.data.messages ?? []) {
    if (message.user !== ctx.userId) continue;
    const csv = message.files?.find(isCsv);
    if (csv !== undefined) return csv;
  }
  return undefined;
}

type Download = { kind: 'ok'; name: string; text: string } | { kind: 'too_big' } | { kind: 'unreadable' };

async function download(ctx: CommandContext, file: SharedFile): Promise<Download> {
  try {
    const info = infoAnswer.parse(await ctx.client.files.info({ file: file.id }));
    if ((info.file.size ?? 0) > MAX_IMPORT_BYTES) return { kind: 'too_big' };
    const url = info.file.url_private_download ?? info.file.url_private;
    if (url === undefined) return { kind: 'unreadable' };
    const response = await fetch(url, { headers: { Authorization: `Bearer ${ctx.client.token ?? ''}` } });
    if (!response.ok) {
      ctx.services.logger.warn(`eligible import: download of ${file.id} answered ${response.status}`);
      return { kind: 'unreadable' };
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_IMPORT_BYTES) return { kind: 'too_big' };
    return { kind: 'ok', name: info.file.name ?? file.name ?? file.id, text: bytes.toString('utf8') };
  } catch (error) {
    ctx.services.logger.warn(
      `eligible import: ${file.id} not read: ${slackErrorCode(error) ?? String(error)}`,
    );
    return { kind: 'unreadable' };
  }
}

export async function importEligibleList(ctx: CommandContext): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).approval;
  // Checked again by the service; here so that nobody else makes the bot read their files.
  await services.roles.require(ctx.userId, 'admin');
  await ctx.acknowledge();
  const file = await newestCsv(ctx);
  if (file === undefined) {
    await ctx.reply({ text: m.importNoFile });
    return;
  }
  const got = await download(ctx, file);
  if (got.kind === 'too_big') {
    await ctx.reply({ text: m.importTooBig(MAX_IMPORT_BYTES / 1024) });
    return;
  }
  if (got.kind === 'unreadable') {
    await ctx.reply({ text: m.importUnreadable });
    return;
  }
  const report = await services.approval.importEligible(ctx.userId, got.text);
  const lines = [
    m.importDone(escapeMrkdwn(got.name), report.loaded, report.duplicated, report.skipped.length),
  ];
  if (report.skipped.length > 0) {
    const shown = report.skipped
      .slice(0, SKIPPED_SHOWN)
      .map((skip) => `${skip.line}: \`${escapeMrkdwn(skip.cell.slice(0, 60)).replace(/`/g, "'")}\``)
      .join(', ');
    lines.push(m.importSkipped(report.skipped.length > SKIPPED_SHOWN ? `${shown}, …` : shown));
  }
  await ctx.reply({ text: lines.join('\n') });
}
