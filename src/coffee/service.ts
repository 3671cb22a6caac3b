import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import type { Languages, Locale } from '../i18n';
import type { JobService } from '../jobs/service';
import { JobNotOpen, type Job } from '../jobs/types';
import type { Logger } from '../logger';
import type { Profile } from '../members/types';
import type { RoleService } from '../roles/service';
import { groupDmTarget, type OutboxMessage, type ScheduleRequest } from '../scheduler/types';
import type { CoffeeRepository } from '../storage/coffee';
import {
  ContactsOutsideChannel,
  NotYourRequest,
  type CoffeeAsk,
  type CoffeeRequest,
  type ContactAnswer,
  type JobContact,
} from './types';
import { RepositoryBacked } from '../serviceBase';

/** Who is in a coffee chat's group DM. recruiter is null when the role has none left, or is the contact. */
export interface CoffeeGroup {
  readonly member: string;
  readonly contact: string;
  readonly recruiter: string | null;
  /** The member's interests the role is tagged with; undefined when their visibility hides them from someone in the DM. */
  readonly sharedTags: readonly string[] | undefined;
}

/** Words of the DMs coffee chats send, supplied by the Slack layer so that rules stay free of Block Kit. */
export interface CoffeeMessages {
  /** To a team member HR added: will you chat about this role? (Confirm / Decline) */
  invite(job: Job, contact: JobContact, locale: Locale): OutboxMessage;
  /** To a confirmed contact: this member would like to chat (Accept / Not now). */
  ask(job: Job, ask: CoffeeAsk, member: string, locale: Locale): OutboxMessage;
  /** The group DM of member, contact and recruiter, for everyone in it: the member's language first. */
  group(job: Job, group: CoffeeGroup, languages: Languages): OutboxMessage;
  /** To the member: the group DM is open. */
  held(job: Job, locale: Locale): OutboxMessage;
  /** To the member: nobody on the team could chat this time. */
  unavailable(job: Job, locale: Locale): OutboxMessage;
}

export interface CoffeeDeps {
  readonly repository: CoffeeRepository;
  readonly jobs: JobService;
  readonly roles: RoleService;
  /** A role in a private channel is talked about only with members of that channel, on both sides. */
  readonly audience: AudienceService;
  readonly profileOf: (userId: string) => Promise<Profile | undefined>;
  readonly outbox: { schedule(request: ScheduleRequest): Promise<boolean> };
  readonly messages: CoffeeMessages;
  /** Asks Slack when the locale is not known yet (a contact who never used the bot). */
  readonly localeOf: (userId: string) => Promise<Locale>;
  /** Without a Web API call, for DMs planned inside a transaction. */
  readonly knownLocaleOf: (userId: string) => Promise<Locale>;
  readonly clock: Clock;
  readonly logger: Logger;
}

export type RequestOutcome = 'asked' | 'already' | 'no_contacts';
/**
 * lapsed: the member left the role's private channel, so the request ends quietly (no group DM, no DM to them).
 * contact_outside: the contact left it, so their answer counts as "Not now" and the next contact is asked.
 */
export type AskOutcome =
  'held' | 'next' | 'unavailable' | 'already' | 'member_gone' | 'lapsed' | 'contact_outside';

/**
 * Coffee chats with a role's hiring team before applying: HR adds team members, who confirm; a
 * curious member asks for a chat; confirmed contacts are asked in turn (fewest open asks first);
 * the first to accept gets a group DM with the member and the recruiter. Every step is counted.
 */
export class CoffeeService extends RepositoryBacked<CoffeeDeps> {
  /** HR adds team members willing to chat; each new one gets a DM to confirm. */
  async addContacts(
    actorId: string,
    jobId: number,
    userIds: readonly string[],
  ): Promise<{ job: Job; added: string[]; already: JobContact[] }> {
    // HR, and able to see the role: one in a private channel is for HR in that channel.
    const job = await this.deps.jobs.manageable(actorId, jobId);
    if (job.status !== 'open') throw new JobNotOpen(job.status);
    // A contact must be able to see the role they would chat about: nobody is added otherwise.
    const maySee = await this.deps.audience.viewers(job.cardChannel);
    const outside = [...new Set(userIds)].filter((userId) => !maySee(userId));
    if (outside.length > 0) throw new ContactsOutsideChannel(outside, job.cardChannel ?? '');
    const now = this.deps.clock.now();
    const added: string[] = [];
    const already: JobContact[] = [];
    for (const userId of new Set(userIds)) {
      if (await this.repo.addContact(jobId, userId, actorId, now)) added.push(userId);
      else {
        const existing = await this.repo.contactOf(jobId, userId);
        if (existing !== undefined) already.push(existing);
      }
    }
    for (const userId of added) {
      const contact = await this.repo.contactOf(jobId, userId);
      if (contact === undefined) continue;
      const locale = await this.deps.localeOf(userId);
      await this.deps.outbox.schedule({
        kind: 'coffee_invite',
        key: `coffee:contact:${jobId}:${userId}`,
        channel: userId,
        message: this.deps.messages.invite(job, contact, locale),
        dueAt: now,
        notifyOnFailure: actorId,
      });
    }
    return { job, added, already };
  }

  /** A role's contacts with their state, and its coffee-chat counts; for HR. */
  async contacts(
    actorId: string,
    jobId: number,
  ): Promise<{ job: Job; contacts: JobContact[]; requested: number; held: number }> {
    const job = await this.deps.jobs.manageable(actorId, jobId);
    return { job, contacts: await this.repo.contacts(jobId), ...(await this.repo.counts(jobId)) };
  }

  /** Confirm / Decline from the contact's invitation DM; only that contact may answer. */
  async answerInvite(
    actorId: string,
    contactId: number,
    answer: ContactAnswer,
  ): Promise<{ job: Job; changed: boolean }> {
    const contact = await this.repo.contact(contactId);
    if (contact === undefined || contact.userId !== actorId) throw new NotYourRequest();
    const changed = await this.repo.answerContact(contactId, actorId, answer, this.deps.clock.now());
    return { job: await this.deps.jobs.get(contact.jobId), changed };
  }

  /** Whether a member who is curious about the role should be offered a chat: a contact who may see the role confirmed. */
  async offerable(jobId: number, member: string): Promise<boolean> {
    const maySee = await this.deps.audience.viewers((await this.deps.jobs.get(jobId)).cardChannel);
    return (
      (await this.repo.hasConfirmedContact(jobId, member, maySee)) &&
      (await this.repo.requestOf(jobId, member)) === undefined
    );
  }

  /** The member accepts the offer: one request per member and role, and its first contact is asked. */
  async request(member: string, jobId: number): Promise<{ job: Job; outcome: RequestOutcome }> {
    // Open, and seen by the member: a role in a private channel is only for that channel's members.
    const job = await this.deps.jobs.answerable(member, jobId);
    const maySee = await this.deps.audience.viewers(job.cardChannel);
    const now = this.deps.clock.now();
    const outcome = await this.repo.transaction(async (): Promise<RequestOutcome> => {
      if ((await this.repo.requestOf(jobId, member)) !== undefined) return 'already';
      if (!(await this.repo.hasConfirmedContact(jobId, member, maySee))) return 'no_contacts';
      // Two presses on two replicas both get past the check above; the unique key lets one create.
      const { request, created } = await this.repo.openRequest(jobId, member, now);
      if (!created) return 'already';
      await this.repo.recordStep(jobId, member, 'chat_requested', now);
      await this.askNextOrGiveUp(job, request, member, now, maySee);
      return 'asked';
    });
    return { job, outcome };
  }

  /**
   * Accept / Not now from a contact's DM; only the contact asked may answer, once. For a role in a
   * private channel both must still be in it: a member who left is passed over (as on a waitlist)
   * and their request lapses without a DM to them; a contact who left counts as "Not now".
   */
  async answerAsk(
    actorId: string,
    askId: number,
    accept: boolean,
  ): Promise<{ job: Job; outcome: AskOutcome; member: string | null }> {
    const ask = await this.repo.ask(askId);
    if (ask === undefined || ask.contact !== actorId) throw new NotYourRequest();
    const request = await this.repo.request(ask.requestId);
    if (request === undefined) throw new NotYourRequest();
    const job = await this.deps.jobs.get(request.jobId);
    const maySee = await this.deps.audience.viewers(job.cardChannel);
    const contactOutside = !maySee(actorId);
    const now = this.deps.clock.now();
    const outcome = await this.repo.transaction(async (): Promise<AskOutcome> => {
      const answer = accept && !contactOutside ? 'accepted' : 'declined';
      if (!(await this.repo.answerAsk(askId, actorId, answer, now))) return 'already';
      const member = request.member;
      if (member === null) return 'member_gone';
      if (!maySee(member)) {
        // No step is counted: the team did not turn the chat down, the member left the role's channel.
        await this.repo.finishRequest(request.id, 'unavailable', now);
        this.deps.logger.info(`coffee request ${request.id}: the member left the role's channel; it lapsed`);
        return 'lapsed';
      }
      if (!accept || contactOutside) {
        await this.repo.recordStep(job.id, member, 'chat_declined', now);
        const next = await this.askNextOrGiveUp(job, request, member, now, maySee);
        return contactOutside ? 'contact_outside' : next;
      }
      if (!(await this.repo.finishRequest(request.id, 'held', now))) return 'already';
      await this.repo.recordStep(job.id, member, 'chat_held', now);
      await this.scheduleGroup(job, request, member, actorId, now);
      return 'held';
    });
    return { job, outcome, member: request.member };
  }

  /** Asks the next confirmed contact; when none is left, the member is told kindly. Inside a transaction. */
  private async askNextOrGiveUp(
    job: Job,
    request: CoffeeRequest,
    member: string,
    now: Date,
    maySee: (userId: string) => boolean,
  ): Promise<'next' | 'unavailable'> {
    const ask = await this.repo.askNext(request, member, now, maySee);
    if (ask !== undefined && ask.contact !== null) {
      const contactLocale = await this.deps.knownLocaleOf(ask.contact);
      await this.deps.outbox.schedule({
        kind: 'coffee_ask',
        // Ends with the member's id: their erasure removes it (see CoffeeRepository.eraseMember).
        key: `coffee:${request.id}:ask:${ask.contact}:${member}`,
        channel: ask.contact,
        message: this.deps.messages.ask(job, ask, member, contactLocale),
        dueAt: now,
      });
      return 'next';
    }
    await this.repo.finishRequest(request.id, 'unavailable', now);
    await this.repo.recordStep(job.id, member, 'chat_unavailable', now);
    await this.deps.outbox.schedule({
      kind: 'coffee_unavailable',
      key: `coffee:${request.id}:unavailable:${member}`,
      channel: member,
      message: this.deps.messages.unavailable(job, await this.deps.knownLocaleOf(member)),
      dueAt: now,
    });
    return 'unavailable';
  }

  private async scheduleGroup(
    job: Job,
    request: CoffeeRequest,
    member: string,
    contact: string,
    now: Date,
  ): Promise<void> {
    const recruiter = job.recruiter ?? job.postedBy;
    const others = [contact, recruiter].filter((id): id is string => id !== null && id !== member);
    // Shared interests only when every other person in the DM may see the member's profile.
    const disclosures = await Promise.all(others.map((viewer) => this.deps.jobs.disclosure(member, viewer)));
    const visible = disclosures.every((disclosure) => disclosure === 'profile');
    const interests = new Set(visible ? ((await this.deps.profileOf(member))?.interests ?? []) : []);
    const group: CoffeeGroup = {
      member,
      contact,
      recruiter: recruiter === null || recruiter === contact || recruiter === member ? null : recruiter,
      sharedTags: visible ? job.tags.filter((tag) => interests.has(tag)) : undefined,
    };
    const locale = await this.deps.knownLocaleOf(member);
    const otherLocales = await Promise.all(others.map((userId) => this.deps.knownLocaleOf(userId)));
    await this.deps.outbox.schedule({
      kind: 'coffee_group',
      key: `coffee:${request.id}:group`,
      channel: groupDmTarget([member, ...others]),
      message: this.deps.messages.group(job, group, [locale, ...otherLocales]),
      dueAt: now,
      notifyOnFailure: contact,
    });
    await this.deps.outbox.schedule({
      kind: 'coffee_held',
      key: `coffee:${request.id}:held:${member}`,
      channel: member,
      message: this.deps.messages.held(job, locale),
      dueAt: now,
    });
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  async eraseMember(userId: string): Promise<void> {
    await this.repo.eraseMember(userId);
  }
}
