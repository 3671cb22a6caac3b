import type { Clock } from '../clock';
import type { RoleRepository } from '../storage/roles';
import { PermissionDenied, type Role } from './types';

export interface RoleHolder {
  readonly userId: string;
  readonly role: Role;
  /** Admin through ADMIN_USER_IDS rather than a grant. */
  readonly fromSettings: boolean;
}

export type RoleChange =
  | {
      readonly kind: 'granted' | 'already_had' | 'revoked' | 'did_not_have';
      readonly userId: string;
      readonly role: Role;
    }
  | { readonly kind: 'configured_admin'; readonly userId: string };

/** The roles that include another's powers: admin includes all, organizer includes supporter. */
const INCLUDED_BY: Readonly<Record<Role, readonly Role[]>> = {
  admin: [],
  organizer: [],
  hr: [],
  supporter: ['organizer'],
};

function holds(roles: ReadonlySet<Role>, role: Role): boolean {
  return roles.has('admin') || roles.has(role) || INCLUDED_BY[role].some((wider) => roles.has(wider));
}

export class RoleService {
  private readonly configuredAdmins: ReadonlySet<string>;

  constructor(
    private readonly roles: RoleRepository,
    configuredAdmins: readonly string[],
    private readonly clock: Clock,
  ) {
    this.configuredAdmins = new Set(configuredAdmins);
  }

  async rolesOf(userId: string): Promise<Set<Role>> {
    const roles = new Set<Role>(await this.roles.rolesOf(userId));
    if (this.configuredAdmins.has(userId)) roles.add('admin');
    return roles;
  }

  /** Admins may do everything an organizer or HR may do; organizers everything a supporter may do. */
  async has(userId: string, role: Role): Promise<boolean> {
    return holds(await this.rolesOf(userId), role);
  }

  async require(userId: string, ...anyOf: Role[]): Promise<void> {
    const roles = await this.rolesOf(userId);
    if (!anyOf.some((role) => holds(roles, role))) throw new PermissionDenied(anyOf);
  }

  async grant(actorId: string, userId: string, role: Role): Promise<RoleChange> {
    await this.require(actorId, 'admin');
    const granted = await this.roles.grant(userId, role, actorId, this.clock.now());
    return { kind: granted ? 'granted' : 'already_had', userId, role };
  }

  async revoke(actorId: string, userId: string, role: Role): Promise<RoleChange> {
    await this.require(actorId, 'admin');
    if (role === 'admin' && this.configuredAdmins.has(userId)) return { kind: 'configured_admin', userId };
    return (await this.roles.revoke(userId, role))
      ? { kind: 'revoked', userId, role }
      : { kind: 'did_not_have', userId, role };
  }

  /**
   * Who holds a role by grant (admins: configured ones too), for the bot's own use, such as whom to
   * ask for a decision; not an answer to a member, so no actor is checked.
   */
  async holders(role: Role): Promise<string[]> {
    const granted = (await this.roles.all()).filter((grant) => grant.role === role).map((g) => g.userId);
    return [...new Set([...(role === 'admin' ? this.configuredAdmins : []), ...granted])];
  }

  /** Every role holder, configured admins included, for admins only. */
  async list(actorId: string): Promise<RoleHolder[]> {
    await this.require(actorId, 'admin');
    const configured: RoleHolder[] = [...this.configuredAdmins].map((userId) => ({
      userId,
      role: 'admin',
      fromSettings: true,
    }));
    const granted = (await this.roles.all())
      .filter((grant) => !(grant.role === 'admin' && this.configuredAdmins.has(grant.userId)))
      .map((grant) => ({ userId: grant.userId, role: grant.role, fromSettings: false }));
    return [...configured, ...granted];
  }
}
