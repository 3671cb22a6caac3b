import { SupporterRepository } from '../../src/storage/supporters';
import { Store } from '../../src/storage/store';
import type { ProposalInput } from '../../src/supporters/types';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');

function event(title: string): ProposalInput {
  return {
    kind: 'event',
    input: {
      title,
      description: '説明',
      startsAt: new Date('2026-12-10T09:00:00.000Z'),
      endsAt: new Date('2026-12-10T11:00:00.000Z'),
      place: null,
      url: null,
      channel: 'C0EVENTS1',
      capacity: 20,
      tags: ['hiking'],
      reminders: ['1d'],
    },
  };
}

describeOnEachEngine('SupporterRepository', (engine) => {
  let repo: SupporterRepository;
  beforeAll(() => {
    repo = new SupporterRepository(new Store(engine().connect()));
  });

  it('reads the content back, once per view, and decides a pending proposal only once', async () => {
    const id = await repo.insertPending('USUPA001', event('お花見'), 'VSUPA1', T0);
    if (id === undefined) throw new Error('not inserted');
    expect(await repo.insertPending('USUPA001', event('again'), 'VSUPA1', T0)).toBeUndefined();
    expect((await repo.get(id))?.content).toEqual(event('お花見'));
    expect(await repo.decide(id, 'approved', 'UORGA001', null, T0)).toBe(true);
    expect(await repo.decide(id, 'declined', 'UORGA002', 'no', T0)).toBe(false);
    await repo.setItem(id, 77);
    expect(await repo.hostOf('event', 77)).toBe('USUPA001');
    expect(await repo.get(id)).toMatchObject({ status: 'approved', decidedBy: 'UORGA001', itemId: 77 });
  });

  it('erasure deletes pending proposals, keeps posted items uncredited, and forgets the decider', async () => {
    const pending = await repo.insertPending('USUPB001', event('pending'), 'VSUPB1', T0);
    if (pending === undefined) throw new Error('not inserted');
    await repo.attachCard(pending, 'C0ORGS001', '1700000000.000200');
    await repo.insertPosted('USUPB001', event('posted'), 88, T0);
    const decided = await repo.insertPending('USUPB002', event('decided'), 'VSUPB2', T0);
    if (decided === undefined) throw new Error('not inserted');
    await repo.decide(decided, 'declined', 'USUPB001', 'reason', T0);
    expect(await repo.eraseMember('USUPB001')).toEqual({
      creditedEvents: [88],
      removedCards: [{ channel: 'C0ORGS001', ts: '1700000000.000200' }],
    });
    expect(await repo.get(pending)).toBeUndefined();
    expect(await repo.hostOf('event', 88)).toBeUndefined();
    expect(await repo.get(decided)).toMatchObject({ decidedBy: null, proposerId: 'USUPB002' });
    expect(await repo.exportMember('USUPB001')).toEqual([]);
  });
});
