import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { AgreementState } from '../onboarding/service';
import type { SourceErasure } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { OutboxMessage, ScheduleRequest } from '../scheduler/types';
import type { JoinRequestRepository } from '../storage/joinRequests';
import type { Store } from '../storage/store';
import { emailDomain, normaliseEmail, readEligibleCsv } from './eligibleList';
import {
  JoinRequestNotFound,
  type Access,
  type JoinAction,
  type JoinInput,
  type JoinRequest,
  type JoinVia,
} from './types';

/** Words of the DMs that tell a newcomer an admin's decision, supplied by the Slack layer. */
export interface ApprovalMessages {
  approved(locale: Locale): OutboxMessage;
  asked(question: string, locale: Locale): OutboxMessage;
  declined(reason: string, locale: Locale): OutboxMessage;
}

export interface ApprovalDeps {
  readonly repository: JoinRequestRepository;
  readonly store: Store;
  readonly roles: RoleService;
  /** APPROVAL=on. Off: everyone who agreed to the charter is a member, as before. */
  readonly enabled: boolean;
  /** AUTO_APPROVE_EMAIL_DOMAINS, lower case. */
  readonly autoApproveDomains: readonly string[];
  readonly agreementState: (userId: string) => Promise<AgreementState>;
  readonly outbox: { schedule(request: ScheduleRequest): Promise<boolean> };
  readonly messages: ApprovalMessages;
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What sending the eligibility form came to. */
export type SubmitOutcome =
  | { readonly kind: 'approved'; readonly via: JoinVia }
  | { readonly kind: 'pending'; readonly request: JoinRequest; readonly answered: boolean }
  /** The same submission seen again, or a request decided meanwhile: nothing was written. */
  | { readonly kind: 'unchanged'; readonly request: JoinRequest };

/** An admin's step: the request after it, and whether this step decided it (false: someone else had). */
export interface AdminStep {
  readonly request: JoinRequest;
  readonly changed: boolean;
}

/** What an eligible-list import did: rows new to the list, already on it, and cells that did not read. */
export interface ImportReport {
  readonly loaded: number;
  readonly duplicated: number;
  readonly skipped: readonly { readonly line: number; readonly cell: string }[];
}

const UNDECIDED = ['pending', 'asked'] as const;

/**
 * Who may join (issue 14 §1). With approval on, a newcomer is a member once approved: by the
 * eligible list (their Slack email or former-employee id), by their email's domain, or by an admin
 * (approve, ask for more, decline with a reason). Every admin step checks the admin role here and
 * writes the trail with its author in the same transaction as the conditional update that makes
 * it, so of two admins pressing at once exactly one decides. The newcomer's DM goes through the outbox.
 */
export class ApprovalService {
  constructor(private readonly deps: ApprovalDeps) {}

  private get repo(): JoinRequestRepository {
    return this.deps.repository;
  }

  get enabled(): boolean {
    return this.deps.enabled;
  }

  /**
   * The one place that decides whether a member may take part: agreed to the current charter and,
   * with approval on, approved. Admins run the community and are never waiting on themselves.
   */
  async access(userId: string): Promise<Access> {
    const agreement = await this.deps.agreementState(userId);
    if (agreement !== 'agreed') return { kind: 'must_agree', outdated: agreement === 'outdated' };
    if (!this.enabled) return { kind: 'member' };
    const request = await this.repo.get(userId);
    if (request?.status === 'approved') return { kind: 'member' };
    if (await this.deps.roles.has(userId, 'admin')) return { kind: 'member' };
    return { kind: 'not_approved', request };
  }

  async request(userId: string): Promise<JoinRequest | undefined> {
    return this.repo.get(userId);
  }

  /** Whether the eligible list or an email domain lets this newcomer in without an admin. */
  async automaticVia(email: string | undefined, employeeId: string | null): Promise<JoinVia | undefined> {
    if (email !== undefined && email.includes('@')) {
      if (await this.repo.isEligible('email', normaliseEmail(email))) return 'list_email';
    }
    if (employeeId !== null && (await this.repo.isEligible('employee_id', employeeId)))
      return 'list_employee_id';
    if (email !== undefined && this.deps.autoApproveDomains.includes(emailDomain(email))) return 'domain';
    return undefined;
  }

  /**
   * At a join (or before the form opens): a newcomer whose Slack email is on the list or at an
   * approved domain is approved at once, with no form. True when they are (now or already) approved.
   */
  async approveByEmail(userId: string, email: string | undefined): Promise<boolean> {
    if (!this.enabled) return true;
    const existing = await this.repo.get(userId);
    if (existing?.status === 'approved') return true;
    if (existing !== undefined) return false;
    const via = await this.automaticVia(email, null);
    if (via === undefined) return false;
    const now = this.deps.clock.now();
    const approved = await this.deps.store.transaction(async () => {
      if (!(await this.repo.insertApproved(userId, via, now))) return false;
      await this.repo.addAction(userId, null, 'approved', via, now);
      return true;
    });
    if (approved) this.deps.logger.info(`join: ${userId} approved automatically (${via})`);
    return approved || (await this.repo.get(userId))?.status === 'approved';
  }

  /**
   * The eligibility form: a new request, or the answer to an admin's question. A match on the list
   * or a domain approves it at once; otherwise it waits for an admin. A replayed submission, or one
   * for a request already decided, writes nothing.
   */
  async submit(
    userId: string,
    input: JoinInput,
    email: string | undefined,
    viewId: string | null,
  ): Promise<SubmitOutcome> {
    const before = await this.repo.get(userId);
    const via = await this.automaticVia(email, input.employeeId);
    const now = this.deps.clock.now();
    const written = await this.deps.store.transaction(async () => {
      if (!(await this.repo.submit(userId, input, viewId, now))) return false;
      const answered = before?.status === 'asked';
      await this.repo.addAction(userId, userId, answered ? 'answered' : 'requested', null, now);
      if (via !== undefined) {
        await this.repo.decide(userId, UNDECIDED, { status: 'approved', via, decidedBy: null }, now);
        await this.repo.addAction(userId, null, 'approved', via, now);
      }
      return true;
    });
    const request = await this.get(userId);
    if (!written) return { kind: 'unchanged', request };
    this.deps.logger.info(
      `join: ${userId} sent the eligibility form${via === undefined ? '' : `, approved (${via})`}`,
    );
    if (via !== undefined) return { kind: 'approved', via };
    return { kind: 'pending', request, answered: before?.status === 'asked' };
  }

  async attachCard(userId: string, channel: string, ts: string): Promise<void> {
    await this.repo.attachCard(userId, channel, ts);
  }

  /** The request and its trail, for its card in the admins' channel. */
  async card(userId: string): Promise<{ request: JoinRequest; actions: JoinAction[] }> {
    return { request: await this.get(userId), actions: await this.repo.actions(userId) };
  }

  /** For an admin's modal (ask, decline): the request, to admins only. */
  async forAdmin(actorId: string, userId: string): Promise<JoinRequest> {
    await this.deps.roles.require(actorId, 'admin');
    return this.get(userId);
  }

  async approve(actorId: string, userId: string): Promise<AdminStep> {
    return this.decide(actorId, userId, 'approved', null);
  }

  /** Asks the newcomer for more: they get the question and answer by sending the form again. */
  async ask(actorId: string, userId: string, question: string): Promise<AdminStep> {
    return this.decide(actorId, userId, 'asked', question);
  }

  async decline(actorId: string, userId: string, reason: string): Promise<AdminStep> {
    return this.decide(actorId, userId, 'declined', reason);
  }

  private async decide(
    actorId: string,
    userId: string,
    action: 'approved' | 'asked' | 'declined',
    note: string | null,
  ): Promise<AdminStep> {
    await this.deps.roles.require(actorId, 'admin');
    const current = await this.get(userId);
    // Asking again while the newcomer has not answered yet is allowed: the new question replaces it.
    const from = action === 'asked' ? (['pending', 'asked'] as const) : UNDECIDED;
    if (!(from as readonly string[]).includes(current.status)) return { request: current, changed: false };
    const locale = await this.deps.localeOf(userId);
    const message =
      action === 'approved'
        ? this.deps.messages.approved(locale)
        : action === 'asked'
          ? this.deps.messages.asked(note ?? '', locale)
          : this.deps.messages.declined(note ?? '', locale);
    const now = this.deps.clock.now();
    const changed = await this.deps.store.transaction(async () => {
      const decision =
        action === 'approved'
          ? { status: 'approved' as const, via: 'admin' as const, decidedBy: actorId }
          : action === 'asked'
            ? { status: 'asked' as const, question: note ?? '' }
            : { status: 'declined' as const, reason: note ?? '', decidedBy: actorId };
      if (!(await this.repo.decide(userId, from, decision, now))) return false;
      const actionId = await this.repo.addAction(userId, actorId, action, note, now);
      await this.deps.outbox.schedule({
        kind: `join_${action}`,
        key: `join:${actionId}:${action}`,
        channel: userId,
        message,
        dueAt: now,
      });
      return true;
    });
    if (changed) this.deps.logger.info(`join: request of ${userId} ${action} by ${actorId}`);
    return { request: await this.get(userId), changed };
  }

  /** Loads the company's list from a CSV file's text (admins only); invalid cells are skipped and reported. */
  async importEligible(actorId: string, csv: string): Promise<ImportReport> {
    await this.deps.roles.require(actorId, 'admin');
    const file = readEligibleCsv(csv);
    const { loaded, duplicated } = await this.repo.loadEligible(file.entries, actorId, this.deps.clock.now());
    this.deps.logger.info(
      `join: eligible list import by ${actorId}: ${loaded} loaded, ${duplicated} duplicated, ${file.invalid.length} skipped`,
    );
    return { loaded, duplicated, skipped: file.invalid };
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /** Inside the privacy transaction: the member's request and trail go; its card is deleted after. */
  async eraseMember(userId: string): Promise<SourceErasure> {
    const card = await this.repo.eraseMember(userId);
    return card === undefined ? {} : { removedCards: [card] };
  }

  private async get(userId: string): Promise<JoinRequest> {
    const request = await this.repo.get(userId);
    if (request === undefined) throw new JoinRequestNotFound(userId);
    return request;
  }
}
