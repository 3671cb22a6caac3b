import { z } from 'zod';
import type { AskSummary } from '../../asks/types';
import { messages, type Locale } from '../../i18n';
import type { KnownBlock, ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { escapeMrkdwn, mention, mrkdwn, truncate } from '../views/text';
import { declareForm } from './declare';
import { checkboxesField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** The resolve form is drawn for the author's language and the people who responded. */
export interface ResolveFormContext {
  readonly locale: Locale;
  /** Who responded, first first: each is a checkbox showing their name (a mention), the first 10 of them. */
  readonly responders: readonly string[];
}

/** "Mark resolved": which responders to thank. Declared once, like the ask form. */
export const resolveForm = declareForm<ResolveFormContext>()('ask.resolve', {
  thank: checkboxesField({
    mrkdwn: true,
    label: (c) => messages(c.locale).asks.thankLabel,
    hint: (c) => messages(c.locale).asks.thankHint,
    choices: (c) => c.responders.map((userId) => ({ value: userId, text: mention(userId) })),
  }),
});

const metadataSchema = z.object({ askId: z.number().int().positive() });

/** The item a resolve modal was opened for; undefined when the metadata was tampered with. */
export function askIdFromResolveMetadata(privateMetadata: string): number | undefined {
  return readMetadata(metadataSchema, privateMetadata)?.askId;
}

/** The modal: the question, then the helpers to thank (or a note that nobody responded). */
export function resolveModal(summary: AskSummary, context: ResolveFormContext): ModalView {
  const m = messages(context.locale);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(m.asks.resolveLead(escapeMrkdwn(truncate(summary.item.title, 200)))) },
    ...(context.responders.length === 0
      ? [{ type: 'context' as const, elements: [mrkdwn(m.asks.nobodyToThank)] }]
      : resolveForm.blocks(context)),
  ];
  return formModal(context.locale, {
    callbackId: VIEW.askResolve,
    metadata: { askId: summary.item.id },
    title: m.asks.resolveTitle,
    submit: m.asks.resolveButton,
    blocks,
  });
}

/** The responders ticked; none when the form had no checkboxes (nobody responded). */
export function parseResolveForm(values: unknown): string[] {
  return resolveForm.read(values)?.thank ?? [];
}
