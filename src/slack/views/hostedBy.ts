import type { Catalogue, Languages } from '../../i18n';
import type { HostCredit } from '../../supporters/types';
import { label } from './languages';
import { mention } from './text';

/** "Hosted by @x", or "a member volunteer" for a host whose profile is hidden from the channel. */
export function hostedByLine(credit: HostCredit, languages: Languages): string {
  const who = (m: Catalogue) => (credit.kind === 'named' ? mention(credit.userId) : m.supporters.aVolunteer);
  return label(languages, (m) => m.supporters.hostedBy(who(m)), 300);
}
