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
  // A contact outside the role's private channel is refused as a whole (userMessage says who).
  const { job, added, already } = await services.coffee.addContacts(ctx.userId, jobId, userIds);
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
