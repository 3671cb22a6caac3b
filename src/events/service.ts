import type { AudienceService } from '../audience/service';
import { ChannelRefused } from '../audience/types';
import { NotFound } from '../notFound';
import type { Clock } from '../clock';
import { pageOf, type Page, type PageStart } from '../paging';
import type { Locale } from '../i18n';
import type { RoleService } from '../roles/service';
import type { OutboxMessage, ScheduleRequest } from '../scheduler/types';
import type { EventRepository } from '../storage/events';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import {
  EventClosed,
  NotEventOwner,
  type CommunityEvent,
  type OutboxPort,
  type RsvpResult,
  type EventInput,
  type EventSummary,
  type ReminderCode,
  type Rsvp,
  type RsvpChoice,
  type RsvpStatus,
} from './types';
import { requireHost, type HostsIn } from './hosting';
import { chapterFirst, eventAudienceChannel, plannedReminders } from './rules';
import { RepositoryBacked } from '../serviceBase';

export type { OutboxPort, RsvpResult } from './types';

export type EventChange = 'title' | 'time' | 'place' | 'description';

/** Words for the posts events send, supplied by the Slack layer so that rules stay free of Block Kit. */
export interface EventMessages {
  /** In the card's thread, so in the channel's languages (the Slack layer knows them). */
  reminderThread(event: CommunityEvent, code: ReminderCode): OutboxMessage;
  reminderDm(event: CommunityEvent, code: ReminderCode, status: RsvpStatus, locale: Locale): OutboxMessage;
  changed(event: CommunityEvent, changes: readonly EventChange[], locale: Locale): OutboxMessage;
  cancelled(event: CommunityEvent, locale: Locale): OutboxMessage;
  promoted(event: CommunityEvent, locale: Locale): OutboxMessage;
}

export interface EventDeps {
  readonly repository: EventRepository;
  /** One creation per modal submission, however often it arrives. */
  readonly submissions: ViewSubmissionRepository;
  readonly roles: RoleService;
  /** Who may see and answer an event whose card is in a private channel. */
  readonly audience: AudienceService;
  readonly outbox: OutboxPort;
  readonly messages: EventMessages;
  readonly localeOf: (userId: string) => Promise<Locale>;
  /** Whether a member who is no organizer may host events in this channel (a study group's, a chapter's). */
  readonly hostsIn?: HostsIn;
  /** For a member whose language is unknown. */
  readonly defaultLocale: Locale;
  readonly timeZone: string;
  readonly clock: Clock;
}

/** Events, RSVPs with a waitlist, and reminders; organizers' permissions are checked here. */
export class EventService extends RepositoryBacked<EventDeps> {
  async get(id: number): Promise<CommunityEvent> {
    const event = await this.repo.get(id);
    if (event === undefined) throw new NotFound('event', id);
    return event;
  }

  /** The event, for a member who may see it (its card's channel decides); NotInAudience otherwise. */
  async viewable(userId: string, id: number): Promise<CommunityEvent> {
    const event = await this.get(id);
    await this.deps.audience.require(userId, eventAudienceChannel(event), 'event');
    return event;
  }

  /**
   * The event, for an organizer who may see it: edit, cancel and attendees of an event in a private
   * channel are for organizers in that channel (admins too: no role is exempt). NotInAudience otherwise.
   * With 'own' (edit, cancel), an organizer or its host in their channel (hosting.ts) only their own, an admin any (NotEventOwner).
   */
  async manageable(actorId: string, id: number, own?: 'own'): Promise<CommunityEvent> {
    const found = own ? await this.repo.get(id) : undefined;
    const channel = found === undefined ? undefined : eventAudienceChannel(found);
    await requireHost(this.deps.roles, this.deps.hostsIn, actorId, channel);
    const event = await this.viewable(actorId, id);
    const someoneElses = event.createdBy !== null && event.createdBy !== actorId;
    if (own && someoneElses && !(await this.deps.roles.has(actorId, 'admin'))) throw new NotEventOwner(id);
    return event;
  }

  /** A host of the channel (hosting.ts) may post a card only in a channel they are a member of (ChannelRefused otherwise). */
  private async requirePoster(actorId: string, channel: string): Promise<void> {
    await requireHost(this.deps.roles, this.deps.hostsIn, actorId, channel);
    const check = await this.deps.audience.checkPoster(actorId, channel);
    if (check !== 'member') throw new ChannelRefused(check);
  }

  /**
   * A new event with its reminders. `viewId` names the form that asked: a second submission of
   * it creates nothing and returns the first one's event with `created: false`.
   */
  async create(
    actorId: string,
    input: EventInput,
    viewId?: string,
  ): Promise<{ event: CommunityEvent; created: boolean }> {
    await this.requirePoster(actorId, input.channel);
    const now = this.deps.clock.now();
    const { id, first } = await this.deps.submissions.once(viewId, 'event', now, () =>
      this.repo.transaction(async () => {
        const newId = await this.repo.insert(input, actorId, now);
        await this.repo.reminders.replace(newId, plannedReminders(input, now, this.deps.timeZone));
        return newId;
      }),
    );
    return { event: await this.get(id), created: first };
  }

  /** Records where the card went, and makes sure that channel's audience is known. */
  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.repo.setCard(id, channel, ts);
    await this.deps.audience.track(channel);
  }

  /** Saves an edit; tells what changed to those a cancellation would tell (`told` of them), once each. */
  async update(
    actorId: string,
    id: number,
    input: EventInput,
  ): Promise<{ event: CommunityEvent; changes: EventChange[]; told: number }> {
    const before = await this.manageable(actorId, id, 'own');
    if (before.status === 'cancelled') throw new EventClosed('cancelled');
    await this.requirePoster(actorId, input.channel);
    const now = this.deps.clock.now();
    const changes: EventChange[] = [];
    if (before.title !== input.title) changes.push('title');
    if (
      before.startsAt.getTime() !== input.startsAt.getTime() ||
      before.endsAt.getTime() !== input.endsAt.getTime()
    )
      changes.push('time');
    if (before.place !== input.place || before.url !== input.url) changes.push('place');
    if (before.description !== input.description) changes.push('description');
    await this.repo.transaction(async () => {
      await this.repo.update(id, input, now);
      await this.repo.reminders.replace(id, plannedReminders(input, now, this.deps.timeZone));
    });
    const event = await this.get(id);
    const render = (locale: Locale) => this.deps.messages.changed(event, changes, locale);
    // "Not going" members are told too: a new time or place may change their answer.
    const told =
      changes.length === 0 ? 0 : await this.notify(event, `changed:${now.toISOString()}`, render, true);
    return { event, changes, told };
  }

  /** Cancels; tells everyone who answered ("not going" too) and may still see it: `told` of them. */
  async cancel(actorId: string, id: number): Promise<{ event: CommunityEvent; told: number }> {
    const before = await this.manageable(actorId, id, 'own');
    const now = this.deps.clock.now();
    if (before.status !== 'cancelled' && before.endsAt <= now) throw new EventClosed('ended');
    const cancelled = await this.repo.transaction(async () => {
      const changed = await this.repo.cancel(id, now);
      if (changed) {
        await this.repo.reminders.clearUnplanned(id);
        await this.deps.outbox.cancel(`event:${id}:reminder:`);
      }
      return changed;
    });
    const event = await this.get(id);
    const cancelledMessage = (locale: Locale) => this.deps.messages.cancelled(event, locale);
    return { event, told: cancelled ? await this.notify(event, 'cancelled', cancelledMessage, true) : 0 };
  }

  /**
   * Records an answer. "Going" past capacity joins the waitlist; when a member who was going
   * changes their mind, the longest-waiting member who may still see the event is promoted and told
   * (someone who left its private channel keeps their place in the queue but is passed over).
   */
  async rsvp(userId: string, id: number, choice: RsvpChoice, displayName: string): Promise<RsvpResult> {
    const now = this.deps.clock.now();
    const event = await this.viewable(userId, id);
    if (event.status === 'cancelled') throw new EventClosed('cancelled');
    if (event.endsAt.getTime() <= now.getTime()) throw new EventClosed('ended');
    const mayTakeSeat = await this.deps.audience.viewers(eventAudienceChannel(event));
    const result = await this.repo.transaction(async () => {
      // Under the event's row lock, so that presses on several replicas count the seats one after
      // another: without it two could both see one seat left and both take it.
      const seats = await this.repo.lockSeats(id, userId);
      if (seats === undefined) throw new NotFound('event', id);
      if (seats.cancelled) throw new EventClosed('cancelled');
      const previous = seats.previous;
      let status: RsvpStatus = choice;
      if (choice === 'going' && previous !== 'going') {
        if (seats.capacity !== null && seats.going >= seats.capacity) status = 'waitlist';
      }
      // Keep a waitlisted member's place in the queue when they press "Going" again.
      if (!(status === 'waitlist' && previous === 'waitlist'))
        await this.repo.setRsvp(id, userId, status, displayName, now);
      const promoted =
        previous === 'going' && status !== 'going'
          ? await this.repo.promoteFirstWaitlisted(id, mayTakeSeat)
          : undefined;
      return { status, promoted };
    });
    if (result.promoted !== undefined) await this.tellPromoted(event, result.promoted, now);
    return { event, ...result };
  }

  /** Tells a member who moved from the waitlist to "going", once (through the outbox). */
  private async tellPromoted(event: CommunityEvent, promoted: string, now: Date): Promise<void> {
    const locale = await this.deps.localeOf(promoted);
    await this.deps.outbox.schedule({
      kind: 'event_promoted',
      key: `event:${event.id}:promoted:${promoted}:${now.toISOString()}`,
      channel: promoted,
      message: this.deps.messages.promoted(event, locale),
      dueAt: now,
      expiresAt: event.startsAt,
    });
  }

  /**
   * Privacy erasure, inside the erasure's transaction: the member's answers go, and a seat they held
   * on an event not yet over goes to the longest-waiting member, as when someone stops going. Returns
   * the events whose card counted or named them, and the DMs to the promoted, for after the commit.
   */
  async eraseMember(userId: string): Promise<{ eventCards: number[]; afterCommit: () => Promise<void> }> {
    const now = this.deps.clock.now();
    // The events where they held a seat stay locked until the erasure commits (see lockSeats).
    const { cardsCounting, seatsHeld } = await this.repo.eraseMember(userId, now);
    const promotions: { eventId: number; promoted: string }[] = [];
    for (const event of await this.repo.some(seatsHeld)) {
      const mayTakeSeat = await this.deps.audience.viewers(eventAudienceChannel(event));
      const promoted = await this.repo.promoteFirstWaitlisted(event.id, mayTakeSeat);
      if (promoted !== undefined) promotions.push({ eventId: event.id, promoted });
    }
    return {
      eventCards: cardsCounting,
      afterCommit: async () => {
        for (const { eventId, promoted } of promotions)
          await this.tellPromoted(await this.get(eventId), promoted, now);
      },
    };
  }

  async summary(id: number): Promise<EventSummary> {
    const event = await this.get(id);
    const rsvps = await this.repo.rsvps(id);
    const going = rsvps.filter((r) => r.status === 'going');
    return {
      event,
      going: going.length,
      // A card is read by everyone in the channel: only profiles visible to all alumni are named.
      goingNames: going.filter((r) => r.visibility === 'all').map((r) => r.displayName),
      maybe: rsvps.filter((r) => r.status === 'maybe').length,
      waitlist: rsvps.filter((r) => r.status === 'waitlist').length,
    };
  }

  /** Events whose card counts the member (and names them, when their profile is visible to all). */
  cardsShowing(userId: string): Promise<number[]> {
    return this.repo.cardsCounting(userId);
  }

  rsvpOf(id: number, userId: string): Promise<RsvpStatus | undefined> {
    return this.repo.rsvpOf(id, userId);
  }

  /**
   * A page of the upcoming events the member may see: those of their chapters first, then those matching
   * their interests, then by start time. Every such event is on some page.
   */
  async upcomingPageFor(
    userId: string,
    interests: readonly string[],
    start: PageStart<{ event: CommunityEvent }>,
    chapterChannels: ReadonlySet<string> = new Set(),
  ): Promise<Page<{ event: CommunityEvent; matchedTags: string[] }>> {
    const mine = new Set(interests);
    const upcoming = await this.repo.upcoming(this.deps.clock.now());
    const visible = await this.deps.audience.filterFor(userId, upcoming, eventAudienceChannel);
    const listed = visible.map((event) => ({ event, matchedTags: event.tags.filter((t) => mine.has(t)) }));
    return pageOf(listed.sort(chapterFirst(chapterChannels)), start);
  }

  /** Upcoming events the member answered, while they may still see them (a member who left the channel may not). */
  async myUpcoming(userId: string): Promise<{ event: CommunityEvent; status: RsvpStatus }[]> {
    const mine = (await this.repo.myUpcomingRsvps(userId, this.deps.clock.now())).filter(
      ({ status }) => status !== 'not_going',
    );
    const events = new Map((await this.repo.some(mine.map((r) => r.eventId))).map((e) => [e.id, e]));
    const answered = mine.flatMap(({ eventId, status }) => {
      const event = events.get(eventId);
      return event === undefined ? [] : [{ event, status }];
    });
    return this.deps.audience.filterFor(userId, answered, (item) => eventAudienceChannel(item.event));
  }

  /** Of the members who answered, those who may still see the event: reminders and notices go only to them. */
  private async audienceOf(event: CommunityEvent, rsvps: readonly Rsvp[]): Promise<Rsvp[]> {
    const channel = eventAudienceChannel(event);
    const members = (await this.deps.audience.audiences([channel])).get(channel);
    return members === undefined ? [...rsvps] : rsvps.filter((r) => members.has(r.userId));
  }

  /** How many members a cancellation would tell (everyone who answered and may still see it), for the question before it. */
  async toldOnCancel(actorId: string, id: number): Promise<number> {
    const event = await this.manageable(actorId, id, 'own');
    return (await this.audienceOf(event, await this.repo.rsvps(id))).length;
  }

  async attendees(actorId: string, id: number): Promise<{ event: CommunityEvent; rsvps: Rsvp[] }> {
    return { event: await this.manageable(actorId, id), rsvps: await this.repo.rsvps(id) };
  }

  /**
   * Planner for the scheduler: each reminder that fell due becomes a thread post and one DM per
   * member going (or maybe), once. A reminder for an event that has already started is recorded
   * as skipped instead.
   */
  async planReminders(now: Date): Promise<void> {
    for (const due of await this.repo.reminders.due(now)) {
      const event = await this.repo.get(due.eventId);
      if (event === undefined || event.status === 'cancelled') {
        await this.repo.reminders.markPlanned(due.eventId, due.code, now);
        continue;
      }
      const base = `event:${event.id}:reminder:${due.code}`;
      const recipients = (await this.audienceOf(event, await this.repo.rsvps(event.id))).filter(
        (r) => r.status === 'going' || r.status === 'maybe',
      );
      const locales = await Promise.all(recipients.map((r) => this.deps.localeOf(r.userId)));
      const started = event.startsAt.getTime() <= now.getTime();
      await this.repo.transaction(async () => {
        if (!(await this.repo.reminders.markPlanned(event.id, due.code, now))) return;
        const thread: ScheduleRequest | undefined =
          event.cardChannel === null || event.cardTs === null
            ? undefined
            : {
                kind: 'event_reminder',
                key: `${base}:thread`,
                channel: event.cardChannel,
                message: {
                  ...this.deps.messages.reminderThread(event, due.code),
                  threadTs: event.cardTs,
                },
                dueAt: due.remindAt,
                expiresAt: event.startsAt,
              };
        const dms: ScheduleRequest[] = recipients.map((r, i) => ({
          kind: 'event_reminder',
          key: `${base}:dm:${r.userId}`,
          channel: r.userId,
          message: this.deps.messages.reminderDm(
            event,
            due.code,
            r.status,
            locales[i] ?? this.deps.defaultLocale,
          ),
          dueAt: due.remindAt,
          expiresAt: event.startsAt,
        }));
        for (const request of [...(thread === undefined ? [] : [thread]), ...dms]) {
          if (started) await this.deps.outbox.scheduleSkipped(request, 'the event had already started');
          else await this.deps.outbox.schedule(request);
        }
      });
    }
  }

  /** Tells the members who answered (and may still see the event); returns how many. */
  private async notify(
    event: CommunityEvent,
    what: string,
    render: (locale: Locale) => OutboxMessage,
    notGoingToo = false,
  ): Promise<number> {
    const now = this.deps.clock.now();
    const recipients = (await this.audienceOf(event, await this.repo.rsvps(event.id))).filter(
      (r) => notGoingToo || r.status !== 'not_going',
    );
    for (const r of recipients) {
      const locale = await this.deps.localeOf(r.userId);
      await this.deps.outbox.schedule({
        kind: `event_${what.split(':')[0] ?? what}`,
        key: `event:${event.id}:${what}:${r.userId}`,
        channel: r.userId,
        message: render(locale),
        dueAt: now,
      });
    }
    return recipients.length;
  }
}
