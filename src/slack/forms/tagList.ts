import { messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import type { TagProblem } from '../../interests/tags';

/** What is wrong with a typed tag list, in the member's words: the same for every form and command. */
export function tagProblemText(problem: TagProblem, locale: Locale): string {
  const m = messages(locale).interests.errors;
  switch (problem.kind) {
    case 'empty':
      return m.empty;
    case 'too_long':
      return m.tooLong(problem.tag, problem.max);
    case 'too_many':
      return m.tooMany(problem.count, problem.max);
    case 'list_too_long':
      return m.listTooLong(problem.maxChars, problem.maxTags, problem.maxTagLength);
  }
}

/** Stored tags as a form shows them to edit: in the reader's language, comma-separated (none: nothing to show). */
export function tagListText(tags: readonly string[] | undefined, locale: Locale): string | undefined {
  return tags?.map((tag) => tagLabel(tag, locale)).join(', ');
}
