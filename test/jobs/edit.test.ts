import { ADMIN, TestBot, allText } from '../support/testBot';
import { valuesAsShown } from '../support/forms';
import { HR, JOBS_CHANNEL, cardCalls, dmsTo, jobRow, jobsOpenModal, postJob, setUpHr } from './support';

// `/alumni job edit 12`: the role form opens filled; saving it changes the role, keeps its channel
// and refreshes its card. Only HR (or an admin) may, checked again when the form comes back.
describe('jobs: job edit', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  async function editedValues(id: number, title: string, hr = HR) {
    await tb.command(`job edit ${id}`, hr);
    const view = jobsOpenModal(tb);
    const values = valuesAsShown(view.blocks);
    const titleBlock = Object.keys(values).find((block) => block.endsWith('.title')) ?? '';
    const titleInput = values[titleBlock] ?? {};
    const action = Object.keys(titleInput)[0] ?? 'value';
    return {
      view,
      values: { ...values, [titleBlock]: { [action]: { type: 'plain_text_input', value: title } } },
    };
  }

  it('opens the form filled; saving changes the role and its card, and tells HR', async () => {
    const id = await postJob(tb, { title: 'Data engineer', tags: 'python' });
    const { view, values } = await editedValues(id, 'Senior data engineer');
    expect(view.title.text).toBe('Edit role');
    expect(JSON.parse(view.private_metadata)).toEqual({ jobId: id });
    const before = (await cardCalls(tb, id, 'chat.update')).length;
    const response = await tb.submit('job.modal', values, HR, view.private_metadata);
    expect(response.status).toBe(200);
    expect((await jobRow(tb, id)).title).toBe('Senior data engineer');
    expect((await jobRow(tb, id)).card_channel).toBe(JOBS_CHANNEL);
    expect(await tb.rows('SELECT id FROM jobs')).toHaveLength(1);
    const updates = await cardCalls(tb, id, 'chat.update');
    expect(updates.length).toBe(before + 1);
    expect(JSON.stringify(updates.at(-1)?.args.blocks)).toContain('Senior data engineer');
    expect(allText(dmsTo(tb, HR).at(-1)?.args)).toContain(
      '“Senior data engineer” is saved; its card shows the change.',
    );
  });

  it('in Japanese', async () => {
    const JA_HR = 'U7HRJA1';
    tb.fake.setUser(JA_HR, { locale: 'ja-JP' });
    await setUpHr(tb, JA_HR);
    const id = await postJob(tb, { title: 'データエンジニア' }, JA_HR);
    const { view, values } = await editedValues(id, 'シニアデータエンジニア', JA_HR);
    expect(view.title.text).toBe('求人を編集');
    await tb.submit('job.modal', values, JA_HR, view.private_metadata);
    expect((await jobRow(tb, id)).title).toBe('シニアデータエンジニア');
    expect(allText(dmsTo(tb, JA_HR).at(-1)?.args)).toContain(
      '「シニアデータエンジニア」を保存しました。カードにも反映しました。',
    );
  });

  it('bad input: an empty title is shown on its field and nothing changes', async () => {
    const id = await postJob(tb, { title: 'Data engineer' });
    const { view, values } = await editedValues(id, '');
    const response = await tb.submit('job.modal', values, HR, view.private_metadata);
    expect(response.json).toMatchObject({ response_action: 'errors' });
    expect((await jobRow(tb, id)).title).toBe('Data engineer');
  });

  it('a member who is not HR is refused, from the command and from a forged form, and nothing changes', async () => {
    const id = await postJob(tb, { title: 'Data engineer' });
    await tb.agree('U7MEMBER');
    const refused = await tb.command(`job edit ${id}`, 'U7MEMBER');
    expect(TestBot.replyText(refused)).toContain('Only members with the');
    const { view, values } = await editedValues(id, 'Forged');
    await tb.submit('job.modal', values, 'U7MEMBER', view.private_metadata);
    expect((await jobRow(tb, id)).title).toBe('Data engineer');
    await tb.agree(ADMIN);
  });

  it('without a number it says how to give one', async () => {
    const response = await tb.command('job edit', HR);
    expect(TestBot.replyText(response)).toContain('Give the role number, e.g. `/alumni job edit 12`');
  });
});
