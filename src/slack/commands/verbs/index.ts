import type { Role } from '../../../roles/types';
import { helpMessage } from '../../views/help';
import type { SlackMessage } from '../../views/message';
import type { CommandContext } from '../context';
import { announceVerb } from './announce';
import { askVerb, asksVerb } from './asks';
import { chaptersVerb } from './chapters';
import { digestVerb } from './digest';
import { eventVerb } from './events';
import { findVerb } from './find';
import { interestsVerb } from './interests';
import { adminVerb, joinVerb } from './join';
import { introsVerb } from './intros';
import { jobVerb } from './jobs';
import { mentorVerb, mentorsVerb } from './mentor';
import { privacyVerb } from './privacy';
import { profileVerb } from './profile';
import { reportVerb } from './report';
import { rolesVerb, roleVerb } from './roles';
import { statsVerb } from './stats';
import { studyVerb } from './study';
import { talentVerb } from './talent';
import { defineVerb, noUsage, type Verb } from './verb';

export interface HelpCommand {
  readonly verb: 'help';
}

/** Help reads the table it is part of, so it lists every verb the caller may use. */
const helpVerb = defineVerb<HelpCommand>({
  verb: 'help',
  names: { en: ['help'], ja: ['ヘルプ', '使い方'] },
  beforeAgreement: true,
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.help }],
  parse: () => ({ ok: true, command: { verb: 'help' } }),
  usage: noUsage,
  run: async (ctx): Promise<void> => ctx.reply(helpFor(ctx, await ctx.services.roles.rolesOf(ctx.userId))),
});

/**
 * Every verb, in the order help lists them. Adding a verb: write `verbs/<name>.ts` with
 * `defineVerb`, add it here, and add its help line to both catalogues.
 */
export const VERBS = [
  profileVerb,
  interestsVerb,
  findVerb,
  eventVerb,
  announceVerb,
  jobVerb,
  askVerb,
  asksVerb,
  studyVerb,
  chaptersVerb,
  mentorVerb,
  mentorsVerb,
  reportVerb,
  joinVerb,
  talentVerb,
  digestVerb,
  introsVerb,
  privacyVerb,
  statsVerb,
  rolesVerb,
  roleVerb,
  adminVerb,
  helpVerb,
] as const;

type CommandOf<V> = V extends Verb<infer C> ? C : never;
/** Every command a member can give, as the verbs' parsers return them. */
export type Command = CommandOf<(typeof VERBS)[number]>;

export function helpFor(
  ctx: Pick<CommandContext, 'locale'>,
  roles: ReadonlySet<Role>,
  lead?: string,
): SlackMessage {
  return helpMessage(ctx.locale, roles, VERBS, lead);
}
