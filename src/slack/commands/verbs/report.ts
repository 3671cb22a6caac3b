import { reportCommand } from '../reportHandlers';
import { defineVerb } from './verb';

export interface ReportCommand {
  readonly verb: 'report';
  /** What followed the verb: a message link, or nothing. Read by the handler once it knows it is in a DM. */
  readonly text: string;
}

/**
 * `report` / `report <message link>`. Open before agreement: someone who has not agreed to the
 * charter yet may still need to report a message aimed at them (see moderationListeners.ts).
 */
export const reportVerb = defineVerb<ReportCommand>({
  verb: 'report',
  names: { en: ['report'], ja: ['報告', '通報'] },
  beforeAgreement: true,
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.report }],
  parse: ({ rest }) => ({ ok: true, command: { verb: 'report', text: rest.trim() } }),
  usage: (problem: never) => problem,
  run: reportCommand,
});
