import type { Selectable } from 'kysely';
import { outboxKeysNaming } from './keyRanges';
import type { Database } from './schema';
import {
  coffeeRequestStatusSchema,
  contactStatusSchema,
  type CoffeeAsk,
  type CoffeeRequest,
  type CoffeeStep,
  type ContactAnswer,
  type JobContact,
} from '../coffee/types';
import { StoreBacked } from './storeBacked';

type ContactRow = Selectable<Database['job_contacts']>;
type RequestRow = Selectable<Database['coffee_requests']>;
type AskRow = Selectable<Database['coffee_asks']>;

// The CHECK constraints keep statuses valid; the fallbacks only satisfy the type checker.
function toContact(row: ContactRow): JobContact {
  return {
    id: row.id,
    jobId: row.job_id,
    userId: row.user_id,
    status: contactStatusSchema.catch('invited').parse(row.status),
    addedAt: new Date(row.added_at),
  };
}

function toRequest(row: RequestRow): CoffeeRequest {
  return {
    id: row.id,
    jobId: row.job_id,
    member: row.member,
    status: coffeeRequestStatusSchema.catch('asking').parse(row.status),
  };
}

function toAsk(row: AskRow): CoffeeAsk {
  return { id: row.id, requestId: row.request_id, contact: row.contact, answered: row.answer !== null };
}

/** SQL for coffee chats: a role's team contacts, members' requests, the contacts asked, and their funnel steps. */
export class CoffeeRepository extends StoreBacked {
  /** Adds the contact; true when it is new for the role. */
  async addContact(jobId: number, userId: string, addedBy: string, now: Date): Promise<boolean> {
    const result = await this.sql
      .insertInto('job_contacts')
      .values({ job_id: jobId, user_id: userId, added_by: addedBy, added_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['job_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async contact(id: number): Promise<JobContact | undefined> {
    return this.rowWhere('job_contacts', 'id', id, toContact);
  }

  async contactOf(jobId: number, userId: string): Promise<JobContact | undefined> {
    const row = await this.sql
      .selectFrom('job_contacts')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : toContact(row);
  }

  async contacts(jobId: number): Promise<JobContact[]> {
    const rows = await this.sql
      .selectFrom('job_contacts')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('id')
      .execute();
    return rows.map(toContact);
  }

  /** True when the answer changed the contact's state (only the contact themselves can). */
  async answerContact(id: number, userId: string, answer: ContactAnswer, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('job_contacts')
      .set({ status: answer, answered_at: now.toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('status', '<>', answer)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Whether someone other than the member, and allowed by `eligible`, has confirmed they will chat about the role. */
  async hasConfirmedContact(
    jobId: number,
    member: string,
    eligible: (userId: string) => boolean,
  ): Promise<boolean> {
    const rows = await this.sql
      .selectFrom('job_contacts')
      .select('user_id')
      .where('job_id', '=', jobId)
      .where('status', '=', 'confirmed')
      .where('user_id', '<>', member)
      .orderBy('id')
      .execute();
    return rows.some((row) => eligible(row.user_id));
  }

  /**
   * The member's request for the role, created now or found; `created` is false for a second
   * click. coffee_requests_once makes this hold across replicas: of two presses arriving at once,
   * one inserts and the other's insert does nothing (on Postgres it waits for the first to commit).
   */
  async openRequest(
    jobId: number,
    member: string,
    now: Date,
  ): Promise<{ request: CoffeeRequest; created: boolean }> {
    const result = await this.sql
      .insertInto('coffee_requests')
      .values({ job_id: jobId, member, created_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['job_id', 'member']).doNothing())
      .executeTakeFirst();
    const request = await this.requestOf(jobId, member);
    if (request === undefined) throw new Error(`coffee request for job ${jobId} vanished`);
    return { request, created: result.numInsertedOrUpdatedRows === 1n };
  }

  async request(id: number): Promise<CoffeeRequest | undefined> {
    return this.rowWhere('coffee_requests', 'id', id, toRequest);
  }

  async requestOf(jobId: number, member: string): Promise<CoffeeRequest | undefined> {
    const row = await this.sql
      .selectFrom('coffee_requests')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('member', '=', member)
      .executeTakeFirst();
    return row === undefined ? undefined : toRequest(row);
  }

  /** Moves an asking request on; true only for the caller that moved it. */
  async finishRequest(id: number, status: 'held' | 'unavailable', now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('coffee_requests')
      .set({ status, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'asking')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Picks and records the next contact to ask among those `eligible` allows (a private role's
   * contacts still in its channel), or undefined when every such confirmed contact was asked.
   * Candidates are the confirmed contacts not yet asked for this request, fewest open asks first,
   * first added first. A contact is asked once per request (coffee_asks_once): when another
   * replica asked the same contact a moment ago, the insert does nothing and the next one is tried.
   */
  async askNext(
    request: CoffeeRequest,
    member: string,
    now: Date,
    eligible: (userId: string) => boolean,
  ): Promise<CoffeeAsk | undefined> {
    const candidates = await this.sql
      .selectFrom('job_contacts as c')
      .select('c.user_id')
      .where('c.job_id', '=', request.jobId)
      .where('c.status', '=', 'confirmed')
      .where('c.user_id', '<>', member)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('coffee_asks as a')
              .select('a.id')
              .where('a.request_id', '=', request.id)
              .whereRef('a.contact', '=', 'c.user_id'),
          ),
        ),
      )
      .orderBy((eb) =>
        eb
          .selectFrom('coffee_asks as o')
          .select((inner) => inner.fn.countAll().as('open'))
          .whereRef('o.contact', '=', 'c.user_id')
          .where('o.answer', 'is', null),
      )
      .orderBy('c.id')
      .execute();
    for (const { user_id: contact } of candidates) {
      if (!eligible(contact)) continue;
      const row = await this.sql
        .insertInto('coffee_asks')
        .values({ request_id: request.id, contact, asked_at: now.toISOString() })
        .onConflict((conflict) => conflict.columns(['request_id', 'contact']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) return toAsk(row);
    }
    return undefined;
  }

  async ask(id: number): Promise<CoffeeAsk | undefined> {
    return this.rowWhere('coffee_asks', 'id', id, toAsk);
  }

  /** True only for the asked contact's first answer: a double click or a second replica changes nothing. */
  async answerAsk(id: number, contact: string, answer: 'accepted' | 'declined', now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('coffee_asks')
      .set({ answer, answered_at: now.toISOString() })
      .where('id', '=', id)
      .where('contact', '=', contact)
      .where('answer', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async recordStep(jobId: number, userId: string, step: CoffeeStep, now: Date): Promise<boolean> {
    const result = await this.sql
      .insertInto('coffee_funnel')
      .values({ job_id: jobId, user_id: userId, step, at: now.toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /** Per role: members who asked for a chat, and chats held. */
  async counts(jobId: number): Promise<{ requested: number; held: number }> {
    const rows = await this.sql
      .selectFrom('coffee_funnel')
      .select((eb) => ['step', eb.fn.countAll<number>().as('n')])
      .where('job_id', '=', jobId)
      .groupBy('step')
      .execute();
    const counts = new Map(rows.map((row) => [row.step, Number(row.n)]));
    return { requested: counts.get('chat_requested') ?? 0, held: counts.get('chat_held') ?? 0 };
  }

  async openAsks(contact: string): Promise<number> {
    const row = await this.sql
      .selectFrom('coffee_asks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contact', '=', contact)
      .where('answer', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async exportMember(userId: string): Promise<Record<string, unknown[]>> {
    return {
      contactFor: await this.sql
        .selectFrom('job_contacts as c')
        .innerJoin('jobs as j', 'j.id', 'c.job_id')
        .select(['c.job_id', 'j.title', 'c.status', 'c.added_at', 'c.answered_at'])
        .where('c.user_id', '=', userId)
        .orderBy('c.id')
        .execute(),
      chatRequests: await this.sql
        .selectFrom('coffee_requests as r')
        .innerJoin('jobs as j', 'j.id', 'r.job_id')
        .select(['r.id', 'r.job_id', 'j.title', 'r.status', 'r.created_at', 'r.updated_at'])
        .where('r.member', '=', userId)
        .orderBy('r.id')
        .execute(),
      chatsAskedToJoin: await this.sql
        .selectFrom('coffee_asks as a')
        .innerJoin('coffee_requests as r', 'r.id', 'a.request_id')
        .select(['a.request_id', 'r.job_id', 'a.answer', 'a.asked_at', 'a.answered_at'])
        .where('a.contact', '=', userId)
        .orderBy('a.id')
        .execute(),
      chatSteps: await this.sql
        .selectFrom('coffee_funnel')
        .select(['job_id', 'step', 'at'])
        .where('user_id', '=', userId)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    };
  }

  /** Privacy erasure: contact rows go; requests, asks and steps stay counted without the member's id. */
  async eraseMember(userId: string): Promise<void> {
    await this.store.transaction(async () => {
      await this.sql.deleteFrom('job_contacts').where('user_id', '=', userId).execute();
      await this.sql
        .updateTable('job_contacts')
        .set({ added_by: null })
        .where('added_by', '=', userId)
        .execute();
      await this.sql
        .updateTable('coffee_requests')
        .set({ member: null })
        .where('member', '=', userId)
        .execute();
      await this.sql
        .updateTable('coffee_asks')
        .set({ contact: null })
        .where('contact', '=', userId)
        .execute();
      await this.sql
        .updateTable('coffee_funnel')
        .set({ user_id: null })
        .where('user_id', '=', userId)
        .execute();
      // DMs queued for someone else that name the member: their key ends with ":<member>"
      // (coffee:<request>:ask:<contact>:<member>). DMs to the member, and group DMs with them,
      // are the outbox's own forgetMember().
      await this.sql
        .deleteFrom('outbox')
        .where((eb) => outboxKeysNaming(eb, 'coffee:', userId))
        .where('status', '<>', 'sending')
        .execute();
    });
  }
}
