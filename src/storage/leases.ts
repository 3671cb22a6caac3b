import type { Sql } from './schema';

/**
 * Named leases in the shared database. Taking or renewing one is a single compare-and-set
 * statement: it succeeds when the lease is free, expired, or already ours, so two replicas can
 * never both hold it at the same instant of the database's clock of record (our ISO times).
 */
export class LeaseRepository {
  constructor(private readonly sql: Sql) {}

  /** Takes or renews the lease until `expiresAt`; true when `holder` has it now. */
  async acquire(name: string, holder: string, now: Date, expiresAt: Date): Promise<boolean> {
    const result = await this.sql
      .insertInto('leases')
      .values({ name, holder, expires_at: expiresAt.toISOString() })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet((eb) => ({
            holder: eb.ref('excluded.holder'),
            expires_at: eb.ref('excluded.expires_at'),
          }))
          .where((eb) =>
            eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<=', now.toISOString())]),
          ),
      )
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /** Gives the lease up at once (a clean shutdown), so another replica need not wait for expiry. */
  async release(name: string, holder: string): Promise<void> {
    await this.sql.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  }

  async holderOf(name: string, now: Date): Promise<string | undefined> {
    const row = await this.sql
      .selectFrom('leases')
      .select('holder')
      .where('name', '=', name)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row?.holder;
  }
}
