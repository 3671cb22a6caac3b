import { joinList, messages } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import { escapeMrkdwn, mention } from '../views/text';
import { helpMessage } from '../views/help';
import { findResultsMessage } from '../views/find';
import { rolesMessage } from '../views/roles';
import { deleteAskMessage, privacyMessage } from '../views/privacy';
import { profileModal } from '../views/profile';
import { tagProblemText } from '../parse/profileForm';
import type { Command } from '../parse/command';
import { MAX_QUERY_LENGTH } from '../../members/service';
import { ACTION } from '../ids';
import { plain } from '../views/text';
import { sendDataExport } from '../privacyFlows';
import type { CommandContext } from './context';
import { eventCommand, listEvents } from './eventHandlers';
import { announceCommand } from './announceHandlers';
import { jobCommand, listJobs } from './jobHandlers';
import { statsCommand } from './statsHandlers';
import { digestCommand } from './digestHandlers';
import { introsCommand, talentCommand } from './introHandlers';
import { interestAdminCommand } from './interestHandlers';
import { askCommand, asksCommand } from './askHandlers';

type Handler<C extends Command> = (ctx: CommandContext, command: C) => Promise<void>;
type HandlerMap = { [V in Command['verb']]: Handler<Extract<Command, { verb: V }>> };

const tagList = (tags: readonly string[], ctx: CommandContext): string =>
  joinList(
    ctx.locale,
    tags.map((tag) => `\`${escapeMrkdwn(tagLabel(tag, ctx.locale))}\``),
  );

/** One handler per verb; each replies through the context, so slash and DM behave alike. */
export const commandHandlers: HandlerMap = {
  async help(ctx) {
    await ctx.reply(helpMessage(ctx.locale, await ctx.services.roles.rolesOf(ctx.userId)));
  },

  async profile(ctx) {
    const m = messages(ctx.locale);
    if (ctx.triggerId === undefined) {
      // A DM carries no trigger_id; a button does, and opens the same modal.
      await ctx.reply({
        text: m.home.editProfile,
        blocks: [
          {
            type: 'actions',
            block_id: 'profile.open',
            elements: [
              {
                type: 'button',
                action_id: ACTION.openProfile,
                style: 'primary',
                text: plain(m.home.editProfile, 75),
                value: 'dm',
              },
            ],
          },
        ],
      });
      return;
    }
    await ctx.acknowledge();
    const view = profileModal(
      await ctx.services.members.profile(ctx.userId),
      ctx.locale,
      { origin: 'command' },
      ctx.services.clock.now(),
    );
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view });
  },

  async interests(ctx, command) {
    const m = messages(ctx.locale).interests;
    if (command.action === 'pair' || command.action === 'unmatched')
      return interestAdminCommand(ctx, command);
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
  },

  async find(ctx, command) {
    const m = messages(ctx.locale).find;
    if ([...command.query].length > MAX_QUERY_LENGTH) {
      await ctx.reply({ text: m.tooLong(MAX_QUERY_LENGTH) });
      return;
    }
    const { matches, total } = await ctx.services.members.find(ctx.userId, command.query);
    await ctx.reply(findResultsMessage(command.query, matches, total, ctx.locale));
  },

  async privacy(ctx, command) {
    const m = messages(ctx.locale).privacy;
    switch (command.action) {
      case 'menu':
        await ctx.reply(privacyMessage(ctx.locale));
        return;
      case 'delete':
        await ctx.reply(deleteAskMessage(ctx.locale));
        return;
      case 'export':
        await ctx.reply({ text: m.exportPreparing });
        await sendDataExport(ctx.services, ctx.client, ctx.userId, ctx.locale);
        if (ctx.surface === 'slash') await ctx.reply({ text: m.exportSent });
        return;
    }
  },

  async roles(ctx) {
    await ctx.reply(rolesMessage(await ctx.services.roles.list(ctx.userId), ctx.locale));
  },

  async role(ctx, command) {
    const m = messages(ctx.locale);
    const roles = ctx.services.roles;
    const change =
      command.action === 'add'
        ? await roles.grant(ctx.userId, command.userId, command.role)
        : await roles.revoke(ctx.userId, command.userId, command.role);
    const who = mention(command.userId);
    const roleName = m.roleName[command.role];
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
  },

  events: (ctx) => listEvents(ctx),
  event: (ctx, command) => eventCommand(ctx, command),
  announce: (ctx, command) => announceCommand(ctx, command),
  jobs: (ctx) => listJobs(ctx),
  job: (ctx, command) => jobCommand(ctx, command),
  stats: (ctx, command) => statsCommand(ctx, command),
  digest: (ctx, command) => digestCommand(ctx, command),
  intros: (ctx, command) => introsCommand(ctx, command),
  talent: (ctx, command) => talentCommand(ctx, command),
  ask: (ctx, command) => askCommand(ctx, command),
  asks: (ctx, command) => asksCommand(ctx, command),
};
