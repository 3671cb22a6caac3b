import { joinList, messages, person, type Locale } from '../../i18n';
import type { RoleHolder } from '../../roles/service';
import { ROLES } from '../../roles/types';
import type { SlackMessage } from './message';
import { mrkdwn, plain } from './text';

export function rolesMessage(grants: readonly RoleHolder[], locale: Locale): SlackMessage {
  const m = messages(locale);
  const lines = ROLES.map((role) => {
    const holders = grants
      .filter((grant) => grant.role === role)
      .map(
        (grant) => `${person(locale, grant.userId)}${grant.fromSettings ? ` ${m.roles.fromSettings}` : ''}`,
      );
    return m.roles.listLine(
      m.roleName[role],
      holders.length === 0 ? m.roles.nobody : joinList(locale, holders),
    );
  });
  return {
    text: `${m.roles.listHeader}\n${lines.join('\n')}`,
    blocks: [
      { type: 'header', text: plain(m.roles.listHeader, 150) },
      { type: 'section', text: mrkdwn(lines.join('\n')) },
    ],
  };
}
