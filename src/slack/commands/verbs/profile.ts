import type { SlackMessage } from '../../views/message';
import { messages } from '../../../i18n';
import { ACTION } from '../../ids';
import { profileModal } from '../../views/profile';
import { plain } from '../../views/text';
import { openForm, type CommandContext } from '../context';
import { defineVerb, noUsage } from './verb';

export interface ProfileCommand {
  readonly verb: 'profile';
}

async function openProfile(ctx: CommandContext): Promise<void> {
  const m = messages(ctx.locale);
  // In a DM, a button that opens the same modal.
  const button: SlackMessage = {
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
  };
  await openForm(ctx, button, async () =>
    profileModal(
      await ctx.services.members.profile(ctx.userId),
      ctx.locale,
      { origin: 'command' },
      ctx.services.clock.now(),
    ),
  );
}

export const profileVerb = defineVerb<ProfileCommand>({
  verb: 'profile',
  names: { en: ['profile'], ja: ['プロフィール'] },
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.profile }],
  parse: () => ({ ok: true, command: { verb: 'profile' } }),
  usage: noUsage,
  run: openProfile,
});
