import { parseCommand } from '../../src/slack/parse/command';

describe('parsing intros and talent', () => {
  it.each([
    ['intros', { verb: 'intros', action: 'status' }],
    ['INTROS on', { verb: 'intros', action: 'on' }],
    ['intro off', { verb: 'intros', action: 'off' }],
    ['intros preview', { verb: 'intros', action: 'preview' }],
    ['intros snooze 4', { verb: 'intros', action: 'snooze', weeks: 4 }],
    ['intros snooze ２６', { verb: 'intros', action: 'snooze', weeks: 26 }],
    ['talent 12', { verb: 'talent', query: { kind: 'role', jobId: 12 } }],
    ['talent #7', { verb: 'talent', query: { kind: 'role', jobId: 7 } }],
    [
      'talent product management, python',
      { verb: 'talent', query: { kind: 'text', text: 'product management, python' } },
    ],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['intros maybe', 'intros_usage'],
    ['intros on please', 'intros_usage'],
    ['intros snooze', 'intros_snooze_usage'],
    ['intros snooze 0', 'intros_snooze_usage'],
    ['intros snooze 27', 'intros_snooze_usage'],
    ['intros snooze 1.5', 'intros_snooze_usage'],
    ['talent', 'talent_usage'],
    ['talent   ', 'talent_usage'],
  ])('%s → %s', (text, usage) => {
    expect(parseCommand(text)).toEqual({ ok: false, usage });
  });
});
