import type { Store } from './store';
import { ROLES, type Role } from '../roles/types';

export interface RoleGrant {
  readonly userId: string;
  readonly role: Role;
  readonly grantedBy: string | null;
  readonly grantedAt: string;
}

export class RoleRepository {
  constructor(private readonly store: Store) {}

  async rolesOf(userId: string): Promise<Role[]> {
    const rows = await this.store.sql
      .selectFrom('member_roles')
      .select('role')
      .where('user_id', '=', userId)
      .execute();
    return rows.flatMap((row) => (isRole(row.role) ? [row.role] : []));
  }

  async grant(userId: string, role: Role, grantedBy: string, now: Date): Promise<boolean> {
    const result = await this.store.sql
      .insertInto('member_roles')
      .values({ user_id: userId, role, granted_by: grantedBy, granted_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['user_id', 'role']).doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async revoke(userId: string, role: Role): Promise<boolean> {
    const result = await this.store.sql
      .deleteFrom('member_roles')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /** Removes the member's roles and their name from roles they granted (privacy erasure). */
  async eraseMember(userId: string): Promise<void> {
    await this.store.sql.deleteFrom('member_roles').where('user_id', '=', userId).execute();
    await this.store.sql
      .updateTable('member_roles')
      .set({ granted_by: null })
      .where('granted_by', '=', userId)
      .execute();
  }

  async all(): Promise<RoleGrant[]> {
    const rows = await this.store.sql
      .selectFrom('member_roles')
      .select(['user_id', 'role', 'granted_by', 'granted_at'])
      .orderBy('role')
      .orderBy('granted_at')
      .execute();
    return rows.flatMap((row) =>
      isRole(row.role)
        ? [{ userId: row.user_id, role: row.role, grantedBy: row.granted_by, grantedAt: row.granted_at }]
        : [],
    );
  }
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
