import type { JobInput } from '../../src/jobs/types';
import { CoffeeRepository } from '../../src/storage/coffee';
import { JobRepository } from '../../src/storage/jobs';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const T1 = new Date('2026-12-02T09:30:00.000Z');
const T2 = new Date('2026-12-03T08:15:00.000Z');
const anyone = (): boolean => true;

const role: JobInput = {
  title: 'Designer',
  team: null,
  location: null,
  workStyle: 'remote',
  employmentType: 'full_time',
  description: null,
  applyUrl: 'https://example.com/apply',
  tags: [],
  recruiter: 'UREC',
  closesOn: null,
  channel: 'CJOBS',
};

/** A role with confirmed contacts, through the repositories themselves. */
async function roleWithContacts(sql: Sql, contacts: readonly string[]): Promise<number> {
  const store = new Store(sql);
  const jobId = await new JobRepository(store).insert(role, 'UHR', T0);
  const coffee = new CoffeeRepository(store);
  for (const userId of contacts) {
    await coffee.addContact(jobId, userId, 'UHR', T0);
    const contact = await coffee.contactOf(jobId, userId);
    if (contact === undefined) throw new Error('contact not added');
    await coffee.answerContact(contact.id, userId, 'confirmed', T0);
  }
  return jobId;
}

describeOnEachEngine('coffee repository', (engine) => {
  test('contacts, requests, asks and steps read back as written', async () => {
    const sql = engine().connect();
    const coffee = new CoffeeRepository(new Store(sql));
    const jobId = await new JobRepository(new Store(sql)).insert(role, 'UHR', T0);
    expect(await coffee.addContact(jobId, 'UC1', 'UHR', T0)).toBe(true);
    expect(await coffee.addContact(jobId, 'UC1', 'UHR', T1)).toBe(false);
    const contact = await coffee.contactOf(jobId, 'UC1');
    if (contact === undefined) throw new Error('contact expected');
    expect(contact).toEqual({ id: contact.id, jobId, userId: 'UC1', status: 'invited', addedAt: T0 });
    expect(await coffee.contact(contact.id)).toEqual(contact);
    // Only the contact answers, and the same answer twice changes nothing.
    expect(await coffee.answerContact(contact.id, 'UOTHER', 'confirmed', T1)).toBe(false);
    expect(await coffee.answerContact(contact.id, 'UC1', 'confirmed', T1)).toBe(true);
    expect(await coffee.answerContact(contact.id, 'UC1', 'confirmed', T1)).toBe(false);
    expect(await coffee.contacts(jobId)).toEqual([{ ...contact, status: 'confirmed' }]);
    expect(await coffee.hasConfirmedContact(jobId, 'UM', anyone)).toBe(true);
    expect(await coffee.hasConfirmedContact(jobId, 'UC1', anyone)).toBe(false);
    expect(await coffee.hasConfirmedContact(jobId, 'UM', (id) => id !== 'UC1')).toBe(false);

    const { request, created } = await coffee.openRequest(jobId, 'UM', T1);
    expect(created).toBe(true);
    expect(request).toEqual({ id: request.id, jobId, member: 'UM', status: 'asking' });
    expect(await coffee.request(request.id)).toEqual(request);
    expect(await coffee.requestOf(jobId, 'UM')).toEqual(request);
    expect(await coffee.openRequest(jobId, 'UM', T2)).toEqual({ request, created: false });

    const ask = await coffee.askNext(request, 'UM', T1, anyone);
    if (ask === undefined) throw new Error('ask expected');
    expect(ask).toEqual({ id: ask.id, requestId: request.id, contact: 'UC1', answered: false });
    expect(await coffee.ask(ask.id)).toEqual(ask);
    expect(await coffee.openAsks('UC1')).toBe(1);
    expect(await coffee.askNext(request, 'UM', T1, anyone)).toBeUndefined();
    expect(await coffee.answerAsk(ask.id, 'UOTHER', 'accepted', T2)).toBe(false);
    expect(await coffee.answerAsk(ask.id, 'UC1', 'accepted', T2)).toBe(true);
    expect(await coffee.answerAsk(ask.id, 'UC1', 'declined', T2)).toBe(false);
    expect(await coffee.ask(ask.id)).toMatchObject({ answered: true });
    expect(await coffee.openAsks('UC1')).toBe(0);
    expect(await coffee.finishRequest(request.id, 'held', T2)).toBe(true);
    expect(await coffee.finishRequest(request.id, 'unavailable', T2)).toBe(false);
    expect(await coffee.request(request.id)).toMatchObject({ status: 'held' });

    expect(await coffee.recordStep(jobId, 'UM', 'chat_requested', T1)).toBe(true);
    expect(await coffee.recordStep(jobId, 'UM', 'chat_requested', T2)).toBe(false);
    expect(await coffee.recordStep(jobId, 'UM', 'chat_held', T2)).toBe(true);
    expect(await coffee.counts(jobId)).toEqual({ requested: 1, held: 1 });

    expect(await coffee.exportMember('UC1')).toEqual({
      contactFor: [
        {
          job_id: jobId,
          title: 'Designer',
          status: 'confirmed',
          added_at: T0.toISOString(),
          answered_at: T1.toISOString(),
        },
      ],
      chatRequests: [],
      chatsAskedToJoin: [
        {
          request_id: request.id,
          job_id: jobId,
          answer: 'accepted',
          asked_at: T1.toISOString(),
          answered_at: T2.toISOString(),
        },
      ],
      chatSteps: [],
    });
    expect(await coffee.exportMember('UM')).toMatchObject({
      chatRequests: [
        {
          id: request.id,
          job_id: jobId,
          title: 'Designer',
          status: 'held',
          created_at: T1.toISOString(),
          updated_at: T2.toISOString(),
        },
      ],
      chatSteps: [
        { job_id: jobId, step: 'chat_requested', at: T1.toISOString() },
        { job_id: jobId, step: 'chat_held', at: T2.toISOString() },
      ],
    });

    await coffee.eraseMember('UM');
    await coffee.eraseMember('UC1');
    expect(await coffee.contacts(jobId)).toEqual([]);
    expect(await coffee.request(request.id)).toMatchObject({ member: null });
    expect(await coffee.ask(ask.id)).toMatchObject({ contact: null });
    expect(await coffee.counts(jobId)).toEqual({ requested: 1, held: 1 });
  });

  test('contacts are asked fewest open asks first, then first added', async () => {
    const sql = engine().connect();
    const coffee = new CoffeeRepository(new Store(sql));
    const busyJob = await roleWithContacts(sql, ['UBUSY']);
    const busy = await coffee.openRequest(busyJob, 'UM1', T0);
    expect((await coffee.askNext(busy.request, 'UM1', T0, anyone))?.contact).toBe('UBUSY');
    const jobId = await roleWithContacts(sql, ['UBUSY', 'UFREE1', 'UFREE2']);
    const { request } = await coffee.openRequest(jobId, 'UM2', T0);
    expect((await coffee.askNext(request, 'UM2', T0, anyone))?.contact).toBe('UFREE1');
    expect((await coffee.askNext(request, 'UM2', T0, anyone))?.contact).toBe('UFREE2');
    expect((await coffee.askNext(request, 'UM2', T0, anyone))?.contact).toBe('UBUSY');
    expect(await coffee.askNext(request, 'UM2', T0, anyone)).toBeUndefined();
  });

  test('two presses on two replicas at once open one request: exactly one is created', async () => {
    const jobId = await roleWithContacts(engine().connect(), ['UC']);
    const replicas = [1, 2, 3].map(() => new CoffeeRepository(new Store(engine().connect())));
    const opened = await Promise.all(
      replicas.flatMap((coffee) => [
        coffee.openRequest(jobId, 'URACE', T1),
        coffee.openRequest(jobId, 'URACE', T1),
      ]),
    );
    expect(opened.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(opened.map((result) => result.request.id)).size).toBe(1);
  });

  test('two replicas asking for one request at once ask each contact at most once', async () => {
    const sql = engine().connect();
    const jobId = await roleWithContacts(sql, ['UA1', 'UA2', 'UA3']);
    const { request } = await new CoffeeRepository(new Store(sql)).openRequest(jobId, 'UM', T0);
    const replicas = [1, 2].map(() => new CoffeeRepository(new Store(engine().connect())));
    const asks = await Promise.all(replicas.map((coffee) => coffee.askNext(request, 'UM', T1, anyone)));
    const contacts = asks.map((ask) => ask?.contact);
    // Each replica got its own ask, for a different contact: none lost the race with nothing to show.
    expect(new Set(contacts).size).toBe(2);
    expect(contacts).not.toContain(undefined);
    const rows = await sql
      .selectFrom('coffee_asks')
      .select('contact')
      .where('request_id', '=', request.id)
      .execute();
    expect(rows).toHaveLength(2);
  });
});

describeOnEachEngine('coffee requests in transactions', (engine) => {
  // SQLite has one writer: its BEGIN IMMEDIATE makes these transactions take turns (and two
  // connections in one process would wait on each other), so only Postgres runs them side by side.
  test('two replicas checking then opening the same request in their transactions: one creates it', async () => {
    if (engine().name !== 'postgres') return;
    const jobId = await roleWithContacts(engine().connect(), ['UC']);
    const replicas = [1, 2].map(() => {
      const store = new Store(engine().connect());
      return { store, coffee: new CoffeeRepository(store) };
    });
    const outcomes = await Promise.all(
      replicas.map(({ store, coffee }) =>
        store.transaction(async () => {
          if ((await coffee.requestOf(jobId, 'UTX')) !== undefined) return 'already';
          const { created } = await coffee.openRequest(jobId, 'UTX', T1);
          return created ? 'created' : 'already';
        }),
      ),
    );
    expect(outcomes.sort()).toEqual(['already', 'created']);
  });
});
