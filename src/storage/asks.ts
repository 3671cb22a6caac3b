import { type AskInput, type AskItem, type AskResponse } from '../asks/types';
import { toItem, columns, toResponse, type AskRow } from './askRows';
import { chunks } from './chunks';
import { StoreBacked } from './storeBacked';

/** Counts for `stats`: items by type and status, responses, and distinct helpers thanked. */
export interface AskFigures {
  readonly asks: { readonly open: number; readonly resolved: number; readonly lapsed: number };
  readonly offers: { readonly open: number; readonly resolved: number; readonly lapsed: number };
  readonly responses: number;
  readonly helpers: number;
}

/** What erasing a member changed that Slack shows. */
export interface AskErasure {
  /** Cards of the member's own items, now deleted: their messages go too. */
  readonly removedCards: readonly { readonly channel: string; readonly ts: string }[];
  /** Other items the member had responded to: their cards count (or named) them. */
  readonly touched: readonly number[];
  /** The member's own items, now deleted, with who had responded to each. */
  readonly erasedItems: readonly { readonly id: number; readonly responders: readonly string[] }[];
}

/** SQL for asks and offers, their tags and the responses to them. */
export class AskRepository extends StoreBacked {
  /** Creates the item and its tags; returns its id. */
  async insert(input: AskInput, author: string, now: Date, expiresAt: Date): Promise<number> {
    return this.store.transaction(async () => {
      const { id } = await this.sql
        .insertInto('asks')
        .values({
          ...columns(input),
          author,
          expires_at: expiresAt.toISOString(),
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.tags.length > 0)
        await this.sql
          .insertInto('ask_tags')
          .values([...new Set(input.tags)].map((tag) => ({ ask_id: id, tag })))
          .execute();
      return id;
    });
  }

  async get(id: number): Promise<AskItem | undefined> {
    const row = await this.sql.selectFrom('asks').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await this.withTags([row]))[0];
  }

  /** Every open item, oldest first. */
  async open(): Promise<AskItem[]> {
    const rows = await this.sql
      .selectFrom('asks')
      .selectAll()
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    return this.withTags(rows);
  }

  /** The author's items, newest first. */
  async byAuthor(author: string, limit: number): Promise<AskItem[]> {
    const rows = await this.sql
      .selectFrom('asks')
      .selectAll()
      .where('author', '=', author)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return this.withTags(rows);
  }

  async responses(askId: number): Promise<AskResponse[]> {
    return (await this.responsesOf([askId])).get(askId) ?? [];
  }

  /** The responses to these items, each item's in the order they came. */
  async responsesOf(askIds: readonly number[]): Promise<Map<number, AskResponse[]>> {
    const byAsk = new Map<number, AskResponse[]>();
    for (const chunk of chunks([...new Set(askIds)])) {
      const rows = await this.sql
        .selectFrom('ask_responses')
        .selectAll()
        .where('ask_id', 'in', chunk)
        .orderBy('responded_at')
        .orderBy('user_id')
        .execute();
      for (const row of rows) {
        const list = byAsk.get(row.ask_id);
        if (list === undefined) byAsk.set(row.ask_id, [toResponse(row)]);
        else list.push(toResponse(row));
      }
    }
    return byAsk;
  }

  /** True for the first response of this member to this item; a second press changes nothing. */
  async addResponse(askId: number, userId: string, now: Date): Promise<boolean> {
    const result = await this.sql
      .insertInto('ask_responses')
      .values({ ask_id: askId, user_id: userId, responded_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['ask_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.recordCard('asks', id, channel, ts);
  }

  /** Open or lapsed → resolved; false when it was resolved already. */
  async resolve(id: number, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.sql
      .updateTable('asks')
      .set({ status: 'resolved', resolved_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '<>', 'resolved')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Marks these responders as thanked; others are left alone. */
  async thank(id: number, userIds: readonly string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const result = await this.sql
      .updateTable('ask_responses')
      .set({ thanked: 1 })
      .where('ask_id', '=', id)
      .where('user_id', 'in', [...userIds])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** A new expiry for an open item; false when it is not open. */
  async extend(id: number, expiresAt: Date, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('asks')
      .set({ expires_at: expiresAt.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Open items expiring after `now` and by `until` whose current expiry has had no reminder yet. */
  async dueReminders(now: Date, until: Date): Promise<AskItem[]> {
    const rows = await this.sql
      .selectFrom('asks')
      .selectAll()
      .where('status', '=', 'open')
      .where('expires_at', '>', now.toISOString())
      .where('expires_at', '<=', until.toISOString())
      .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '<>', eb.ref('expires_at'))]))
      .orderBy('expires_at')
      .execute();
    return this.withTags(rows);
  }

  /** Records the reminder of this expiry; false when another tick (or replica) did first. */
  async markReminded(id: number, expiresAt: Date): Promise<boolean> {
    const at = expiresAt.toISOString();
    const result = await this.sql
      .updateTable('asks')
      .set({ reminded_for: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('expires_at', '=', at)
      .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '<>', at)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Open items whose expiry has come. */
  async dueLapses(now: Date): Promise<AskItem[]> {
    const rows = await this.sql
      .selectFrom('asks')
      .selectAll()
      .where('status', '=', 'open')
      .where('expires_at', '<=', now.toISOString())
      .orderBy('expires_at')
      .execute();
    return this.withTags(rows);
  }

  /** Open → lapsed, if still expired (an extension may have come in between); false otherwise. */
  async lapse(id: number, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.sql
      .updateTable('asks')
      .set({ status: 'lapsed', updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('expires_at', '<=', at)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async figures(): Promise<AskFigures> {
    const rows = await this.sql
      .selectFrom('asks')
      .select((eb) => ['type', 'status', eb.fn.countAll<number>().as('n')])
      .groupBy(['type', 'status'])
      .execute();
    const count = (type: string, status: string): number =>
      Number(rows.find((row) => row.type === type && row.status === status)?.n ?? 0);
    const responses = await this.sql
      .selectFrom('ask_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const helpers = await this.sql
      .selectFrom('ask_responses')
      .where('thanked', '=', 1)
      .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
      .executeTakeFirst();
    const of = (type: string) => ({
      open: count(type, 'open'),
      resolved: count(type, 'resolved'),
      lapsed: count(type, 'lapsed'),
    });
    return {
      asks: of('ask'),
      offers: of('offer'),
      responses: Number(responses?.n ?? 0),
      helpers: Number(helpers?.n ?? 0),
    };
  }

  /** The "open to" flags these members hold at `now` (one past its expiry no longer counts, lapsed or not). */
  async openToOf(userIds: readonly string[], now: Date): Promise<Map<string, Set<string>>> {
    const flags = new Map<string, Set<string>>();
    for (const chunk of chunks([...new Set(userIds)])) {
      const rows = await this.sql
        .selectFrom('member_availability')
        .select(['user_id', 'flag'])
        .where('user_id', 'in', chunk)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
        .execute();
      for (const { user_id, flag } of rows) {
        const held = flags.get(user_id);
        if (held === undefined) flags.set(user_id, new Set([flag]));
        else held.add(flag);
      }
    }
    return flags;
  }

  /** Every item, oldest first, for the stats CSV (with their responses). */
  async all(): Promise<AskItem[]> {
    return this.withTags(await this.sql.selectFrom('asks').selectAll().orderBy('id').execute());
  }

  /** The member's items (with tags and how many responded) and their own responses. */
  async exportMember(userId: string): Promise<{ items: unknown[]; responses: unknown[] }> {
    const mine = await this.sql
      .selectFrom('asks')
      .selectAll()
      .where('author', '=', userId)
      .orderBy('id')
      .execute();
    const items = await this.withTags(mine);
    const counts = await this.responsesOf(items.map((item) => item.id));
    const responses = await this.sql
      .selectFrom('ask_responses')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('responded_at')
      .execute();
    return {
      items: mine.map((row, i) => ({
        ...row,
        tags: items[i]?.tags ?? [],
        responses: counts.get(row.id)?.length ?? 0,
      })),
      responses: responses.map((row) => ({
        askId: row.ask_id,
        respondedAt: row.responded_at,
        thanked: Number(row.thanked) === 1,
      })),
    };
  }

  /** Deletes the member's items (tags and responses follow) and their responses to others' items. */
  async eraseMember(userId: string): Promise<AskErasure> {
    return this.store.transaction(async () => {
      const mine = await this.sql
        .selectFrom('asks')
        .select(['id', 'card_channel', 'card_ts'])
        .where('author', '=', userId)
        .execute();
      const responders = await this.responsesOf(mine.map((row) => row.id));
      const touched = await this.sql
        .selectFrom('ask_responses')
        .select('ask_id')
        .where('user_id', '=', userId)
        .execute();
      await this.sql.deleteFrom('ask_responses').where('user_id', '=', userId).execute();
      await this.sql.deleteFrom('asks').where('author', '=', userId).execute();
      return {
        removedCards: mine.flatMap((row) =>
          row.card_channel === null || row.card_ts === null
            ? []
            : [{ channel: row.card_channel, ts: row.card_ts }],
        ),
        touched: touched.map((row) => row.ask_id).filter((id) => !mine.some((row) => row.id === id)),
        erasedItems: mine.map((row) => ({
          id: row.id,
          responders: (responders.get(row.id) ?? []).map((response) => response.userId),
        })),
      };
    });
  }

  private async withTags(rows: readonly AskRow[]): Promise<AskItem[]> {
    const tagsById = new Map<number, string[]>();
    for (const chunk of chunks(rows.map((row) => row.id))) {
      const tags = await this.sql
        .selectFrom('ask_tags')
        .select(['ask_id', 'tag'])
        .where('ask_id', 'in', chunk)
        .orderBy('ask_id')
        .orderBy('tag')
        .execute();
      for (const { ask_id, tag } of tags) {
        const list = tagsById.get(ask_id);
        if (list === undefined) tagsById.set(ask_id, [tag]);
        else list.push(tag);
      }
    }
    return rows.map((row) => toItem(row, tagsById.get(row.id) ?? []));
  }
}
