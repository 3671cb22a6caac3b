import type { Db } from './database';
import type { Store } from './store';
import {
  coffeeRequestStatusSchema,
  contactStatusSchema,
  type CoffeeAsk,
  type CoffeeRequest,
  type CoffeeStep,
  type ContactAnswer,
  type JobContact,
} from '../coffee/types';

interface ContactRow {
  id: number;
  job_id: number;
  user_id: string;
  status: string;
  added_at: string;
}

interface RequestRow {
  id: number;
  job_id: number;
  member: string | null;
  status: string;
}

interface AskRow {
  id: number;
  request_id: number;
  contact: string | null;
  answer: string | null;
}

function toContact(row: ContactRow): JobContact {
  const status = contactStatusSchema.safeParse(row.status);
  // The CHECK constraint keeps status valid; the fallback only satisfies the type checker.
  return {
    id: row.id,
    jobId: row.job_id,
    userId: row.user_id,
    status: status.success ? status.data : 'invited',
    addedAt: new Date(row.added_at),
  };
}

function toRequest(row: RequestRow): CoffeeRequest {
  const status = coffeeRequestStatusSchema.safeParse(row.status);
  return {
    id: row.id,
    jobId: row.job_id,
    member: row.member,
    status: status.success ? status.data : 'asking',
  };
}

function toAsk(row: AskRow): CoffeeAsk {
  return { id: row.id, requestId: row.request_id, contact: row.contact, answered: row.answer !== null };
}

/** SQL for coffee chats: a role's team contacts, members' requests, the contacts asked, and their funnel steps. */
export class CoffeeRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      addContact: db.prepare<{ jobId: number; userId: string; addedBy: string; now: string }>(
        `INSERT INTO job_contacts (job_id, user_id, added_by, added_at) VALUES (@jobId, @userId, @addedBy, @now)
         ON CONFLICT (job_id, user_id) DO NOTHING`,
      ),
      contact: db.prepare<[number], ContactRow>('SELECT * FROM job_contacts WHERE id = ?'),
      contactOf: db.prepare<[number, string], ContactRow>(
        'SELECT * FROM job_contacts WHERE job_id = ? AND user_id = ?',
      ),
      contacts: db.prepare<[number], ContactRow>('SELECT * FROM job_contacts WHERE job_id = ? ORDER BY id'),
      answerContact: db.prepare<{ id: number; userId: string; status: string; now: string }>(
        'UPDATE job_contacts SET status = @status, answered_at = @now WHERE id = @id AND user_id = @userId AND status <> @status',
      ),
      confirmed: db.prepare<[number, string], { user_id: string }>(
        "SELECT user_id FROM job_contacts WHERE job_id = ? AND status = 'confirmed' AND user_id <> ? ORDER BY id",
      ),
      insertRequest: db.prepare<{ jobId: number; member: string; now: string }>(
        `INSERT INTO coffee_requests (job_id, member, created_at) VALUES (@jobId, @member, @now)
         ON CONFLICT (job_id, member) DO NOTHING`,
      ),
      request: db.prepare<[number], RequestRow>('SELECT * FROM coffee_requests WHERE id = ?'),
      requestOf: db.prepare<[number, string], RequestRow>(
        'SELECT * FROM coffee_requests WHERE job_id = ? AND member = ?',
      ),
      setRequestStatus: db.prepare<{ id: number; status: string; now: string }>(
        "UPDATE coffee_requests SET status = @status, updated_at = @now WHERE id = @id AND status = 'asking'",
      ),
      // The confirmed contacts not yet asked for this request, fewest open asks first, first added first.
      nextContacts: db.prepare<{ requestId: number; jobId: number; member: string }, { user_id: string }>(
        `SELECT c.user_id FROM job_contacts c
         WHERE c.job_id = @jobId AND c.status = 'confirmed' AND c.user_id <> @member
           AND NOT EXISTS (SELECT 1 FROM coffee_asks a WHERE a.request_id = @requestId AND a.contact = c.user_id)
         ORDER BY (SELECT count(*) FROM coffee_asks a WHERE a.contact = c.user_id AND a.answer IS NULL), c.id`,
      ),
      insertAsk: db.prepare<{ requestId: number; contact: string; now: string }>(
        'INSERT INTO coffee_asks (request_id, contact, asked_at) VALUES (@requestId, @contact, @now) ON CONFLICT DO NOTHING',
      ),
      ask: db.prepare<[number], AskRow>('SELECT * FROM coffee_asks WHERE id = ?'),
      // Only the contact asked, and only once: a double click or a second process changes nothing.
      answerAsk: db.prepare<{ id: number; contact: string; answer: string; now: string }>(
        'UPDATE coffee_asks SET answer = @answer, answered_at = @now WHERE id = @id AND contact = @contact AND answer IS NULL',
      ),
      step: db.prepare<{ jobId: number; userId: string | null; step: CoffeeStep; at: string }>(
        'INSERT INTO coffee_funnel (job_id, user_id, step, at) VALUES (@jobId, @userId, @step, @at) ON CONFLICT DO NOTHING',
      ),
      counts: db.prepare<[number], { step: string; n: number }>(
        'SELECT step, count(*) AS n FROM coffee_funnel WHERE job_id = ? GROUP BY step',
      ),
      openAsks: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM coffee_asks WHERE contact = ? AND answer IS NULL',
      ),
      exportContacts: db.prepare<[string], Record<string, unknown>>(
        `SELECT c.job_id, j.title, c.status, c.added_at, c.answered_at FROM job_contacts c JOIN jobs j ON j.id = c.job_id
         WHERE c.user_id = ? ORDER BY c.id`,
      ),
      exportRequests: db.prepare<[string], Record<string, unknown>>(
        `SELECT r.id, r.job_id, j.title, r.status, r.created_at, r.updated_at FROM coffee_requests r JOIN jobs j ON j.id = r.job_id
         WHERE r.member = ? ORDER BY r.id`,
      ),
      exportAsks: db.prepare<[string], Record<string, unknown>>(
        `SELECT a.request_id, r.job_id, a.answer, a.asked_at, a.answered_at FROM coffee_asks a JOIN coffee_requests r ON r.id = a.request_id
         WHERE a.contact = ? ORDER BY a.id`,
      ),
      exportSteps: db.prepare<[string], Record<string, unknown>>(
        'SELECT job_id, step, at FROM coffee_funnel WHERE user_id = ? ORDER BY at, id',
      ),
      forgetContact: db.prepare('DELETE FROM job_contacts WHERE user_id = ?'),
      forgetAdder: db.prepare('UPDATE job_contacts SET added_by = NULL WHERE added_by = ?'),
      forgetMember: db.prepare('UPDATE coffee_requests SET member = NULL WHERE member = ?'),
      forgetAsked: db.prepare('UPDATE coffee_asks SET contact = NULL WHERE contact = ?'),
      forgetSteps: db.prepare('UPDATE coffee_funnel SET user_id = NULL WHERE user_id = ?'),
      // DMs queued for someone else that name the member: their key ends with ":<member>"
      // (coffee:<request>:ask:<contact>:<member>). DMs to the member, and group DMs with them,
      // are the outbox's own forgetMember().
      forgetOutbox: db.prepare(
        "DELETE FROM outbox WHERE key >= 'coffee:' AND key < 'coffee;' AND key LIKE '%:' || ? AND status <> 'sending'",
      ),
    };
  }

  /** Adds the contact; true when it is new for the role. */
  addContact(jobId: number, userId: string, addedBy: string, now: Date): boolean {
    return this.s.addContact.run({ jobId, userId, addedBy, now: now.toISOString() }).changes === 1;
  }

  contact(id: number): JobContact | undefined {
    const row = this.s.contact.get(id);
    return row === undefined ? undefined : toContact(row);
  }

  contactOf(jobId: number, userId: string): JobContact | undefined {
    const row = this.s.contactOf.get(jobId, userId);
    return row === undefined ? undefined : toContact(row);
  }

  contacts(jobId: number): JobContact[] {
    return this.s.contacts.all(jobId).map(toContact);
  }

  /** True when the answer changed the contact's state (only the contact themselves can). */
  answerContact(id: number, userId: string, answer: ContactAnswer, now: Date): boolean {
    return this.s.answerContact.run({ id, userId, status: answer, now: now.toISOString() }).changes === 1;
  }

  /** Whether someone other than the member, and allowed by `eligible`, has confirmed they will chat about the role. */
  hasConfirmedContact(jobId: number, member: string, eligible: (userId: string) => boolean): boolean {
    return this.s.confirmed.all(jobId, member).some((row) => eligible(row.user_id));
  }

  /** The member's request for the role, created now or found; `created` is false for a second click. */
  openRequest(jobId: number, member: string, now: Date): { request: CoffeeRequest; created: boolean } {
    const created = this.s.insertRequest.run({ jobId, member, now: now.toISOString() }).changes === 1;
    const row = this.s.requestOf.get(jobId, member);
    if (row === undefined) throw new Error(`coffee request for job ${jobId} vanished`);
    return { request: toRequest(row), created };
  }

  request(id: number): CoffeeRequest | undefined {
    const row = this.s.request.get(id);
    return row === undefined ? undefined : toRequest(row);
  }

  requestOf(jobId: number, member: string): CoffeeRequest | undefined {
    const row = this.s.requestOf.get(jobId, member);
    return row === undefined ? undefined : toRequest(row);
  }

  /** Moves an asking request on; true only for the caller that moved it. */
  finishRequest(id: number, status: 'held' | 'unavailable', now: Date): boolean {
    return this.s.setRequestStatus.run({ id, status, now: now.toISOString() }).changes === 1;
  }

  /**
   * Picks and records the next contact to ask among those `eligible` allows (a private role's
   * contacts still in its channel), or undefined when every such confirmed contact was asked.
   */
  askNext(
    request: CoffeeRequest,
    member: string,
    now: Date,
    eligible: (userId: string) => boolean,
  ): CoffeeAsk | undefined {
    const next = this.s.nextContacts
      .all({ requestId: request.id, jobId: request.jobId, member })
      .find((row) => eligible(row.user_id));
    if (next === undefined) return undefined;
    const result = this.s.insertAsk.run({
      requestId: request.id,
      contact: next.user_id,
      now: now.toISOString(),
    });
    const row = this.s.ask.get(Number(result.lastInsertRowid));
    return row === undefined ? undefined : toAsk(row);
  }

  ask(id: number): CoffeeAsk | undefined {
    const row = this.s.ask.get(id);
    return row === undefined ? undefined : toAsk(row);
  }

  /** True only for the asked contact's first answer. */
  answerAsk(id: number, contact: string, answer: 'accepted' | 'declined', now: Date): boolean {
    return this.s.answerAsk.run({ id, contact, answer, now: now.toISOString() }).changes === 1;
  }

  recordStep(jobId: number, userId: string, step: CoffeeStep, now: Date): boolean {
    return this.s.step.run({ jobId, userId, step, at: now.toISOString() }).changes === 1;
  }

  /** Per role: members who asked for a chat, and chats held. */
  counts(jobId: number): { requested: number; held: number } {
    const counts = new Map(this.s.counts.all(jobId).map((row) => [row.step, row.n]));
    return { requested: counts.get('chat_requested') ?? 0, held: counts.get('chat_held') ?? 0 };
  }

  openAsks(contact: string): number {
    return this.s.openAsks.get(contact)?.n ?? 0;
  }

  exportMember(userId: string): Record<string, unknown[]> {
    return {
      contactFor: this.s.exportContacts.all(userId),
      chatRequests: this.s.exportRequests.all(userId),
      chatsAskedToJoin: this.s.exportAsks.all(userId),
      chatSteps: this.s.exportSteps.all(userId),
    };
  }

  /** Privacy erasure: contact rows go; requests, asks and steps stay counted without the member's id. */
  eraseMember(userId: string): void {
    this.db.transaction(() => {
      this.s.forgetContact.run(userId);
      this.s.forgetAdder.run(userId);
      this.s.forgetMember.run(userId);
      this.s.forgetAsked.run(userId);
      this.s.forgetSteps.run(userId);
      this.s.forgetOutbox.run(userId);
    })();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
