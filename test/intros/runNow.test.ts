import { keyOf } from '../scheduler/helpers';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { ODD_MONDAY, introGroups, member, postsWithPrefix } from './support';

/** `intros run`: an admin pairs a round now, outside the schedule (issue 12 §5). */
describe('intros run', () => {
  let tb: TestBot;
  beforeEach(async () => {
    // An odd week: no scheduled round, so every group here comes from the run.
    tb = await TestBot.start({ now: ODD_MONDAY });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const reportsTo = (user: string) =>
    postsWithPrefix(tb, 'intro-report:').filter((call) => call.args.channel === user);

  it('pairs the members who opted in now, sends each group one DM and the admin one summary', async () => {
    await tb.agree(ADMIN);
    for (const user of ['U5RUN01', 'U5RUN02', 'U5RUN03', 'U5RUN04']) {
      await member(tb, user, { name: user, interests: 'go, tennis' });
    }
    const reply = TestBot.replyText(await tb.command('intros run', ADMIN));
    expect(reply).toContain('The intro round is paired');
    await tb.settle();
    await tb.tick();
    const groups = introGroups(tb);
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual(['U5RUN01', 'U5RUN02', 'U5RUN03', 'U5RUN04']);
    const reports = reportsTo(ADMIN);
    expect(reports).toHaveLength(1);
    expect(allText(reports[0]?.args)).toContain('2 groups, 4 members introduced, 0 left out');
    expect(await tb.row('SELECT count(*) AS n FROM intro_rounds')).toEqual({ n: 1 });

    // More ticks (as other replicas would run) send nothing again.
    await tb.tick();
    await tb.tick();
    expect(introGroups(tb)).toHaveLength(2);
    expect(reportsTo(ADMIN)).toHaveLength(1);

    // A second run is a second round, with its own key, and no pair of the first is paired again.
    TestBot.replyText(await tb.command('intros run', ADMIN));
    await tb.settle();
    await tb.tick();
    const rounds = new Map<string, string[]>();
    for (const call of postsWithPrefix(tb, 'intro:')) {
      const key = keyOf(call) ?? '';
      const members = key.slice(key.lastIndexOf(':') + 1);
      const round = key.slice(0, key.lastIndexOf(':'));
      rounds.set(round, [...(rounds.get(round) ?? []), members]);
    }
    expect(rounds.size).toBe(2);
    const [first = [], second = []] = [...rounds.values()];
    expect(second.filter((group) => first.includes(group))).toEqual([]);
    expect(reportsTo(ADMIN)).toHaveLength(2);
  });

  it('a member is refused, and nothing is planned', async () => {
    await member(tb, 'U5RUN11', { name: 'A', interests: 'go' });
    await member(tb, 'U5RUN12', { name: 'B', interests: 'go' });
    const before = await tb.snapshot();
    const reply = TestBot.replyText(await tb.command('intros run', 'U5RUN11'));
    expect(reply).toContain('admin');
    await tb.tick();
    expect(await tb.snapshot()).toBe(before);
    expect(introGroups(tb)).toEqual([]);
  });

  it('in Japanese: the reply and the summary DM', async () => {
    tb.fake.setUser(ADMIN, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    await member(tb, 'U5RUN21', { name: 'A', interests: 'go' });
    await member(tb, 'U5RUN22', { name: 'B', interests: 'go' });
    expect(TestBot.replyText(await tb.command('intros run', ADMIN))).toContain('イントロの組み合わせを作り');
    await tb.settle();
    await tb.tick();
    expect(allText(reportsTo(ADMIN)[0]?.args)).toContain('1 グループ、紹介したメンバー 2 人');
  });

  it('with nobody opted in, the summary says so', async () => {
    await tb.agree(ADMIN);
    await tb.command('intros run', ADMIN);
    await tb.settle();
    await tb.tick();
    expect(allText(reportsTo(ADMIN)[0]?.args)).toContain('paired nobody');
  });

  it('help lists intros run to admins only', async () => {
    await tb.agree(ADMIN);
    await tb.agree('U5RUNHELP');
    expect(allText((await tb.command('help', 'U5RUNHELP')).json)).not.toContain('`intros run`');
    expect(allText((await tb.command('help', ADMIN)).json)).toContain('`intros run`');
  });
});
