// Checks a Web API call (method name + arguments) against the facts in
// test/fixtures/web-api-methods.json, which scripts/extract-slack-facts.js
// derives from slack-ruby/slack-api-ref (MIT). `token` is never checked: the
// client adds it.
import * as fs from 'fs';
import * as path from 'path';

export type RateTier = 't1' | 't2' | 't3' | 't4' | 't5';

interface MethodFacts {
  required: string[];
  tier: RateTier | null;
  http: string | null;
  oneOf: string[][];
}

const FACTS_FILE = path.join(__dirname, '..', 'fixtures', 'web-api-methods.json');
const TIERS: readonly string[] = ['t1', 't2', 't3', 't4', 't5'];

let cache: Map<string, MethodFacts> | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function parseFacts(name: string, raw: unknown): MethodFacts {
  if (!isRecord(raw) || !isStringArray(raw.required)) {
    throw new Error(`${FACTS_FILE}: method ${name} has no "required" list`);
  }
  const tier = typeof raw.tier === 'string' && TIERS.includes(raw.tier) ? (raw.tier as RateTier) : null;
  const oneOf: string[][] = [];
  if (Array.isArray(raw.oneOf)) {
    for (const group of raw.oneOf) {
      if (!isStringArray(group)) throw new Error(`${FACTS_FILE}: method ${name} has a malformed "oneOf"`);
      oneOf.push(group);
    }
  }
  return { required: raw.required, tier, http: typeof raw.http === 'string' ? raw.http : null, oneOf };
}

function facts(): Map<string, MethodFacts> {
  if (cache) return cache;
  const parsed: unknown = JSON.parse(fs.readFileSync(FACTS_FILE, 'utf8'));
  if (!isRecord(parsed) || !isRecord(parsed.methods)) {
    throw new Error(
      `${FACTS_FILE}: expected an object with "methods"; run node scripts/extract-slack-facts.js`,
    );
  }
  const map = new Map<string, MethodFacts>();
  for (const [name, raw] of Object.entries(parsed.methods)) map.set(name, parseFacts(name, raw));
  cache = map;
  return map;
}

/** undefined, null, '' and [] count as "not given". */
function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Returns human-readable problems with a call of `method` with `args`: an
 * unknown method, each missing required argument, and each "one of these
 * arguments" group of which none is given. An empty list means the call is
 * well-formed as far as the reference data can tell.
 */
export function checkWebApiCall(method: string, args: Record<string, unknown>): string[] {
  const entry = facts().get(method);
  if (!entry) return [`unknown Web API method "${method}"`];
  const violations: string[] = [];
  for (const name of entry.required) {
    if (isMissing(args[name])) violations.push(`${method}: missing required argument "${name}"`);
  }
  for (const group of entry.oneOf) {
    if (group.every((name) => isMissing(args[name]))) {
      violations.push(`${method}: needs at least one of ${group.map((name) => `"${name}"`).join(', ')}`);
    }
  }
  return violations;
}

/** The method's rate-limit tier ('t5' = special, e.g. chat.postMessage), or null if unknown. */
export function methodTier(method: string): string | null {
  return facts().get(method)?.tier ?? null;
}

/** True if the reference data knows the method. */
export function isKnownMethod(method: string): boolean {
  return facts().has(method);
}
