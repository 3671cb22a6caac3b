import type { Insertable, Selectable, SelectType } from 'kysely';
import type { Database, Sql } from './schema';
import type { Store } from './store';

/** The tables whose rows have an integer id. */
type WithId = { [T in keyof Database]: 'id' extends keyof Database[T] ? T : never }[keyof Database];

/** The tables whose rows are posted as a card that is edited later. */
type WithCard = { [T in WithId]: 'card_channel' | 'card_ts' extends keyof Database[T] ? T : never }[WithId];

/**
 * A repository: its queries go through `sql`, which inside `transaction(…)` is the open
 * transaction (see Store). Every repository extends this instead of repeating the two.
 */
export abstract class StoreBacked {
  constructor(protected readonly store: Store) {}

  protected get sql(): Sql {
    return this.store.sql;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }

  /**
   * The row of `table` whose `column` equals `value`, mapped; undefined when there is none. The
   * lookup by id, by view or by channel that every repository has, written once.
   */
  protected async rowWhere<T extends keyof Database, C extends keyof Database[T] & string, R>(
    table: T,
    column: C,
    value: SelectType<Database[T][C]>,
    map: (row: Selectable<Database[T]>) => R,
  ): Promise<R | undefined> {
    const row = await this.sql
      .selectFrom(this.sql.dynamic.table(table).as('t'))
      .selectAll()
      .where(this.sql.dynamic.ref(column), '=', value)
      .executeTakeFirst();
    // Kysely cannot name the selection of a table chosen by a type parameter; it is the table's row.
    return row === undefined ? undefined : map(row as Selectable<Database[T]>);
  }

  /**
   * Inserts the row unless a unique key already holds one like it (a replayed submission): its id,
   * or undefined and nothing written. One statement, so two replicas cannot both insert.
   */
  protected async insertOnce<T extends WithId>(
    table: T,
    values: Insertable<Database[T]>,
  ): Promise<number | undefined> {
    const row = await this.sql
      .insertInto(table)
      .values(values)
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Where the row's card was posted, so that later changes edit it. */
  protected async recordCard(table: WithCard, id: number, channel: string, ts: string): Promise<void> {
    await this.sql
      .updateTable(table)
      .set({ card_channel: channel, card_ts: ts })
      .where('id', '=', id)
      .execute();
  }
}
