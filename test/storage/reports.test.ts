import type { ReportInput } from '../../src/moderation/types';
import { ReportRepository } from '../../src/storage/reports';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function input(ts: string, author: string | null = 'UAUTHOR'): ReportInput {
  return {
    message: {
      channelId: 'C0GENRL1',
      ts,
      authorId: author,
      permalink: `https://t.slack.com/archives/C0GENRL1/p${ts.replace('.', '')}`,
    },
    reason: { kind: 'conduct', point: 2 },
    note: '乱暴な言葉でした',
    shareIdentity: true,
  };
}

describeOnEachEngine('ReportRepository', (engine) => {
  let repo: ReportRepository;
  beforeAll(() => {
    repo = new ReportRepository(new Store(engine().connect()));
  });

  it('writes every column, reads it back, and moves the status only forward', async () => {
    const id = await repo.insert('UREPORT1', input('1700000000.000100'), 'VREP1', T0);
    if (id === undefined) throw new Error('not inserted');
    await repo.attachCard(id, 'C0MODS01', '1700000001.000100');
    expect(await repo.setStatus(id, ['open'], 'acknowledged')).toBe(true);
    expect(await repo.setStatus(id, ['open'], 'acknowledged')).toBe(false);
    expect(await repo.markReminded(id, at(1))).toBe(true);
    expect(await repo.markReminded(id, at(2))).toBe(false);
    expect(
      await repo.setStatus(id, ['open', 'acknowledged'], 'resolved', {
        resolution: 'Done',
        resolvedAt: at(3),
      }),
    ).toBe(true);
    await repo.addAction(id, null, 'reported', null, T0);
    await repo.addAction(id, 'UADMIN01', 'resolved', 'Done', at(3));
    expect(await repo.get(id)).toEqual({
      id,
      reporterId: 'UREPORT1',
      shareIdentity: true,
      message: input('1700000000.000100').message,
      reason: { kind: 'conduct', point: 2 },
      note: '乱暴な言葉でした',
      status: 'resolved',
      cardChannel: 'C0MODS01',
      cardTs: '1700000001.000100',
      remindedAt: at(1),
      resolution: 'Done',
      createdAt: T0,
      resolvedAt: at(3),
    });
    expect(await repo.actions(id)).toEqual([
      { actorId: null, action: 'reported', note: null, at: T0 },
      { actorId: 'UADMIN01', action: 'resolved', note: 'Done', at: at(3) },
    ]);
  });

  it('takes one report per reporter and message, and one per view', async () => {
    const first = await repo.insert('UREPORT2', input('1700000000.000200'), 'VREP2', T0);
    expect(first).toBeDefined();
    expect(await repo.insert('UREPORT2', input('1700000000.000200'), 'VREP3', T0)).toBeUndefined();
    expect(await repo.insert('UREPORT3', input('1700000000.000300'), 'VREP2', T0)).toBeUndefined();
    expect(await repo.insert('UREPORT3', input('1700000000.000200'), 'VREP4', T0)).toBeDefined();
    expect((await repo.byView('VREP2'))?.id).toBe(first);
    expect((await repo.byReporter('UREPORT2', 'C0GENRL1', '1700000000.000200'))?.id).toBe(first);
    if (first === undefined) throw new Error('not inserted');
    // What Slack tells after saving: an author only where none was known, and Slack's own permalink.
    await repo.completeMessage(first, {
      authorId: 'USOMEONE',
      permalink: 'https://t.slack.com/archives/C0GENRL1/p1',
    });
    expect((await repo.get(first))?.message).toMatchObject({
      authorId: 'UAUTHOR',
      permalink: 'https://t.slack.com/archives/C0GENRL1/p1',
    });
  });

  it('erasure keeps the reports, without the member as reporter, author or actor', async () => {
    const asReporter = await repo.insert('UERASE01', input('1700000000.000500'), null, T0);
    const asAuthor = await repo.insert('UOTHER01', input('1700000000.000600', 'UERASE01'), null, T0);
    const other = await repo.insert('UOTHER01', input('1700000000.000700'), null, T0);
    if (asReporter === undefined || asAuthor === undefined || other === undefined)
      throw new Error('not inserted');
    await repo.addAction(other, 'UERASE01', 'acknowledged', null, T0);
    expect(await repo.exportMember('UERASE01')).toHaveLength(1);
    const erased = await repo.eraseMember('UERASE01');
    expect(erased.reportIds).toEqual([asReporter, asAuthor, other]);
    expect(await repo.get(asReporter)).toMatchObject({ reporterId: null, note: null, shareIdentity: false });
    expect((await repo.get(asAuthor))?.message.authorId).toBeNull();
    expect(await repo.actions(other)).toEqual([
      { actorId: null, action: 'acknowledged', note: null, at: T0 },
    ]);
    expect(await repo.exportMember('UERASE01')).toEqual([]);
    // Two erased reporters of one message do not collide on the one-report-per-reporter index.
    await repo.insert('UERASE02', input('1700000000.000500'), null, T0);
    await repo.eraseMember('UERASE02');
    expect((await repo.get(asReporter))?.reporterId).toBeNull();
  });
});
