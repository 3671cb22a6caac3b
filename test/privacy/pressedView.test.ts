/**
 * A button press acts on the view in its own payload (`body.view.id`) and nowhere else: a view
 * id named in the button's value, the view's private_metadata or a forged container is never
 * updated, and a payload claiming to come from some other modal updates nothing.
 */
import { interactivityBody } from '../support/signing';
import { TestBot } from '../support/testBot';
import actionFixture from '../fixtures/payloads/block_actions.json';
import viewFixture from '../fixtures/payloads/view_submission.json';

type Json = Record<string, unknown>;

const MEMBER = 'U9VIEW01';
const OTHER_VIEW = 'VOTHERMEMBER1';

/** "Export my data" pressed inside a modal, with every field a forger controls pointing elsewhere. */
function pressInModal(view: { id: string; callbackId: string }, user = MEMBER): string {
  const payload: Json = {
    ...actionFixture,
    user: { ...actionFixture.user, id: user },
    trigger_id: `trig-view-${Date.now()}`,
    container: { type: 'view', view_id: OTHER_VIEW },
    view: {
      ...viewFixture.view,
      id: view.id,
      root_view_id: OTHER_VIEW,
      previous_view_id: OTHER_VIEW,
      type: 'modal',
      callback_id: view.callbackId,
      private_metadata: JSON.stringify({ view_id: OTHER_VIEW, viewId: OTHER_VIEW }),
    },
    actions: [{ ...actionFixture.actions[0], action_id: 'privacy.export', value: OTHER_VIEW }],
  };
  delete payload.message;
  delete payload.channel;
  delete payload.response_url;
  return interactivityBody(payload);
}

describe('a button press acts on its own view only', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
    await tb.agree(MEMBER);
  });
  afterAll(async () => {
    await tb.stop();
  });
  beforeEach(() => {
    tb.fake.reset();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  it('from the privacy modal: only body.view.id is updated, never the view named elsewhere', async () => {
    const response = await tb.post(
      pressInModal({ id: 'VPRIVACYOWN1', callbackId: 'privacy.modal' }),
      'application/x-www-form-urlencoded',
    );
    await tb.settle();
    expect(response.status).toBe(200);
    const updates = tb.fake.callsTo('views.update');
    expect(updates.map((call) => call.args.view_id)).toEqual(['VPRIVACYOWN1']);
    expect(JSON.stringify(tb.fake.calls.map((call) => call.args))).not.toContain(OTHER_VIEW);
  });

  it('a payload claiming another modal (an event form) updates no view; the member gets the answer by DM', async () => {
    const response = await tb.post(
      pressInModal({ id: 'VEVENTFORM1', callbackId: 'event.modal' }),
      'application/x-www-form-urlencoded',
    );
    await tb.settle();
    expect(response.status).toBe(200);
    expect(tb.fake.callsTo('views.update')).toEqual([]);
    const dms = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === MEMBER);
    expect(dms.map((call) => call.args.text)).toContain(
      'Your data export is in your direct messages with me.',
    );
  });
});
