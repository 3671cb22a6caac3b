import { MAX_CAPACITY, MAX_GOAL, type MentorAvailability } from '../../../mentoring/types';
import { subVerb } from '../../parse/args';
import { mentorCommand, mentorsCommand } from '../mentorHandlers';
import { defineVerb } from './verb';

export type MentorCommand =
  | { readonly verb: 'mentor'; readonly action: 'status' }
  | { readonly verb: 'mentor'; readonly action: 'offer'; readonly text: string }
  | { readonly verb: 'mentor'; readonly action: 'capacity'; readonly capacity: number }
  | { readonly verb: 'mentor'; readonly action: 'availability'; readonly availability: MentorAvailability }
  | { readonly verb: 'mentor'; readonly action: 'request'; readonly text: string; readonly goal: string };

export interface MentorsCommand {
  readonly verb: 'mentors';
  readonly text: string;
}

type MentorUsage = 'usage' | 'topics' | 'capacity' | 'request' | 'goal';

const mentorSubVerbs = {
  offer: ['offer', '登録'],
  capacity: ['capacity', '定員', '人数'],
  open: ['open', '受付中'],
  limited: ['limited', '一部受付'],
  closed: ['closed', '受付停止'],
  request: ['request', '依頼'],
};

/** `mentor …`: offer, capacity, availability, request; bare, the member's mentoring. */
export const mentorVerb = defineVerb<MentorCommand, MentorUsage>({
  verb: 'mentor',
  names: { en: ['mentor', 'mentoring'], ja: ['メンター', 'メンタリング'] },
  subVerbs: mentorSubVerbs,
  help: [
    {
      audience: 'member',
      covers: ['', 'offer', 'capacity', 'open', 'limited', 'closed', 'request'],
      text: (m) => m.help.lines.mentor,
    },
  ],
  parse({ rest }) {
    if (rest.trim() === '') return { ok: true, command: { verb: 'mentor', action: 'status' } };
    const sub = subVerb(rest.trim(), mentorSubVerbs);
    const after = sub.rest.trim();
    switch (sub.action) {
      case 'offer':
        if (after === '') return { ok: false, usage: 'topics' };
        return { ok: true, command: { verb: 'mentor', action: 'offer', text: after } };
      case 'capacity': {
        const capacity = /^\d{1,2}$/.test(after) ? Number(after) : NaN;
        if (!(capacity >= 1 && capacity <= MAX_CAPACITY)) return { ok: false, usage: 'capacity' };
        return { ok: true, command: { verb: 'mentor', action: 'capacity', capacity } };
      }
      case 'open':
      case 'limited':
      case 'closed':
        if (after !== '') return { ok: false, usage: 'usage' };
        return { ok: true, command: { verb: 'mentor', action: 'availability', availability: sub.action } };
      case 'request': {
        const colon = after.indexOf(':');
        const text = colon === -1 ? '' : after.slice(0, colon).trim();
        const goal = colon === -1 ? '' : after.slice(colon + 1).trim();
        if (text === '' || goal === '') return { ok: false, usage: 'request' };
        if ([...goal].length > MAX_GOAL) return { ok: false, usage: 'goal' };
        return { ok: true, command: { verb: 'mentor', action: 'request', text, goal } };
      }
      case undefined:
        return { ok: false, usage: 'usage' };
    }
  },
  usage(problem, m) {
    switch (problem) {
      case 'usage':
        return m.mentoring.usage;
      case 'topics':
        return m.mentoring.topicsRequired;
      case 'capacity':
        return m.mentoring.capacityRange(MAX_CAPACITY);
      case 'request':
        return m.mentoring.requestUsage;
      case 'goal':
        return m.mentoring.goalTooLong(MAX_GOAL);
    }
  },
  run: mentorCommand,
});

/** `mentors [topics]`: mentors with a free place; without topics, by the member's interests. */
export const mentorsVerb = defineVerb<MentorsCommand>({
  verb: 'mentors',
  names: { en: ['mentors'], ja: ['メンター一覧', 'メンターを探す'] },
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.mentors }],
  parse: ({ rest }) => ({ ok: true, command: { verb: 'mentors', text: rest.trim() } }),
  usage: (problem: never) => problem,
  run: mentorsCommand,
});
