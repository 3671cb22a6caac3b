import { labelledIdArg, subVerb } from '../../parse/args';
import { eventCommand, listEvents } from '../eventHandlers';
import { defineVerb } from './verb';

export interface EventsCommand {
  readonly verb: 'events';
}

export type EventCommand =
  | { readonly verb: 'event'; readonly action: 'new' }
  | { readonly verb: 'event'; readonly action: 'edit' | 'cancel' | 'attendees'; readonly eventId: number };

type EventUsage =
  'event_usage' | { readonly kind: 'event_id'; readonly action: 'edit' | 'cancel' | 'attendees' };

const subVerbs = {
  new: ['new', 'create', '作成', '新規'],
  edit: ['edit', '編集', '変更'],
  cancel: ['cancel', '取消', '取り消し', '取消し', '取り消', '中止', 'キャンセル'],
  attendees: ['attendees', '参加者'],
};

export const eventVerb = defineVerb<EventCommand | EventsCommand, EventUsage>({
  verb: 'event',
  // "events" and a bare "event" (「イベント」) list upcoming events; the sub-verbs are for organizers.
  names: { en: ['event', 'events'], ja: ['イベント', 'イベント一覧'] },
  subVerbs,
  help: [
    { audience: 'member', covers: [''], text: (m) => m.help.lines.events },
    { audience: 'organizer', covers: ['new'], text: (m) => m.help.lines.eventNew },
    { audience: 'supporter', covers: ['new'], text: (m) => m.help.lines.supporterPropose },
    { audience: 'organizer', covers: ['edit', 'cancel', 'attendees'], text: (m) => m.help.lines.eventManage },
  ],
  parse({ word, rest }) {
    const sub = subVerb(rest, subVerbs);
    if (word === 'events' || word === 'イベント一覧' || sub.word === '')
      return { ok: true, command: { verb: 'events' } };
    if (sub.action === 'new') return { ok: true, command: { verb: 'event', action: 'new' } };
    if (sub.action === undefined) return { ok: false, usage: 'event_usage' };
    const id = labelledIdArg.safeParse(sub.rest.trim());
    if (!id.success) return { ok: false, usage: { kind: 'event_id', action: sub.action } };
    return { ok: true, command: { verb: 'event', action: sub.action, eventId: id.data } };
  },
  usage: (problem, m) => (problem === 'event_usage' ? m.events.usage : m.events.idUsage(problem.action)),
  run: (ctx, command) => (command.verb === 'events' ? listEvents(ctx) : eventCommand(ctx, command)),
});
