import { z } from 'zod';

export const CONTACT_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export const contactStatusSchema = z.enum(CONTACT_STATUSES);
export type ContactStatus = z.infer<typeof contactStatusSchema>;
export type ContactAnswer = Exclude<ContactStatus, 'invited'>;

export const coffeeRequestStatusSchema = z.enum(['asking', 'held', 'unavailable']);
export type CoffeeRequestStatus = z.infer<typeof coffeeRequestStatusSchema>;

/** The coffee-chat steps of the comeback funnel (kept in coffee_funnel; see 0008_coffee_chats.sql). */
export type CoffeeStep = 'chat_requested' | 'chat_declined' | 'chat_held' | 'chat_unavailable';

/** Most team members one `job contacts` command adds. */
export const MAX_CONTACTS_PER_COMMAND = 10;

/** A team member HR added to a role as willing to chat. */
export interface JobContact {
  readonly id: number;
  readonly jobId: number;
  readonly userId: string;
  readonly status: ContactStatus;
  readonly addedAt: Date;
}

export interface CoffeeRequest {
  readonly id: number;
  readonly jobId: number;
  /** NULL once the member erased their data. */
  readonly member: string | null;
  readonly status: CoffeeRequestStatus;
}

/** One contact asked, in turn, to chat for a request. */
export interface CoffeeAsk {
  readonly id: number;
  readonly requestId: number;
  readonly contact: string | null;
  readonly answered: boolean;
}

/** A button from someone it was not meant for, or for a request that is over. */
export class NotYourRequest extends Error {
  readonly code = 'not_your_request' as const;
  constructor() {
    super('only the contact asked may answer this request');
  }
}

/** HR named team members who may not see the role (it is in a private channel they are not in); nobody was added. */
export class ContactsOutsideChannel extends Error {
  readonly code = 'contacts_outside_channel' as const;
  constructor(
    readonly userIds: readonly string[],
    readonly channelId: string,
  ) {
    super(`${userIds.length} contact(s) are not in ${channelId}, where the role is`);
  }
}
