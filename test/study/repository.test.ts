import { StudyRepository } from '../../src/storage/study';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (days: number): Date => new Date(T0.getTime() + days * 86_400_000);
const input = { topic: 'Rust', tags: ['rust', 'web'], minMembers: 3, rhythm: 'biweekly' as const };

describeOnEachEngine('StudyRepository', (engine) => {
  it('reads back what it wrote; backing is idempotent; only one claim wins; lapse once', async () => {
    const repo = new StudyRepository(new Store(engine().connect()));
    const id = await repo.insert('U0PROP001', input, T0, at(30));
    expect(await repo.get(id)).toEqual({
      id,
      proposer: 'U0PROP001',
      topic: 'Rust',
      tags: ['rust', 'web'],
      minMembers: 3,
      rhythm: 'biweekly',
      status: 'open',
      createdAt: T0,
      lapsesAt: at(30),
      channelId: null,
      backers: 1,
    });
    expect(await repo.back(id, 'U0BACK001', at(1))).toBe(true);
    expect(await repo.back(id, 'U0BACK001', at(2))).toBe(false);
    expect(await repo.backers(id)).toEqual(['U0PROP001', 'U0BACK001']);
    await repo.recordMentions([{ userId: 'U0BACK002', groupId: id }], at(1));
    await repo.recordMentions([{ userId: 'U0BACK002', groupId: id }], at(8));
    expect((await repo.mentionedTo(['U0BACK002'])).get('U0BACK002')).toEqual(new Set([id]));

    const claims = await Promise.all([
      repo.claim(id, 'token-a', at(3), at(2)),
      repo.claim(id, 'token-b', at(3), at(2)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await repo.unback(id, 'U0BACK001')).toBe(false);
    expect(await repo.dueLapse(at(31))).toEqual([]);

    const other = await repo.insert('U0PROP002', input, T0, at(30));
    expect((await repo.dueLapse(at(30))).map((group) => group.id)).toEqual([other]);
    expect(await repo.markLapsed(other, at(30))).toBe(true);
    expect(await repo.markLapsed(other, at(31))).toBe(false);

    expect(await repo.eraseMember('U0PROP001')).toEqual([id]);
    expect(await repo.get(id)).toBeUndefined();
    expect((await repo.mentionedTo(['U0BACK002'])).get('U0BACK002')).toBeUndefined();
  });
});
