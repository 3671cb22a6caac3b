import { subVerb } from '../../parse/args';
import { statsCommand } from '../statsHandlers';
import { defineVerb } from './verb';

export interface StatsCommand {
  readonly verb: 'stats';
  readonly action: 'report' | 'csv';
}

const subVerbs = { csv: ['csv'] };

export const statsVerb = defineVerb<StatsCommand, 'stats_usage'>({
  verb: 'stats',
  names: { en: ['stats'], ja: ['統計'] },
  subVerbs,
  help: [
    { audience: 'staff', covers: [''], text: (m) => m.help.lines.stats },
    { audience: 'staff', covers: ['csv'], text: (m) => m.help.lines.statsCsv },
  ],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    if (sub.rest.trim() !== '') return { ok: false, usage: 'stats_usage' };
    if (sub.word === '') return { ok: true, command: { verb: 'stats', action: 'report' } };
    return sub.action === 'csv'
      ? { ok: true, command: { verb: 'stats', action: 'csv' } }
      : { ok: false, usage: 'stats_usage' };
  },
  usage: (_problem, m) => m.stats.usage,
  run: statsCommand,
});
