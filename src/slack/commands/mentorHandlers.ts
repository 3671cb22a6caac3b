import { messages } from '../../i18n';
import { tagProblemText } from '../parse/profileForm';
import { tagsText } from '../views/askCard';
import { mentoringStatusMessage, mentorsListMessage, suggestedText } from '../views/mentoring';
import type { CommandContext } from './context';
import type { MentorCommand, MentorsCommand } from './verbs/mentor';

/** Topics typed as interests are (Japanese or English, on the vocabulary's keys), or the words for why not. */
async function readTopics(
  ctx: CommandContext,
  text: string,
): Promise<{ ok: true; tags: string[] } | { ok: false }> {
  await ctx.services.interests.refresh();
  const tags = ctx.services.members.parseInterestField(text);
  if (!tags.ok) {
    await ctx.reply({ text: tagProblemText(tags.problem, ctx.locale) });
    return { ok: false };
  }
  if (tags.tags.length === 0) {
    await ctx.reply({ text: messages(ctx.locale).mentoring.topicsRequired });
    return { ok: false };
  }
  return tags;
}

/** `mentor`, `mentor offer <topics>`, `mentor capacity <n>`, `mentor open|limited|closed`, `mentor request <topics>: <goal>`. */
export async function mentorCommand(ctx: CommandContext, command: MentorCommand): Promise<void> {
  const { services, locale, userId } = ctx;
  const m = messages(locale).mentoring;
  switch (command.action) {
    case 'status':
      await ctx.reply(mentoringStatusMessage(await services.mentoring.status(userId), userId, locale));
      return;
    case 'offer': {
      const topics = await readTopics(ctx, command.text);
      if (!topics.ok) return;
      const offer = await services.mentoring.offer(userId, { topics: topics.tags });
      services.logger.info(`mentor offer saved by ${userId}: ${offer.topics.length} topic(s)`);
      await ctx.reply({
        text: m.offered(tagsText(offer.topics, locale), offer.capacity, m.availability[offer.availability]),
      });
      return;
    }
    case 'capacity': {
      const offer = await services.mentoring.offer(userId, { capacity: command.capacity });
      await ctx.reply({ text: m.capacitySet(offer.capacity, offer.activeCount) });
      return;
    }
    case 'availability': {
      const offer = await services.mentoring.offer(userId, { availability: command.availability });
      await ctx.reply({ text: m.availabilitySet(m.availability[offer.availability]) });
      return;
    }
    case 'request': {
      const topics = await readTopics(ctx, command.text);
      if (!topics.ok) return;
      const made = await services.mentoring.request(userId, topics.tags, command.goal);
      if (made === undefined) {
        await ctx.reply({ text: m.noMentor(tagsText(topics.tags, locale)) });
        return;
      }
      await services.members.recordActivity(userId);
      services.logger.info(
        `mentor request ${made.request.id} by ${userId}: ${made.suggested.length} suggested`,
      );
      await ctx.reply({ text: m.requested(made.request.id, suggestedText(made.suggested, locale)) });
      return;
    }
  }
}

/** `mentors [topics]`: by the topics typed, or by the member's own interests. */
export async function mentorsCommand(ctx: CommandContext, command: MentorsCommand): Promise<void> {
  const { services, locale, userId } = ctx;
  let tags: string[];
  if (command.text === '') {
    tags = (await services.members.profile(userId))?.interests.slice() ?? [];
    if (tags.length === 0) {
      await ctx.reply({ text: messages(locale).mentoring.findNoTopics });
      return;
    }
  } else {
    const read = await readTopics(ctx, command.text);
    if (!read.ok) return;
    tags = read.tags;
  }
  await ctx.reply(mentorsListMessage(await services.mentoring.find(userId, tags), tags, locale));
}
