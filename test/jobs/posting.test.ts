import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  HR,
  JOBS_CHANNEL,
  buttons,
  cardCalls,
  dmsTo,
  funnelRows,
  jobRow,
  jobValues,
  postJob,
  setUpHr,
} from './support';

type Json = Record<string, unknown>;

function modalOf(tb: TestBot): { callback_id: string; title: { text: string }; blocks: Json[] } {
  const call = tb.fake.callsTo('views.open').pop();
  return call?.args.view as { callback_id: string; title: { text: string }; blocks: Json[] };
}

describe('jobs: HR posts roles', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('job new opens the form for HR: the poster is the default recruiter and the jobs channel is named', async () => {
    await tb.command('job new', HR);
    const view = modalOf(tb);
    expect(view.callback_id).toBe('job.modal');
    expect(view.title.text).toBe('Post a role');
    const recruiter = view.blocks.find((b) => b.block_id === 'job.recruiter') as {
      element: { type: string; initial_user: string };
    };
    expect(recruiter.element).toMatchObject({ type: 'users_select', initial_user: HR });
    const closes = view.blocks.find((b) => b.block_id === 'job.closes_on') as {
      optional: boolean;
      element: { type: string };
    };
    expect(closes).toMatchObject({ optional: true, element: { type: 'datepicker' } });
    for (const id of [
      'job.title',
      'job.team',
      'job.location',
      'job.work_style',
      'job.employment_type',
      'job.description',
      'job.apply_url',
      'job.tags',
    ]) {
      expect(view.blocks.map((b) => b.block_id)).toContain(id);
    }
    expect(view.blocks.map((b) => b.block_id)).not.toContain('job.channel');
    expect(allText(view.blocks)).toContain(`<#${JOBS_CHANNEL}>`);
  });

  it('admins may post roles too; the form is in Japanese for a ja-JP poster', async () => {
    tb.fake.setUser('U7ADMJA', { locale: 'ja-JP' });
    await tb.command('role add <@U7ADMJA|yui> admin', ADMIN);
    await tb.agree('U7ADMJA');
    await tb.command('job new', 'U7ADMJA');
    const view = modalOf(tb);
    expect(view.title.text).toBe('求人を掲載');
    expect(allText(view.blocks)).toContain('働き方');
  });

  it('a posted role is saved with its tags, posted as a card with the three actions, and the poster is told', async () => {
    const id = await postJob(tb, {
      title: 'Staff engineer',
      team: 'Platform',
      location: 'Tokyo',
      workStyle: 'remote',
      employmentType: 'contract',
      description: 'Build <the> platform & more',
      tags: 'Go, ＴｙｐｅＳｃｒｉｐｔ, js',
      closesOn: '2026-12-31',
    });
    expect(await jobRow(tb, id)).toMatchObject({
      title: 'Staff engineer',
      team: 'Platform',
      work_style: 'remote',
      employment_type: 'contract',
      recruiter: HR,
      posted_by: HR,
      closes_on: '2026-12-31',
      status: 'open',
      card_channel: JOBS_CHANNEL,
    });
    expect(await tb.rows('SELECT tag FROM job_tags WHERE job_id = ? ORDER BY tag', id)).toEqual([
      { tag: 'go' },
      { tag: 'javascript' },
      { tag: 'typescript' },
    ]);
    const card = (await cardCalls(tb, id, 'chat.postMessage'))[0];
    expect(card?.args.channel).toBe(JOBS_CHANNEL);
    const blocks = JSON.stringify(card?.args.blocks);
    expect(blocks).toContain('Staff engineer');
    expect(blocks).toContain('Platform · Tokyo · Remote · Contract');
    expect(blocks).toContain('Build &lt;the&gt; platform &amp; more');
    expect(blocks).toContain(`Recruiter: <@${HR}>`);
    expect(blocks).toContain('Open until 31 Dec 2026');
    expect(blocks).toContain('Role #');
    const actions = buttons(card?.args.blocks).map((b) => [b.action_id, b.url ?? null]);
    expect(actions).toEqual([
      ['job.curious', null],
      ['job.refer', null],
      ['job.apply', 'https://careers.example.com/pm-1'],
    ]);
    expect(await funnelRows(tb, id)).toEqual([{ user_id: HR, step: 'posted' }]);
    const told = dmsTo(tb, HR).pop();
    expect(String(told?.args.text)).toContain(
      `“Staff engineer” is posted in <#${JOBS_CHANNEL}>. <@${HR}> gets a direct message`,
    );
  });

  it('a role may name another recruiter (a hiring manager)', async () => {
    const id = await postJob(tb, { recruiter: 'U7MGR01' });
    expect(await jobRow(tb, id)).toMatchObject({ recruiter: 'U7MGR01', posted_by: HR });
  });

  describe('bad role forms: errors on the fields, nothing saved', () => {
    it.each([
      ['an empty title', { title: '' }, 'job.title', 'Give the role a title'],
      ['a title that is too long', { title: 'x'.repeat(151) }, 'job.title', 'under 150'],
      ['no work style', { workStyle: null }, 'job.work_style', 'on-site, hybrid or remote'],
      ['a tampered work style', { workStyle: 'moon' }, 'job.work_style', 'on-site, hybrid or remote'],
      ['no employment type', { employmentType: null }, 'job.employment_type', 'employment type'],
      ['no apply link', { applyUrl: '' }, 'job.apply_url', 'where people apply'],
      ['an apply link that is not a URL', { applyUrl: 'careers page' }, 'job.apply_url', 'https://'],
      ['no recruiter', { recruiter: null }, 'job.recruiter', 'Choose the recruiter'],
      ['a close date in the past', { closesOn: '2026-11-23' }, 'job.closes_on', 'already over'],
      ['a close date that is not a date', { closesOn: '2026-02-30' }, 'job.closes_on', 'date picker'],
      ['a tag that is too long', { tags: 'a'.repeat(51) }, 'job.tags', 'longer than 50'],
      ['a team name that is too long', { team: 't'.repeat(101) }, 'job.team', 'under 100'],
    ])('%s', async (_name, fields, block, message) => {
      const before = await tb.snapshot();
      const response = await tb.submit('job.modal', jobValues(fields), HR, '');
      const ack = response.json as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors[block]).toContain(message);
      expect(await tb.snapshot()).toBe(before);
      expect(tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === JOBS_CHANNEL)).toHaveLength(
        0,
      );
    });

    it('today is a valid close date (the role closes once the day is over)', async () => {
      // 2026-11-24T01:00Z is 10:00 on 24 November in Asia/Tokyo.
      const id = await postJob(tb, { closesOn: '2026-11-24' });
      expect((await jobRow(tb, id)).closes_on).toBe('2026-11-24');
    });

    it('errors are in Japanese for a ja-JP poster', async () => {
      tb.fake.setUser('U7HRJA', { locale: 'ja-JP' });
      await setUpHr(tb, 'U7HRJA');
      const response = await tb.submit(
        'job.modal',
        jobValues({ title: '', applyUrl: 'nope' }, 'U7HRJA'),
        'U7HRJA',
        '',
      );
      const ack = response.json as { errors: Record<string, string> };
      expect(ack.errors['job.title']).toBe('職種名を入力してください。');
      expect(ack.errors['job.apply_url']).toContain('https:// から始まる');
    });
  });

  it('refuses HR verbs to members without the HR role, naming it; nothing changes', async () => {
    const id = await postJob(tb);
    await tb.agree('U7MEM01');
    for (const text of ['job new', `job close ${id}`, `job hired ${id} <@U7MEM02|kai>`, `job post ${id}`]) {
      const before = await tb.snapshot();
      const response = await tb.command(text, 'U7MEM01');
      expect(TestBot.replyText(response)).toBe(
        'Only members with the HR role can do that. Ask an admin if you need it.',
      );
      expect(await tb.snapshot()).toBe(before);
    }
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('a forged role form from a member without HR is refused in the modal; nothing saved', async () => {
    await tb.agree('U7MEM01');
    const before = await tb.snapshot();
    const response = await tb.submit('job.modal', jobValues({}, 'U7MEM01'), 'U7MEM01', '');
    expect(allText(response.json)).toContain('Only members with the HR role');
    expect(await tb.snapshot()).toBe(before);
  });

  it('when the card cannot be posted the role is saved and HR is told how to post it; job post does it later', async () => {
    let joinWorks = false;
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === JOBS_CHANNEL && !joinWorks
        ? { body: { ok: false, error: 'not_in_channel' } }
        : undefined,
    );
    tb.fake.override('conversations.join', () =>
      joinWorks ? undefined : { body: { ok: false, error: 'method_not_supported_for_channel_type' } },
    );
    const id = await postJob(tb, { title: 'Designer' });
    expect(await jobRow(tb, id)).toMatchObject({ status: 'open', card_channel: JOBS_CHANNEL, card_ts: null });
    const told = dmsTo(tb, HR).pop();
    expect(String(told?.args.text)).toContain(
      `is saved as role #${id}, but I could not post it in <#${JOBS_CHANNEL}>`,
    );
    expect(String(told?.args.text)).toContain(`/alumni job post ${id}`);

    const still = await tb.command(`job post ${id}`, HR);
    expect(allText(still.json) + allText(tb.fake.responses.map((r) => r.body))).toContain(
      'I still cannot post “Designer”',
    );

    joinWorks = true;
    await tb.command(`job post ${id}`, HR);
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes(`“Designer” is now posted in <#${JOBS_CHANNEL}>`),
    );
    expect((await jobRow(tb, id)).card_ts).not.toBeNull();
    const again = await tb.command(`job post ${id}`, HR);
    expect(TestBot.replyText(again)).toBe('“Designer” is already posted; I refreshed its card.');
  });

  it('job verbs explain bad numbers and unknown roles', async () => {
    expect(TestBot.replyText(await tb.command('job close', HR))).toContain(
      'Give the role number, e.g. `/alumni job close 12`',
    );
    expect(TestBot.replyText(await tb.command('job post abc', HR))).toContain('`/alumni job post 12`');
    expect(TestBot.replyText(await tb.command('job hired 3', HR))).toContain('mention who was hired');
    expect(TestBot.replyText(await tb.command('job hired 3 aiko', HR))).toContain('mention who was hired');
    expect(TestBot.replyText(await tb.command('job frobnicate', HR))).toContain('/alumni job new');
    expect(TestBot.replyText(await tb.command('job close 999', HR))).toBe(
      'There is no role #999. `/alumni jobs` lists open roles with their numbers.',
    );
  });

  it('job new from a DM (no trigger) says to use the slash command', async () => {
    await tb.dm('job new', HR);
    const reply = dmsTo(tb, HR).pop() ?? tb.fake.callsTo('chat.postMessage').pop();
    expect(String(reply?.args.text)).toContain('type `/alumni job new`');
  });
});

describe('jobs: without JOBS_CHANNEL_ID the poster picks the channel', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the form has a channel picker with a hint to set JOBS_CHANNEL_ID, and the card goes to the picked channel', async () => {
    await tb.command('job new', HR);
    const view = modalOf(tb);
    const picker = view.blocks.find((b) => b.block_id === 'job.channel');
    expect(picker).toMatchObject({ element: { type: 'conversations_select' } });
    expect(allText(picker)).toContain('JOBS_CHANNEL_ID');
    const id = await postJob(tb, { channel: 'C0PICKED1' });
    expect((await cardCalls(tb, id, 'chat.postMessage'))[0]?.args.channel).toBe('C0PICKED1');
  });

  it('a form without a channel is refused on that field', async () => {
    const before = await tb.snapshot();
    const response = await tb.submit('job.modal', jobValues({ channel: null }), HR, '');
    expect((response.json as { errors: Record<string, string> }).errors['job.channel']).toBe(
      'Choose the channel to post the role in.',
    );
    expect(await tb.snapshot()).toBe(before);
  });
});
