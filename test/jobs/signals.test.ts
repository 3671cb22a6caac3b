import { TestBot, allText } from '../support/testBot';
import {
  HR,
  JOBS_CHANNEL,
  buttons,
  dmsTo,
  funnelRows,
  jobsOpenModal,
  postJob,
  pressInEphemeral,
  saveProfile,
  setUpHr,
  submitReferral,
} from './support';

const MANAGER = 'U7MGR01';

describe('jobs: I’m curious', () => {
  let tb: TestBot;
  let jobId: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
    jobId = await postJob(tb, { title: 'Design lead', tags: 'design, figma' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('tells the recruiter once, with the profile of a member visible to all, a Message button, and tells the member what happens next', async () => {
    await tb.agree('U7CUR01');
    await saveProfile(tb, 'U7CUR01', 'all');
    await tb.press('job.curious', 'U7CUR01', 'message', String(jobId));
    const reply = await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('curious about “Design lead”'),
    );
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(reply.body)).toContain(
      `I told <@${HR}> that you are curious about “Design lead”. This is not an application`,
    );
    expect(allText(reply.body)).toContain('They can see your Homecoming profile.');
    expect(await funnelRows(tb, jobId)).toContainEqual({ user_id: 'U7CUR01', step: 'curious' });

    // The DM rides on the outbox: it goes out on the next scheduler tick.
    expect(dmsTo(tb, HR).filter((c) => allText(c.args.blocks).includes('is curious'))).toHaveLength(0);
    await tb.tick();
    const dms = dmsTo(tb, HR).filter((c) => allText(c.args.blocks).includes('is curious'));
    expect(dms).toHaveLength(1);
    const dm = allText(dms[0]?.args.blocks);
    expect(dm).toContain(`<@U7CUR01> is curious about *Design lead* (role #${jobId})`);
    expect(dm).toContain('Design lead at Acme Robotics');
    expect(dm).toContain('Kyoto');
    expect(dm).toContain('Shares the role’s interests: `design`');
    const message = buttons(dms[0]?.args.blocks).find((b) => b.action_id === 'job.message_member');
    expect(message?.url).toBe('slack://user?team=T111&id=U7CUR01');

    // A second click (or a double click) neither counts twice nor DMs twice.
    await tb.press('job.curious', 'U7CUR01', 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('You already told'));
    await tb.tick();
    expect(dmsTo(tb, HR).filter((c) => allText(c.args.blocks).includes('is curious'))).toHaveLength(1);
    expect((await funnelRows(tb, jobId)).filter((r) => r.step === 'curious')).toHaveLength(1);
  });

  it('pressing the Message link button is only acknowledged', async () => {
    const before = await tb.snapshot();
    const answered = tb.fake.responses.length;
    const response = await tb.press('job.message_member', HR, 'message', String(jobId));
    expect(response.status).toBe(200);
    expect(tb.fake.responses).toHaveLength(answered);
    expect(await tb.snapshot()).toBe(before);
  });

  it('a member visible to staff only: an HR recruiter sees the profile, a hiring manager sees the name only', async () => {
    const managed = await postJob(tb, { title: 'Robotics PM', recruiter: MANAGER });
    await tb.agree('U7STAFF');
    await saveProfile(tb, 'U7STAFF', 'staff');
    await tb.press('job.curious', 'U7STAFF', 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('They can see your Homecoming profile.'));
    await tb.press('job.curious', 'U7STAFF', 'message', String(managed));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('They see only your name'));
    await tb.tick();
    expect(allText(dmsTo(tb, HR).pop()?.args.blocks)).toContain('Acme Robotics');
    const toManager = allText(dmsTo(tb, MANAGER).pop()?.args.blocks);
    expect(toManager).toContain('<@U7STAFF> is curious about *Robotics PM*');
    expect(toManager).toContain('Their profile is not shown: they keep it private.');
    expect(toManager).not.toContain('Acme');
    expect(toManager).not.toContain('Kyoto');
  });

  it('a member visible to nobody: only the name, even for HR; a member without a profile is said to have none', async () => {
    await tb.agree('U7HIDDEN');
    await saveProfile(tb, 'U7HIDDEN', 'nobody');
    await tb.agree('U7BLANK');
    await tb.press('job.curious', 'U7HIDDEN', 'message', String(jobId));
    await tb.press('job.curious', 'U7BLANK', 'message', String(jobId));
    await tb.tick();
    const dms = dmsTo(tb, HR).map((c) => allText(c.args.blocks));
    const hidden = dms.find((text) => text.includes('<@U7HIDDEN>')) ?? '';
    expect(hidden).toContain('they keep it private');
    expect(hidden).not.toContain('Acme');
    expect(hidden).not.toContain('Shares');
    expect(dms.find((text) => text.includes('<@U7BLANK>'))).toContain(
      'They have not filled in a profile yet.',
    );
  });

  it('a member who has not agreed is asked to agree first; nothing recorded or sent', async () => {
    const before = await tb.snapshot();
    await tb.press('job.curious', 'U7NOTAGREED', 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('press “I agree”'));
    expect(await tb.snapshot()).toBe(before);
  });

  it('a closed role takes no more interest; a bad or unknown id is explained', async () => {
    await tb.agree('U7LATE');
    await tb.commandConfirmed(`job close ${jobId}`, HR);
    const before = await tb.snapshot();
    await tb.press('job.curious', 'U7LATE', 'message', String(jobId));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('This role is closed, so it no longer takes interest'),
    );
    await tb.press('job.curious', 'U7LATE', 'message', '999');
    await tb.fake.waitForResponse((r) => allText(r.body).includes('There is no role #999'));
    await tb.press('job.curious', 'U7LATE', 'message', 'DROP TABLE');
    await tb.fake.waitForResponse((r) => allText(r.body).includes('There is no role #?'));
    expect(await tb.snapshot()).toBe(before);
  });

  it('from the member’s own jobs list the list is shown again with the role marked', async () => {
    await tb.agree('U7LIST');
    await pressInEphemeral(tb, 'job.curious', 'U7LIST', String(jobId));
    const replaced = await tb.fake.waitForResponse(
      (r) => r.body.replace_original === true && allText(r.body).includes('Open roles'),
    );
    expect(allText(replaced.body)).toContain('You told the recruiter you are curious.');
    expect(buttons(replaced.body.blocks).find((b) => b.action_id === 'job.curious')).toMatchObject({
      text: { text: '✓ I’m curious' },
    });
    await tb.fake.waitForResponse((r) => allText(r.body).includes('This is not an application'));
  });

  it('from the Home tab the confirmation comes as a DM and Home is refreshed', async () => {
    await tb.agree('U7HOME');
    await tb.press('job.curious', 'U7HOME', 'home', String(jobId));
    expect(allText(dmsTo(tb, 'U7HOME').pop()?.args)).toContain('This is not an application');
    expect(
      tb.fake.callsTo('views.publish').filter((c) => c.args.user_id === 'U7HOME').length,
    ).toBeGreaterThan(0);
  });

  it('in Japanese: the member’s confirmation and the recruiter’s DM', async () => {
    tb.fake.setUser('U7HRJA', { locale: 'ja-JP' });
    await setUpHr(tb, 'U7HRJA');
    const id = await postJob(tb, { title: 'デザイナー' }, 'U7HRJA');
    tb.fake.setUser('U7JA01', { locale: 'ja-JP' });
    await tb.agree('U7JA01');
    await tb.press('job.curious', 'U7JA01', 'message', String(id));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('「デザイナー」に興味があることを <@U7HRJA> さんに伝えました'),
    );
    await tb.tick();
    const dm = allText(dmsTo(tb, 'U7HRJA').pop()?.args.blocks);
    expect(dm).toContain('<@U7JA01> さんが *デザイナー*');
    expect(dm).toContain('メッセージを送る');
  });

  it('a role whose recruiter and poster erased their data: the member is told to use Apply', async () => {
    await tb.press('privacy.delete', HR);
    await tb.agree('U7ORPHAN');
    const response = await tb.press('job.curious', 'U7ORPHAN', 'message', String(jobId));
    expect(response.status).toBe(200);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('has no recruiter in Homecoming any more'));
    await tb.tick();
    expect(await funnelRows(tb, jobId)).toContainEqual({ user_id: 'U7ORPHAN', step: 'curious' });
  });
});

describe('jobs: Refer someone', () => {
  let tb: TestBot;
  let jobId: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
    jobId = await postJob(tb, { title: 'Data engineer' });
    await tb.agree('U7REF01');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  async function referralId(): Promise<number> {
    return (await tb.row<{ id: number }>('SELECT max(id) AS id FROM referrals'))?.id ?? 0;
  }

  it('the button opens the referral form for the role', async () => {
    await tb.press('job.refer', 'U7REF01', 'message', String(jobId));
    const view = jobsOpenModal(tb);
    expect(view.callback_id).toBe('job.referral.modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ jobId });
    expect(allText(view.blocks)).toContain('Who would be great for *Data engineer*?');
    expect(view.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining(['referral.name', 'referral.contact', 'referral.relationship', 'referral.note']),
    );
  });

  it('a referral reaches the recruiter with buttons; each move tells the referrer once', async () => {
    const response = await submitReferral(tb, 'U7REF01', jobId, {
      name: 'Ren <Ito>',
      contact: 'ren@example.com',
      relationship: 'Worked together for 3 years',
      note: 'Great with Spark',
    });
    expect(response.json).toMatchObject({ response_action: 'update' });
    expect(allText(response.json)).toContain(
      `<@${HR}> has your referral of Ren &lt;Ito&gt; for “Data engineer”`,
    );
    const id = await referralId();
    expect(
      await tb.row(
        'SELECT job_id, referrer, candidate_name, contact, relationship, note, status FROM referrals WHERE id = ?',
        id,
      ),
    ).toEqual({
      job_id: jobId,
      referrer: 'U7REF01',
      candidate_name: 'Ren <Ito>',
      contact: 'ren@example.com',
      relationship: 'Worked together for 3 years',
      note: 'Great with Spark',
      status: 'new',
    });
    expect(await funnelRows(tb, jobId)).toContainEqual({ user_id: 'U7REF01', step: 'referral' });

    await tb.tick();
    const dm = dmsTo(tb, HR).find((c) => allText(c.args.blocks).includes('refers'));
    expect(allText(dm?.args.blocks)).toContain(
      `<@U7REF01> refers *Ren &lt;Ito&gt;* for *Data engineer* (role #${jobId})`,
    );
    expect(allText(dm?.args.blocks)).toContain('*How to reach them:* ren@example.com');
    expect(buttons(dm?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['job.referral.contacted', String(id)],
      ['job.referral.interviewing', String(id)],
      ['job.referral.hired', String(id)],
      ['job.referral.closed', String(id)],
    ]);

    await tb.press('job.referral.interviewing', HR, 'message', String(id));
    const updated = await tb.fake.waitForResponse(
      (r) => r.body.replace_original === true && allText(r.body).includes('refers'),
    );
    expect(allText(updated.body)).toContain('Status: *interviewing*');
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('Ren &lt;Ito&gt; is now *interviewing*. The referrer will be told.'),
    );
    expect(await tb.row('SELECT status FROM referrals WHERE id = ?', id)).toEqual({
      status: 'interviewing',
    });
    await tb.tick();
    const told = dmsTo(tb, 'U7REF01').filter((c) => allText(c.args).includes('Your referral of'));
    expect(told).toHaveLength(1);
    expect(allText(told[0]?.args)).toContain('they are now interviewing');

    // The same move again changes nothing and tells nobody.
    await tb.press('job.referral.interviewing', HR, 'message', String(id));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('is already *interviewing*. Nothing changed.'),
    );
    await tb.press('job.referral.hired', HR, 'message', String(id));
    await tb.tick();
    const all = dmsTo(tb, 'U7REF01').filter((c) => allText(c.args).includes('Your referral of'));
    expect(all).toHaveLength(2);
    expect(allText(all[1]?.args)).toContain('they have been hired');
  });

  it('a hiring manager who is the recruiter may move the referral; a member without HR may not', async () => {
    const managed = await postJob(tb, { title: 'Analyst', recruiter: MANAGER });
    await submitReferral(tb, 'U7REF01', managed, { name: 'Aoi', contact: '090-0000-0000' });
    const id = await referralId();
    await tb.agree('U7NOSY');
    const before = await tb.snapshot();
    await tb.press('job.referral.hired', 'U7NOSY', 'message', String(id));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('Only the role’s recruiter, HR or an admin can move a referral on.'),
    );
    expect(await tb.snapshot()).toBe(before);
    await tb.press('job.referral.contacted', MANAGER, 'message', String(id));
    expect(await tb.row('SELECT status FROM referrals WHERE id = ?', id)).toEqual({
      status: 'contacted',
    });
  });

  describe('bad referral forms: errors on the fields, nothing saved', () => {
    it.each([
      ['no name', { contact: 'x@example.com' }, 'referral.name', 'Enter the name'],
      ['no contact', { name: 'Aoi' }, 'referral.contact', 'how to reach them'],
      ['a name that is too long', { name: 'n'.repeat(101), contact: 'x' }, 'referral.name', 'under 100'],
      [
        'a note that is too long',
        { name: 'Aoi', contact: 'x', note: 'n'.repeat(1001) },
        'referral.note',
        'under 1000',
      ],
    ])('%s', async (_name, fields, block, message) => {
      const before = await tb.snapshot();
      const response = await submitReferral(tb, 'U7REF01', jobId, fields);
      const ack = response.json as { response_action: string; errors: Record<string, string> };
      expect(ack.response_action).toBe('errors');
      expect(ack.errors[block]).toContain(message);
      expect(await tb.snapshot()).toBe(before);
    });

    it('errors are in Japanese for a ja-JP member', async () => {
      tb.fake.setUser('U7REFJA', { locale: 'ja-JP' });
      await tb.agree('U7REFJA');
      const response = await submitReferral(tb, 'U7REFJA', jobId, {});
      expect((response.json as { errors: Record<string, string> }).errors['referral.name']).toBe(
        '紹介する方のお名前を入力してください。',
      );
    });

    it('tampered metadata, a closed role and a member who has not agreed are refused in the modal', async () => {
      const before = await tb.snapshot();
      const tampered = await tb.submit('job.referral.modal', {}, 'U7REF01', '{"jobId":"1; DROP"}');
      expect(allText(tampered.json)).toContain('There is no role #?');
      const stranger = await submitReferral(tb, 'U7STRANGER', jobId, { name: 'Aoi', contact: 'x' });
      expect(allText(stranger.json)).toContain('press “I agree”');
      await tb.commandConfirmed(`job close ${jobId}`, HR);
      const afterClose = await tb.snapshot();
      const closed = await submitReferral(tb, 'U7REF01', jobId, { name: 'Aoi', contact: 'x' });
      expect(allText(closed.json)).toContain('This role is closed');
      expect(await tb.snapshot()).toBe(afterClose);
      expect(before).not.toBe(afterClose);
    });
  });

  it('the refer button on a closed role says so instead of opening the form', async () => {
    await tb.commandConfirmed(`job close ${jobId}`, HR);
    await tb.press('job.refer', 'U7REF01', 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('This role is closed'));
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('in Japanese: the referrer’s thanks and the status DM', async () => {
    tb.fake.setUser('U7REFJA', { locale: 'ja-JP' });
    await tb.agree('U7REFJA');
    const response = await submitReferral(tb, 'U7REFJA', jobId, {
      name: '佐藤',
      contact: 'sato@example.com',
    });
    expect(allText(response.json)).toContain('佐藤 さんのご紹介を <@U7HR01> さんに届けました');
    await tb.press('job.referral.contacted', HR, 'message', String(await referralId()));
    await tb.tick();
    expect(allText(dmsTo(tb, 'U7REFJA').pop()?.args)).toContain('採用担当から連絡しました');
  });
});

describe('jobs: Apply', () => {
  let tb: TestBot;
  let jobId: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
    jobId = await postJob(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('an apply click is acknowledged without a reply and counted once per member', async () => {
    const answered = tb.fake.responses.length;
    await tb.press('job.apply', 'U7APP01', 'message', String(jobId));
    await tb.press('job.apply', 'U7APP01', 'message', String(jobId));
    await tb.press('job.apply', 'U7APP02', 'message', String(jobId));
    expect(tb.fake.responses).toHaveLength(answered);
    expect((await funnelRows(tb, jobId)).filter((r) => r.step === 'apply_click')).toEqual([
      { user_id: 'U7APP01', step: 'apply_click' },
      { user_id: 'U7APP02', step: 'apply_click' },
    ]);
  });

  it('a click on a closed role records nothing and says the role is closed', async () => {
    await tb.command(`job hired ${jobId} <@U7BACK|back>`, HR);
    const before = await tb.snapshot();
    await tb.press('job.apply', 'U7APP01', 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('This role has been filled'));
    expect(await tb.snapshot()).toBe(before);
  });
});
