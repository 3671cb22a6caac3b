import { AskRepository } from '../../src/storage/asks';
import { CollabRepository } from '../../src/storage/collab';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (days: number): Date => new Date(T0.getTime() + days * 86_400_000);

describeOnEachEngine('CollabRepository', (engine) => {
  let asks: AskRepository;
  let repo: CollabRepository;
  const item = (author: string) =>
    asks.insert(
      { type: 'ask', kind: 'advice', title: 'Pricing', details: null, tags: [], audience: 'all', days: 30 },
      author,
      T0,
      at(30),
    );
  beforeAll(() => {
    const store = new Store(engine().connect());
    asks = new AskRepository(store);
    repo = new CollabRepository(store);
  });

  it('lets one claim in, fences each step on it, and hands a released or stale claim over', async () => {
    const id = await item('UAUTH1');
    const first = await repo.claim(id, 'UAUTH1', 'token-a', T0, at(-1));
    expect(first).toMatchObject({ claimed: true, channel: { status: 'creating', claimToken: 'token-a' } });
    // A second press (or replica) while the first is at work gets nothing.
    expect((await repo.claim(id, 'UAUTH1', 'token-b', T0, at(-1))).claimed).toBe(false);
    expect(await repo.recordChannel(id, 'token-b', 'C0WRONG', 'wrong')).toBe(false);
    expect(await repo.recordChannel(id, 'token-a', 'C0COLLAB1', 'ask-1-pricing')).toBe(true);
    // The holder fails and lets go: the next press resumes with the channel already recorded.
    await repo.release(id, 'token-a');
    const resumed = await repo.claim(id, 'UADMIN', 'token-c', at(0.001), at(-1));
    expect(resumed).toMatchObject({
      claimed: true,
      channel: { channelId: 'C0COLLAB1', startedBy: 'UADMIN' },
    });
    // A claim nobody finished is taken over once stale.
    expect((await repo.claim(id, 'UAUTH1', 'token-d', at(0.002), at(0.0015))).claimed).toBe(true);
    expect(await repo.finish(id, 'token-c', '1.000100', at(0.003))).toBe(false);
    await repo.addMembers(id, ['UAUTH1', 'UHELP1', 'UHELP1'], at(0.003));
    expect(await repo.finish(id, 'token-d', '1.000100', at(0.003))).toBe(true);
    expect(await repo.get(id)).toEqual({
      askId: id,
      status: 'ready',
      startedBy: 'UAUTH1',
      claimToken: null,
      claimedAt: at(0.002),
      channelId: 'C0COLLAB1',
      channelName: 'ask-1-pricing',
      introTs: '1.000100',
      lastMessageAt: at(0.003),
      headsUpFor: null,
      headsUpAt: null,
      archivedAt: null,
    });
    expect(await repo.members(id)).toEqual(['UAUTH1', 'UHELP1']);
    expect((await repo.byChannel('C0COLLAB1'))?.askId).toBe(id);
    expect([...(await repo.ofItems([id, id + 1000])).keys()]).toEqual([id]);
    // Done: no claim is taken any more.
    expect((await repo.claim(id, 'UAUTH1', 'token-e', at(1), at(1))).claimed).toBe(false);
  });

  it('finds quiet channels once per quiet spell, archives the still quiet, and a message starts again', async () => {
    const id = await item('UAUTH2');
    await repo.claim(id, 'UAUTH2', 't', T0, at(-1));
    await repo.recordChannel(id, 't', 'C0COLLAB2', 'ask-2-pricing');
    await repo.finish(id, 't', '2.000100', T0);
    const quiet = async (days: number) => (await repo.quietSince(at(days))).map((c) => c.askId);
    expect(await quiet(-1)).not.toContain(id);
    expect(await quiet(0)).toContain(id);
    expect(await repo.markHeadsUp(id, T0, at(30))).toBe(true);
    expect(await repo.markHeadsUp(id, T0, at(30))).toBe(false);
    expect(await quiet(31)).not.toContain(id);
    expect((await repo.dueArchive(at(29))).map((c) => c.askId)).not.toContain(id);
    expect((await repo.dueArchive(at(30))).map((c) => c.askId)).toContain(id);
    // A message: the heads-up no longer holds, and the next quiet spell gets one of its own.
    expect(await repo.touch(id, at(32))).toBe(true);
    expect(await repo.touch(id, at(31))).toBe(false);
    expect((await repo.dueArchive(at(60))).map((c) => c.askId)).not.toContain(id);
    expect(await repo.markArchived(id, T0, at(60))).toBe(false);
    expect(await quiet(32)).toContain(id);
    expect(await repo.markArchived(id, at(32), at(70))).toBe(true);
    expect(await repo.touch(id, at(71))).toBe(false);
    expect(await repo.reopen(id, at(71))).toBe(true);
    expect(await repo.get(id)).toMatchObject({ status: 'ready', archivedAt: null, lastMessageAt: at(71) });
    await repo.markGone(id);
    expect((await repo.get(id))?.status).toBe('gone');
    expect(await quiet(500)).not.toContain(id);
  });

  it('exports and erases a member’s rows: their items’ channels, their invitations, their name as starter', async () => {
    const mine = await item('UAUTH3');
    const theirs = await item('UOTHER3');
    for (const [id, channel] of [
      [mine, 'C0MINE3'],
      [theirs, 'C0THEIRS3'],
    ] as const) {
      await repo.claim(id, 'UAUTH3', 't', T0, at(-1));
      await repo.recordChannel(id, 't', channel, channel.toLowerCase());
      await repo.finish(id, 't', `${id}.000100`, T0);
    }
    await repo.addMembers(mine, ['UAUTH3', 'UHELP3'], T0);
    await repo.addMembers(theirs, ['UOTHER3', 'UAUTH3'], T0);
    const exported = await repo.exportMember('UAUTH3');
    expect(exported.channels.map((c) => (c as { channelId: string }).channelId)).toEqual([
      'C0MINE3',
      'C0THEIRS3',
    ]);
    expect(exported.invitedTo.map((c) => (c as { channelId: string }).channelId)).toEqual([
      'C0MINE3',
      'C0THEIRS3',
    ]);

    expect(await repo.eraseMember('UAUTH3')).toEqual({
      items: [mine],
      removedPosts: [{ channel: 'C0MINE3', ts: `${mine}.000100` }],
    });
    expect(await repo.get(mine)).toBeUndefined();
    expect(await repo.members(mine)).toEqual([]);
    expect(await repo.get(theirs)).toMatchObject({ startedBy: null, channelId: 'C0THEIRS3' });
    expect(await repo.members(theirs)).toEqual(['UOTHER3']);
    expect(await repo.exportMember('UAUTH3')).toEqual({ channels: [], invitedTo: [] });
  });
});
