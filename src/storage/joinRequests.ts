import type { Selectable } from 'kysely';
import {
  joinActionSchema,
  joinStatusSchema,
  joinViaSchema,
  type EligibilityAnswers,
  type JoinAction,
  type JoinActionKind,
  type JoinInput,
  type JoinRequest,
  type JoinStatus,
  type JoinVia,
} from '../approval/types';
import { chunks } from './chunks';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

type JoinRow = Selectable<Database['join_requests']>;

function readFacts(text: string): EligibilityAnswers {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function toRequest(row: JoinRow): JoinRequest {
  return {
    userId: row.user_id,
    status: joinStatusSchema.catch('pending').parse(row.status),
    facts: readFacts(row.facts),
    employeeId: row.employee_id,
    via: row.via === null ? null : joinViaSchema.catch('admin').parse(row.via),
    question: row.question,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
    requestedAt: new Date(row.requested_at),
  };
}

/** What a decision writes beside the status. */
export interface Decision {
  readonly status: JoinStatus;
  readonly via?: JoinVia;
  readonly question?: string;
  readonly reason?: string;
  readonly decidedBy?: string | null;
}

/** How many rows of an eligible-list file were new, and how many were already known. */
export interface EligibleLoad {
  readonly loaded: number;
  readonly duplicated: number;
}

/** SQL for join requests, their audit trail (join_request_actions) and the eligible list. */
export class JoinRequestRepository extends StoreBacked {
  async get(userId: string): Promise<JoinRequest | undefined> {
    return this.rowWhere('join_requests', 'user_id', userId, toRequest);
  }

  /**
   * Saves the facts a newcomer sent, as a new pending request or as the answer to an admin's
   * question (asked → pending). False when nothing was written: this view was already taken (a
   * replay), or the request is decided. One statement each, so replicas cannot both write.
   */
  async submit(userId: string, input: JoinInput, viewId: string | null, now: Date): Promise<boolean> {
    const values = {
      facts: JSON.stringify(input.facts),
      employee_id: input.employeeId,
      view_id: viewId,
      updated_at: now.toISOString(),
    };
    const inserted = await this.sql
      .insertInto('join_requests')
      .values({ user_id: userId, status: 'pending', requested_at: now.toISOString(), ...values })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (inserted !== undefined) return true;
    const update = this.sql
      .updateTable('join_requests')
      .set({ ...values, status: 'pending' })
      .where('user_id', '=', userId)
      .where('status', 'in', ['pending', 'asked']);
    const updated = await (
      viewId === null
        ? update
        : update.where((eb) => eb.or([eb('view_id', 'is', null), eb('view_id', '<>', viewId)]))
    ).executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /** An approval without a form (list or domain match at join): creates the row approved. */
  async insertApproved(userId: string, via: JoinVia, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const inserted = await this.sql
      .insertInto('join_requests')
      .values({
        user_id: userId,
        status: 'approved',
        via,
        decided_at: at,
        requested_at: at,
        updated_at: at,
      })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** Moves an undecided request (pending or asked) to a decision; false when it had moved already. */
  async decide(userId: string, from: readonly JoinStatus[], decision: Decision, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const final = decision.status === 'approved' || decision.status === 'declined';
    const updated = await this.sql
      .updateTable('join_requests')
      .set({
        status: decision.status,
        updated_at: at,
        ...(decision.via === undefined ? {} : { via: decision.via }),
        ...(decision.question === undefined ? {} : { question: decision.question }),
        ...(decision.reason === undefined ? {} : { reason: decision.reason }),
        ...(final ? { decided_by: decision.decidedBy ?? null, decided_at: at } : {}),
      })
      .where('user_id', '=', userId)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async attachCard(userId: string, channel: string, ts: string): Promise<void> {
    await this.sql
      .updateTable('join_requests')
      .set({ card_channel: channel, card_ts: ts })
      .where('user_id', '=', userId)
      .execute();
  }

  /** Writes one line of the trail; its id keys the DM the step sends. */
  async addAction(
    userId: string,
    actorId: string | null,
    action: JoinActionKind,
    note: string | null,
    now: Date,
  ): Promise<number> {
    const row = await this.sql
      .insertInto('join_request_actions')
      .values({ user_id: userId, actor_id: actorId, action, note, at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async actions(userId: string): Promise<JoinAction[]> {
    const rows = await this.sql
      .selectFrom('join_request_actions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      actorId: row.actor_id,
      action: joinActionSchema.catch('requested').parse(row.action),
      note: row.note,
      at: new Date(row.at),
    }));
  }

  /** Adds the entries not yet on the list; emails arrive normalised (lower case). */
  async loadEligible(
    entries: readonly { kind: 'email' | 'employee_id'; value: string }[],
    loadedBy: string,
    now: Date,
  ): Promise<EligibleLoad> {
    let loaded = 0;
    const distinct = [...new Map(entries.map((entry) => [`${entry.kind}:${entry.value}`, entry])).values()];
    for (const part of chunks(distinct)) {
      const inserted = await this.sql
        .insertInto('eligible_people')
        .values(part.map((entry) => ({ ...entry, loaded_by: loadedBy, loaded_at: now.toISOString() })))
        .onConflict((conflict) => conflict.columns(['kind', 'value']).doNothing())
        .returning('value')
        .execute();
      loaded += inserted.length;
    }
    return { loaded, duplicated: entries.length - loaded };
  }

  async isEligible(kind: 'email' | 'employee_id', value: string): Promise<boolean> {
    const row = await this.sql
      .selectFrom('eligible_people')
      .select('value')
      .where('kind', '=', kind)
      .where('value', '=', value)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The member's request, its trail, and the eligible-list rows they loaded (as an admin). */
  async exportMember(userId: string): Promise<unknown> {
    const request = await this.get(userId);
    const decidedForOthers = await this.sql
      .selectFrom('join_request_actions')
      .select(['action', 'at'])
      .where('actor_id', '=', userId)
      .where('user_id', '<>', userId)
      .orderBy('id')
      .execute();
    return {
      request:
        request === undefined
          ? null
          : {
              status: request.status,
              via: request.via,
              facts: request.facts,
              employeeId: request.employeeId,
              question: request.question,
              reason: request.reason,
              decidedBy: request.decidedBy,
              decidedAt: request.decidedAt?.toISOString() ?? null,
              requestedAt: request.requestedAt.toISOString(),
            },
      trail: (await this.actions(userId)).map((action) => ({
        action: action.action,
        by: action.actorId,
        note: action.note,
        at: action.at.toISOString(),
      })),
      decisionsAsAdmin: decidedForOthers,
    };
  }

  /**
   * Erasure: the member's request and its trail are deleted; as the admin who decided or acted on
   * others' requests, their id is cleared (the decision and its time stay). The eligible list is
   * the company's list and stays, without the id of the admin who loaded it. Returns the card of the
   * member's own request, which the caller deletes from the admins' channel.
   */
  async eraseMember(userId: string): Promise<{ channel: string; ts: string } | undefined> {
    const own = await this.get(userId);
    await this.sql.deleteFrom('join_request_actions').where('user_id', '=', userId).execute();
    await this.sql.deleteFrom('join_requests').where('user_id', '=', userId).execute();
    await this.sql
      .updateTable('join_request_actions')
      .set({ actor_id: null })
      .where('actor_id', '=', userId)
      .execute();
    await this.sql
      .updateTable('join_requests')
      .set({ decided_by: null })
      .where('decided_by', '=', userId)
      .execute();
    await this.sql
      .updateTable('eligible_people')
      .set({ loaded_by: null })
      .where('loaded_by', '=', userId)
      .execute();
    if (own?.cardChannel === null || own?.cardChannel === undefined || own.cardTs === null) return undefined;
    return { channel: own.cardChannel, ts: own.cardTs };
  }
}
