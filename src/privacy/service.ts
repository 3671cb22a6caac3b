import type { MemberRepository } from '../storage/members';
import type { RoleRepository } from '../storage/roles';
import type { LocaleRepository } from '../storage/locales';
import type { Store } from '../storage/store';

export interface MemberExport {
  readonly exportedAt: string;
  readonly userId: string;
  readonly member: Record<string, unknown> | null;
  readonly interests: readonly { tag: string; addedAt: string }[];
  readonly openTo: readonly {
    flag: string;
    since: string;
    expiresAt: string | null;
    askedAt: string | null;
  }[];
  readonly roles: readonly { role: string; grantedAt: string }[];
  /** Roles this member granted to others: their id is stored on those grants. */
  readonly rolesGranted: readonly { userId: string; role: string; grantedAt: string }[];
  readonly language: string | null;
  readonly other: Record<string, unknown>;
}

/** What an erasure changed that channels show: the cards to render again once it is committed. */
export interface ErasureEffects {
  readonly eventCards: readonly number[];
  readonly jobCards: readonly number[];
  /** Asks and offers whose cards counted or thanked the member. */
  readonly askCards: readonly number[];
  /** Reports to moderators that named the member (as reporter, author or moderator). */
  readonly reportCards: readonly number[];
  /** Cards of the member's own items, which are gone: their messages are deleted. */
  readonly removedCards: readonly { readonly channel: string; readonly ts: string }[];
}

/** What one module's erasure changed, and what it still has to do once the erasure is committed. */
export interface SourceErasure extends Partial<ErasureEffects> {
  /** Runs after the commit and may await (e.g. asking a member's language to tell them something). */
  readonly afterCommit?: () => Promise<void>;
}

/** Another module's rows about members: included in the export, removed by erasure. */
export interface MemberDataSource {
  readonly name: string;
  export(userId: string): unknown;
  /** Runs inside the erasure's transaction: the database only, no Slack. */
  erase(userId: string): SourceErasure | void | Promise<SourceErasure | void>;
}

interface Exports {
  exportMember(userId: string): unknown;
}
interface Erases {
  eraseMember(userId: string): SourceErasure | void | Promise<SourceErasure | void>;
}

/** A part of the export read from `exporter` and erased by `eraser` (often the same repository). */
export function memberData(name: string, exporter: Exports, eraser: Erases): MemberDataSource {
  return {
    name,
    export: (userId) => exporter.exportMember(userId),
    erase: (userId) => eraser.eraseMember(userId),
  };
}

/** What a member can see, take away and erase. */
export class PrivacyService {
  constructor(
    private readonly store: Store,
    private readonly members: MemberRepository,
    private readonly roles: RoleRepository,
    private readonly locales: LocaleRepository,
    private readonly sources: readonly MemberDataSource[] = [],
  ) {}

  async export(userId: string, now: Date): Promise<MemberExport> {
    const row = await this.members.row(userId);
    const grants = await this.roles.all();
    return {
      exportedAt: now.toISOString(),
      userId,
      member: row === undefined ? null : { ...row },
      interests: await this.members.interestRows(userId),
      openTo: await this.members.availabilityRows(userId),
      roles: grants
        .filter((grant) => grant.userId === userId)
        .map((grant) => ({ role: grant.role, grantedAt: grant.grantedAt })),
      rolesGranted: grants
        .filter((grant) => grant.grantedBy === userId)
        .map((grant) => ({ userId: grant.userId, role: grant.role, grantedAt: grant.grantedAt })),
      language: (await this.locales.get(userId))?.locale ?? null,
      other: Object.fromEntries(
        await Promise.all(
          this.sources.map(async (source): Promise<[string, unknown]> => [
            source.name,
            await source.export(userId),
          ]),
        ),
      ),
    };
  }

  /**
   * Removes every row about the member, in one transaction, then lets each module finish what may
   * not happen inside it. Returns the cards that showed the member, for the caller to render again.
   * A configured admin (ADMIN_USER_IDS) keeps that power, which lives in settings, not in the database.
   */
  async erase(userId: string): Promise<ErasureEffects> {
    const done = await this.store.transaction(async (): Promise<SourceErasure[]> => {
      await this.members.delete(userId); // interests and availability follow by cascade
      await this.roles.eraseMember(userId);
      await this.locales.delete(userId);
      const erased: SourceErasure[] = [];
      // One after another: the sources share the transaction's one connection.
      for (const source of this.sources) erased.push((await source.erase(userId)) ?? {});
      return erased;
    });
    for (const { afterCommit } of done) if (afterCommit !== undefined) await afterCommit();
    return {
      eventCards: [...new Set(done.flatMap((effects) => effects.eventCards ?? []))],
      jobCards: [...new Set(done.flatMap((effects) => effects.jobCards ?? []))],
      askCards: [...new Set(done.flatMap((effects) => effects.askCards ?? []))],
      reportCards: [...new Set(done.flatMap((effects) => effects.reportCards ?? []))],
      removedCards: done.flatMap((effects) => effects.removedCards ?? []),
    };
  }
}
