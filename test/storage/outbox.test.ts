import { OutboxRepository, type NewOutboxRecord } from '../../src/storage/outbox';
import { prefixEnd } from '../../src/storage/outboxConditions';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (ms: number): string => new Date(T0.getTime() + ms).toISOString();
const MINUTE = 60_000;

function row(key: string, overrides: Partial<NewOutboxRecord> = {}): NewOutboxRecord {
  return {
    kind: 'test_post',
    key,
    channel: 'C0OUTBOX1',
    payload: JSON.stringify({ text: `post ${key}` }),
    dueAt: at(0),
    expiresAt: null,
    notifyOnFailure: null,
    status: 'pending',
    lastError: null,
    now: at(-MINUTE),
    ...overrides,
  };
}

describeOnEachEngine('the outbox repository', (engine) => {
  const open = (): OutboxRepository => new OutboxRepository(new Store(engine().connect()));

  /** Claims the one due row with this key (the others due at that time are put back). */
  async function claimOnly(outbox: OutboxRepository, key: string, worker: string, now: string) {
    const { claimed } = await outbox.expireAndClaim(now, worker, 1000);
    for (const other of claimed.filter((r) => r.key !== key)) await outbox.unclaim(other.id, worker, now);
    const mine = claimed.find((r) => r.key === key);
    if (mine === undefined) throw new Error(`${key} was not claimed`);
    return mine;
  }

  test('insertMany writes many rows in a few statements and returns only the keys that were new', async () => {
    const outbox = open();
    // Due far ahead, so that the claim tests below never see these rows.
    const later = at(100_000 * MINUTE);
    expect(await outbox.insert(row('many:0002', { payload: '{"text":"first"}', dueAt: later }))).toBe(true);
    // More than one statement's worth, so the chunking is crossed too.
    const records = Array.from({ length: 450 }, (_, i) =>
      row(`many:${String(i).padStart(4, '0')}`, {
        channel: `U0MANY${i}`,
        dueAt: later,
        status: i % 2 === 0 ? 'pending' : 'skipped',
      }),
    );
    const created = await outbox.insertMany(records);
    expect(created.size).toBe(449);
    expect(created.has('many:0002')).toBe(false);
    expect(created.has('many:0449')).toBe(true);
    // The row that was there keeps its payload; the new ones read back as written.
    expect((await outbox.get('many:0002'))?.payload).toBe('{"text":"first"}');
    expect(await outbox.get('many:0449')).toMatchObject({
      channel: 'U0MANY449',
      status: 'skipped',
      due_at: later,
    });
    expect(await outbox.insertMany(records)).toEqual(new Set());
    expect(await outbox.insertMany([])).toEqual(new Set());
  });

  test('every column written through the repository reads back as written', async () => {
    const outbox = open();
    const record = row('roundtrip:1', {
      channel: 'mpim:U0ONE,U0TWO',
      expiresAt: at(60 * MINUTE),
      notifyOnFailure: 'U0AUTHOR',
      dueAt: at(-5 * MINUTE),
    });
    expect(await outbox.insert(record)).toBe(true);
    expect(await outbox.insert({ ...record, payload: '{"text":"again"}' })).toBe(false);

    const first = await claimOnly(outbox, 'roundtrip:1', 'worker-a', at(0));
    expect(first).toMatchObject({
      status: 'sending',
      claimed_by: 'worker-a',
      claimed_at: at(0),
      attempts: 1,
    });
    expect(await outbox.rememberConversation(first.id, 'worker-b', 'G0WRONG', at(1))).toBe(false);
    expect(await outbox.rememberConversation(first.id, 'worker-a', 'G0GROUP', at(1))).toBe(true);
    expect(
      await outbox.release(
        first.id,
        'worker-a',
        at(MINUTE),
        'fatal_error',
        { ambiguous: true, refund: false },
        at(2),
      ),
    ).toBe(true);

    const second = await claimOnly(outbox, 'roundtrip:1', 'worker-b', at(MINUTE));
    expect(second).toMatchObject({ attempts: 2, unconfirmed_since: at(0), slack_channel: 'G0GROUP' });
    expect(await outbox.fence(second.id, 'worker-a', at(MINUTE + 1))).toBe(false);
    expect(await outbox.fence(second.id, 'worker-b', at(MINUTE + 1))).toBe(true);
    expect(
      await outbox.markSent(
        second.id,
        'worker-b',
        { channel: 'G0GROUP', ts: '1.000002' },
        'found_in_history',
        at(MINUTE + 2),
      ),
    ).toBe(true);

    expect(await outbox.get('roundtrip:1')).toEqual({
      id: second.id,
      kind: 'test_post',
      key: 'roundtrip:1',
      channel: 'mpim:U0ONE,U0TWO',
      payload: JSON.stringify({ text: 'post roundtrip:1' }),
      due_at: at(-5 * MINUTE),
      expires_at: at(60 * MINUTE),
      status: 'sent',
      attempts: 2,
      next_attempt_at: at(MINUTE),
      last_error: 'found_in_history',
      claimed_by: 'worker-b',
      claimed_at: at(MINUTE + 1),
      unconfirmed_since: null,
      slack_channel: 'G0GROUP',
      slack_ts: '1.000002',
      sent_at: at(MINUTE + 2),
      notify_on_failure: 'U0AUTHOR',
      failure_notified_at: null,
      created_at: at(-MINUTE),
      updated_at: at(MINUTE + 2),
    });

    // A failure is found once for its notice, and marked notified once.
    expect(
      await outbox.insert(row('roundtrip:2', { notifyOnFailure: 'U0AUTHOR', dueAt: at(2 * MINUTE) })),
    ).toBe(true);
    const failing = await claimOnly(outbox, 'roundtrip:2', 'worker-a', at(2 * MINUTE));
    expect(await outbox.finish(failing.id, 'worker-a', 'failed', 'channel_not_found', at(2 * MINUTE))).toBe(
      true,
    );
    expect((await outbox.unnotifiedFailures(50)).map((r) => r.key)).toContain('roundtrip:2');
    expect(await outbox.markNotified(failing.id, at(3 * MINUTE))).toBe(true);
    expect(await outbox.markNotified(failing.id, at(4 * MINUTE))).toBe(false);
    expect((await outbox.unnotifiedFailures(50)).map((r) => r.key)).not.toContain('roundtrip:2');
    expect(await outbox.get('roundtrip:2')).toMatchObject({
      status: 'failed',
      last_error: 'channel_not_found',
      failure_notified_at: at(3 * MINUTE),
    });
  });

  test('expiry skips due rows unless they may already be in Slack; claims take the earliest first', async () => {
    const outbox = open();
    const now = at(10 * 24 * 60 * MINUTE);
    await outbox.insert(row('expiry:late', { dueAt: at(-MINUTE), expiresAt: at(-1) }));
    await outbox.insert(row('expiry:first', { dueAt: at(-2 * MINUTE) }));
    await outbox.insert(row('expiry:future', { dueAt: at(20 * 24 * 60 * MINUTE) }));
    const { expired, claimed } = await outbox.expireAndClaim(now, 'worker-a', 1);
    expect(expired).toContain('expiry:late');
    expect(claimed.map((r) => r.key)).toEqual(['expiry:first']);
    expect(await outbox.get('expiry:late')).toMatchObject({ status: 'skipped', last_error: 'expired' });
    expect((await outbox.get('expiry:future'))?.status).toBe('pending');

    // A stale claim taken back is unconfirmed: it is no longer expired blindly.
    const [claim] = (await outbox.sending()).filter((c) => c.key === 'expiry:first');
    if (claim === undefined) throw new Error('no claim');
    expect(await outbox.takeBack(claim, 'recovered_stale_claim', now)).toBe(true);
    expect(await outbox.takeBack(claim, 'recovered_stale_claim', now)).toBe(false);
    expect(await outbox.get('expiry:first')).toMatchObject({
      status: 'pending',
      claimed_by: null,
      unconfirmed_since: now,
      last_error: 'recovered_stale_claim',
    });
    expect(await outbox.reschedule('expiry:first', now, null, { expiresAt: at(-1) }, now)).toBe(true);
    const again = await outbox.expireAndClaim(now, 'worker-b', 100);
    expect(again.expired).not.toContain('expiry:first');
    expect(again.claimed.map((r) => r.key)).toContain('expiry:first');
  });

  test('a refunded attempt never takes attempts below zero', async () => {
    const outbox = open();
    await outbox.insert(row('refund:1', { dueAt: at(-3 * MINUTE) }));
    const claimed = await claimOnly(outbox, 'refund:1', 'worker-a', at(0));
    expect(claimed.attempts).toBe(1);
    const flags = { ambiguous: false, refund: true };
    expect(await outbox.release(claimed.id, 'worker-a', at(0), 'ratelimited', flags, at(0))).toBe(true);
    expect(await outbox.get('refund:1')).toMatchObject({ attempts: 0, unconfirmed_since: null });
    const reclaimed = await claimOnly(outbox, 'refund:1', 'worker-a', at(0));
    expect(await outbox.unclaim(reclaimed.id, 'worker-a', at(0))).toBe(true);
    expect(await outbox.get('refund:1')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  test('prefixes select by range, on both engines alike', async () => {
    const outbox = open();
    await outbox.insert(row('digest:1:U0A'));
    await outbox.insert(row('digest:1:U0B', { status: 'skipped', lastError: 'opted_out' }));
    await outbox.insert(row('digest:1:U0C', { status: 'skipped', lastError: 'opted_out' }));
    await outbox.insert(row('digest:10:U0A'));
    await outbox.insert(row('digest:1;after'));
    await outbox.insert(row('digest:1:é'));

    const counts = await outbox.statusCounts('digest:1:');
    expect(counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'pending', lastError: null, count: 2 },
      { status: 'skipped', lastError: 'opted_out', count: 2 },
    ]);
    expect((await outbox.byPrefix('digest:1:')).map((r) => r.key).sort()).toEqual([
      'digest:1:U0A',
      'digest:1:U0B',
      'digest:1:U0C',
      'digest:1:é',
    ]);
    expect((await outbox.byPrefix('')).length).toBeGreaterThanOrEqual(6);

    expect((await outbox.cancelByPrefix('digest:1:', at(1))).sort()).toEqual(['digest:1:U0A', 'digest:1:é']);
    expect((await outbox.get('digest:10:U0A'))?.status).toBe('pending');
    expect(await outbox.reschedule('digest:1:U0A', at(5), null, undefined, at(5))).toBe(false);

    expect(await outbox.renameKeys('digest:1:', 'digest:erased-1:', at(2))).toBe(4);
    expect((await outbox.byPrefix('digest:erased-1:')).map((r) => r.key).sort()).toEqual([
      'digest:erased-1:U0A',
      'digest:erased-1:U0B',
      'digest:erased-1:U0C',
      'digest:erased-1:é',
    ]);
    expect(await outbox.get('digest:1;after')).toBeDefined();
  });

  test('reschedule keeps what it is not given and clears the expiry on null', async () => {
    const outbox = open();
    await outbox.insert(row('move:1', { expiresAt: at(MINUTE) }));
    expect(await outbox.reschedule('move:1', at(30 * MINUTE), null, undefined, at(1))).toBe(true);
    expect(await outbox.get('move:1')).toMatchObject({
      due_at: at(30 * MINUTE),
      next_attempt_at: at(30 * MINUTE),
      payload: JSON.stringify({ text: 'post move:1' }),
      expires_at: at(MINUTE),
    });
    expect(
      await outbox.reschedule('move:1', at(40 * MINUTE), '{"text":"new"}', { expiresAt: null }, at(2)),
    ).toBe(true);
    expect(await outbox.get('move:1')).toMatchObject({ payload: '{"text":"new"}', expires_at: null });
  });

  test('erasure finds exactly the member: DMs, group DMs and notices naming them', async () => {
    const outbox = open();
    const user = 'U0ERASE';
    await outbox.insert(row('erase:dm', { channel: user }));
    await outbox.insert(row('erase:group', { channel: `mpim:U0OTHER,${user},U0THIRD` }));
    await outbox.insert(row('erase:group-last', { channel: `mpim:U0OTHER,${user}` }));
    await outbox.insert(row('erase:not-them', { channel: `mpim:U0OTHER,${user}X` }));
    await outbox.insert(row('erase:other-case', { channel: 'mpim:U0OTHER,u0erase' }));
    await outbox.insert(row(`outbox-failure:event:3:${user}:reminder`, { channel: 'U0AUTHOR' }));
    await outbox.insert(row(`outbox-failure:event:3:${user}X`, { channel: 'U0AUTHOR' }));
    await outbox.insert(row('erase:told', { notifyOnFailure: user }));
    await outbox.insert(row('erase:sending', { channel: user, dueAt: at(-30 * MINUTE) }));
    await claimOnly(outbox, 'erase:sending', 'worker-a', at(-30 * MINUTE));

    expect((await outbox.toMember(user)).map((r) => r.key).sort()).toEqual([
      'erase:dm',
      'erase:group',
      'erase:group-last',
      'erase:sending',
    ]);
    // 4 deleted (dm, two group DMs, one notice) + 1 no longer told about failures.
    expect(await outbox.forgetMember(user, at(1))).toBe(5);
    expect((await outbox.toMember(user)).map((r) => r.key)).toEqual(['erase:sending']);
    expect(await outbox.get('erase:not-them')).toBeDefined();
    expect(await outbox.get('erase:other-case')).toBeDefined();
    expect(await outbox.get(`outbox-failure:event:3:${user}X`)).toBeDefined();
    expect(await outbox.get(`outbox-failure:event:3:${user}:reminder`)).toBeUndefined();
    expect((await outbox.get('erase:told'))?.notify_on_failure).toBeNull();
  });

  test('deleting by key takes any number of keys, and leaves a row being sent', async () => {
    const outbox = open();
    const keys = Array.from({ length: 601 }, (_, i) => `bulk:${i}`);
    await outbox.transaction(async () => {
      for (const key of keys) await outbox.insert(row(key, { dueAt: at(99 * MINUTE) }));
    });
    await claimOnly(outbox, 'bulk:7', 'worker-a', at(99 * MINUTE));
    expect(await outbox.deleteKeys([...keys, 'bulk:missing'])).toBe(600);
    expect((await outbox.byPrefix('bulk:')).map((r) => r.key)).toEqual(['bulk:7']);
    expect(await outbox.deleteKeys([])).toBe(0);
  });
});

test('a prefix range ends just past the prefix, in code point order', () => {
  expect(prefixEnd('')).toBeUndefined();
  expect(prefixEnd('job:')).toBe('job;');
  expect(prefixEnd('a\u{10FFFF}')).toBe('b');
  expect(prefixEnd('\u{10FFFF}')).toBeUndefined();
  expect(prefixEnd('x\uD7FF')).toBe('x\uE000');
  expect(prefixEnd('x\u{1F600}')).toBe('x\u{1F601}');
});
