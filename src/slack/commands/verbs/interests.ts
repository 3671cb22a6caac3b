import { joinList, messages } from '../../../i18n';
import { tagLabel } from '../../../interests/labels';
import { hasJapanese } from '../../../interests/normalize';
import { subVerb } from '../../parse/args';
import { tagProblemText } from '../../parse/profileForm';
import { escapeMrkdwn } from '../../views/text';
import type { CommandContext } from '../context';
import { interestAdminCommand } from '../interestHandlers';
import { defineVerb } from './verb';

export type InterestsCommand =
  | { readonly verb: 'interests'; readonly action: 'list' }
  | { readonly verb: 'interests'; readonly action: 'add' | 'remove'; readonly text: string }
  /** An admin's Japanese ⇄ English pair, the two spellings in the order typed. */
  | { readonly verb: 'interests'; readonly action: 'pair'; readonly sides: readonly [string, string] }
  | { readonly verb: 'interests'; readonly action: 'unmatched' };

type InterestsUsage = 'interests_usage' | 'interests_empty' | 'interests_pair_usage';

const subVerbs = {
  list: ['list', '一覧'],
  add: ['add', '追加', '登録'],
  remove: ['remove', 'delete', 'rm', 'del', '削除', '消す'],
  pair: ['pair', 'ペア'],
  unmatched: ['unmatched', '未対応'],
};

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

const tagList = (tags: readonly string[], ctx: CommandContext): string =>
  joinList(
    ctx.locale,
    tags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, ctx.locale))}\``),
  );

async function interests(ctx: CommandContext, command: InterestsCommand): Promise<void> {
  const m = messages(ctx.locale).interests;
  if (command.action === 'pair' || command.action === 'unmatched') return interestAdminCommand(ctx, command);
  const { members } = ctx.services;
  if (command.action === 'list') {
    const tags = await members.interests(ctx.userId);
    await ctx.reply({ text: tags.length === 0 ? m.none : m.list(tagList(tags, ctx)) });
    return;
  }
  const change =
    command.action === 'add'
      ? await members.addInterests(ctx.userId, command.text)
      : await members.removeInterests(ctx.userId, command.text);
  if (!change.ok) {
    await ctx.reply({ text: tagProblemText(change.problem, ctx.locale) });
    return;
  }
  const lines: string[] = [];
  if (command.action === 'add') {
    if (change.changed.length > 0) lines.push(m.added(tagList(change.changed, ctx), change.total));
    if (change.unchanged.length > 0) lines.push(m.nothingNew(tagList(change.unchanged, ctx)));
  } else {
    if (change.changed.length > 0) lines.push(m.removed(tagList(change.changed, ctx)));
    if (change.unchanged.length > 0) lines.push(m.notFound(tagList(change.unchanged, ctx)));
  }
  await ctx.reply({ text: lines.join('\n') });
}

export const interestsVerb = defineVerb<InterestsCommand, InterestsUsage>({
  verb: 'interests',
  names: { en: ['interests', 'interest'], ja: ['興味', '関心'] },
  subVerbs,
  help: [
    { audience: 'member', covers: ['', 'list', 'add', 'remove'], text: (m) => m.help.lines.interests },
    { audience: 'organizer', covers: ['unmatched'], text: (m) => m.help.lines.interestsUnmatched },
    { audience: 'admin', covers: ['pair'], text: (m) => m.help.lines.interestsPair },
  ],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    const verb = 'interests';
    if (sub.word === '' || sub.action === 'list') return { ok: true, command: { verb, action: 'list' } };
    if (sub.action === 'unmatched')
      return sub.rest.trim() === ''
        ? { ok: true, command: { verb, action: 'unmatched' } }
        : { ok: false, usage: 'interests_usage' };
    if (sub.action === 'pair') {
      const sides = pairSides(sub.rest);
      return sides === undefined
        ? { ok: false, usage: 'interests_pair_usage' }
        : { ok: true, command: { verb, action: 'pair', sides } };
    }
    if (sub.action === undefined) return { ok: false, usage: 'interests_usage' };
    if (sub.rest.trim() === '') return { ok: false, usage: 'interests_empty' };
    return { ok: true, command: { verb, action: sub.action, text: sub.rest } };
  },
  usage: (problem, m) =>
    ({
      interests_usage: m.interests.usage,
      interests_empty: m.interests.errors.empty,
      interests_pair_usage: m.interests.pairUsage,
    })[problem],
  run: interests,
});
