import { messages } from '../../i18n';
import { readCommand } from '../parse/command';
import { notApprovedMessage } from '../views/approval';
import { agreementRequiredMessage } from '../views/charter';
import { escapeMrkdwn } from '../views/text';
import { userMessage } from '../userMessage';
import type { CommandContext } from './context';
import { helpFor, VERBS } from './verbs';
import { closestName } from '../../suggest';

const verbNames = (): { name: string; verb: string }[] =>
  VERBS.flatMap((verb) => [...verb.names.en, ...verb.names.ja].map((name) => ({ name, verb: verb.verb })));

/**
 * Reads the text with the verb table, applies the agreement gate, runs the verb's handler, and
 * turns every failure into a useful reply.
 */
export async function runCommand(ctx: CommandContext, text: string): Promise<void> {
  const { services } = ctx;
  try {
    const read = readCommand(text);
    if (read.kind === 'unknown') {
      const m = messages(ctx.locale);
      const close = closestName(read.word, verbNames());
      const word = escapeMrkdwn(read.word);
      const lead = close === undefined ? m.unknownCommand(word) : m.didYouMean(word, escapeMrkdwn(close));
      await ctx.reply(helpFor(ctx, await services.roles.rolesOf(ctx.userId), lead));
      return;
    }
    const { verb, reading } = read;
    if (!reading.ok) {
      await ctx.reply({ text: reading.text(messages(ctx.locale)) });
      return;
    }
    // Verbs open to newcomers (help, privacy, join, report) run for anyone; the rest wait for the
    // agreement and, with approval on, the approval: the one check is ApprovalService.access.
    if (!verb.beforeAgreement) {
      const access = await services.approval.access(ctx.userId);
      if (access.kind === 'must_agree') {
        const charter = services.onboarding.charter.text(ctx.locale);
        await ctx.reply(agreementRequiredMessage(charter, ctx.locale, access.outdated));
        return;
      }
      if (access.kind === 'not_approved') {
        await ctx.reply(notApprovedMessage(access.request, ctx.locale));
        return;
      }
    }
    // Another replica may have added an interest pair since: read tags with the current vocabulary.
    await services.interests.refresh();
    await reading.run(ctx);
    // Only a command that did something counts as activity; refusals and mistakes change nothing.
    await services.members.recordActivity(ctx.userId);
  } catch (error) {
    const failure = { where: 'command', userId: ctx.userId, surface: 'command' } as const;
    await ctx.reply({ text: userMessage(error, ctx.locale, failure, services.logger) });
  }
}
