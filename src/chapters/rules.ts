import { closestName } from '../suggest';
import { CHAPTER_NAME_MAX, chapterKey } from './types';

/** A name an admin may give a chapter: not empty, not too long, not a Slack mention or channel. */
export function isChapterName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed !== '' && [...trimmed].length <= CHAPTER_NAME_MAX && !/[<>]/.test(trimmed);
}

/** The one active chapter's name close to a mistyped one ("Tokio" → "Tokyo"), if exactly one is. */
export function closestChapter(typed: string, names: readonly string[]): string | undefined {
  const keyed = names.map((name) => ({ name: chapterKey(name), verb: name }));
  const key = closestName(chapterKey(typed), keyed);
  return keyed.find((entry) => entry.name === key)?.verb;
}
