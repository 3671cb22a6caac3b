/** Small readers of Block Kit payloads, for assertions. */
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** Every object in a tree of blocks whose `type` is 'button'. */
export function buttons(node: unknown): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) {
      if (value.type === 'button') found.push(value);
      Object.values(value).forEach(walk);
    }
  };
  walk(node);
  return found;
}

export function actionIds(node: unknown): unknown[] {
  return buttons(node).map((button) => button.action_id);
}
