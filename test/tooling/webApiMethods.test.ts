import { checkWebApiCall, isKnownMethod, methodTier } from '../support/webApiMethods';

describe('checkWebApiCall', () => {
  it('accepts a well-formed chat.postMessage', () => {
    expect(checkWebApiCall('chat.postMessage', { channel: 'U123', text: 'Welcome back!' })).toEqual([]);
  });

  it('reports chat.postMessage without a channel', () => {
    const violations = checkWebApiCall('chat.postMessage', { text: 'hi' });
    expect(violations).toEqual(['chat.postMessage: missing required argument "channel"']);
  });

  it('treats null and the empty string as missing', () => {
    expect(checkWebApiCall('chat.postMessage', { channel: '', text: 'hi' })).toHaveLength(1);
    expect(checkWebApiCall('chat.postMessage', { channel: null, text: 'hi' })).toHaveLength(1);
  });

  it('reports an unknown method', () => {
    expect(checkWebApiCall('chat.postMesage', { channel: 'C1', text: 'hi' })).toEqual([
      'unknown Web API method "chat.postMesage"',
    ]);
    expect(isKnownMethod('chat.postMesage')).toBe(false);
  });

  it('requires message content: text, blocks, attachments or markdown_text', () => {
    expect(checkWebApiCall('chat.postMessage', { channel: 'C1' })).toEqual([
      'chat.postMessage: needs at least one of "text", "blocks", "attachments", "markdown_text"',
    ]);
    expect(checkWebApiCall('chat.postMessage', { channel: 'C1', blocks: [] })).toHaveLength(1);
    expect(checkWebApiCall('chat.postMessage', { channel: 'C1', blocks: [{ type: 'divider' }] })).toEqual([]);
  });

  it('knows the other calls the bot makes', () => {
    expect(checkWebApiCall('chat.postEphemeral', { channel: 'C1', text: 'only you' })).toEqual([
      'chat.postEphemeral: missing required argument "user"',
    ]);
    expect(checkWebApiCall('chat.update', { channel: 'C1', ts: '1.2', text: 'edited' })).toEqual([]);
    expect(checkWebApiCall('views.open', { trigger_id: 't' })).toEqual([
      'views.open: missing required argument "view"',
    ]);
    expect(checkWebApiCall('views.publish', { user_id: 'U1', view: { type: 'home', blocks: [] } })).toEqual(
      [],
    );
    expect(checkWebApiCall('users.info', {})).toEqual(['users.info: missing required argument "user"']);
    expect(checkWebApiCall('conversations.open', { users: 'U1,U2' })).toEqual([]);
    expect(checkWebApiCall('conversations.open', {})).toEqual([
      'conversations.open: needs at least one of "channel", "users"',
    ]);
    expect(checkWebApiCall('files.getUploadURLExternal', { filename: 'export.json' })).toEqual([
      'files.getUploadURLExternal: missing required argument "length"',
    ]);
    expect(checkWebApiCall('files.completeUploadExternal', { files: [{ id: 'F1' }] })).toEqual([]);
    expect(checkWebApiCall('conversations.history', { channel: 'D1' })).toEqual([]);
    expect(checkWebApiCall('auth.test', {})).toEqual([]);
    expect(checkWebApiCall('apps.connections.open', {})).toEqual([]);
  });

  it('never asks for token (the client adds it)', () => {
    expect(checkWebApiCall('auth.test', {})).toEqual([]);
  });
});

describe('methodTier', () => {
  it('returns the tiers in the reference data', () => {
    expect(methodTier('chat.postMessage')).toBe('t5');
    expect(methodTier('users.info')).toBe('t4');
    expect(methodTier('views.publish')).toBe('t4');
    expect(methodTier('conversations.open')).toBe('t3');
    expect(methodTier('chat.update')).toBe('t3');
  });

  it('returns null for an unknown method', () => {
    expect(methodTier('nope.nope')).toBeNull();
  });
});
