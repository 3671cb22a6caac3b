import type { MentorMatch, MentorOffer } from './types';

/**
 * Mentors for these topics, best first: most topics shared, then open before limited, then most
 * free places; those sharing none are left out.
 */
export function rankMentors(offers: readonly MentorOffer[], tags: readonly string[]): MentorMatch[] {
  const wanted = new Set(tags);
  return offers
    .map((offer) => ({
      offer,
      sharedTopics: offer.topics.filter((topic) => wanted.has(topic)),
      free: offer.capacity - offer.activeCount,
    }))
    .filter(
      (match) => match.sharedTopics.length > 0 && match.free > 0 && match.offer.availability !== 'closed',
    )
    .sort(
      (a, b) =>
        b.sharedTopics.length - a.sharedTopics.length ||
        Number(a.offer.availability === 'limited') - Number(b.offer.availability === 'limited') ||
        b.free - a.free ||
        a.offer.userId.localeCompare(b.offer.userId),
    );
}
