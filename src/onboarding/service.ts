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

  async agreementState(userId: string): Promise<AgreementState> {
    const row = await this.members.row(userId);
    if (row?.agreed_version === null || row?.agreed_version === undefined) return 'never';
    return row.agreed_version === this.charter.version ? 'agreed' : 'outdated';
  }

  async agree(userId: string): Promise<Date> {
    const now = this.clock.now();
    await this.members.ensure(userId, now);
    await this.members.agree(userId, this.charter.version, now);
    return now;
  }

  /** True once per member: the caller should send the welcome. */
  async claimWelcome(userId: string): Promise<boolean> {
    const now = this.clock.now();
    await this.members.ensure(userId, now);
    return this.members.markWelcomed(userId, now);
  }

  async releaseWelcome(userId: string): Promise<void> {
    await this.members.unmarkWelcomed(userId);
  }
}
