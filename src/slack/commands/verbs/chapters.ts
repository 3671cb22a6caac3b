import { isChapterName } from '../../../chapters/rules';
import { CHAPTER_NAME_MAX } from '../../../chapters/types';
import { messages } from '../../../i18n';
import { mentionArg, plainAt, subVerb } from '../../parse/args';
import { chapterListMessage } from '../../views/chapters';
import { escapeMrkdwn, mention } from '../../views/text';
import type { CommandContext } from '../context';
import { confirmedFirst } from '../confirm';
import { defineVerb } from './verb';

export type ChaptersCommand =
  | { readonly verb: 'chapters'; readonly action: 'list' }
  | { readonly verb: 'chapters'; readonly action: 'join' | 'leave' | 'archive'; readonly name: string }
  | {
      readonly verb: 'chapters';
      readonly action: 'create';
      readonly name: string;
      readonly channelId: string;
    }
  | {
      readonly verb: 'chapters';
      readonly action: 'lead_add' | 'lead_remove';
      readonly name: string;
      readonly userId: string;
    };

type ChaptersUsage =
  | 'usage'
  | 'bad_channel'
  | 'bad_lead'
  | 'bad_name'
  | { readonly kind: 'name_needed'; readonly action: string }
  | { readonly kind: 'plain_at'; readonly given: string };

const subVerbs = {
  join: ['join', '参加', '入会'],
  leave: ['leave', '退会', '脱退', '抜ける'],
  create: ['create', 'new', '作成', '新規'],
  archive: ['archive', 'アーカイブ'],
  lead: ['lead', 'leads', 'リーダー'],
};
const leadVerbs = { add: ['add', '追加'], remove: ['remove', '削除'] };

// With should_escape a channel arrives as <#C123|name>; DMs carry <#C123>.
const channelArg = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** The words before a trailing mention or channel link: the chapter's name, which may have spaces. */
function nameAndLast(rest: string): { name: string; last: string } {
  const words = rest.trim().split(/\s+/);
  const last = words.pop() ?? '';
  return { name: words.join(' '), last };
}

function parse(rest: string): { ok: true; command: ChaptersCommand } | { ok: false; usage: ChaptersUsage } {
  const verb = 'chapters';
  if (rest.trim() === '') return { ok: true, command: { verb, action: 'list' } };
  const sub = subVerb(rest, subVerbs);
  const action = sub.action;
  if (action === undefined) return { ok: false, usage: 'usage' };
  if (action === 'join' || action === 'leave' || action === 'archive') {
    const name = sub.rest.trim();
    if (name === '') return { ok: false, usage: { kind: 'name_needed', action: sub.word } };
    return { ok: true, command: { verb, action, name } };
  }
  if (action === 'create') {
    const { name, last } = nameAndLast(sub.rest);
    const channel = channelArg.exec(last);
    if (channel === null) return { ok: false, usage: 'bad_channel' };
    if (!isChapterName(name)) return { ok: false, usage: 'bad_name' };
    return { ok: true, command: { verb, action, name, channelId: channel[1] ?? '' } };
  }
  const lead = subVerb(sub.rest, leadVerbs);
  if (lead.action === undefined) return { ok: false, usage: 'usage' };
  const { name, last } = nameAndLast(lead.rest);
  if (plainAt(last)) return { ok: false, usage: { kind: 'plain_at', given: last.slice(0, 40) } };
  const userId = mentionArg.safeParse(last);
  if (!userId.success || userId.data === '') return { ok: false, usage: 'bad_lead' };
  if (name === '') return { ok: false, usage: { kind: 'name_needed', action: `${sub.word} ${lead.word}` } };
  return {
    ok: true,
    command: { verb, action: lead.action === 'add' ? 'lead_add' : 'lead_remove', name, userId: userId.data },
  };
}

async function run(ctx: CommandContext, command: ChaptersCommand): Promise<void> {
  const { chapters } = ctx.services;
  const m = messages(ctx.locale).chapters;
  switch (command.action) {
    case 'list':
      await ctx.reply(chapterListMessage(await chapters.list(ctx.userId), ctx.locale));
      return;
    case 'join':
    case 'leave': {
      const chapter = await chapters.named(command.name);
      const name = escapeMrkdwn(chapter.name);
      const change =
        command.action === 'join'
          ? await chapters.join(ctx.userId, chapter)
          : await chapters.leave(ctx.userId, chapter);
      await ctx.services.members.recordActivity(ctx.userId);
      const text = {
        joined: () => m.joined(name, `<#${chapter.channelId}>`),
        already_member: () => m.alreadyMember(name),
        left: () => m.left(name),
        not_member: () => m.notMember(name),
      }[change]();
      await ctx.reply({ text });
      return;
    }
    case 'create': {
      const chapter = await chapters.create(ctx.userId, command.name, command.channelId);
      await ctx.reply({ text: m.created(escapeMrkdwn(chapter.name), `<#${chapter.channelId}>`) });
      return;
    }
    case 'archive': {
      // Refused or unknown: said before any question (the service checks again on Confirm).
      await ctx.services.roles.require(ctx.userId, 'admin');
      const chapter = await chapters.named(command.name);
      const asked = `chapters archive ${chapter.name}`;
      if (!(await confirmedFirst(ctx, m.confirmArchive(escapeMrkdwn(chapter.name)), asked))) return;
      const archived = await chapters.archive(ctx.userId, chapter.name);
      await ctx.reply({ text: m.archived(escapeMrkdwn(archived.name)) });
      return;
    }
    case 'lead_add':
    case 'lead_remove': {
      const { chapter, change } =
        command.action === 'lead_add'
          ? await chapters.addLead(ctx.userId, command.name, command.userId)
          : await chapters.removeLead(ctx.userId, command.name, command.userId);
      const who = mention(command.userId);
      const name = escapeMrkdwn(chapter.name);
      const text = {
        added: () => m.leadAdded(who, name),
        already_lead: () => m.alreadyLead(who, name),
        removed: () => m.leadRemoved(who, name),
        not_lead: () => m.notLead(who, name),
      }[change]();
      await ctx.reply({ text });
      return;
    }
  }
}

/** `chapters` (issue 14 §4): the list, join and leave; for admins, create, leads and archive. */
export const chaptersVerb = defineVerb<ChaptersCommand, ChaptersUsage>({
  verb: 'chapters',
  names: { en: ['chapters', 'chapter'], ja: ['チャプター', '支部'] },
  subVerbs: { ...subVerbs, ...leadVerbs },
  help: [
    { audience: 'member', covers: ['', 'join', 'leave'], text: (m) => m.help.lines.chapters },
    {
      audience: 'admin',
      covers: ['create', 'lead', 'add', 'remove', 'archive'],
      text: (m) => m.help.lines.chaptersAdmin,
    },
  ],
  parse: ({ rest }) => parse(rest),
  usage(problem, m) {
    const c = m.chapters;
    if (problem === 'usage') return c.usage;
    if (problem === 'bad_channel') return c.badChannel;
    if (problem === 'bad_lead') return c.badLead;
    if (problem === 'bad_name') return c.badName(CHAPTER_NAME_MAX);
    if (problem.kind === 'plain_at')
      return `${m.common.notAMention(escapeMrkdwn(problem.given))}\n${c.badLead}`;
    return c.nameNeeded(escapeMrkdwn(problem.action));
  },
  run,
});
