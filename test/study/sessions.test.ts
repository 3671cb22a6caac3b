import { keyOf } from '../scheduler/helpers';
import type { RecordedCall } from '../support/fakeSlack';
import { TestBot, allText } from '../support/testBot';
import { createEvent } from '../events/support';
import { countIn, member, propose } from './support';

// Issue 13 §3: members whose interests match hear of a proposal once, in their digest (a section of
// its own, with Count me in); the group's sessions are ordinary events its proposer schedules in
// the group's channel, without the organizer role.

const START = '2026-11-28T12:00:00Z';
/** DIGEST_CRON's default: Monday 09:00 in Tokyo. */
const MONDAY_9_TOKYO = '2026-11-30T00:00:00.000Z';
const WEEK = 7 * 86_400_000;

const PROPOSER = 'U13TPROP';
const RUSTY = 'U13TRUST';
const JAPANESE = 'U13TJAPA';
const CHESS = 'U13TCHSS';
const SECOND = 'U13TSECD';

function digestsTo(tb: TestBot, user: string): RecordedCall[] {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === user && (keyOf(call) ?? '').startsWith('digest:'));
}

const studyBlocks = (call: RecordedCall | undefined): string[] =>
  ((call?.args.blocks ?? []) as { block_id?: string }[]).flatMap((block) =>
    (block.block_id ?? '').startsWith('study.digest.') ? [block.block_id ?? ''] : [],
  );

async function runDigest(tb: TestBot, at: string | number): Promise<void> {
  tb.clock.set(at);
  await tb.tick();
  await tb.tick();
  await tb.settle();
}

describe('study groups in digests, and their sessions', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: START });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('members whose interests match hear of a proposal once, in a section of its own, in their language', async () => {
    await member(tb, PROPOSER, 'rust');
    await member(tb, RUSTY, 'rust');
    await member(tb, JAPANESE, 'rust', { locale: 'ja-JP' });
    await member(tb, CHESS, 'chess');
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers' });

    await runDigest(tb, MONDAY_9_TOKYO);
    expect(studyBlocks(digestsTo(tb, RUSTY)[0])).toEqual([`study.digest.${id}`]);
    expect(allText(digestsTo(tb, RUSTY)[0]?.args)).toContain('Study groups you might join');
    expect(allText(digestsTo(tb, JAPANESE)[0]?.args)).toContain('参加できそうな勉強会');
    expect(digestsTo(tb, CHESS)).toEqual([]);
    // Not their own.
    expect(digestsTo(tb, PROPOSER)).toEqual([]);
    expect(
      await tb.rows('SELECT user_id FROM study_mentions WHERE group_id = ? ORDER BY user_id', id),
    ).toEqual([{ user_id: RUSTY }, { user_id: JAPANESE }].sort((a, b) => a.user_id.localeCompare(b.user_id)));

    // The next week: heard of already, so not again; a member who joined since hears of it.
    await member(tb, SECOND, 'rust');
    await runDigest(tb, new Date(MONDAY_9_TOKYO).getTime() + WEEK);
    expect(digestsTo(tb, RUSTY)).toHaveLength(1);
    expect(studyBlocks(digestsTo(tb, SECOND)[0])).toEqual([`study.digest.${id}`]);
  });

  it('the proposer, no organizer, schedules a session in the group’s channel: an ordinary event', async () => {
    await member(tb, PROPOSER, 'rust');
    await member(tb, RUSTY, 'rust');
    const id = await propose(tb, PROPOSER, { topic: 'Rust for web developers', minMembers: '2' });
    // Before the group forms the proposer is no organizer anywhere.
    await countIn(tb, RUSTY, id);
    const channel = tb.fake.channelNamed(`study-${id}-rust-for-web-developers`) ?? '';
    expect(channel).not.toBe('');
    const eventId = await createEvent(tb, PROPOSER, { title: 'Rust for web developers', channel });
    const event = await tb.row<{ channel: string; created_by: string }>(
      'SELECT channel, created_by FROM events WHERE id = ?',
      eventId,
    );
    expect(event).toEqual({ channel, created_by: PROPOSER });
    const card = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    expect(card.map((call) => allText(call.args)).join('\n')).toContain('Going');
    // Anywhere else, the proposer is still no organizer.
    const before = await tb.snapshot();
    await tb.submit('event.modal', {}, RUSTY, '{"eventId":null}');
    expect(await tb.snapshot()).toBe(before);
  });
});
