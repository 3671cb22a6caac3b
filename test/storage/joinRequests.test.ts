import { JoinRequestRepository } from '../../src/storage/joinRequests';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const FACTS = { years: '2015–2021', department: '営業部' };

describeOnEachEngine('JoinRequestRepository', (engine) => {
  let repo: JoinRequestRepository;
  beforeAll(() => {
    repo = new JoinRequestRepository(new Store(engine().connect()));
  });

  it('writes a request, reads it back, and a replayed view writes nothing', async () => {
    expect(await repo.submit('U1', { facts: FACTS, employeeId: 'E1' }, 'V1', T0)).toBe(true);
    expect(await repo.submit('U1', { facts: {}, employeeId: null }, 'V1', at(1))).toBe(false);
    await repo.attachCard('U1', 'C0ADMIN1', '1700000000.000100');
    expect(await repo.get('U1')).toEqual({
      userId: 'U1',
      status: 'pending',
      facts: FACTS,
      employeeId: 'E1',
      via: null,
      question: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      cardChannel: 'C0ADMIN1',
      cardTs: '1700000000.000100',
      requestedAt: T0,
    });
  });

  it('decides once: of two conditional updates only the first moves the request', async () => {
    await repo.submit('U2', { facts: FACTS, employeeId: null }, 'V2', T0);
    expect(await repo.decide('U2', ['pending'], { status: 'asked', question: 'Which office?' }, at(1))).toBe(
      true,
    );
    // The answer (a new view) puts it back to pending; the same view again does not.
    expect(await repo.submit('U2', { facts: { years: '2010' }, employeeId: null }, 'V3', at(2))).toBe(true);
    expect(await repo.submit('U2', { facts: { years: '2011' }, employeeId: null }, 'V3', at(3))).toBe(false);
    const approve = { status: 'approved', via: 'admin', decidedBy: 'UADMIN1' } as const;
    const [first, second] = await Promise.all([
      repo.decide('U2', ['pending', 'asked'], approve, at(4)),
      repo.decide(
        'U2',
        ['pending', 'asked'],
        { status: 'declined', reason: 'no', decidedBy: 'UADMIN2' },
        at(4),
      ),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const decided = await repo.get('U2');
    expect(decided?.decidedBy).toBe(first ? 'UADMIN1' : 'UADMIN2');
    expect(decided?.decidedAt).toEqual(at(4));
    expect(decided?.facts).toEqual({ years: '2010' });
    // A decided request takes no more submissions.
    expect(await repo.submit('U2', { facts: {}, employeeId: null }, 'V4', at(5))).toBe(false);
  });

  it('loads the eligible list once per entry and counts duplicates', async () => {
    const entries = [
      { kind: 'email', value: 'a@example.com' },
      { kind: 'employee_id', value: 'E9' },
      { kind: 'email', value: 'a@example.com' },
    ] as const;
    expect(await repo.loadEligible(entries, 'UADMIN1', T0)).toEqual({ loaded: 2, duplicated: 1 });
    expect(await repo.loadEligible([{ kind: 'employee_id', value: 'E9' }], 'UADMIN1', T0)).toEqual({
      loaded: 0,
      duplicated: 1,
    });
    expect(await repo.isEligible('email', 'a@example.com')).toBe(true);
    expect(await repo.isEligible('employee_id', 'e9')).toBe(false);
  });

  it('erases the member’s request and trail, and only the id of an admin who acted or loaded the list', async () => {
    await repo.submit('U3', { facts: FACTS, employeeId: null }, 'V5', T0);
    await repo.attachCard('U3', 'C0ADMIN1', '1700000000.000300');
    await repo.addAction('U3', 'U3', 'requested', null, T0);
    await repo.decide('U3', ['pending'], { status: 'approved', via: 'admin', decidedBy: 'UADMIN3' }, at(1));
    await repo.addAction('U3', 'UADMIN3', 'approved', null, at(1));
    await repo.loadEligible([{ kind: 'email', value: 'b@example.com' }], 'UADMIN3', T0);

    expect(await repo.eraseMember('UADMIN3')).toBeUndefined();
    expect((await repo.get('U3'))?.decidedBy).toBeNull();
    expect((await repo.actions('U3')).map((action) => action.actorId)).toEqual(['U3', null]);
    expect(await repo.isEligible('email', 'b@example.com')).toBe(true);

    expect(await repo.eraseMember('U3')).toEqual({ channel: 'C0ADMIN1', ts: '1700000000.000300' });
    expect(await repo.get('U3')).toBeUndefined();
    expect(await repo.actions('U3')).toEqual([]);
  });
});
