import { reminderCodeSchema, type ReminderCode } from '../events/types';
import { StoreBacked } from './storeBacked';

export interface DueReminder {
  readonly eventId: number;
  readonly code: ReminderCode;
  readonly remindAt: Date;
}

/** SQL for events' reminder plans: which reminders are due, and which were already planned. */
export class EventReminderRepository extends StoreBacked {
  /** Replaces the reminders not yet planned; ones already sent (planned) stay as they were. */
  async replace(eventId: number, reminders: readonly DueReminder[]): Promise<void> {
    await this.store.transaction(async () => {
      await this.clearUnplanned(eventId);
      if (reminders.length === 0) return;
      await this.sql
        .insertInto('event_reminders')
        .values(
          reminders.map((r) => ({ event_id: eventId, code: r.code, remind_at: r.remindAt.toISOString() })),
        )
        .onConflict((conflict) => conflict.columns(['event_id', 'code']).doNothing())
        .execute();
    });
  }

  async clearUnplanned(eventId: number): Promise<void> {
    await this.sql
      .deleteFrom('event_reminders')
      .where('event_id', '=', eventId)
      .where('planned_at', 'is', null)
      .execute();
  }

  async due(now: Date): Promise<DueReminder[]> {
    const rows = await this.sql
      .selectFrom('event_reminders')
      .select(['event_id', 'code', 'remind_at'])
      .where('planned_at', 'is', null)
      .where('remind_at', '<=', now.toISOString())
      .orderBy('remind_at')
      .orderBy('event_id')
      .orderBy('code')
      .execute();
    return rows.flatMap((row) => {
      const code = reminderCodeSchema.safeParse(row.code);
      return code.success
        ? [{ eventId: row.event_id, code: code.data, remindAt: new Date(row.remind_at) }]
        : [];
    });
  }

  /** True only for the caller that marked it: a second process planning the same reminder does nothing. */
  async markPlanned(eventId: number, code: ReminderCode, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('event_reminders')
      .set({ planned_at: now.toISOString() })
      .where('event_id', '=', eventId)
      .where('code', '=', code)
      .where('planned_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
