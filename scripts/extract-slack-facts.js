#!/usr/bin/env node
// Turns the Slack reference data kept outside the repository into small JSON
// fixtures the test-suite can read offline:
//
//   test/fixtures/web-api-methods.json   required args, rate tier and HTTP verb per Web API method
//   test/fixtures/event-scopes.json      Events API event -> scopes that let an app subscribe to it
//   test/fixtures/manifest-examples/     slackapi/manifest-schema's example manifests (copied as is)
//   test/fixtures/views/                 a few python-slack-sdk view payloads (copied as is)
//
// Usage: node scripts/extract-slack-facts.js [path/to/slack-fixtures]
// The default source folder is ../shared/slack-fixtures relative to the repository root.
// Tests never read the source folder; they only read what this script writes.
'use strict';

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const SOURCE_ROOT = path.resolve(process.argv[2] || path.join(REPO_ROOT, '..', 'shared', 'slack-fixtures'));
const OUT_DIR = path.join(REPO_ROOT, 'test', 'fixtures');

const API_REF_COMMIT = 'f4837c0cb6dba1b1122ce66a5b69195ce47213f8';
const API_SPECS_COMMIT = 'bc08db49625630e3585bf2f1322128ea04f2a7f3';
const MANIFEST_SCHEMA_COMMIT = 'c50cfa8508ff1017344550a5e5fb29a1416e5b98';
const PYTHON_SDK_COMMIT = 'ae87985e2c3811ead978f31ea5a1e4a7ca5c3515';
// Views that between them use most block and element types the Block Kit checker knows.
const VIEW_EXAMPLES = ['view_home_001.json', 'view_modal_001.json', 'view_modal_007.json'];

const KNOWN_TIERS = new Set(['t1', 't2', 't3', 't4', 't5']);

function fail(message) {
  process.stderr.write(`extract-slack-facts: ${message}\n`);
  process.exit(1);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Web API methods
// ---------------------------------------------------------------------------

// The argument schemas have no structural "one of" construct: alternatives are
// only stated in prose. Two kinds of evidence are turned into `oneOf` groups.
//
// 1. An argument's description says that it or some other (back-quoted)
//    argument must be given, e.g. "Either `view_id` or `external_id` is
//    required." Sentences that talk about tokens are skipped, because those
//    alternatives only apply to org-level tokens.
const ALTERNATIVE_SENTENCE = [
  /\beither\b.*\b(is|are) required\b/i,
  /\beither\b.*\bmust be provided\b/i,
  /\bmust provide either\b/i,
  /\bprovide exactly one of\b/i,
  /\bor provide the `[^`]+` field instead\b/i,
  /\bif omitting this parameter, you must provide\b/i,
];

function alternativesFromProse(properties) {
  const groups = [];
  for (const [name, spec] of Object.entries(properties)) {
    if (name === 'token' || !isPlainObject(spec) || typeof spec.desc !== 'string') continue;
    const sentences = spec.desc.split(/(?<=\.)\s+/);
    for (const sentence of sentences) {
      if (/token/i.test(sentence)) continue;
      if (!ALTERNATIVE_SENTENCE.some((re) => re.test(sentence))) continue;
      const named = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const group = [name, ...named].filter(
        (arg, i, all) => arg !== 'token' && arg in properties && all.indexOf(arg) === i,
      );
      if (group.length >= 2) groups.push(group);
    }
  }
  return groups;
}

// 2. Message-posting methods: `text` is optional in the schema (its description
//    defers to "text usage" prose) but the method documents a `no_text` error
//    ("No message text provided"). Slack accepts any of the message-content
//    arguments instead of `text`; the group lists the ones the method has.
const MESSAGE_CONTENT_ARGS = ['text', 'blocks', 'attachments', 'markdown_text'];

function alternativesFromNoTextError(doc, properties, required) {
  const errors = isPlainObject(doc.errors) ? doc.errors : {};
  if (!('no_text' in errors)) return [];
  if (!('text' in properties) || !('blocks' in properties) || required.includes('text')) return [];
  return [MESSAGE_CONTENT_ARGS.filter((arg) => arg in properties)];
}

function sameGroup(a, b) {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

function extractMethods() {
  const dir = path.join(SOURCE_ROOT, 'web-api', 'methods');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

  // methods.json is slack-api-ref's index of method names, not a method.
  const index = readJson(path.join(dir, 'methods.json'));
  if (!Array.isArray(index)) fail('web-api/methods/methods.json is not a list');
  const indexed = new Set(index.map((entry) => entry.name));

  const methods = {};
  for (const file of files) {
    if (file === 'methods.json') continue;
    const name = file.slice(0, -'.json'.length);
    const doc = readJson(path.join(dir, file));
    if (!isPlainObject(doc) || !isPlainObject(doc.args)) fail(`${file}: no "args" object`);
    if (!indexed.has(name)) fail(`${file}: not listed in methods.json`);

    const properties = isPlainObject(doc.args.properties) ? doc.args.properties : {};
    const declared = Array.isArray(doc.args.required) ? doc.args.required : [];
    const notes = [];
    const required = [];
    for (const arg of declared) {
      if (arg === 'token') continue;
      if (arg in properties) required.push(arg);
      else notes.push(`"required" names "${arg}", which is not one of its args; left out`);
    }

    const oneOf = [];
    for (const group of [
      ...alternativesFromProse(properties),
      ...alternativesFromNoTextError(doc, properties, required),
    ]) {
      if (group.some((arg) => required.includes(arg))) continue;
      if (!oneOf.some((known) => sameGroup(known, group))) oneOf.push(group);
    }

    let tier = null;
    if (KNOWN_TIERS.has(doc.rate_limits)) tier = doc.rate_limits;
    else if (doc.rate_limits === undefined) notes.push('no rate_limits in the source');
    else notes.push(`rate_limits is not a tier: ${JSON.stringify(doc.rate_limits)}`);

    const entry = { required, tier, http: typeof doc.http_method === 'string' ? doc.http_method : null };
    if (oneOf.length > 0) entry.oneOf = oneOf;
    if (notes.length > 0) entry.notes = notes;
    methods[name] = entry;
  }

  const missing = [...indexed].filter((name) => !(name in methods));
  if (missing.length > 0) fail(`methods.json lists methods without a file: ${missing.join(', ')}`);

  writeJson(path.join(OUT_DIR, 'web-api-methods.json'), {
    _source: `slack-ruby/slack-api-ref docs.slack.dev/methods at commit ${API_REF_COMMIT}, MIT; regenerate with node scripts/extract-slack-facts.js`,
    _oneOf:
      'Not structural in the source: derived from argument descriptions ("Either `a` or `b` is required") and, for methods with a no_text error, the message-content arguments.',
    methods,
  });
  return Object.keys(methods).length;
}

// ---------------------------------------------------------------------------
// Events API scopes
// ---------------------------------------------------------------------------

// AsyncAPI topics spell event names with dots ("app.mention" for app_mention);
// only the message.* channel-type events keep a dot after "message".
function eventNameFromTopic(topic) {
  if (topic.startsWith('message.')) return `message.${topic.slice('message.'.length).replace(/\./g, '_')}`;
  return topic.replace(/\./g, '_');
}

// Scope names in events_catalog.json that are misspelt there. The scope pages on
// docs.slack.dev (e.g. /reference/scopes/app_mentions.read, titled
// "app_mentions:read scope") use a colon; the catalog has a dot.
const SCOPE_SPELLING_FIXES = { 'app_mentions.read': 'app_mentions:read' };

function fixScopes(scopes, fixes) {
  return scopes
    .map((scope) => {
      const fixed = SCOPE_SPELLING_FIXES[scope];
      if (fixed === undefined) return scope;
      fixes.add(`${scope} -> ${fixed}`);
      return fixed;
    })
    .sort();
}

function extractEventScopes() {
  const catalog = readJson(path.join(SOURCE_ROOT, 'events-api', 'events_catalog.json'));
  const asyncApi = readJson(path.join(SOURCE_ROOT, 'events-api', 'slack_events_api_async_v1.json'));
  if (!Array.isArray(catalog)) fail('events_catalog.json is not a list');

  const events = {};
  const withoutScopeData = [];
  const fixes = new Set();
  for (const entry of catalog) {
    const apis = Array.isArray(entry.APIs) ? entry.APIs : [];
    if (!apis.includes('Events')) continue; // RTM-only: cannot be subscribed to in a manifest
    if (!Array.isArray(entry.scopes)) {
      withoutScopeData.push(entry.name);
      continue;
    }
    events[entry.name] = fixScopes(entry.scopes, fixes);
  }

  const fromAsyncApi = [];
  const topics = isPlainObject(asyncApi.topics) ? asyncApi.topics : {};
  for (const [topic, spec] of Object.entries(topics)) {
    const name = eventNameFromTopic(topic);
    if (name in events || withoutScopeData.includes(name)) continue;
    const scopes = spec && spec.subscribe && spec.subscribe['x-scopes-required'];
    if (!Array.isArray(scopes)) continue;
    events[name] = fixScopes(scopes, fixes);
    fromAsyncApi.push(name);
  }

  const sorted = {};
  for (const name of Object.keys(events).sort()) sorted[name] = events[name];

  writeJson(path.join(OUT_DIR, 'event-scopes.json'), {
    _source: `slack-ruby/slack-api-ref docs.slack.dev/events/events.json at commit ${API_REF_COMMIT} (events with the Events API), plus slackapi/slack-api-specs events-api/slack_events_api_async_v1.json at commit ${API_SPECS_COMMIT} for events the former lacks; both MIT; regenerate with node scripts/extract-slack-facts.js`,
    _meaning:
      'event name -> scopes, any one of which lets the app subscribe to it (the sources do not separate bot from user scopes; the names are the same). An empty list means no scope is needed.',
    scopeSpellingFixes: [...fixes].sort(),
    fromAsyncApi: fromAsyncApi.sort(),
    withoutScopeData: withoutScopeData.sort(),
    events: sorted,
  });
  return Object.keys(sorted).length;
}

// ---------------------------------------------------------------------------
// Manifest examples
// ---------------------------------------------------------------------------

function copyManifestExamples() {
  const outRoot = path.join(OUT_DIR, 'manifest-examples');
  let copied = 0;
  for (const version of ['v1', 'v2']) {
    for (const kind of ['valid', 'invalid']) {
      const from = path.join(SOURCE_ROOT, 'manifest', 'examples', version, `manifest.${kind}.json`);
      readJson(from); // must parse
      const to = path.join(outRoot, version, `manifest.${kind}.json`);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied += 1;
    }
  }
  fs.writeFileSync(
    path.join(outRoot, 'README.md'),
    [
      '# Manifest examples',
      '',
      `Copied unchanged from [slackapi/manifest-schema](https://github.com/slackapi/manifest-schema) at commit \`${MANIFEST_SCHEMA_COMMIT}\``,
      '(`tests/manifests/v1/` and `tests/manifests/v2/`), MIT licence, (c) Slack Technologies, LLC.',
      '',
      'Upstream, `manifest.valid.json` passes its versioned JSON schema and `manifest.invalid.json` fails it',
      'with exactly one error (v1: an unknown key `settings.bad_param`; v2: `input_parameters` of a workflow',
      'without `properties`).',
      '',
      '`test/tooling/manifestRules.test.ts` uses the v1 pair to check our own transcription of the v1 rules',
      'in `test/support/manifestRules.ts`. Regenerate with `node scripts/extract-slack-facts.js`.',
      '',
    ].join('\n'),
  );
  return copied;
}

// ---------------------------------------------------------------------------
// View examples
// ---------------------------------------------------------------------------

function copyViewExamples() {
  const outDir = path.join(OUT_DIR, 'views');
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of VIEW_EXAMPLES) {
    const from = path.join(SOURCE_ROOT, 'views', file);
    readJson(from); // must parse
    fs.copyFileSync(from, path.join(outDir, file));
  }
  fs.writeFileSync(
    path.join(outDir, 'README.md'),
    [
      '# View examples',
      '',
      `Copied unchanged from [slackapi/python-slack-sdk](https://github.com/slackapi/python-slack-sdk) at commit \`${PYTHON_SDK_COMMIT}\``,
      '(`tests/slack_sdk_fixture/<same name>`), MIT licence, (c) Slack Technologies, LLC:',
      '',
      ...VIEW_EXAMPLES.map((file) => `- \`${file}\``),
      '',
      "They are well-formed modal and Home tab views built by Slack's SDK team; `test/tooling/blockKit.test.ts`",
      'checks that `checkBlockKit` reports nothing for them. Regenerate with `node scripts/extract-slack-facts.js`.',
      '',
    ].join('\n'),
  );
  return VIEW_EXAMPLES.length;
}

function main() {
  if (!fs.existsSync(SOURCE_ROOT)) fail(`source folder not found: ${SOURCE_ROOT}`);
  const methods = extractMethods();
  const events = extractEventScopes();
  const examples = copyManifestExamples();
  const views = copyViewExamples();
  process.stdout.write(
    `extract-slack-facts: ${methods} methods, ${events} events, ${examples} manifest examples, ${views} views -> ${path.relative(REPO_ROOT, OUT_DIR)}\n`,
  );
}

main();
