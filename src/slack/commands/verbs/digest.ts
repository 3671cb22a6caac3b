import { subVerb } from '../../parse/args';
import { digestCommand } from '../digestHandlers';
import { defineVerb } from './verb';

export interface DigestCommand {
  readonly verb: 'digest';
  readonly action: 'status' | 'preview' | 'send' | 'weekly' | 'daily' | 'off';
}

const subVerbs = {
  // "on" means the default cadence; a member who wants daily says so.
  weekly: ['weekly', 'on', '毎週', 'オン'],
  daily: ['daily', '毎日'],
  off: ['off', 'オフ', '停止'],
  preview: ['preview', 'プレビュー'],
  send: ['send', '送信'],
};

export const digestVerb = defineVerb<DigestCommand, 'digest_usage'>({
  verb: 'digest',
  names: { en: ['digest', 'digests'], ja: ['ダイジェスト'] },
  subVerbs,
  help: [
    {
      audience: 'member',
      covers: ['', 'weekly', 'daily', 'off', 'preview'],
      text: (m) => m.help.lines.digest,
    },
    { audience: 'hr', covers: ['send'], text: (m) => m.help.lines.digestSend },
  ],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    if (sub.word === '') return { ok: true, command: { verb: 'digest', action: 'status' } };
    if (sub.action === undefined) return { ok: false, usage: 'digest_usage' };
    return { ok: true, command: { verb: 'digest', action: sub.action } };
  },
  usage: (_problem, m) => m.digests.usage,
  run: digestCommand,
});
