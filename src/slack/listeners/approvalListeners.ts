import { z } from 'zod';
import type { JoinRequest } from '../../approval/types';
import type { Catalogue } from '../../i18n';
import type { Services } from '../../services';
import { emailOf, postJoinCard, refreshJoinCard } from '../approvalCards';
import {
  eligibilityModal,
  joinNoteModal,
  parseEligibilityForm,
  parseJoinNote,
  userIdFromNoteMetadata,
} from '../forms/eligibilityForm';
import { ACTION, VIEW } from '../ids';
import { decidedBy, notApprovedMessage } from '../views/approval';
import { mention } from '../views/text';
import type { ListenerRouter } from './router';

/** A request card's buttons carry the newcomer's user id; it comes back from Slack, so it is read as untrusted. */
const USER_VALUE = z.string().regex(/^[UW][A-Z0-9]{2,}$/);

function alreadyDecided(request: JoinRequest, m: Catalogue): string {
  return m.approval.decidedAlready(
    mention(request.userId),
    m.approval.status[request.status],
    decidedBy(request, m),
  );
}

/*
 * Who may join (issue 14 §1). The eligibility form is open before approval (gate 'anyone'): it is
 * how a newcomer asks. The admins' buttons and forms are 'anyone' at the gate too, because the
 * service refuses every decision to anyone who is not an admin, whatever the surface.
 */
export function registerApprovalListeners(router: ListenerRouter, services: Services): void {
  const approval = services.approval;
  const charter = services.onboarding.charter;
  const adminButton = {
    gate: 'anyone',
    value: USER_VALUE,
    surface: 'other',
    badValue: (m: Catalogue) => m.approval.notFound,
  } as const;

  router.button(
    ACTION.joinOpen,
    // The value only names the button ('join'); nothing is read from it.
    { gate: 'anyone', value: z.unknown(), surface: 'other' },
    async ({ userId, locale, m, args, reply }) => {
      const request = await approval.request(userId);
      if (!approval.enabled || request?.status === 'approved') {
        await reply(m.approval.alreadyMember);
        return;
      }
      if (request?.status === 'declined') {
        await reply(notApprovedMessage(request, locale));
        return;
      }
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: eligibilityModal(charter.eligibilityFacts, charter.text(locale).name, locale, request),
      });
    },
  );

  router.form(
    VIEW.join,
    { gate: 'anyone', surface: 'member_form', title: (m) => m.approval.modalTitle },
    async ({ userId, locale, m, view, client, done, fieldErrors }) => {
      if (!approval.enabled) {
        await done(m.approval.alreadyMember);
        return;
      }
      const form = parseEligibilityForm(charter.eligibilityFacts, view.state.values, locale);
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      // The email decides whether the list or a domain lets them in: one quick read before the ack.
      const email = await emailOf(services, client, userId);
      const outcome = await approval.submit(userId, form.input, email, view.id);
      if (outcome.kind === 'approved') {
        await done(m.approval.sentApproved);
        return;
      }
      if (outcome.kind === 'unchanged') {
        const { request } = outcome;
        const settled = request.status === 'approved' || request.status === 'declined';
        await done(settled ? notApprovedMessage(request, locale).text : m.approval.unchanged);
        return;
      }
      await done(outcome.answered ? m.approval.sentAnswered : m.approval.sentPending);
      await postJoinCard(services, client, userId);
    },
  );

  router.button(ACTION.joinApprove, adminButton, async ({ value: newcomer, userId, m, args, reply }) => {
    const { request, changed } = await approval.approve(userId, newcomer);
    await reply(changed ? m.approval.approvedReply(mention(newcomer)) : alreadyDecided(request, m));
    if (changed) await refreshJoinCard(services, args.client, newcomer);
  });

  for (const [actionId, kind] of [
    [ACTION.joinAsk, 'ask'],
    [ACTION.joinDecline, 'decline'],
  ] as const)
    router.button(actionId, adminButton, async ({ value: newcomer, userId, locale, m, args, reply }) => {
      const request = await approval.forAdmin(userId, newcomer);
      if (request.status === 'approved' || request.status === 'declined') {
        await reply(alreadyDecided(request, m));
        return;
      }
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: joinNoteModal(kind, newcomer, locale),
      });
    });

  for (const [callbackId, kind] of [
    [VIEW.joinAsk, 'ask'],
    [VIEW.joinDecline, 'decline'],
  ] as const)
    router.form(
      callbackId,
      {
        gate: 'anyone',
        surface: 'manage_form',
        title: (m) => (kind === 'ask' ? m.approval.askTitle : m.approval.declineTitle),
      },
      async ({ userId, locale, m, view, client, done, fieldErrors }) => {
        const newcomer = userIdFromNoteMetadata(view.private_metadata);
        if (newcomer === undefined) {
          await done(m.approval.notFound);
          return;
        }
        const form = parseJoinNote(view.state.values, locale);
        if (!form.ok) {
          await fieldErrors(form.errors);
          return;
        }
        const step =
          kind === 'ask'
            ? await approval.ask(userId, newcomer, form.note)
            : await approval.decline(userId, newcomer, form.note);
        const who = mention(newcomer);
        const said = kind === 'ask' ? m.approval.askedReply(who) : m.approval.declinedReply(who);
        await done(step.changed ? said : alreadyDecided(step.request, m));
        if (step.changed) await refreshJoinCard(services, client, newcomer);
      },
    );
}
