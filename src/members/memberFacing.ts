import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { RoleService } from '../roles/service';
import type { Store } from '../storage/store';
import type { UnsolicitedDmLimit } from './dmLimit';
import type { Profile } from './types';

/**
 * What every service that writes to members unasked (asks, study groups, mentoring) takes: it
 * plans DMs inside its own transactions, so it reads locales without a Web API call, and it shares
 * the one-unsolicited-DM-a-day limit with the others.
 */
export interface MemberFacingDeps {
  readonly store: Store;
  readonly roles: RoleService;
  readonly profileOf: (userId: string) => Promise<Profile | undefined>;
  /** One unsolicited DM a day per member, across asks, study groups and mentoring. */
  readonly dmLimit: UnsolicitedDmLimit;
  /** Without a Web API call, for DMs planned inside a transaction. */
  readonly knownLocaleOf: (userId: string) => Promise<Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}
