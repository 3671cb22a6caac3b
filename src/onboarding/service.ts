import type { Clock } from '../clock';
import type { MemberRepository } from '../storage/members';
import type { CommunityCharter } from './community';

export type AgreementState = 'agreed' | 'never' | 'outdated';

/** Welcomes, and the agreement to the community's charter that every member gives before taking part. */
export class OnboardingService {
  constructor(
    private readonly members: MemberRepository,
    readonly charter: CommunityCharter,
    private readonly clock: Clock,
  ) {}

  agreementState(userId: string): AgreementState {
    const row = this.members.row(userId);
    if (row?.agreed_version === null || row?.agreed_version === undefined) return 'never';
    return row.agreed_version === this.charter.version ? 'agreed' : 'outdated';
  }

  agree(userId: string): Date {
    const now = this.clock.now();
    this.members.ensure(userId, now);
    this.members.agree(userId, this.charter.version, now);
    return now;
  }

  /** True once per member: the caller should send the welcome. */
  claimWelcome(userId: string): boolean {
    const now = this.clock.now();
    this.members.ensure(userId, now);
    return this.members.markWelcomed(userId, now);
  }

  releaseWelcome(userId: string): void {
    this.members.unmarkWelcomed(userId);
  }
}
