import { ContactsOutsideChannel } from '../../coffee/types';
import { joinList, messages, people, person } from '../../i18n';
import { contactsList } from '../views/coffee';
import { escapeMrkdwn } from '../views/text';
import type { CommandContext } from './context';

/** `job contacts <id>` lists a role's team contacts; with mentions, HR adds them (each confirms by DM). */
export async function contactsCommand(
  ctx: CommandContext,
  jobId: number,
  userIds: readonly string[],
): Promise<void> {
  const { services } = ctx;
  if (userIds.length === 0) {
    const { job, contacts, requested, held } = await services.coffee.contacts(ctx.userId, jobId);
    await ctx.reply(contactsList(job, contacts, { requested, held }, ctx.locale));
    return;
  }
  const m = messages(ctx.locale).coffee;
  let result: Awaited<ReturnType<typeof services.coffee.addContacts>>;
  try {
    result = await services.coffee.addContacts(ctx.userId, jobId, userIds);
  } catch (error) {
    if (!(error instanceof ContactsOutsideChannel)) throw error;
    services.logger.info(
      `job ${jobId}: contacts refused to ${ctx.userId}: ${error.userIds.length} not in the role's channel`,
    );
    await ctx.reply({
      text: m.outsideChannel(people(ctx.locale, error.userIds), `<#${error.channelId}>`),
    });
    return;
  }
  const { job, added, already } = result;
  services.logger.info(
    `job ${job.id}: ${added.length} contact(s) added by ${ctx.userId}, ${already.length} already there`,
  );
  const lines: string[] = [];
  const title = escapeMrkdwn(job.title);
  if (added.length > 0) lines.push(m.added(people(ctx.locale, added), title));
  if (already.length > 0) {
    lines.push(
      m.alreadyAdded(
        joinList(
          ctx.locale,
          already.map((contact) => m.withState(person(ctx.locale, contact.userId), m.state[contact.status])),
        ),
      ),
    );
  }
  await ctx.reply({ text: lines.join('\n') });
}
