import type { KnownBlock } from '../blockKit';
import { joinList, messages, type Locale } from '../../i18n';
import type { Role } from '../../roles/types';
import type { SlackMessage } from './message';
import { mrkdwn, plain } from './text';

/** What the caller can do; admins see the admin verbs too. */
export function helpMessage(locale: Locale, roles: ReadonlySet<Role>, lead?: string): SlackMessage {
  const m = messages(locale);
  const blocks: KnownBlock[] = [];
  if (lead !== undefined) blocks.push({ type: 'section', text: mrkdwn(lead) });
  blocks.push(
    { type: 'header', text: plain(m.help.title, 150) },
    { type: 'context', elements: [mrkdwn(m.help.intro)] },
    { type: 'section', text: mrkdwn(m.help.member.map((line) => `• ${line}`).join('\n')) },
  );
  if (roles.has('organizer') || roles.has('admin')) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${m.help.organizerHeading}*\n${m.help.organizer.map((line) => `• ${line}`).join('\n')}`),
    });
  }
  if (roles.has('hr') || roles.has('admin')) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${m.help.hrHeading}*\n${m.help.hr.map((line) => `• ${line}`).join('\n')}`),
    });
  }
  // Stats are for organizers and HR alike (admins may do what either may).
  if (roles.has('organizer') || roles.has('hr') || roles.has('admin')) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${m.stats.helpHeading}*\n${m.stats.help.map((line) => `• ${line}`).join('\n')}`),
    });
  }
  if (roles.has('admin')) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${m.help.adminHeading}*\n${m.help.admin.map((line) => `• ${line}`).join('\n')}`),
    });
  }
  if (roles.size > 0) {
    const names = [...roles].map((role) => m.roleName[role]);
    blocks.push({ type: 'context', elements: [mrkdwn(m.help.yourRoles(joinList(locale, names)))] });
  }
  const text = [lead, m.help.title, ...m.help.member].filter((line) => line !== undefined).join('\n');
  return { text, blocks };
}
