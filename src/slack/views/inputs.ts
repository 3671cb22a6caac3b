import type { InputBlock } from '../blockKit';
import { plain } from './text';

export interface TextInputOptions {
  readonly initial?: string | null;
  readonly placeholder?: string;
  readonly max?: number;
  readonly multiline?: boolean;
  readonly hint?: string;
  /** Inputs are optional unless said otherwise: most of what members type is. */
  readonly optional?: boolean;
}

/** A plain-text input block, the one shape every form here uses. */
export function textInput(
  ids: { block: string; action: string },
  label: string,
  options: TextInputOptions = {},
): InputBlock {
  return {
    type: 'input',
    block_id: ids.block,
    optional: options.optional ?? true,
    label: plain(label, 2000),
    ...(options.hint === undefined ? {} : { hint: plain(options.hint, 2000) }),
    element: {
      type: 'plain_text_input',
      action_id: ids.action,
      multiline: options.multiline ?? false,
      ...(options.max === undefined ? {} : { max_length: options.max }),
      ...(options.initial === undefined || options.initial === null || options.initial === ''
        ? {}
        : { initial_value: options.initial }),
      ...(options.placeholder === undefined ? {} : { placeholder: plain(options.placeholder, 150) }),
    },
  };
}
