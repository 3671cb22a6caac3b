import type { Sql } from './schema';
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
}
