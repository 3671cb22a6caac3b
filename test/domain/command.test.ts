import { parseCommand } from '../../src/slack/parse/command';

describe('parseCommand', () => {
  it.each([
    ['', { verb: 'help' }],
    ['HELP', { verb: 'help' }],
    ['profile', { verb: 'profile' }],
    ['interests', { verb: 'interests', action: 'list' }],
    ['interests add a, b', { verb: 'interests', action: 'add', text: 'a, b' }],
    ['find  product management ', { verb: 'find', query: 'product management' }],
    ['privacy', { verb: 'privacy', action: 'menu' }],
    ['privacy EXPORT', { verb: 'privacy', action: 'export' }],
    ['roles', { verb: 'roles' }],
    ['role add <@U123ABC|aiko> hr', { verb: 'role', action: 'add', userId: 'U123ABC', role: 'hr' }],
    ['role remove <@W123ABC> admin', { verb: 'role', action: 'remove', userId: 'W123ABC', role: 'admin' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['interests list please', { ok: true }],
    ['interests fly', { ok: false, usage: 'interests_usage' }],
    ['interests add   ', { ok: false, usage: 'interests_empty' }],
    ['find', { ok: false, usage: 'find_usage' }],
    ['privacy now', { ok: false, usage: 'privacy_usage' }],
    ['role add @aiko hr', { ok: false, usage: { kind: 'plain_at', given: '@aiko', verb: 'role' } }],
    ['role add aiko hr', { ok: false, usage: 'role_bad_user' }],
    ['role add <@U123ABC> boss', { ok: false, usage: { kind: 'role_bad_role', given: 'boss' } }],
    ['role', { ok: false, usage: 'role_usage' }],
    ['dance', { ok: false, unknown: 'dance' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toMatchObject(expected);
  });

  it('never throws on hostile text', () => {
    for (const text of [
      '\u0000',
      '<<<>>>',
      'x'.repeat(100_000),
      '\uD800',
      'role add <@|> hr',
      '🎉 '.repeat(1000),
    ]) {
      expect(() => parseCommand(text)).not.toThrow();
    }
  });
});
