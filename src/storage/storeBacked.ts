import type { Selectable, SelectType } from 'kysely';
import type { Database, Sql } from './schema';
import type { Store } from './store';

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
  protected async rowWhere<T extends keyof Database & string, C extends keyof Database[T] & string, R>(
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
}
