/**
 * manifest.json is what gets pasted into api.slack.com: it must be valid and must match what the
 * code registers, with the scopes every subscribed event needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHORTCUT } from '../../src/slack/ids';
import { REGISTERED } from '../../src/slack/listeners';
import { validateManifest } from '../support/manifestRules';
import eventScopes from '../fixtures/event-scopes.json';

interface SlashCommand {
  command: string;
  should_escape?: boolean;
}

interface Manifest {
  features?: {
    app_home?: {
      home_tab_enabled?: boolean;
      messages_tab_enabled?: boolean;
      messages_tab_read_only_enabled?: boolean;
    };
    slash_commands?: SlashCommand[];
    shortcuts?: { callback_id: string; type: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { bot_events?: string[]; request_url?: string };
    interactivity?: { is_enabled?: boolean };
    socket_mode_enabled?: boolean;
  };
}

const raw: unknown = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'manifest.json'), 'utf8'),
);
const manifest = raw as Manifest;
const scopesByEvent: Record<string, string[] | undefined> = eventScopes.events;

const sorted = (items: readonly string[]): string[] => [...new Set(items)].sort();

describe('manifest.json', () => {
  const commands = manifest.features?.slash_commands ?? [];
  const botEvents = manifest.settings?.event_subscriptions?.bot_events ?? [];
  const botScopes = manifest.oauth_config?.scopes?.bot ?? [];

  it('passes the manifest schema rules', () => {
    expect(validateManifest(raw)).toEqual([]);
  });

  it('declares exactly the slash commands the app registers', () => {
    expect(sorted(commands.map((command) => command.command))).toEqual(sorted(REGISTERED.commands));
    expect(commands).toHaveLength(new Set(commands.map((command) => command.command)).size);
  });

  it('declares exactly the shortcuts whose callback ids the app handles (ids.ts SHORTCUT)', () => {
    const shortcuts = manifest.features?.shortcuts ?? [];
    expect(sorted(shortcuts.map((shortcut) => shortcut.callback_id))).toEqual(
      sorted(Object.values(SHORTCUT)),
    );
    expect(shortcuts.every((shortcut) => shortcut.type === 'message')).toBe(true);
  });

  it('subscribes to exactly the bot events the app listens to', () => {
    expect(sorted(botEvents)).toEqual(sorted(REGISTERED.events));
  });

  it.each(REGISTERED.events.map((event) => [event]))('has a bot scope that lets it receive %s', (event) => {
    const needed = scopesByEvent[event];
    expect(needed).toBeDefined();
    const anyOf = needed ?? [];
    if (anyOf.length > 0) expect(botScopes.filter((scope) => anyOf.includes(scope))).not.toEqual([]);
  });

  it('asks for the commands scope, since it has slash commands', () => {
    expect(botScopes).toContain('commands');
  });

  it('lists no scope twice', () => {
    expect(botScopes).toHaveLength(new Set(botScopes).size);
  });

  it('escapes channels, users and links in slash commands (should_escape: true)', () => {
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands)
      expect({ command: command.command, should_escape: command.should_escape }).toEqual({
        command: command.command,
        should_escape: true,
      });
  });

  it('runs in Socket Mode with interactivity on', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('has the Home tab and a writable Messages tab', () => {
    expect(manifest.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });
});
