import { messages } from '../../../i18n';
import { ROLES, type Role } from '../../../roles/types';
import { mentionArg, plainAt, subVerb } from '../../parse/args';
import { rolesMessage } from '../../views/roles';
import { escapeMrkdwn, mention } from '../../views/text';
import type { CommandContext } from '../context';
import { confirmedFirst } from '../confirm';
import { defineVerb, noUsage } from './verb';
import { z } from 'zod';

export interface RolesCommand {
  readonly verb: 'roles';
}

export interface RoleCommand {
  readonly verb: 'role';
  readonly action: 'add' | 'remove';
  readonly userId: string;
  readonly role: Role;
}

type RoleUsage =
  | 'role_usage'
  | 'role_bad_user'
  | { readonly kind: 'role_bad_role'; readonly given: string }
  /** `@bob` typed as plain text where Slack's @ list gives a real mention. */
  | { readonly kind: 'plain_at'; readonly given: string; readonly verb: 'role' };

const roleArg = z.enum(ROLES);
const subVerbs = { add: ['add', '追加'], remove: ['remove', '削除'] };

async function changeRole(ctx: CommandContext, command: RoleCommand): Promise<void> {
  const m = messages(ctx.locale);
  const roles = ctx.services.roles;
  const who = mention(command.userId);
  const roleName = m.roleName[command.role];
  if (command.action === 'remove') {
    await roles.require(ctx.userId, 'admin');
    const asked = `role remove <@${command.userId}> ${command.role}`;
    if (!(await confirmedFirst(ctx, m.roles.confirmRemove(who, roleName), asked))) return;
  }
  const change =
    command.action === 'add'
      ? await roles.grant(ctx.userId, command.userId, command.role)
      : await roles.revoke(ctx.userId, command.userId, command.role);
  const text = {
    granted: () => m.roles.granted(who, roleName),
    already_had: () => m.roles.alreadyHad(who, roleName),
    revoked: () => m.roles.revoked(who, roleName),
    did_not_have: () => m.roles.didNotHave(who, roleName),
    configured_admin: () => m.roles.configuredAdmin(who),
  }[change.kind]();
  ctx.services.logger.info(
    `role ${command.action} ${command.role} for ${command.userId} by ${ctx.userId}: ${change.kind}`,
  );
  await ctx.reply({ text });
}

export const rolesVerb = defineVerb<RolesCommand>({
  verb: 'roles',
  names: { en: ['roles'], ja: ['ロール一覧', '役割一覧'] },
  help: [{ audience: 'admin', covers: [''], text: (m) => m.help.lines.roles }],
  parse: () => ({ ok: true, command: { verb: 'roles' } }),
  usage: noUsage,
  async run(ctx) {
    await ctx.reply(rolesMessage(await ctx.services.roles.list(ctx.userId), ctx.locale));
  },
});

export const roleVerb = defineVerb<RoleCommand, RoleUsage>({
  verb: 'role',
  names: { en: ['role'], ja: ['ロール', '役割'] },
  subVerbs,
  help: [{ audience: 'admin', covers: ['add', 'remove'], text: (m) => m.help.lines.role }],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    if (sub.action === undefined) return { ok: false, usage: 'role_usage' };
    const [who, which, ...extra] = sub.rest.trim().split(/\s+/);
    const userId = mentionArg.safeParse(who ?? '');
    if (plainAt(who))
      return { ok: false, usage: { kind: 'plain_at', given: (who ?? '').slice(0, 40), verb: 'role' } };
    if (!userId.success || userId.data === '') return { ok: false, usage: 'role_bad_user' };
    const role = roleArg.safeParse((which ?? '').toLowerCase());
    if (!role.success) return { ok: false, usage: { kind: 'role_bad_role', given: which ?? '' } };
    if (extra.length > 0) return { ok: false, usage: 'role_usage' };
    return { ok: true, command: { verb: 'role', action: sub.action, userId: userId.data, role: role.data } };
  },
  usage(problem, m) {
    if (problem === 'role_usage') return m.roles.usage;
    if (problem === 'role_bad_user') return `${m.roles.badUser}\n${m.roles.usage}`;
    if (problem.kind === 'plain_at')
      return `${m.common.notAMention(escapeMrkdwn(problem.given))}\n${m.roles.usage}`;
    return `${m.roles.badRole(escapeMrkdwn(problem.given))}\n${m.roles.usage}`;
  },
  run: changeRole,
});
