import type { Selectable } from 'kysely';
import {
  proposalStatusSchema,
  readProposalInput,
  type Proposal,
  type ProposalInput,
  type ProposalKind,
  type ProposalStatus,
} from '../supporters/types';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

type ProposalRow = Selectable<Database['supporter_proposals']>;

/** The stored JSON of a form's content (dates as ISO strings, read back by readProposalInput). */
function inputJson(content: ProposalInput): string {
  return JSON.stringify(content.input);
}

function toProposal(row: ProposalRow): Proposal | undefined {
  const content = readProposalInput(row.kind, row.input);
  if (content === undefined) return undefined;
  return {
    id: Number(row.id),
    proposerId: row.proposer_id,
    content,
    status: proposalStatusSchema.catch('declined').parse(row.status),
    itemId: row.item_id === null ? null : Number(row.item_id),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at),
    reason: row.reason,
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
    createdAt: new Date(row.created_at),
  };
}

function proposals(rows: readonly ProposalRow[]): Proposal[] {
  return rows.flatMap((row) => toProposal(row) ?? []);
}

/** What a member's erasure changed: event cards that credited them, and proposal cards now gone. */
export interface SupporterErasure {
  readonly creditedEvents: readonly number[];
  readonly removedCards: readonly { readonly channel: string; readonly ts: string }[];
}

/** SQL for supporters' proposals and the "hosted by" credits they leave (supporter_proposals). */
export class SupporterRepository extends StoreBacked {
  /**
   * A pending proposal, unless this view already made one (a replay): undefined then, nothing written.
   * One statement, so two replicas taking the same submission cannot both insert.
   */
  async insertPending(
    proposerId: string,
    content: ProposalInput,
    viewId: string | null,
    now: Date,
  ): Promise<number | undefined> {
    return this.insertOnce('supporter_proposals', {
      kind: content.kind,
      proposer_id: proposerId,
      input: inputJson(content),
      status: 'pending',
      view_id: viewId,
      created_at: now.toISOString(),
    });
  }

  /** The credit of an item a supporter posted directly; once per item (the unique kind + item_id). */
  async insertPosted(proposerId: string, content: ProposalInput, itemId: number, now: Date): Promise<void> {
    await this.sql
      .insertInto('supporter_proposals')
      .values({
        kind: content.kind,
        proposer_id: proposerId,
        input: inputJson(content),
        status: 'posted',
        item_id: itemId,
        created_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }

  async get(id: number): Promise<Proposal | undefined> {
    return this.rowWhere('supporter_proposals', 'id', id, toProposal);
  }

  async byView(viewId: string): Promise<Proposal | undefined> {
    return this.rowWhere('supporter_proposals', 'view_id', viewId, toProposal);
  }

  /**
   * Decides a pending proposal: one statement that only a pending row matches, so of two organizers
   * pressing at once exactly one changes it. False when it was no longer pending.
   */
  async decide(
    id: number,
    to: 'approved' | 'declined',
    deciderId: string,
    reason: string | null,
    now: Date,
  ): Promise<boolean> {
    const result = await this.sql
      .updateTable('supporter_proposals')
      .set({ status: to, decided_by: deciderId, decided_at: now.toISOString(), reason })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Undoes an approval whose posting failed (e.g. the organizer may not post in that channel). */
  async reopen(id: number, deciderId: string): Promise<void> {
    await this.sql
      .updateTable('supporter_proposals')
      .set({ status: 'pending', decided_by: null, decided_at: null })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .where('decided_by', '=', deciderId)
      .where('item_id', 'is', null)
      .execute();
  }

  async setItem(id: number, itemId: number): Promise<void> {
    await this.sql.updateTable('supporter_proposals').set({ item_id: itemId }).where('id', '=', id).execute();
  }

  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.recordCard('supporter_proposals', id, channel, ts);
  }

  /** Who hosts the item: the supporter of its approved or posted proposal, if any (and not erased). */
  async hostOf(kind: ProposalKind, itemId: number): Promise<string | undefined> {
    const row = await this.sql
      .selectFrom('supporter_proposals')
      .select('proposer_id')
      .where('kind', '=', kind)
      .where('item_id', '=', itemId)
      .where('status', 'in', ['approved', 'posted'])
      .where('proposer_id', 'is not', null)
      .executeTakeFirst();
    return row?.proposer_id ?? undefined;
  }

  /** The member's proposals, newest first (App Home). */
  async byProposer(userId: string, limit: number): Promise<Proposal[]> {
    const rows = await this.sql
      .selectFrom('supporter_proposals')
      .selectAll()
      .where('proposer_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return proposals(rows);
  }

  /** Hosts of events credited to a supporter, one row per event (stats). */
  async eventHosts(): Promise<{ eventId: number; hostId: string }[]> {
    const rows = await this.sql
      .selectFrom('supporter_proposals')
      .select(['item_id', 'proposer_id'])
      .where('kind', '=', 'event')
      .where('status', 'in', ['approved', 'posted'])
      .where('item_id', 'is not', null)
      .where('proposer_id', 'is not', null)
      .execute();
    return rows.flatMap((row) =>
      row.item_id === null || row.proposer_id === null
        ? []
        : [{ eventId: Number(row.item_id), hostId: row.proposer_id }],
    );
  }

  /** The member's own proposals, for their export. */
  async exportMember(userId: string): Promise<unknown[]> {
    const rows = await this.sql
      .selectFrom('supporter_proposals')
      .selectAll()
      .where('proposer_id', '=', userId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      content: readProposalInput(row.kind, row.input)?.input ?? null,
      status: row.status,
      itemId: row.item_id === null ? null : Number(row.item_id),
      reason: row.reason,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
    }));
  }

  /**
   * Erasure: pending and declined proposals go; on approved and posted ones the credit goes (the
   * item stays, its card drawn again); as decider, their id goes. Their proposal cards are deleted.
   */
  async eraseMember(userId: string): Promise<SupporterErasure> {
    // Every card of theirs named them to the organizers: it is deleted, whatever became of it.
    const cards = await this.sql
      .selectFrom('supporter_proposals')
      .select(['card_channel', 'card_ts'])
      .where('proposer_id', '=', userId)
      .execute();
    await this.sql
      .deleteFrom('supporter_proposals')
      .where('proposer_id', '=', userId)
      .where('status', 'in', ['pending', 'declined'] satisfies ProposalStatus[])
      .execute();
    const credited = await this.sql
      .updateTable('supporter_proposals')
      .set({ proposer_id: null, card_channel: null, card_ts: null })
      .where('proposer_id', '=', userId)
      .returning(['kind', 'item_id'])
      .execute();
    await this.sql
      .updateTable('supporter_proposals')
      .set({ decided_by: null })
      .where('decided_by', '=', userId)
      .execute();
    return {
      creditedEvents: credited.flatMap((row) =>
        row.kind === 'event' && row.item_id !== null ? [Number(row.item_id)] : [],
      ),
      removedCards: cards.flatMap((row) =>
        row.card_channel === null || row.card_ts === null
          ? []
          : [{ channel: row.card_channel, ts: row.card_ts }],
      ),
    };
  }
}
