import type { AskType } from '../../../asks/types';
import { subVerb } from '../../parse/args';
import { askCommand, asksCommand } from '../askHandlers';
import { defineVerb } from './verb';

export interface AskCommand {
  readonly verb: 'ask';
  readonly type: AskType;
}

export type AsksCommand =
  | { readonly verb: 'asks'; readonly action: 'open' | 'mine' }
  /** `asks fundraising, SaaS`: open items with any of these tags. */
  | { readonly verb: 'asks'; readonly action: 'tags'; readonly text: string };

const offerNames = ['offer', 'オファー', '提供'];

/** `ask` and `offer` open the form; the word typed says which. */
export const askVerb = defineVerb<AskCommand, 'ask_usage'>({
  verb: 'ask',
  names: { en: ['ask', 'offer'], ja: ['相談', 'オファー', '提供'] },
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.ask }],
  parse({ word, rest }) {
    // The form asks for everything; words after the verb are most likely a misunderstanding.
    if (rest.trim() !== '') return { ok: false, usage: 'ask_usage' };
    return { ok: true, command: { verb: 'ask', type: offerNames.includes(word) ? 'offer' : 'ask' } };
  },
  usage: (_problem, m) => m.asks.usage,
  run: askCommand,
});

const asksSubVerbs = { mine: ['mine', '自分', '自分の'] };

export const asksVerb = defineVerb<AsksCommand>({
  verb: 'asks',
  names: { en: ['asks', 'offers'], ja: ['相談一覧', 'オファー一覧'] },
  subVerbs: asksSubVerbs,
  help: [{ audience: 'member', covers: ['', 'mine'], text: (m) => m.help.lines.asks }],
  parse({ rest }) {
    const query = rest.trim();
    if (query === '') return { ok: true, command: { verb: 'asks', action: 'open' } };
    const sub = subVerb(query, asksSubVerbs);
    if (sub.action === 'mine' && sub.rest.trim() === '')
      return { ok: true, command: { verb: 'asks', action: 'mine' } };
    // Anything else is read as tags, so `asks テニス` finds items tagged tennis.
    return { ok: true, command: { verb: 'asks', action: 'tags', text: query } };
  },
  usage: (problem: never) => problem,
  run: asksCommand,
});
