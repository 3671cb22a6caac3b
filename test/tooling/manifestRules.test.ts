import * as fs from 'fs';
import * as path from 'path';
import { validateManifest } from '../support/manifestRules';

const REPO_ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

type Json = Record<string, unknown>;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function loadEventScopes(): Map<string, string[]> {
  const events = field(readJson(path.join(FIXTURES, 'event-scopes.json')), 'events');
  if (!isRecord(events)) throw new Error('test/fixtures/event-scopes.json has no "events" object');
  return new Map(Object.entries(events).map(([name, scopes]) => [name, stringList(scopes)]));
}

/** A deep copy of the repo manifest, to mutate in a test. */
function ourManifest(): Json {
  const manifest = readJson(path.join(REPO_ROOT, 'manifest.json'));
  if (!isRecord(manifest)) throw new Error('manifest.json is not an object');
  return manifest;
}

describe('validateManifest (schema v1 rules)', () => {
  it('accepts the upstream v1 valid example', () => {
    expect(
      validateManifest(readJson(path.join(FIXTURES, 'manifest-examples/v1/manifest.valid.json'))),
    ).toEqual([]);
  });

  it('rejects the upstream v1 invalid example (unknown key settings.bad_param)', () => {
    expect(
      validateManifest(readJson(path.join(FIXTURES, 'manifest-examples/v1/manifest.invalid.json'))),
    ).toEqual(['settings: Unrecognized key: "bad_param"']);
  });

  it('says plainly that v2 manifests are not covered', () => {
    const violations = validateManifest(
      readJson(path.join(FIXTURES, 'manifest-examples/v2/manifest.valid.json')),
    );
    expect(violations).toEqual([expect.stringMatching(/^_metadata\.major_version: 2 is not covered/)]);
  });

  it("accepts the repo's manifest.json", () => {
    expect(validateManifest(ourManifest())).toEqual([]);
  });

  it('reports the rules that matter for our manifest', () => {
    const m = ourManifest();
    const info = m.display_information as Json;
    info.name = 'x'.repeat(36);
    info.description = 'x'.repeat(141);
    info.long_description = 'too short';
    info.background_color = 'teal';
    const features = m.features as Json;
    (features.bot_user as Json).display_name = '';
    (features.bot_user as Json).always_online = 'yes';
    const command = (features.slash_commands as Json[])[0] as Json;
    command.command = 'alumni';
    command.url = 'example.com/slack';
    command.colour = 'blue';
    (m.settings as Json).socket_mode_enabled = 'true';
    (m.settings as Json).event_subscriptions = {
      bot_events: ['team_join', 'team_join'],
      request_url: 'nope',
    };
    (m.oauth_config as Json).scopes = { bot: ['x'.repeat(51)] };
    m.extra = true;

    const violations = validateManifest(m);
    const paths = violations.map((v) => v.slice(0, v.indexOf(':')));
    expect(paths).toEqual(
      expect.arrayContaining([
        '(manifest)',
        'display_information.name',
        'display_information.description',
        'display_information.long_description',
        'display_information.background_color',
        'features.bot_user.display_name',
        'features.bot_user.always_online',
        'features.slash_commands[0].command',
        'features.slash_commands[0].url',
        'features.slash_commands[0]',
        'settings.socket_mode_enabled',
        'settings.event_subscriptions.bot_events',
        'settings.event_subscriptions.request_url',
        'oauth_config.scopes.bot[0]',
      ]),
    );
    expect(violations).toContain('(manifest): Unrecognized key: "extra"');
    expect(violations).toContain('features.slash_commands[0]: Unrecognized key: "colour"');
  });

  it('requires display_information and interactivity.is_enabled', () => {
    const m = ourManifest();
    delete m.display_information;
    (m.settings as Json).interactivity = {};
    expect(validateManifest(m)).toEqual(
      expect.arrayContaining([
        'display_information: required',
        'settings.interactivity.is_enabled: required',
      ]),
    );
  });

  it('rejects a major_version other than 1 or 2', () => {
    expect(validateManifest({ _metadata: { major_version: 3 }, display_information: { name: 'x' } })).toEqual(
      ['_metadata.major_version: must be 1 or 2, got 3'],
    );
  });
});

describe('manifest.json events and scopes', () => {
  const manifest = ourManifest();
  const botScopes = new Set(stringList(field(manifest, 'oauth_config', 'scopes', 'bot')));
  const botEvents = stringList(field(manifest, 'settings', 'event_subscriptions', 'bot_events'));
  const eventScopes = loadEventScopes();

  it('subscribes to some bot events', () => {
    expect(botEvents.length).toBeGreaterThan(0);
  });

  it.each(botEvents)('bot event %s is allowed by one of the bot scopes', (event) => {
    const needed = eventScopes.get(event);
    expect(needed).toBeDefined();
    // An empty list means the event needs no scope (e.g. app_home_opened).
    if (needed && needed.length > 0) {
      expect(needed.filter((scope) => botScopes.has(scope))).not.toEqual([]);
    }
  });

  it('knows the scope each of our events needs', () => {
    expect(eventScopes.get('message.im')).toEqual(['im:history']);
    expect(eventScopes.get('team_join')).toEqual(['users:read']);
    expect(eventScopes.get('app_home_opened')).toEqual([]);
    expect(eventScopes.get('app_mention')).toEqual(['app_mentions:read']);
  });
});
