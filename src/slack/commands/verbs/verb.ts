import type { Catalogue } from '../../../i18n';
import type { Role } from '../../../roles/types';
import type { CommandContext } from '../context';

/**
 * Who sees a help line. Permissions are checked again in the services; this only decides what
 * help shows. Admins see everything; `staff` is organizers and HR alike.
 */
export type Audience = 'member' | 'supporter' | 'organizer' | 'hr' | 'staff' | 'admin';

export const AUDIENCES: readonly Audience[] = ['member', 'supporter', 'organizer', 'hr', 'staff', 'admin'];

export function canSee(roles: ReadonlySet<Role>, audience: Audience): boolean {
  if (audience === 'member' || roles.has('admin')) return true;
  // Supporter lines explain proposing; an organizer's own lines already cover posting.
  if (audience === 'supporter') return roles.has('supporter') && !roles.has('organizer');
  if (audience === 'staff') return roles.has('organizer') || roles.has('hr');
  return roles.has(audience);
}

export interface HelpLine {
  readonly audience: Audience;
  /** The sub-verbs (or the bare verb, '') this line explains; a test checks none is left out. */
  readonly covers: readonly string[];
  readonly text: (m: Catalogue) => string;
}

/** What a verb's parser gives back: its command, or what was wrong with the words. */
export type VerbParse<C, P> =
  { readonly ok: true; readonly command: C } | { readonly ok: false; readonly usage: P };

/** The words after the verb: the folded verb word as typed, and the rest (NFKC, invisible characters removed). */
export interface VerbArgs {
  readonly word: string;
  readonly rest: string;
}

/** One verb, declared once: its names, who sees it in help, its parser, its usage texts and its handler. */
export interface VerbSpec<C extends { readonly verb: string }, P> {
  readonly verb: C['verb'];
  /** Every name a member may type (lower case, after NFKC); the first is the one help shows. */
  readonly names: { readonly en: readonly string[]; readonly ja: readonly string[] };
  /** Sub-verbs by action, each with every name it answers to (help lists the Japanese ones). */
  readonly subVerbs?: Readonly<Record<string, readonly string[]>>;
  /** Most verbs wait for the member to agree to the charter; help and privacy do not. */
  readonly beforeAgreement?: boolean;
  readonly help: readonly HelpLine[];
  parse(args: VerbArgs): VerbParse<C, P>;
  usage(problem: P, m: Catalogue): string;
  /** The handler: calls the service (which checks permissions) and replies through the context. */
  run(ctx: CommandContext, command: C): Promise<void>;
}

export type VerbReading<C> =
  | { readonly ok: true; readonly command: C; readonly run: (ctx: CommandContext) => Promise<void> }
  | { readonly ok: false; readonly usage: unknown; readonly text: (m: Catalogue) => string };

/** A verb as the table holds it: the parser's result comes bound to its handler and usage texts. */
export interface Verb<C extends { readonly verb: string }> {
  readonly verb: C['verb'];
  readonly names: VerbSpec<C, unknown>['names'];
  readonly subVerbs: Readonly<Record<string, readonly string[]>>;
  readonly beforeAgreement: boolean;
  readonly help: readonly HelpLine[];
  read(args: VerbArgs): VerbReading<C>;
}

export function defineVerb<C extends { readonly verb: string }, P = never>(spec: VerbSpec<C, P>): Verb<C> {
  return {
    verb: spec.verb,
    names: spec.names,
    subVerbs: spec.subVerbs ?? {},
    beforeAgreement: spec.beforeAgreement ?? false,
    help: spec.help,
    read(args) {
      const parsed = spec.parse(args);
      if (parsed.ok) {
        const { command } = parsed;
        return { ok: true, command, run: (ctx) => spec.run(ctx, command) };
      }
      const problem = parsed.usage;
      return { ok: false, usage: problem, text: (m) => spec.usage(problem, m) };
    },
  };
}

/** For verbs whose words can never be wrong. */
export const noUsage = (problem: never): string => problem;
