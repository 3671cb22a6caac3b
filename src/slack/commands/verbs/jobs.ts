import { MAX_CONTACTS_PER_COMMAND } from '../../../coffee/types';
import { idArg, labelledIdArg, mentionArg, plainAt, subVerb } from '../../parse/args';
import { escapeMrkdwn } from '../../views/text';
import { jobCommand, listJobs } from '../jobHandlers';
import { defineVerb, type VerbParse } from './verb';

export interface JobsCommand {
  readonly verb: 'jobs';
}

export type JobCommand =
  | { readonly verb: 'job'; readonly action: 'new' }
  | { readonly verb: 'job'; readonly action: 'edit' | 'close' | 'post' | 'reopen'; readonly jobId: number }
  | { readonly verb: 'job'; readonly action: 'hired'; readonly jobId: number; readonly userId: string }
  /** userIds empty: list the role's team contacts. */
  | {
      readonly verb: 'job';
      readonly action: 'contacts';
      readonly jobId: number;
      readonly userIds: readonly string[];
    };

type JobUsage =
  | 'job_usage'
  | 'job_hired_usage'
  | 'job_contacts_usage'
  | 'job_contacts_too_many'
  | { readonly kind: 'job_contacts_bad_user'; readonly given: string }
  | { readonly kind: 'job_id'; readonly action: 'edit' | 'close' | 'post' | 'reopen' }
  | { readonly kind: 'plain_at'; readonly given: string; readonly verb: 'job_hired' | 'job_contacts' };

const subVerbs = {
  list: ['list', '一覧'],
  new: ['new', 'create', '作成', '新規', '掲載'],
  edit: ['edit', 'change', '編集', '変更'],
  close: ['close', '締切', '締め切り', '終了'],
  post: ['post', '投稿'],
  reopen: ['reopen', '再開', '再募集'],
  hired: ['hired', 'hire', '採用'],
  contacts: ['contacts', 'contact', '連絡先', '担当者'],
};

type Parse = VerbParse<JobCommand, JobUsage>;

function hired(rest: string): Parse {
  const [idText, who, ...extra] = rest.trim().split(/\s+/);
  const id = idArg.safeParse(idText ?? '');
  const userId = mentionArg.safeParse(who ?? '');
  if (id.success && plainAt(who))
    return { ok: false, usage: { kind: 'plain_at', given: (who ?? '').slice(0, 40), verb: 'job_hired' } };
  if (!id.success || !userId.success || userId.data === '' || extra.length > 0)
    return { ok: false, usage: 'job_hired_usage' };
  return { ok: true, command: { verb: 'job', action: 'hired', jobId: id.data, userId: userId.data } };
}

function contacts(rest: string): Parse {
  const [idText, ...people] = rest
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const id = idArg.safeParse(idText ?? '');
  if (!id.success) return { ok: false, usage: 'job_contacts_usage' };
  const userIds: string[] = [];
  for (const word of people) {
    const who = mentionArg.safeParse(word);
    if (plainAt(word))
      return { ok: false, usage: { kind: 'plain_at', given: word.slice(0, 40), verb: 'job_contacts' } };
    if (!who.success || who.data === '')
      return { ok: false, usage: { kind: 'job_contacts_bad_user', given: word.slice(0, 40) } };
    userIds.push(who.data);
  }
  if (new Set(userIds).size > MAX_CONTACTS_PER_COMMAND) return { ok: false, usage: 'job_contacts_too_many' };
  return { ok: true, command: { verb: 'job', action: 'contacts', jobId: id.data, userIds } };
}

export const jobVerb = defineVerb<JobCommand | JobsCommand, JobUsage>({
  verb: 'job',
  // "jobs" and a bare "job" (「求人」) list open roles; the sub-verbs are for HR.
  names: { en: ['job', 'jobs'], ja: ['求人', '求人一覧'] },
  subVerbs,
  help: [
    { audience: 'member', covers: ['', 'list'], text: (m) => m.help.lines.jobs },
    { audience: 'hr', covers: ['new'], text: (m) => m.help.lines.jobNew },
    { audience: 'hr', covers: ['edit', 'close', 'hired', 'post'], text: (m) => m.help.lines.jobManage },
    { audience: 'hr', covers: ['contacts'], text: (m) => m.help.lines.jobContacts },
    { audience: 'hr', covers: ['reopen'], text: (m) => m.help.lines.jobReopen },
  ],
  parse({ word, rest }) {
    const sub = subVerb(rest, subVerbs);
    // A bare "job" is most likely someone looking for roles.
    if (word === 'jobs' || word === '求人一覧' || sub.word === '' || sub.action === 'list')
      return { ok: true, command: { verb: 'jobs' } };
    switch (sub.action) {
      case 'new':
        return { ok: true, command: { verb: 'job', action: 'new' } };
      case 'edit':
      case 'close':
      case 'post':
      case 'reopen': {
        const id = labelledIdArg.safeParse(sub.rest.trim());
        return id.success
          ? { ok: true, command: { verb: 'job', action: sub.action, jobId: id.data } }
          : { ok: false, usage: { kind: 'job_id', action: sub.action } };
      }
      case 'hired':
        return hired(sub.rest);
      case 'contacts':
        return contacts(sub.rest);
      case undefined:
        return { ok: false, usage: 'job_usage' };
    }
  },
  usage(problem, m) {
    if (typeof problem === 'object') {
      if (problem.kind === 'job_id') return m.jobs.idUsage(problem.action);
      if (problem.kind === 'job_contacts_bad_user')
        return `${m.coffee.badUser(escapeMrkdwn(problem.given))}\n${m.coffee.usage}`;
      const usage = problem.verb === 'job_hired' ? m.jobs.hiredUsage : m.coffee.usage;
      return `${m.common.notAMention(escapeMrkdwn(problem.given))}\n${usage}`;
    }
    return {
      job_usage: m.jobs.usage,
      job_hired_usage: m.jobs.hiredUsage,
      job_contacts_usage: m.coffee.usage,
      job_contacts_too_many: `${m.coffee.tooMany(MAX_CONTACTS_PER_COMMAND)}\n${m.coffee.usage}`,
    }[problem];
  },
  run: (ctx, command) => (command.verb === 'jobs' ? listJobs(ctx) : jobCommand(ctx, command)),
});
