import type { Db } from './database';
import { ROLES, type Role } from '../roles/types';

export interface RoleGrant {
  readonly userId: string;
  readonly role: Role;
  readonly grantedBy: string | null;
  readonly grantedAt: string;
}

export class RoleRepository {
  private readonly statements;
  constructor(db: Db) {
    this.statements = {
      forUser: db.prepare<[string], { role: string }>('SELECT role FROM member_roles WHERE user_id = ?'),
      grant: db.prepare(
        'INSERT INTO member_roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, role) DO NOTHING',
      ),
      revoke: db.prepare('DELETE FROM member_roles WHERE user_id = ? AND role = ?'),
      all: db.prepare<[], { user_id: string; role: string; granted_by: string | null; granted_at: string }>(
        'SELECT user_id, role, granted_by, granted_at FROM member_roles ORDER BY role, granted_at',
      ),
      eraseHolder: db.prepare('DELETE FROM member_roles WHERE user_id = ?'),
      forgetGrantor: db.prepare('UPDATE member_roles SET granted_by = NULL WHERE granted_by = ?'),
    };
  }

  rolesOf(userId: string): Role[] {
    return this.statements.forUser.all(userId).flatMap((row) => (isRole(row.role) ? [row.role] : []));
  }

  grant(userId: string, role: Role, grantedBy: string, now: Date): boolean {
    return this.statements.grant.run(userId, role, grantedBy, now.toISOString()).changes === 1;
  }

  revoke(userId: string, role: Role): boolean {
    return this.statements.revoke.run(userId, role).changes === 1;
  }

  /** Removes the member's roles and their name from roles they granted (privacy erasure). */
  eraseMember(userId: string): void {
    this.statements.eraseHolder.run(userId);
    this.statements.forgetGrantor.run(userId);
  }

  all(): RoleGrant[] {
    return this.statements.all
      .all()
      .flatMap((row) =>
        isRole(row.role)
          ? [{ userId: row.user_id, role: row.role, grantedBy: row.granted_by, grantedAt: row.granted_at }]
          : [],
      );
  }
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
