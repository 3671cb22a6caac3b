import type { Locale } from '../i18n';

/** Shows a stored tag in a reader's language. */
export interface TagLabels {
  label(tag: string, locale: Locale): string;
}

const asStored: TagLabels = { label: (tag) => tag };
let current: TagLabels = asStored;

/**
 * The composition root installs the bot's vocabulary here. Views stay functions of (data, locale):
 * the vocabulary is translation data, like the message catalogues they already look up by locale,
 * so it is looked up the same way instead of being threaded through every builder that shows a
 * tag. Until it is installed (a view rendered on its own in a test) tags show as stored.
 */
export function showTagsWith(labels: TagLabels): void {
  current = labels;
}

/** A stored tag as a reader of `locale` sees it: テニス in Japanese, tennis in English. */
export function tagLabel(tag: string, locale: Locale): string {
  return current.label(tag, locale);
}

/** A tag on a channel card, read in every channel language: `テニス / tennis`, once when they agree. */
export function cardTagLabel(tag: string, languages: readonly Locale[]): string {
  return [...new Set(languages.map((locale) => current.label(tag, locale)))].join(' / ');
}
