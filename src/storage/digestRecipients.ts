import type { DigestCadence } from '../digests/types';
import { addTo, grouped } from './digestRows';
import { StoreBacked } from './storeBacked';

/** One member a run may send a digest to: their interests and their own setting. */
export interface DigestRecipient {
  readonly userId: string;
  readonly interests: string[];
  readonly frequency: 'weekly' | 'daily';
}

/**
 * The per-member reads of a digest run, one page of members at a time (issue 15): every query
 * here is bounded by the page (a key range of user ids, which is an index range scan on both
 * engines: user_id columns are COLLATE "C" on Postgres), never by the community.
 */
export abstract class DigestRecipientQueries extends StoreBacked {
  /**
   * Up to `limit` members who get this cadence, in user_id order after `after` (keyset paging: no
   * OFFSET, so a page costs the same at the end of the community as at its start), with their
   * interests. A manual run goes to weekly and daily members alike; a member who never chose is
   * weekly. Two queries per page.
   */
  async recipientsPage(
    cadence: DigestCadence,
    after: string | null,
    limit: number,
  ): Promise<DigestRecipient[]> {
    let query = this.sql
      .selectFrom('members as m')
      .leftJoin('digest_prefs as p', 'p.user_id', 'm.user_id')
      .select(['m.user_id', 'p.frequency'])
      .where('m.agreed_at', 'is not', null)
      .where((eb) => {
        const frequency = eb.fn.coalesce('p.frequency', eb.val('weekly'));
        return cadence === 'manual' ? eb(frequency, '<>', 'off') : eb(frequency, '=', cadence);
      });
    if (after !== null) query = query.where('m.user_id', '>', after);
    const rows = await query.orderBy('m.user_id').limit(limit).execute();
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) return [];
    // The page's key range, not a list of ids: one range scan of the primary key (user_id, tag).
    const interestRows = await this.sql
      .selectFrom('member_interests')
      .select(['user_id as key', 'tag as value'])
      .where('user_id', '>=', first.user_id)
      .where('user_id', '<=', last.user_id)
      .execute();
    const interests = grouped(interestRows);
    return rows.map(({ user_id, frequency }) => ({
      userId: user_id,
      interests: interests.get(user_id) ?? [],
      frequency: frequency === 'daily' ? 'daily' : 'weekly',
    }));
  }

  /**
   * For these members: roles and events already sent, and events they already answered (never
   * worth a digest line). Only what is still open: sent items of closed roles and past events can
   * never be sent again anyway. Two queries per page, each a range of user ids.
   */
  async alreadyKnownOf(
    userIds: readonly string[],
    now: Date,
  ): Promise<{ jobs: Map<string, Set<number>>; events: Map<string, Set<number>> }> {
    const jobs = new Map<string, Set<number>>();
    const events = new Map<string, Set<number>>();
    const range = keyRange(userIds);
    if (range === undefined) return { jobs, events };
    const [from, to] = range;
    const wanted = new Set(userIds);
    const at = now.toISOString();
    // Roles and events sent before, in one read: a role while it is open, an event until it starts.
    const sent = await this.sql
      .selectFrom('digest_items as d')
      .leftJoin('jobs as j', (join) => join.onRef('j.id', '=', 'd.item_id').on('d.item_type', '=', 'job'))
      .leftJoin('events as e', (join) => join.onRef('e.id', '=', 'd.item_id').on('d.item_type', '=', 'event'))
      .select(['d.user_id', 'd.item_id', 'd.item_type'])
      .where('d.user_id', '>=', from)
      .where('d.user_id', '<=', to)
      .where((eb) =>
        eb.or([
          eb('j.status', '=', 'open'),
          eb.and([eb('e.status', '=', 'scheduled'), eb('e.starts_at', '>', at)]),
        ]),
      )
      .execute();
    for (const row of sent) {
      if (!wanted.has(row.user_id)) continue;
      addTo(row.item_type === 'job' ? jobs : events, row.user_id, row.item_id);
    }
    const answered = await this.sql
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['r.user_id', 'r.event_id'])
      .where('r.user_id', '>=', from)
      .where('r.user_id', '<=', to)
      .where('e.status', '=', 'scheduled')
      .where('e.starts_at', '>', at)
      .execute();
    for (const row of answered) if (wanted.has(row.user_id)) addTo(events, row.user_id, row.event_id);
    return { jobs, events };
  }

  /** Which of these members already have their digest of this run in the outbox (by this or another process). */
  async plannedAmong(outboxKeyPrefix: string, userIds: readonly string[]): Promise<Set<string>> {
    const range = keyRange(userIds);
    if (range === undefined) return new Set();
    const wanted = new Set(userIds);
    const rows = await this.sql
      .selectFrom('outbox')
      .select('key')
      .where('key', '>=', `${outboxKeyPrefix}${range[0]}`)
      .where('key', '<=', `${outboxKeyPrefix}${range[1]}`)
      .execute();
    const planned = new Set<string>();
    for (const { key } of rows) {
      const userId = key.slice(outboxKeyPrefix.length);
      if (key.startsWith(outboxKeyPrefix) && wanted.has(userId)) planned.add(userId);
    }
    return planned;
  }
}

/** The smallest and largest id in byte order (as the engines compare them), or undefined for none. */
function keyRange(userIds: readonly string[]): [string, string] | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (const id of userIds) {
    if (from === undefined || Buffer.compare(Buffer.from(id), Buffer.from(from)) < 0) from = id;
    if (to === undefined || Buffer.compare(Buffer.from(id), Buffer.from(to)) > 0) to = id;
  }
  return from === undefined || to === undefined ? undefined : [from, to];
}
