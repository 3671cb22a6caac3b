import type { Db } from './database';
import type { Store } from './store';
import {
  digestFrequencySchema,
  type DigestCadence,
  type DigestEvent,
  type DigestFrequency,
  type DigestJob,
} from '../digests/types';

/** SQL for digests: preferences, runs, what each member was sent, and the open roles and events they draw on. */
export class DigestRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      pref: db.prepare<[string], { frequency: string }>(
        'SELECT frequency FROM digest_prefs WHERE user_id = ?',
      ),
      setPref: db.prepare(
        `INSERT INTO digest_prefs (user_id, frequency, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET frequency = excluded.frequency, updated_at = excluded.updated_at`,
      ),
      // A member who never chose counts as weekly.
      recipients: db.prepare<{ cadence: string }, { user_id: string }>(
        `SELECT m.user_id FROM members m LEFT JOIN digest_prefs p ON p.user_id = m.user_id
         WHERE m.agreed_at IS NOT NULL
           AND (CASE WHEN @cadence = 'manual' THEN coalesce(p.frequency, 'weekly') <> 'off'
                     ELSE coalesce(p.frequency, 'weekly') = @cadence END)`,
      ),
      interests: db.prepare<[], { user_id: string; tag: string }>(
        `SELECT i.user_id, i.tag FROM member_interests i JOIN members m ON m.user_id = i.user_id WHERE m.agreed_at IS NOT NULL`,
      ),
      memberInterests: db.prepare<[string], { tag: string }>(
        'SELECT tag FROM member_interests WHERE user_id = ?',
      ),
      openJobs: db.prepare<
        [],
        {
          id: number;
          title: string;
          team: string | null;
          location: string | null;
          work_style: string;
          employment_type: string;
          apply_url: string;
          created_at: string;
          card_channel: string | null;
        }
      >(
        "SELECT id, title, team, location, work_style, employment_type, apply_url, created_at, card_channel FROM jobs WHERE status = 'open'",
      ),
      jobTags: db.prepare<[], { job_id: number; tag: string }>(
        "SELECT t.job_id, t.tag FROM job_tags t JOIN jobs j ON j.id = t.job_id WHERE j.status = 'open'",
      ),
      upcomingEvents: db.prepare<
        [string, string],
        {
          id: number;
          title: string;
          starts_at: string;
          ends_at: string;
          place: string | null;
          url: string | null;
          channel: string;
        }
      >(
        "SELECT id, title, starts_at, ends_at, place, url, coalesce(card_channel, channel) AS channel FROM events WHERE status = 'scheduled' AND starts_at > ? AND starts_at <= ?",
      ),
      eventTags: db.prepare<[string], { event_id: number; tag: string }>(
        "SELECT t.event_id, t.tag FROM event_tags t JOIN events e ON e.id = t.event_id WHERE e.status = 'scheduled' AND e.starts_at > ?",
      ),
      // Only what is still open: sent items of closed roles and past events can never be sent again anyway.
      sent: db.prepare<[string], { user_id: string; item_type: string; item_id: number }>(
        `SELECT d.user_id, d.item_type, d.item_id FROM digest_items d JOIN jobs j ON j.id = d.item_id
         WHERE d.item_type = 'job' AND j.status = 'open'
         UNION ALL
         SELECT d.user_id, d.item_type, d.item_id FROM digest_items d JOIN events e ON e.id = d.item_id
         WHERE d.item_type = 'event' AND e.status = 'scheduled' AND e.starts_at > ?`,
      ),
      answered: db.prepare<[string], { user_id: string; event_id: number }>(
        "SELECT r.user_id, r.event_id FROM event_rsvps r JOIN events e ON e.id = r.event_id WHERE e.status = 'scheduled' AND e.starts_at > ?",
      ),
      sentTo: db.prepare<[string], { item_type: string; item_id: number }>(
        'SELECT item_type, item_id FROM digest_items WHERE user_id = ?',
      ),
      answeredBy: db.prepare<[string], { event_id: number }>(
        'SELECT event_id FROM event_rsvps WHERE user_id = ?',
      ),
      insertRun: db.prepare(
        `INSERT INTO digest_runs (run_key, cadence, due_at, started_by, planned_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (run_key) DO NOTHING`,
      ),
      runByKey: db.prepare<[string], { id: number; completed_at: string | null }>(
        'SELECT id, completed_at FROM digest_runs WHERE run_key = ?',
      ),
      completeRun: db.prepare(
        'UPDATE digest_runs SET recipients = ?, nothing_new = ?, completed_at = coalesce(completed_at, ?) WHERE id = ?',
      ),
      plannedMembers: db.prepare<{ prefix: string }, { key: string }>(
        'SELECT key FROM outbox WHERE key >= @prefix AND key < @prefix || char(1114111)',
      ),
      addItem: db.prepare(
        'INSERT INTO digest_items (user_id, item_type, item_id, run_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      shown: db.prepare("INSERT INTO funnel_events (job_id, user_id, step, at) VALUES (?, ?, 'shown', ?)"),
      unreported: db.prepare<
        [],
        { id: number; run_key: string; started_by: string; recipients: number; nothing_new: number }
      >(
        "SELECT id, run_key, started_by, recipients, nothing_new FROM digest_runs WHERE cadence = 'manual' AND completed_at IS NOT NULL AND reported_at IS NULL AND started_by IS NOT NULL",
      ),
      markReported: db.prepare('UPDATE digest_runs SET reported_at = ? WHERE id = ? AND reported_at IS NULL'),
      erasePref: db.prepare('DELETE FROM digest_prefs WHERE user_id = ?'),
      eraseItems: db.prepare('DELETE FROM digest_items WHERE user_id = ?'),
      forgetStarter: db.prepare('UPDATE digest_runs SET started_by = NULL WHERE started_by = ?'),
      // The id as one ':'-separated part of the key (manual runs were once keyed manual:<time>:<starter>).
      runsKeyedBy: db.prepare<[string], { id: number; run_key: string }>(
        "SELECT id, run_key FROM digest_runs WHERE instr(':' || run_key || ':', ':' || ? || ':') > 0 ORDER BY id",
      ),
      renameRun: db.prepare('UPDATE digest_runs SET run_key = ? WHERE id = ?'),
    };
  }

  frequencyOf(userId: string): DigestFrequency | undefined {
    const row = this.s.pref.get(userId);
    if (row === undefined) return undefined;
    const parsed = digestFrequencySchema.safeParse(row.frequency);
    return parsed.success ? parsed.data : undefined;
  }

  setFrequency(userId: string, frequency: DigestFrequency, now: Date): void {
    this.s.setPref.run(userId, frequency, now.toISOString());
  }

  /** Members who get this cadence, with their interests (one query each, not one per member). */
  recipients(cadence: DigestCadence): { userId: string; interests: string[] }[] {
    const interests = new Map<string, string[]>();
    for (const { user_id, tag } of this.s.interests.all()) {
      const list = interests.get(user_id);
      if (list === undefined) interests.set(user_id, [tag]);
      else list.push(tag);
    }
    return this.s.recipients
      .all({ cadence })
      .map(({ user_id }) => ({ userId: user_id, interests: interests.get(user_id) ?? [] }));
  }

  interestsOf(userId: string): string[] {
    return this.s.memberInterests.all(userId).map((row) => row.tag);
  }

  openJobs(): DigestJob[] {
    const tags = new Map<number, string[]>();
    for (const { job_id, tag } of this.s.jobTags.all()) {
      const list = tags.get(job_id);
      if (list === undefined) tags.set(job_id, [tag]);
      else list.push(tag);
    }
    return this.s.openJobs.all().map((row) => ({
      id: row.id,
      title: row.title,
      team: row.team,
      location: row.location,
      workStyle: row.work_style,
      employmentType: row.employment_type,
      applyUrl: row.apply_url,
      tags: tags.get(row.id) ?? [],
      createdAt: row.created_at,
      channel: row.card_channel,
    }));
  }

  upcomingEvents(now: Date, until: Date): DigestEvent[] {
    const tags = new Map<number, string[]>();
    for (const { event_id, tag } of this.s.eventTags.all(now.toISOString())) {
      const list = tags.get(event_id);
      if (list === undefined) tags.set(event_id, [tag]);
      else list.push(tag);
    }
    return this.s.upcomingEvents.all(now.toISOString(), until.toISOString()).map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      place: row.place,
      url: row.url,
      tags: tags.get(row.id) ?? [],
      channel: row.channel,
    }));
  }

  /** Per member: roles and events already sent, and events they already answered (never worth a digest line). */
  alreadyKnown(now: Date): { jobs: Map<string, Set<number>>; events: Map<string, Set<number>> } {
    const jobs = new Map<string, Set<number>>();
    const events = new Map<string, Set<number>>();
    const add = (map: Map<string, Set<number>>, user: string, id: number): void => {
      const set = map.get(user);
      if (set === undefined) map.set(user, new Set([id]));
      else set.add(id);
    };
    const at = now.toISOString();
    for (const row of this.s.sent.all(at))
      add(row.item_type === 'job' ? jobs : events, row.user_id, row.item_id);
    for (const row of this.s.answered.all(at)) add(events, row.user_id, row.event_id);
    return { jobs, events };
  }

  alreadyKnownBy(userId: string): { jobs: Set<number>; events: Set<number> } {
    const jobs = new Set<number>();
    const events = new Set<number>();
    for (const row of this.s.sentTo.all(userId)) (row.item_type === 'job' ? jobs : events).add(row.item_id);
    for (const row of this.s.answeredBy.all(userId)) events.add(row.event_id);
    return { jobs, events };
  }

  /** The run (created if new); `completed` once every member's digest has been planned. */
  openRun(
    runKey: string,
    cadence: DigestCadence,
    dueAt: Date,
    startedBy: string | null,
    now: Date,
  ): { id: number; completed: boolean } {
    this.s.insertRun.run(runKey, cadence, dueAt.toISOString(), startedBy, now.toISOString());
    const row = this.s.runByKey.get(runKey);
    if (row === undefined) throw new Error(`digest run ${runKey} vanished`);
    return { id: row.id, completed: row.completed_at !== null };
  }

  completeRun(runId: number, recipients: number, nothingNew: number, now: Date): void {
    this.s.completeRun.run(recipients, nothingNew, now.toISOString(), runId);
  }

  /** Members whose digest for this run is already in the outbox (by this or another process). */
  plannedMembers(outboxKeyPrefix: string): Set<string> {
    return new Set(
      this.s.plannedMembers
        .all({ prefix: outboxKeyPrefix })
        .map((row) => row.key.slice(outboxKeyPrefix.length)),
    );
  }

  recordSent(
    runId: number,
    userId: string,
    jobIds: readonly number[],
    eventIds: readonly number[],
    now: Date,
  ): void {
    const at = now.toISOString();
    for (const id of jobIds) {
      this.s.addItem.run(userId, 'job', id, runId);
      this.s.shown.run(id, userId, at);
    }
    for (const id of eventIds) this.s.addItem.run(userId, 'event', id, runId);
  }

  unreportedManualRuns(): {
    id: number;
    runKey: string;
    startedBy: string;
    recipients: number;
    nothingNew: number;
  }[] {
    return this.s.unreported.all().map((row) => ({
      id: row.id,
      runKey: row.run_key,
      startedBy: row.started_by,
      recipients: row.recipients,
      nothingNew: row.nothing_new,
    }));
  }

  markReported(runId: number, now: Date): boolean {
    return this.s.markReported.run(now.toISOString(), runId).changes === 1;
  }

  exportMember(userId: string): { frequency: DigestFrequency | null; itemsSent: number } {
    return { frequency: this.frequencyOf(userId) ?? null, itemsSent: this.s.sentTo.all(userId).length };
  }

  /** Runs whose key holds the member's id (see DigestService.eraseMember). */
  runsKeyedBy(userId: string): { id: number; runKey: string }[] {
    return this.s.runsKeyedBy.all(userId).map((row) => ({ id: row.id, runKey: row.run_key }));
  }

  renameRun(runId: number, runKey: string): void {
    this.s.renameRun.run(runKey, runId);
  }

  eraseMember(userId: string): void {
    this.s.erasePref.run(userId);
    this.s.eraseItems.run(userId);
    this.s.forgetStarter.run(userId);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
