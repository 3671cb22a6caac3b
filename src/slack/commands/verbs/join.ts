import { messages } from '../../../i18n';
import { admitByEmail } from '../../approvalCards';
import { importEligibleList } from '../../eligibleImport';
import { eligibilityModal } from '../../forms/eligibilityForm';
import { subVerb } from '../../parse/args';
import { notApprovedMessage, openJoinFormMessage } from '../../views/approval';
import { agreementRequiredMessage } from '../../views/charter';
import type { CommandContext } from '../context';
import { openForm } from '../context';
import { defineVerb, noUsage } from './verb';

export interface JoinCommand {
  readonly verb: 'join';
}

/**
 * `join`: a newcomer asks to join (with APPROVAL=on), or answers an admin's question. Open before
 * agreement and approval (it is how one gets there): before the agreement it shows the charter.
 */
async function join(ctx: CommandContext): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale);
  const access = await services.approval.access(ctx.userId);
  if (access.kind === 'must_agree') {
    const charter = services.onboarding.charter.text(ctx.locale);
    await ctx.reply(agreementRequiredMessage(charter, ctx.locale, access.outdated));
    return;
  }
  if (access.kind === 'member') {
    await ctx.reply({ text: m.approval.alreadyMember });
    return;
  }
  const { request } = access;
  if (request?.status === 'declined') {
    await ctx.reply(notApprovedMessage(request, ctx.locale));
    return;
  }
  if (request === undefined && (await admitByEmail(services, ctx.client, ctx.userId))) {
    await ctx.reply({ text: m.approval.approvedNow });
    return;
  }
  const charter = services.onboarding.charter;
  await openForm(ctx, openJoinFormMessage(ctx.locale, request?.status === 'asked'), () =>
    eligibilityModal(charter.eligibilityFacts, charter.text(ctx.locale).name, ctx.locale, request),
  );
}

export const joinVerb = defineVerb<JoinCommand>({
  verb: 'join',
  names: { en: ['join'], ja: ['参加', '参加申請'] },
  beforeAgreement: true,
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.join }],
  parse: () => ({ ok: true, command: { verb: 'join' } }),
  usage: noUsage,
  run: join,
});

export interface AdminCommand {
  readonly verb: 'admin';
  readonly action: 'eligible_import';
}

const adminSubVerbs = { eligible: ['eligible', '対象者'] };
const importWords = ['import', '取込', '取り込み'];

/** `admin eligible import`: loads the eligible list from a CSV shared in the admin's DM with the bot. */
export const adminVerb = defineVerb<AdminCommand, 'admin_usage'>({
  verb: 'admin',
  names: { en: ['admin'], ja: ['管理'] },
  subVerbs: adminSubVerbs,
  help: [{ audience: 'admin', covers: ['eligible'], text: (m) => m.help.lines.adminEligible }],
  parse({ rest }) {
    const sub = subVerb(rest, adminSubVerbs);
    const words = sub.rest.trim().toLowerCase().split(/\s+/);
    if (sub.action !== 'eligible' || words.length !== 1 || !importWords.includes(words[0] ?? ''))
      return { ok: false, usage: 'admin_usage' };
    return { ok: true, command: { verb: 'admin', action: 'eligible_import' } };
  },
  usage: (_problem, m) => m.approval.adminUsage,
  run: importEligibleList,
});
