// A test-time Block Kit checker: the limits Slack enforces (or documents) for
// messages, modals and App Home views, as listed in /work/shared/SLACK-FACTS.md
// and the Block Kit reference on docs.slack.dev. It does not try to be a full
// validator: it catches the mistakes that make Slack answer `invalid_blocks`
// (or silently truncate) before they reach a workspace.
//
// Lengths are counted in UTF-16 code units (String#length), which is never
// less than the character count Slack uses, so the checker errs on the strict
// side for emoji and other astral characters.

export type Surface = 'message' | 'modal' | 'home';

type Json = Record<string, unknown>;

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const KNOWN_BLOCK_TYPES = new Set([
  'section',
  'header',
  'divider',
  'context',
  'actions',
  'input',
  'image',
  'rich_text',
  'video',
  'file',
]);
const SELECT_TYPES = new Set(['static_select', 'multi_static_select']);
const CHOICE_TYPES = new Set(['checkboxes', 'radio_buttons']);

const LIMITS = {
  messageText: 40000,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  textInputLength: 3000,
  selectOptions: 100,
  optionGroups: 100,
  overflowOptions: 5,
  choiceOptions: 10,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  optionGroupLabel: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  imageAltText: 2000,
  imageTitle: 2000,
} as const;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Report {
  readonly violations: string[] = [];
  readonly blockIds = new Map<string, string>();

  add(path: string, problem: string): void {
    this.violations.push(`${path}: ${problem}`);
  }

  /** A string field with a maximum length; `required` also rejects missing/empty values. */
  string(path: string, value: unknown, max: number, required = false): void {
    if (value === undefined || value === null) {
      if (required) this.add(path, 'required');
      return;
    }
    if (typeof value !== 'string') {
      this.add(path, `must be a string, got ${typeof value}`);
      return;
    }
    if (required && value.length === 0) this.add(path, 'must not be empty');
    if (value.length > max) this.add(path, `${value.length} > ${max} chars`);
  }

  /** A text object: `{ type: 'plain_text' | 'mrkdwn', text }` with non-empty text of at most `max` chars. */
  text(
    path: string,
    value: unknown,
    max: number,
    opts: { plainOnly?: boolean; required?: boolean } = {},
  ): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'required');
      return;
    }
    if (!isRecord(value)) {
      this.add(path, 'must be a text object ({ type, text })');
      return;
    }
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.add(`${path}.type`, `must be "plain_text" or "mrkdwn", got ${JSON.stringify(value.type)}`);
    } else if (opts.plainOnly && value.type !== 'plain_text') {
      this.add(`${path}.type`, 'must be "plain_text"');
    }
    if (typeof value.text !== 'string') {
      this.add(`${path}.text`, 'required');
      return;
    }
    if (value.text.length === 0) this.add(`${path}.text`, 'must not be empty');
    if (value.text.length > max) this.add(path, `${value.text.length} > ${max} chars`);
  }

  /** A list field; returns its items (or [] when it is absent or not a list). */
  list(path: string, value: unknown, max: number, required = false): unknown[] {
    if (value === undefined || value === null) {
      if (required) this.add(path, 'required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, 'must be an array');
      return [];
    }
    if (value.length > max) this.add(path, `${value.length} > ${max} items`);
    return value;
  }
}

function checkConfirm(r: Report, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    r.add(path, 'must be a confirmation dialog object');
    return;
  }
  r.text(`${path}.title`, value.title, LIMITS.confirmTitle, { plainOnly: true, required: true });
  r.text(`${path}.text`, value.text, LIMITS.confirmText, { required: true });
  r.text(`${path}.confirm`, value.confirm, LIMITS.confirmButton, { plainOnly: true, required: true });
  r.text(`${path}.deny`, value.deny, LIMITS.confirmButton, { plainOnly: true, required: true });
}

/** Option text may be mrkdwn only in checkboxes and radio buttons. */
function checkOption(r: Report, path: string, value: unknown, allowMrkdwn: boolean): void {
  if (!isRecord(value)) {
    r.add(path, 'must be an option object ({ text, value })');
    return;
  }
  r.text(`${path}.text`, value.text, LIMITS.optionText, { plainOnly: !allowMrkdwn, required: true });
  r.string(`${path}.value`, value.value, LIMITS.optionValue, true);
  r.text(`${path}.description`, value.description, LIMITS.optionDescription, { plainOnly: !allowMrkdwn });
  r.string(`${path}.url`, value.url, LIMITS.url);
}

function checkOptions(r: Report, path: string, value: unknown, max: number, allowMrkdwn: boolean): void {
  r.list(path, value, max).forEach((option, i) => checkOption(r, `${path}[${i}]`, option, allowMrkdwn));
}

function checkElement(r: Report, path: string, element: unknown, actionIds: Map<string, string>): void {
  if (!isRecord(element)) {
    r.add(path, 'must be an object');
    return;
  }
  const type = element.type;
  if (typeof type !== 'string') {
    r.add(`${path}.type`, 'required');
    return;
  }

  if (element.action_id !== undefined) {
    r.string(`${path}.action_id`, element.action_id, LIMITS.id);
    if (typeof element.action_id === 'string') {
      const first = actionIds.get(element.action_id);
      if (first !== undefined) {
        r.add(`${path}.action_id`, `"${element.action_id}" is already used in this block (${first})`);
      } else {
        actionIds.set(element.action_id, path);
      }
    }
  }
  if (element.placeholder !== undefined) {
    r.text(`${path}.placeholder`, element.placeholder, LIMITS.placeholder, { plainOnly: true });
  }
  checkConfirm(r, `${path}.confirm`, element.confirm);

  if (type === 'button') {
    r.text(`${path}.text`, element.text, LIMITS.buttonText, { plainOnly: true, required: true });
    r.string(`${path}.value`, element.value, LIMITS.buttonValue);
    r.string(`${path}.url`, element.url, LIMITS.url);
    if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
      r.add(`${path}.style`, `must be "primary" or "danger", got ${JSON.stringify(element.style)}`);
    }
  } else if (SELECT_TYPES.has(type)) {
    if (element.options === undefined && element.option_groups === undefined) {
      r.add(path, `${type} needs "options" or "option_groups"`);
    }
    checkOptions(r, `${path}.options`, element.options, LIMITS.selectOptions, false);
    r.list(`${path}.option_groups`, element.option_groups, LIMITS.optionGroups).forEach((group, i) => {
      const groupPath = `${path}.option_groups[${i}]`;
      if (!isRecord(group)) {
        r.add(groupPath, 'must be an option group object ({ label, options })');
        return;
      }
      r.text(`${groupPath}.label`, group.label, LIMITS.optionGroupLabel, { plainOnly: true, required: true });
      if (group.options === undefined) r.add(`${groupPath}.options`, 'required');
      checkOptions(r, `${groupPath}.options`, group.options, LIMITS.selectOptions, false);
    });
    if (element.initial_option !== undefined)
      checkOption(r, `${path}.initial_option`, element.initial_option, false);
    r.list(`${path}.initial_options`, element.initial_options, LIMITS.selectOptions).forEach((option, i) =>
      checkOption(r, `${path}.initial_options[${i}]`, option, false),
    );
  } else if (type === 'overflow') {
    if (element.options === undefined) r.add(`${path}.options`, 'required');
    checkOptions(r, `${path}.options`, element.options, LIMITS.overflowOptions, false);
  } else if (CHOICE_TYPES.has(type)) {
    if (element.options === undefined) r.add(`${path}.options`, 'required');
    checkOptions(r, `${path}.options`, element.options, LIMITS.choiceOptions, true);
    if (element.initial_option !== undefined)
      checkOption(r, `${path}.initial_option`, element.initial_option, true);
    r.list(`${path}.initial_options`, element.initial_options, LIMITS.choiceOptions).forEach((option, i) =>
      checkOption(r, `${path}.initial_options[${i}]`, option, true),
    );
  } else if (type === 'plain_text_input') {
    for (const key of ['min_length', 'max_length'] as const) {
      const n = element[key];
      if (n !== undefined && (typeof n !== 'number' || n < 0 || n > LIMITS.textInputLength)) {
        r.add(`${path}.${key}`, `must be a number from 0 to ${LIMITS.textInputLength}`);
      }
    }
  } else if (type === 'image') {
    r.string(`${path}.alt_text`, element.alt_text, LIMITS.imageAltText, true);
  }
  // Other element types (pickers, plain_text_input, *_select from users/channels/external …)
  // only get the common checks above: action_id, placeholder, confirm.
}

function checkBlock(r: Report, path: string, block: unknown): void {
  if (!isRecord(block)) {
    r.add(path, 'must be a block object');
    return;
  }
  const type = block.type;
  if (typeof type !== 'string' || !KNOWN_BLOCK_TYPES.has(type)) {
    r.add(`${path}.type`, `unknown block type ${JSON.stringify(type)}`);
    return;
  }

  if (block.block_id !== undefined) {
    r.string(`${path}.block_id`, block.block_id, LIMITS.id, true);
    if (typeof block.block_id === 'string') {
      const first = r.blockIds.get(block.block_id);
      if (first !== undefined) {
        r.add(`${path}.block_id`, `"${block.block_id}" is already used by ${first}`);
      } else {
        r.blockIds.set(block.block_id, path);
      }
    }
  }

  const actionIds = new Map<string, string>();
  switch (type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined)
        r.add(path, 'section needs "text" or "fields"');
      r.text(`${path}.text`, block.text, LIMITS.sectionText);
      r.list(`${path}.fields`, block.fields, LIMITS.sectionFields).forEach((field, i) =>
        r.text(`${path}.fields[${i}]`, field, LIMITS.sectionField, { required: true }),
      );
      if (block.accessory !== undefined) checkElement(r, `${path}.accessory`, block.accessory, actionIds);
      break;
    }
    case 'header':
      r.text(`${path}.text`, block.text, LIMITS.headerText, { plainOnly: true, required: true });
      break;
    case 'context': {
      const elements = r.list(`${path}.elements`, block.elements, LIMITS.contextElements, true);
      if (Array.isArray(block.elements) && elements.length === 0)
        r.add(`${path}.elements`, 'must not be empty');
      elements.forEach((element, i) => {
        const elementPath = `${path}.elements[${i}]`;
        if (isRecord(element) && element.type === 'image') {
          checkElement(r, elementPath, element, actionIds);
        } else {
          // No documented length limit for context text; only the text-object shape is checked.
          r.text(elementPath, element, Number.POSITIVE_INFINITY, { required: true });
        }
      });
      break;
    }
    case 'actions': {
      const elements = r.list(`${path}.elements`, block.elements, LIMITS.actionsElements, true);
      if (Array.isArray(block.elements) && elements.length === 0)
        r.add(`${path}.elements`, 'must not be empty');
      elements.forEach((element, i) => checkElement(r, `${path}.elements[${i}]`, element, actionIds));
      break;
    }
    case 'input':
      r.text(`${path}.label`, block.label, LIMITS.inputLabel, { plainOnly: true, required: true });
      r.text(`${path}.hint`, block.hint, LIMITS.inputHint, { plainOnly: true });
      if (block.element === undefined) r.add(`${path}.element`, 'required');
      else checkElement(r, `${path}.element`, block.element, actionIds);
      break;
    case 'image':
      r.string(`${path}.alt_text`, block.alt_text, LIMITS.imageAltText, true);
      r.string(`${path}.image_url`, block.image_url, LIMITS.url);
      if (block.image_url === undefined && block.slack_file === undefined) {
        r.add(path, 'image needs "image_url" or "slack_file"');
      }
      r.text(`${path}.title`, block.title, LIMITS.imageTitle, { plainOnly: true });
      break;
    default:
      // divider, rich_text, video, file: only the common block_id checks.
      break;
  }
}

function parseBlocks(r: Report, value: unknown): unknown {
  // Form-encoded calls carry blocks as a JSON string.
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    r.add('blocks', 'is a string but not valid JSON');
    return undefined;
  }
}

function checkBlocks(r: Report, surface: Surface, value: unknown, required: boolean): unknown[] {
  const blocks = r.list('blocks', parseBlocks(r, value), MAX_BLOCKS[surface], required);
  blocks.forEach((block, i) => checkBlock(r, `blocks[${i}]`, block));
  return blocks;
}

function checkView(r: Report, surface: 'modal' | 'home', view: Json): void {
  if (view.type !== surface) r.add('type', `must be "${surface}", got ${JSON.stringify(view.type)}`);
  const blocks = checkBlocks(r, surface, view.blocks, true);
  r.string('callback_id', view.callback_id, LIMITS.id);
  r.string('external_id', view.external_id, LIMITS.id);
  r.string('private_metadata', view.private_metadata, LIMITS.privateMetadata);
  if (surface === 'modal') {
    r.text('title', view.title, LIMITS.viewTitle, { plainOnly: true, required: true });
    r.text('submit', view.submit, LIMITS.viewTitle, { plainOnly: true });
    r.text('close', view.close, LIMITS.viewTitle, { plainOnly: true });
    const hasInput = blocks.some((block) => isRecord(block) && block.type === 'input');
    if (hasInput && view.submit === undefined) r.add('submit', 'required when the modal has input blocks');
  }
}

function checkMessage(r: Report, payload: Json): void {
  const blocks = checkBlocks(r, 'message', payload.blocks, false);
  r.string('text', payload.text, LIMITS.messageText);
  if (blocks.length > 0) {
    const text = payload.text;
    if (typeof text !== 'string' || text.trim().length === 0) {
      r.add('text', 'a message with blocks needs a non-empty top-level text (notifications, screen readers)');
    }
  }
}

/**
 * Checks a Block Kit payload. For 'message', `payload` is the argument object of
 * chat.postMessage / postEphemeral / update (or a slash-command / response_url
 * reply body); for 'modal' and 'home' it is the `view` object. Each violation
 * names its path, e.g. `blocks[3].elements[1].text: 80 > 75 chars`.
 */
export function checkBlockKit(surface: Surface, payload: Record<string, unknown>): string[] {
  const r = new Report();
  if (surface === 'message') checkMessage(r, payload);
  else checkView(r, surface, payload);
  return r.violations;
}
