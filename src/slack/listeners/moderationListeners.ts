import { z } from 'zod';
import type { Services } from '../../services';
import {
  parseReportForm,
  parseResolveReportForm,
  reportedMessage,
  reportIdFromResolveMetadata,
  reportModal,
  reportOrigin,
  resolveReportModal,
} from '../forms/reportForm';
import { ACTION, SHORTCUT, VIEW } from '../ids';
import { authorOf, conductOf, permalinkOf, postReportCard, refreshReportCard } from '../reportCards';
import { UnreadableSubmission } from '../userMessage';
import { mention } from '../views/text';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/*
 * Reports to moderators (issue 14 §2). Reporting is open to anyone in the workspace, agreed to the
 * charter or not (gate 'anyone'): a newcomer who has not agreed yet may be the very person a
 * harmful message is aimed at, and asking them to agree first would only delay a report about
 * someone else's conduct. The moderators' buttons and form are 'anyone' too at the gate, because
 * the service itself refuses every step to anyone who is not an admin, whatever the surface.
 */
export function registerModerationListeners(router: ListenerRouter, services: Services): void {
  const moderation = services.moderation;
  const conduct = conductOf(services);
  const moderatorButton = { gate: 'anyone', value: ID_VALUE, surface: 'report_button' } as const;

  router.messageShortcut(
    SHORTCUT.report,
    { gate: 'anyone', title: (m) => m.moderation.modalTitle },
    async ({ userId, locale, m, channelId, messageTs, authorId, triggerId, args, tell }) => {
      if (!moderation.configured) {
        await tell(m.moderation.notSetUp);
        return;
      }
      if (await moderation.hasReported(userId, channelId, messageTs)) {
        await tell(m.moderation.alreadyReported);
        return;
      }
      const origin = { source: 'shortcut', channel: channelId, ts: messageTs, author: authorId } as const;
      await args.client.views.open({
        trigger_id: triggerId,
        view: reportModal(origin, { locale, conduct: conduct(locale), askLink: false }),
      });
    },
  );

  // From `report` typed in a DM, which has no trigger_id: the button opens the form (value: the link given, or '').
  router.button(
    ACTION.reportOpen,
    { gate: 'anyone', value: z.string().max(500), surface: 'other' },
    async ({ value, locale, m, args, reply }) => {
      if (!moderation.configured) {
        await reply(m.moderation.notSetUp);
        return;
      }
      const link = value === '' ? undefined : value;
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: reportModal({ source: 'link' }, { locale, conduct: conduct(locale), askLink: true, link }),
      });
    },
  );

  router.form(
    VIEW.report,
    { gate: 'anyone', surface: 'member_form', title: (m) => m.moderation.modalTitle },
    async ({ userId, locale, m, view, client, done, fieldErrors }) => {
      const origin = reportOrigin(view.private_metadata);
      if (origin === undefined) throw new UnreadableSubmission();
      if (!moderation.configured) {
        await done(m.moderation.notSetUp);
        return;
      }
      const form = parseReportForm(view.state.values, origin, locale, moderation.conductPoints);
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const message = reportedMessage(form.draft);
      const { report, outcome } = await moderation.report(userId, { ...form.draft.input, message }, view.id);
      await done(outcome === 'duplicate' ? m.moderation.alreadyReported : m.moderation.sent);
      if (outcome === 'replay')
        services.logger.info(
          `report modal ${view.id} from ${userId} already made report ${report.id}; nothing more done`,
        );
      if (outcome !== 'created') return;
      // After the ack (Slack may be slow): the message's permalink, and its author when only its link was given.
      const { channelId, ts } = message;
      await moderation.completeMessage(report.id, {
        authorId: message.authorId ?? (await authorOf(services, client, channelId, ts)) ?? null,
        permalink: (await permalinkOf(services, client, channelId, ts)) ?? null,
      });
      await postReportCard(services, client, report.id);
    },
  );

  router.button(
    ACTION.reportAcknowledge,
    moderatorButton,
    async ({ value: reportId, userId, m, args, reply }) => {
      const { changed } = await moderation.acknowledge(userId, reportId);
      await reply(changed ? m.moderation.acknowledged(reportId) : m.moderation.acknowledgedAlready(reportId));
      if (changed) await refreshReportCard(services, args.client, reportId);
    },
  );

  router.button(ACTION.reportRemind, moderatorButton, async ({ value: reportId, userId, m, args, reply }) => {
    const { report, changed } = await moderation.remind(userId, reportId);
    const author = report.message.authorId;
    const text =
      changed && author !== null
        ? m.moderation.reminded(reportId, mention(author))
        : report.remindedAt === null
          ? m.moderation.resolvedAlready(reportId)
          : m.moderation.remindedAlready(reportId);
    await reply(text);
    if (changed) await refreshReportCard(services, args.client, reportId);
  });

  router.button(
    ACTION.reportResolve,
    moderatorButton,
    async ({ value: reportId, userId, locale, m, args, reply }) => {
      const report = await moderation.forModerator(userId, reportId);
      if (report.status === 'resolved') {
        await reply(m.moderation.resolvedAlready(reportId));
        return;
      }
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: resolveReportModal(reportId, locale),
      });
    },
  );

  router.form(
    VIEW.reportResolve,
    { gate: 'anyone', surface: 'manage_form', title: (m) => m.moderation.resolveTitle },
    async ({ userId, locale, m, view, client, done, fieldErrors }) => {
      const reportId = reportIdFromResolveMetadata(view.private_metadata);
      if (reportId === undefined) {
        await done(m.moderation.notFound('?'));
        return;
      }
      const form = parseResolveReportForm(view.state.values, locale);
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const { changed } = await moderation.resolve(userId, reportId, form.note);
      await done(changed ? m.moderation.resolved(reportId) : m.moderation.resolvedAlready(reportId));
      if (changed) await refreshReportCard(services, client, reportId);
    },
  );
}
