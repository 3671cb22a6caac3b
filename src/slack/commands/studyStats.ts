import { messages } from '../../i18n';
import type { StudyGroupRow } from '../../stats/types';
import { csvFile } from '../csv';
import { sendFileToMember } from '../files';
import type { CommandContext } from './context';

// What study groups add to `stats csv`: one row per group, the shape of the asks and offers file.

// Fixed English column names, as the other stats files have.
const HEADER = [
  'group_id',
  'status',
  'rhythm',
  'min_members',
  'members',
  'created_at',
  'lapses_at',
  'formed_at',
  'lapsed_at',
  'topic',
  'tags',
];

/** No member is named: the proposer and the members are counted, never listed. */
export function studyCsv(rows: readonly StudyGroupRow[]): string {
  return csvFile(
    HEADER,
    rows.map((row) => [
      String(row.id),
      row.status,
      row.rhythm,
      String(row.minMembers),
      String(row.members),
      row.createdAt,
      row.lapsesAt,
      row.formedAt ?? '',
      row.lapsedAt ?? '',
      row.topic,
      row.tags.join(', '),
    ]),
  );
}

/** `stats csv`: the study groups file, when there is any group; the words to add to the confirmation. */
export async function sendStudyCsv(ctx: CommandContext, day: string): Promise<string | undefined> {
  const rows = await ctx.services.stats.studyGroups(ctx.userId);
  if (rows.length === 0) return undefined;
  const m = messages(ctx.locale).study;
  await sendFileToMember(ctx.client, ctx.userId, {
    filename: `study-groups-${day}.csv`,
    title: m.csvTitle,
    content: studyCsv(rows),
    comment: m.csvTitle,
  });
  return m.csvSent;
}
