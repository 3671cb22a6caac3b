import { messages, type Locale } from '../../i18n';
import { parseCommand, type Command, type UsageProblem } from '../parse/command';
import { MAX_SNOOZE_WEEKS } from '../../intros/types';
import { MAX_CONTACTS_PER_COMMAND } from '../../coffee/types';
import { agreementRequiredMessage } from '../views/charter';
import { helpMessage } from '../views/help';
import { escapeMrkdwn } from '../views/text';
import type { CommandContext } from './context';
import { commandHandlers } from './handlers';
import { userMessage } from '../userMessage';

// A member who has not agreed may still read help and take or erase their data.
const allowedBeforeAgreement: ReadonlySet<Command['verb']> = new Set(['help', 'privacy']);

function usageText(problem: UsageProblem, locale: Locale): string {
  const m = messages(locale);
  if (typeof problem === 'object') {
    if (problem.kind === 'event_id') return m.events.idUsage(problem.action);
    if (problem.kind === 'job_id') return m.jobs.idUsage(problem.action);
    if (problem.kind === 'plain_at') {
      const usage = { role: m.roles.usage, job_hired: m.jobs.hiredUsage, job_contacts: m.coffee.usage }[
        problem.verb
      ];
      return `${m.common.notAMention(escapeMrkdwn(problem.given))}\n${usage}`;
    }
    if (problem.kind === 'job_contacts_bad_user')
      return `${m.coffee.badUser(escapeMrkdwn(problem.given))}\n${m.coffee.usage}`;
    return `${m.roles.badRole(escapeMrkdwn(problem.given))}\n${m.roles.usage}`;
  }
  const texts: Record<typeof problem, string> = {
    interests_usage: m.interests.usage,
    interests_empty: m.interests.errors.empty,
    interests_pair_usage: m.interests.pairUsage,
    find_usage: m.find.usage,
    privacy_usage: m.privacy.usage,
    role_usage: m.roles.usage,
    role_bad_user: `${m.roles.badUser}\n${m.roles.usage}`,
    event_usage: m.events.usage,
    announce_usage: m.announcements.usage,
    announce_id: m.announcements.idUsage,
    job_usage: m.jobs.usage,
    job_hired_usage: m.jobs.hiredUsage,
    job_contacts_usage: m.coffee.usage,
    job_contacts_too_many: `${m.coffee.tooMany(MAX_CONTACTS_PER_COMMAND)}\n${m.coffee.usage}`,
    stats_usage: m.stats.usage,
    intros_usage: m.intros.usage,
    intros_snooze_usage: m.intros.snoozeUsage(MAX_SNOOZE_WEEKS),
    talent_usage: m.talent.usage,
    digest_usage: m.digests.usage,
    ask_usage: m.asks.usage,
  };
  return texts[problem];
}

/** Parses the text, applies the agreement gate, runs the verb, and turns every failure into a useful reply. */
export async function runCommand(ctx: CommandContext, text: string): Promise<void> {
  const { services } = ctx;
  try {
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      if ('unknown' in parsed) {
        const lead = messages(ctx.locale).unknownCommand(escapeMrkdwn(parsed.unknown));
        await ctx.reply(helpMessage(ctx.locale, await services.roles.rolesOf(ctx.userId), lead));
      } else {
        await ctx.reply({ text: usageText(parsed.usage, ctx.locale) });
      }
      return;
    }
    const { command } = parsed;
    if (!allowedBeforeAgreement.has(command.verb)) {
      const state = await services.onboarding.agreementState(ctx.userId);
      if (state !== 'agreed') {
        const charter = services.onboarding.charter.text(ctx.locale);
        await ctx.reply(agreementRequiredMessage(charter, ctx.locale, state === 'outdated'));
        return;
      }
    }
    // Another replica may have added an interest pair since: read tags with the current vocabulary.
    await services.interests.refresh();
    await dispatch(ctx, command);
    // Only a command that did something counts as activity; refusals and mistakes change nothing.
    await services.members.recordActivity(ctx.userId);
  } catch (error) {
    const failure = { where: 'command', userId: ctx.userId, surface: 'command' } as const;
    await ctx.reply({ text: userMessage(error, ctx.locale, failure, services.logger) });
  }
}

function dispatch(ctx: CommandContext, command: Command): Promise<void> {
  // The switch narrows each command to its handler's type without casts.
  switch (command.verb) {
    case 'help':
      return commandHandlers.help(ctx, command);
    case 'profile':
      return commandHandlers.profile(ctx, command);
    case 'interests':
      return commandHandlers.interests(ctx, command);
    case 'find':
      return commandHandlers.find(ctx, command);
    case 'privacy':
      return commandHandlers.privacy(ctx, command);
    case 'roles':
      return commandHandlers.roles(ctx, command);
    case 'role':
      return commandHandlers.role(ctx, command);
    case 'events':
      return commandHandlers.events(ctx, command);
    case 'event':
      return commandHandlers.event(ctx, command);
    case 'announce':
      return commandHandlers.announce(ctx, command);
    case 'jobs':
      return commandHandlers.jobs(ctx, command);
    case 'job':
      return commandHandlers.job(ctx, command);
    case 'stats':
      return commandHandlers.stats(ctx, command);
    case 'intros':
      return commandHandlers.intros(ctx, command);
    case 'talent':
      return commandHandlers.talent(ctx, command);
    case 'digest':
      return commandHandlers.digest(ctx, command);
    case 'ask':
      return commandHandlers.ask(ctx, command);
    case 'asks':
      return commandHandlers.asks(ctx, command);
  }
}
