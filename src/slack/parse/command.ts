import { VERBS, type Command } from '../commands/verbs';
import type { VerbReading } from '../commands/verbs/verb';
import { cleanText, foldWord, split } from './args';

export type { Command };
export { MAX_COMMAND_LENGTH } from './args';

type AnyVerb = (typeof VERBS)[number];

/** The verb a member typed, in English or Japanese (full-width folded, a polite ending dropped). */
export function findVerb(word: string): AnyVerb | undefined {
  const folded = foldWord(word);
  return VERBS.find((verb) => verb.names.en.includes(folded) || verb.names.ja.includes(folded));
}

export type CommandReading =
  | { readonly kind: 'verb'; readonly verb: AnyVerb; readonly reading: VerbReading<Command> }
  | { readonly kind: 'unknown'; readonly word: string };

/** Reads a command with the verb table: which verb, and its command or what was wrong. */
export function readCommand(raw: string): CommandReading {
  const { word, rest } = split(cleanText(raw));
  // Nothing typed at all: show what there is.
  const verb = word === '' ? VERBS.find((entry) => entry.verb === 'help') : findVerb(word);
  if (verb === undefined) return { kind: 'unknown', word: word.slice(0, 40) };
  return { kind: 'verb', verb, reading: verb.read({ word: foldWord(word), rest }) };
}

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly unknown: string }
  | { readonly ok: false; readonly usage: unknown };

/** The command, the unknown word, or the verb's usage problem (for tests and tools that read text). */
export function parseCommand(raw: string): ParsedCommand {
  const read = readCommand(raw);
  if (read.kind === 'unknown') return { ok: false, unknown: read.word };
  return read.reading.ok
    ? { ok: true, command: read.reading.command }
    : { ok: false, usage: read.reading.usage };
}
