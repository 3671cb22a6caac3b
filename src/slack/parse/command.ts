import { z } from 'zod';
import { ROLES, type Role } from '../../roles/types';
import { MAX_SNOOZE_WEEKS } from '../../intros/types';
import { MAX_CONTACTS_PER_COMMAND } from '../../coffee/types';
import { hasJapanese } from '../../interests/normalize';
import type { AskType } from '../../asks/types';

export type Command =
  | { readonly verb: 'help' }
  | { readonly verb: 'profile' }
  | { readonly verb: 'interests'; readonly action: 'list' }
  | { readonly verb: 'interests'; readonly action: 'add' | 'remove'; readonly text: string }
  /** An admin's Japanese ⇄ English pair, the two spellings in the order typed. */
  | { readonly verb: 'interests'; readonly action: 'pair'; readonly sides: readonly [string, string] }
  | { readonly verb: 'interests'; readonly action: 'unmatched' }
  | { readonly verb: 'find'; readonly query: string }
  | { readonly verb: 'privacy'; readonly action: 'menu' | 'export' | 'delete' }
  | { readonly verb: 'roles' }
  | { readonly verb: 'role'; readonly action: 'add' | 'remove'; readonly userId: string; readonly role: Role }
  | { readonly verb: 'events' }
  | { readonly verb: 'event'; readonly action: 'new' }
  | { readonly verb: 'event'; readonly action: 'edit' | 'cancel' | 'attendees'; readonly eventId: number }
  | { readonly verb: 'announce'; readonly action: 'new' | 'list' }
  | { readonly verb: 'announce'; readonly action: 'cancel'; readonly announcementId: number }
  | { readonly verb: 'jobs' }
  | { readonly verb: 'job'; readonly action: 'new' }
  | { readonly verb: 'job'; readonly action: 'close' | 'post'; readonly jobId: number }
  | { readonly verb: 'job'; readonly action: 'hired'; readonly jobId: number; readonly userId: string }
  /** userIds empty: list the role's team contacts. */
  | {
      readonly verb: 'job';
      readonly action: 'contacts';
      readonly jobId: number;
      readonly userIds: readonly string[];
    }
  | { readonly verb: 'stats'; readonly action: 'report' | 'csv' }
  | { readonly verb: 'intros'; readonly action: 'status' | 'on' | 'off' | 'preview' | 'run' }
  | { readonly verb: 'intros'; readonly action: 'snooze'; readonly weeks: number }
  | {
      readonly verb: 'talent';
      readonly query:
        { readonly kind: 'role'; readonly jobId: number } | { readonly kind: 'text'; readonly text: string };
    }
  | { readonly verb: 'digest'; readonly action: 'status' | 'preview' | 'send' | 'weekly' | 'daily' | 'off' }
  /** `ask` and `offer` open the form. */
  | { readonly verb: 'ask'; readonly type: AskType }
  | { readonly verb: 'asks'; readonly action: 'open' | 'mine' }
  /** `asks fundraising, SaaS`: open items with any of these tags. */
  | { readonly verb: 'asks'; readonly action: 'tags'; readonly text: string };

export type UsageProblem =
  | 'interests_usage'
  | 'interests_empty'
  | 'interests_pair_usage'
  | 'find_usage'
  | 'privacy_usage'
  | 'role_usage'
  | 'role_bad_user'
  | 'event_usage'
  | 'announce_usage'
  | 'announce_id'
  | 'stats_usage'
  | 'intros_usage'
  | 'intros_snooze_usage'
  | 'talent_usage'
  | 'digest_usage'
  | 'ask_usage'
  | 'job_usage'
  | 'job_hired_usage'
  | 'job_contacts_usage'
  | 'job_contacts_too_many'
  | { readonly kind: 'job_contacts_bad_user'; readonly given: string }
  | { readonly kind: 'job_id'; readonly action: 'close' | 'post' }
  | { readonly kind: 'event_id'; readonly action: 'edit' | 'cancel' | 'attendees' }
  | { readonly kind: 'role_bad_role'; readonly given: string }
  /** `@bob` typed as plain text where Slack's @ list gives a real mention. */
  | {
      readonly kind: 'plain_at';
      readonly given: string;
      readonly verb: 'role' | 'job_hired' | 'job_contacts';
    };

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly unknown: string }
  | { readonly ok: false; readonly usage: UsageProblem };

/** Longest command text we read; Slack itself caps a message far above any sensible command. */
export const MAX_COMMAND_LENGTH = 4000;

// With should_escape the command arrives as <@U123|name>; DMs carry <@U123>.
const mention = z
  .string()
  .regex(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/)
  .transform((text) => text.slice(2).split(/[|>]/)[0] ?? '');
const role = z.enum(ROLES);
/** A word that looks like a mention typed by hand (full-width ＠ is folded by NFKC first): Slack sends real mentions as <@U…>. */
const plainAt = (word: string | undefined): boolean => word !== undefined && /^@\S+$/.test(word);
// "12" or "#12", as cards and lists show ids.
const eventId = z
  .string()
  .regex(/^#?\d{1,9}$/)
  .transform((text) => Number(text.replace('#', '')))
  .pipe(z.number().int().positive());

// `intros snooze 4`: whole weeks, at most MAX_SNOOZE_WEEKS (half a year).
const snoozeWeeks = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_SNOOZE_WEEKS));

// Invisible characters could hide a verb ("he\u200Blp"); strip them before reading the words.
const invisible = /[\p{Cc}\p{Cf}]/gu;

function split(text: string): { word: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match === null ? { word: '', rest: '' } : { word: match[1] ?? '', rest: match[2] ?? '' };
}

/**
 * `pair ボルダリング bouldering`, `pair rock climbing ロッククライミング` or `pair a = b`: the two
 * spellings of a pair. Without a separator, the words in Japanese at the start or the end are one
 * side and the other words the other, so either side may have spaces.
 */
function pairSides(text: string): readonly [string, string] | undefined {
  const separated = /^([^=⇄↔]*)[=⇄↔]([^=⇄↔]*)$/.exec(text.trim());
  if (separated !== null) {
    const [first, second] = [separated[1]?.trim() ?? '', separated[2]?.trim() ?? ''];
    return first === '' || second === '' ? undefined : [first, second];
  }
  if (/[=⇄↔]/.test(text)) return undefined;
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length < 2) return undefined;
  const leading = words.findIndex((word) => !hasJapanese(word));
  let cut = leading > 0 ? leading : 1;
  if (leading === 0) {
    const trailing = [...words].reverse().findIndex((word) => !hasJapanese(word));
    if (trailing > 0) cut = words.length - trailing;
  }
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

export function parseCommand(raw: string): ParsedCommand {
  const text = raw.slice(0, MAX_COMMAND_LENGTH).normalize('NFKC').replace(invisible, ' ');
  const { word, rest } = split(text);
  const verb = word.toLowerCase();
  const ok = (command: Command): ParsedCommand => ({ ok: true, command });
  const usage = (problem: UsageProblem): ParsedCommand => ({ ok: false, usage: problem });

  switch (verb) {
    case '':
    case 'help':
      return ok({ verb: 'help' });
    case 'profile':
      return ok({ verb: 'profile' });
    case 'interests':
    case 'interest': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (action === '' || action === 'list') return ok({ verb: 'interests', action: 'list' });
      if (action === 'unmatched')
        return sub.rest.trim() === '' ? ok({ verb: 'interests', action }) : usage('interests_usage');
      if (action === 'pair') {
        const sides = pairSides(sub.rest);
        return sides === undefined ? usage('interests_pair_usage') : ok({ verb: 'interests', action, sides });
      }
      if (action !== 'add' && action !== 'remove') return usage('interests_usage');
      if (sub.rest.trim() === '') return usage('interests_empty');
      return ok({ verb: 'interests', action, text: sub.rest });
    }
    case 'find':
    case 'search': {
      const query = rest.trim();
      return query === '' ? usage('find_usage') : ok({ verb: 'find', query });
    }
    case 'privacy': {
      const action = split(rest).word.toLowerCase();
      if (action === '') return ok({ verb: 'privacy', action: 'menu' });
      if (action === 'export' || action === 'delete') return ok({ verb: 'privacy', action });
      return usage('privacy_usage');
    }
    case 'roles':
      return ok({ verb: 'roles' });
    case 'role': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (action !== 'add' && action !== 'remove') return usage('role_usage');
      const [who, which, ...extra] = sub.rest.trim().split(/\s+/);
      const userId = mention.safeParse(who ?? '');
      if (plainAt(who)) return usage({ kind: 'plain_at', given: (who ?? '').slice(0, 40), verb: 'role' });
      if (!userId.success || userId.data === '') return usage('role_bad_user');
      const parsedRole = role.safeParse((which ?? '').toLowerCase());
      if (!parsedRole.success) return usage({ kind: 'role_bad_role', given: which ?? '' });
      if (extra.length > 0) return usage('role_usage');
      return ok({ verb: 'role', action, userId: userId.data, role: parsedRole.data });
    }
    case 'events':
      return ok({ verb: 'events' });
    case 'event': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (action === 'new' || action === 'create') return ok({ verb: 'event', action: 'new' });
      if (action !== 'edit' && action !== 'cancel' && action !== 'attendees') return usage('event_usage');
      const id = eventId.safeParse(sub.rest.trim());
      if (!id.success) return usage({ kind: 'event_id', action });
      return ok({ verb: 'event', action, eventId: id.data });
    }
    case 'announce':
    case 'announcement':
    case 'announcements': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (action === '' || action === 'new')
        return ok({ verb: 'announce', action: verb === 'announcements' ? 'list' : 'new' });
      if (action === 'list') return ok({ verb: 'announce', action: 'list' });
      if (action !== 'cancel') return usage('announce_usage');
      const id = eventId.safeParse(sub.rest.trim());
      return id.success
        ? ok({ verb: 'announce', action: 'cancel', announcementId: id.data })
        : usage('announce_id');
    }
    case 'digest':
    case 'digests': {
      const action = split(rest).word.toLowerCase();
      if (action === '') return ok({ verb: 'digest', action: 'status' });
      // "on" means the default cadence; a member who wants daily says so.
      if (action === 'on') return ok({ verb: 'digest', action: 'weekly' });
      if (
        action === 'preview' ||
        action === 'send' ||
        action === 'weekly' ||
        action === 'daily' ||
        action === 'off'
      ) {
        return ok({ verb: 'digest', action });
      }
      return usage('digest_usage');
    }
    case 'stats': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (sub.rest.trim() !== '') return usage('stats_usage');
      if (action === '') return ok({ verb: 'stats', action: 'report' });
      return action === 'csv' ? ok({ verb: 'stats', action: 'csv' }) : usage('stats_usage');
    }
    case 'jobs':
      return ok({ verb: 'jobs' });
    case 'job': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      // A bare "job" is most likely someone looking for roles.
      if (action === '' || action === 'list') return ok({ verb: 'jobs' });
      if (action === 'new' || action === 'create') return ok({ verb: 'job', action: 'new' });
      if (action === 'close' || action === 'post') {
        const id = eventId.safeParse(sub.rest.trim());
        return id.success ? ok({ verb: 'job', action, jobId: id.data }) : usage({ kind: 'job_id', action });
      }
      if (action === 'hired' || action === 'hire') {
        const [idText, who, ...extra] = sub.rest.trim().split(/\s+/);
        const id = eventId.safeParse(idText ?? '');
        const hired = mention.safeParse(who ?? '');
        if (id.success && plainAt(who))
          return usage({ kind: 'plain_at', given: (who ?? '').slice(0, 40), verb: 'job_hired' });
        if (!id.success || !hired.success || hired.data === '' || extra.length > 0)
          return usage('job_hired_usage');
        return ok({ verb: 'job', action: 'hired', jobId: id.data, userId: hired.data });
      }
      if (action === 'contacts' || action === 'contact') {
        const [idText, ...people] = sub.rest
          .trim()
          .split(/\s+/)
          .filter((word) => word !== '');
        const id = eventId.safeParse(idText ?? '');
        if (!id.success) return usage('job_contacts_usage');
        const userIds: string[] = [];
        for (const word of people) {
          const who = mention.safeParse(word);
          if (plainAt(word))
            return usage({ kind: 'plain_at', given: word.slice(0, 40), verb: 'job_contacts' });
          if (!who.success || who.data === '')
            return usage({ kind: 'job_contacts_bad_user', given: word.slice(0, 40) });
          userIds.push(who.data);
        }
        if (new Set(userIds).size > MAX_CONTACTS_PER_COMMAND) return usage('job_contacts_too_many');
        return ok({ verb: 'job', action: 'contacts', jobId: id.data, userIds });
      }
      return usage('job_usage');
    }
    case 'intros':
    case 'intro': {
      const sub = split(rest);
      const action = sub.word.toLowerCase();
      if (action === 'snooze') {
        const weeks = snoozeWeeks.safeParse(sub.rest.trim());
        return weeks.success
          ? ok({ verb: 'intros', action: 'snooze', weeks: weeks.data })
          : usage('intros_snooze_usage');
      }
      if (sub.rest.trim() !== '') return usage('intros_usage');
      if (action === '' || action === 'status') return ok({ verb: 'intros', action: 'status' });
      if (action === 'on' || action === 'off' || action === 'preview' || action === 'run')
        return ok({ verb: 'intros', action });
      return usage('intros_usage');
    }
    case 'talent': {
      const query = rest.trim();
      if (query === '') return usage('talent_usage');
      const id = eventId.safeParse(query);
      return ok({
        verb: 'talent',
        query: id.success ? { kind: 'role', jobId: id.data } : { kind: 'text', text: query },
      });
    }
    case 'ask':
    case 'offer':
      // The form asks for everything; words after the verb are most likely a misunderstanding.
      return rest.trim() === '' ? ok({ verb: 'ask', type: verb }) : usage('ask_usage');
    case 'asks':
    case 'offers': {
      const query = rest.trim();
      if (query === '') return ok({ verb: 'asks', action: 'open' });
      if (query.toLowerCase() === 'mine') return ok({ verb: 'asks', action: 'mine' });
      return ok({ verb: 'asks', action: 'tags', text: query });
    }
    default:
      return { ok: false, unknown: word.slice(0, 40) };
  }
}
