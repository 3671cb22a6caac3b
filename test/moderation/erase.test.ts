import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  actionRows,
  cardCalls,
  cardText,
  dmsTo,
  ENV,
  messageBy,
  openedView,
  reportByShortcut,
  reportRows,
  resolveValues,
} from './support';

// Issue 14 §2: reports outlive an erasure, anonymised. The reporter's id and note go (their card
// no longer names them); the reported author's id goes and the card says the author is not known;
// a moderator's id leaves the trail. A member's own reports are in their export.

const REPORTER = 'U14ERRP1';
const AUTHOR = 'U14ERAU1';
const NOTE = 'Zorbnote about the message';

async function exported(
  tb: TestBot,
  user: string,
): Promise<{ other: { reports: Record<string, unknown>[] } }> {
  await tb.command('privacy export', user);
  await tb.fake.waitForCall('files.completeUploadExternal');
  return JSON.parse(tb.fake.uploads.pop()?.content.toString('utf8') ?? '{}') as {
    other: { reports: Record<string, unknown>[] };
  };
}

describe('reports: export and erasure', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
    await tb.agree(REPORTER);
    await tb.agree(AUTHOR);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('exports a member’s own reports (as reporter), not those about their messages', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR, { note: NOTE, share: true });
    const mine = (await exported(tb, REPORTER)).other.reports;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reason: 'conduct:0', note: NOTE, shareIdentity: true, status: 'open' });
    expect((await exported(tb, AUTHOR)).other.reports).toEqual([]);
  });

  it('erasing the reporter keeps the report without their id or note, updates the card, and the resolve DM has nobody to go to', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR, { note: NOTE, share: true });
    expect(cardText(tb)).toContain(`<@${REPORTER}>`);
    const updates = cardCalls(tb).length;
    await tb.press('privacy.delete', REPORTER);
    await tb.settle();
    expect(await tb.rowsMentioning(REPORTER)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbnote')).toEqual([]);
    expect(await reportRows(tb)).toMatchObject([
      { reporter_id: null, note: null, author_id: AUTHOR, status: 'open' },
    ]);
    expect(cardCalls(tb)).toHaveLength(updates + 1);
    expect(cardText(tb)).not.toContain(REPORTER);
    expect(cardText(tb)).not.toContain('Zorbnote');
    expect(cardText(tb)).toContain('erased their data');

    const id = Number((await reportRows(tb))[0]?.id);
    await tb.press('report.resolve', ADMIN, 'message', String(id));
    await tb.submit('report.resolve.modal', resolveValues('Handled'), ADMIN, openedView(tb).private_metadata);
    await tb.tick();
    expect(dmsTo(tb, REPORTER)).toEqual([]);
    expect((await reportRows(tb))[0]).toMatchObject({ status: 'resolved' });
  });

  it('erasing the author removes their id from the report and the card; reminding is then refused', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR);
    const id = Number((await reportRows(tb))[0]?.id);
    await tb.press('report.acknowledge', ADMIN, 'message', String(id));
    await tb.press('privacy.delete', AUTHOR);
    await tb.settle();
    expect(await tb.rowsMentioning(AUTHOR)).toEqual([]);
    expect(await reportRows(tb)).toMatchObject([
      { reporter_id: REPORTER, author_id: null, status: 'acknowledged' },
    ]);
    expect(cardText(tb)).not.toContain(AUTHOR);
    expect(cardText(tb)).toContain('not known');
    await tb.press('report.remind', ADMIN, 'message', String(id));
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain('cannot remind them');
    await tb.tick();
    expect(dmsTo(tb, AUTHOR)).toEqual([]);
  });

  it('erasing a moderator removes their id from the trail, and the step stays', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR);
    const id = Number((await reportRows(tb))[0]?.id);
    const moderator = 'U14ERMOD';
    await tb.agree(moderator);
    await tb.agree(ADMIN);
    await tb.commandConfirmed(`role add <@${moderator}|mod> admin`, ADMIN);
    await tb.press('report.acknowledge', moderator, 'message', String(id));
    expect(await actionRows(tb)).toContainEqual({ actor_id: moderator, action: 'acknowledged', note: null });
    await tb.press('privacy.delete', moderator);
    await tb.settle();
    expect(await actionRows(tb)).toEqual([
      { actor_id: null, action: 'reported', note: null },
      { actor_id: null, action: 'acknowledged', note: null },
    ]);
    expect(cardText(tb)).toContain('a member who erased their data');
  });
});
