import { z } from 'zod';
import { MAX_SNOOZE_WEEKS } from '../../../intros/types';
import { subVerb } from '../../parse/args';
import { introsCommand } from '../introHandlers';
import { defineVerb } from './verb';

export type IntrosCommand =
  | { readonly verb: 'intros'; readonly action: 'status' | 'on' | 'off' | 'preview' | 'run' }
  | { readonly verb: 'intros'; readonly action: 'snooze'; readonly weeks: number };

// `intros snooze 4`, `snooze 2 weeks`, `スヌーズ 2週間`: whole weeks, at most MAX_SNOOZE_WEEKS (half a year).
const snoozeWeeks = z
  .string()
  .regex(/^\d{1,3}\s*(?:weeks?|wks?|w|週間|週)?$/i)
  .transform((text) => Number(/^\d+/.exec(text)?.[0]))
  .pipe(z.number().int().min(1).max(MAX_SNOOZE_WEEKS));

const subVerbs = {
  status: ['status', '状態'],
  on: ['on', 'オン'],
  off: ['off', 'オフ', '停止'],
  snooze: ['snooze', 'スヌーズ', '休止'],
  preview: ['preview', 'プレビュー'],
  run: ['run', '実行'],
};

export const introsVerb = defineVerb<IntrosCommand, 'intros_usage' | 'intros_snooze_usage'>({
  verb: 'intros',
  names: { en: ['intros', 'intro'], ja: ['紹介', 'イントロ'] },
  subVerbs,
  help: [
    { audience: 'member', covers: ['', 'status', 'on', 'off', 'snooze'], text: (m) => m.help.lines.intros },
    { audience: 'admin', covers: ['preview'], text: (m) => m.help.lines.introsPreview },
    { audience: 'admin', covers: ['run'], text: (m) => m.help.lines.introsRun },
  ],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    if (sub.action === 'snooze') {
      const weeks = snoozeWeeks.safeParse(sub.rest.trim());
      return weeks.success
        ? { ok: true, command: { verb: 'intros', action: 'snooze', weeks: weeks.data } }
        : { ok: false, usage: 'intros_snooze_usage' };
    }
    if (sub.rest.trim() !== '') return { ok: false, usage: 'intros_usage' };
    if (sub.word === '') return { ok: true, command: { verb: 'intros', action: 'status' } };
    if (sub.action === undefined) return { ok: false, usage: 'intros_usage' };
    return { ok: true, command: { verb: 'intros', action: sub.action } };
  },
  usage: (problem, m) =>
    problem === 'intros_usage' ? m.intros.usage : m.intros.snoozeUsage(MAX_SNOOZE_WEEKS),
  run: introsCommand,
});
