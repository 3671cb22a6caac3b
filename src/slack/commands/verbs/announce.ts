import { labelledIdArg, subVerb } from '../../parse/args';
import { announceCommand } from '../announceHandlers';
import { defineVerb } from './verb';

export type AnnounceCommand =
  | { readonly verb: 'announce'; readonly action: 'new' | 'list' }
  | { readonly verb: 'announce'; readonly action: 'edit' | 'cancel'; readonly announcementId: number };

const subVerbs = {
  new: ['new', '作成', '新規'],
  list: ['list', '一覧'],
  edit: ['edit', 'change', '編集', '変更'],
  cancel: ['cancel', '取消', '取り消し', '取消し', '取り消', '中止', 'キャンセル'],
};

export const announceVerb = defineVerb<AnnounceCommand, 'announce_usage' | 'announce_id'>({
  verb: 'announce',
  names: { en: ['announce', 'announcement', 'announcements'], ja: ['お知らせ', '告知'] },
  subVerbs,
  help: [
    {
      audience: 'organizer',
      covers: ['', 'new', 'list', 'edit', 'cancel'],
      text: (m) => m.help.lines.announce,
    },
  ],
  parse({ word, rest }) {
    const sub = subVerb(rest, subVerbs);
    const verb = 'announce';
    // A bare "announcements" asks to see them; a bare "announce" to write one.
    if (sub.word === '' || sub.action === 'new')
      return { ok: true, command: { verb, action: word === 'announcements' ? 'list' : 'new' } };
    if (sub.action === 'list') return { ok: true, command: { verb, action: 'list' } };
    if (sub.action !== 'cancel' && sub.action !== 'edit') return { ok: false, usage: 'announce_usage' };
    const id = labelledIdArg.safeParse(sub.rest.trim());
    return id.success
      ? { ok: true, command: { verb, action: sub.action, announcementId: id.data } }
      : { ok: false, usage: 'announce_id' };
  },
  usage: (problem, m) => (problem === 'announce_usage' ? m.announcements.usage : m.announcements.idUsage),
  run: announceCommand,
});
