export const ROLES = ['admin', 'organizer', 'hr', 'supporter'] as const;
export type Role = (typeof ROLES)[number];

/** Thrown by services when the caller lacks a role; the Slack layer names the role in its reply. */
export class PermissionDenied extends Error {
  readonly code = 'permission_denied' as const;
  constructor(readonly needed: readonly Role[]) {
    super(`needs one of: ${needed.join(', ')}`);
  }
}
