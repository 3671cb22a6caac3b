import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import { dialectOf, type Dialect } from './dialect';
import type { Database, Sql } from './schema';

/** Thrown when something slow (a Slack call) is attempted while a database transaction is open. */
export class SlowWorkInTransaction extends Error {
  constructor(what: string) {
    super(`${what} inside a database transaction: finish the transaction first, then call out`);
  }
}

/**
 * The database as the repositories see it, whichever engine is behind it. A repository asks
 * `store.sql` for its executor on every query: inside `store.transaction(…)` that is the open
 * transaction (found through AsyncLocalStorage, so it follows the awaits of that one piece of
 * work and no other), elsewhere the pool. Services can then wrap several repositories' calls in one
 * transaction without passing a handle through every signature, as they did with better-sqlite3.
 */
export class Store {
  private readonly ambient = new AsyncLocalStorage<Transaction<Database>>();

  constructor(private readonly root: Sql) {}

  /** The executor for the current piece of work: its open transaction, or the pool. */
  get sql(): Sql {
    return this.ambient.getStore() ?? this.root;
  }

  /**
   * The engine behind the store, for the rare statement that must differ (row locks that only
   * Postgres has). Everything else is written once for both.
   */
  get dialect(): Dialect {
    return dialectOf(this.root);
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  /**
   * Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite). A nested call joins the outer
   * transaction, so a service method that needs one can be called from another that has one.
   * Await only the database inside: a Slack call here would hold the SQLite write lock, or a
   * Postgres connection and its row locks, for as long as Slack takes.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.root.transaction().execute((trx) => this.ambient.run(trx, work));
  }

  /**
   * Runs `work`, which only reads, against one snapshot, so figures read by several queries agree
   * with each other (a report). On Postgres a plain transaction is READ COMMITTED: each statement
   * would see the latest commits. This one is REPEATABLE READ, which takes one snapshot at its
   * first query, and READ ONLY, so a write in it fails (a read-only repeatable-read transaction is
   * never aborted for a serialization conflict). On SQLite our driver ignores both settings and
   * runs a plain transaction: SQLite's transactions are serializable, and the one connection holds
   * it until the end. A nested call joins the open transaction, like `transaction`.
   */
  async snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.root
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => this.ambient.run(trx, work));
  }

  /** Call before any slow await (a Web API call); throws when a transaction is open. */
  assertNoTransaction(what: string): void {
    if (this.inTransaction) throw new SlowWorkInTransaction(what);
  }
}
