import type { KnownBlock } from '../blockKit';
import { joinList, messages, type Catalogue, type Locale } from '../../i18n';
import type { Role } from '../../roles/types';
import { AUDIENCES, canSee, type Audience, type HelpLine } from '../commands/verbs/verb';
import type { SlackMessage } from './message';
import { mrkdwn, plain } from './text';

const headings: Record<Exclude<Audience, 'member'>, (m: Catalogue) => string> = {
  supporter: (m) => m.help.supporterHeading,
  organizer: (m) => m.help.organizerHeading,
  hr: (m) => m.help.hrHeading,
  staff: (m) => m.help.staffHeading,
  admin: (m) => m.help.adminHeading,
};

interface HelpVerb {
  readonly names: { readonly en: readonly string[]; readonly ja: readonly string[] };
  readonly subVerbs: Readonly<Record<string, readonly string[]>>;
  readonly help: readonly HelpLine[];
}

const japanese = (name: string): boolean =>
  /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(name);

/** `求人` = `job` · `作成` new, `締切` close…: the Japanese names of the verbs and sub-verbs the caller sees. */
function japaneseNames(verbs: readonly HelpVerb[], roles: ReadonlySet<Role>): string[] {
  return verbs.flatMap((verb) => {
    const seen = verb.help.filter((line) => canSee(roles, line.audience));
    const [name] = verb.names.ja;
    const [english] = verb.names.en;
    if (seen.length === 0 || name === undefined || english === undefined) return [];
    const subs = Object.entries(verb.subVerbs).flatMap(([action, names]) => {
      const ja = names.find(japanese);
      const shown = seen.some((line) => line.covers.includes(action));
      return ja === undefined || !shown ? [] : [`\`${ja}\` ${names[0] ?? action}`];
    });
    return [`\`${name}\` = \`${english}\`${subs.length > 0 ? ` · ${subs.join(', ')}` : ''}`];
  });
}

/** What the caller can do: every help line of the verb table whose audience they are in, by section. */
export function helpMessage(
  locale: Locale,
  roles: ReadonlySet<Role>,
  verbs: readonly HelpVerb[],
  lead?: string,
): SlackMessage {
  const m = messages(locale);
  const lines = verbs.flatMap((verb) => verb.help);
  const section = (audience: Audience): string[] =>
    lines.filter((line) => line.audience === audience).map((line) => `• ${line.text(m)}`);
  const blocks: KnownBlock[] = [];
  if (lead !== undefined) blocks.push({ type: 'section', text: mrkdwn(lead) });
  const member = section('member');
  blocks.push(
    { type: 'header', text: plain(m.help.title, 150) },
    { type: 'context', elements: [mrkdwn(m.help.intro)] },
    { type: 'section', text: mrkdwn(member.join('\n')) },
  );
  for (const audience of AUDIENCES) {
    if (audience === 'member' || !canSee(roles, audience)) continue;
    const shown = section(audience);
    if (shown.length > 0)
      blocks.push({ type: 'section', text: mrkdwn(`*${headings[audience](m)}*\n${shown.join('\n')}`) });
  }
  const names = japaneseNames(verbs, roles);
  if (names.length > 0)
    blocks.push({ type: 'section', text: mrkdwn(`*${m.help.japaneseNames}*\n${names.join('\n')}`) });
  if (roles.size > 0) {
    const names = [...roles].map((role) => m.roleName[role]);
    blocks.push({ type: 'context', elements: [mrkdwn(m.help.yourRoles(joinList(locale, names)))] });
  }
  const text = [lead, m.help.title, ...member.map((line) => line.slice(2))]
    .filter((line) => line !== undefined)
    .join('\n');
  return { text, blocks };
}
