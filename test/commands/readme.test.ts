/**
 * Issue 12, "the README matches what the bot does": the README's table of Japanese command names
 * agrees with the verb table (every verb and sub-command with its Japanese name, nothing invented),
 * each documented Japanese name gives the same answer as its English one, and the natural forms and
 * the Confirm / Keep question it describes work as written, in English and Japanese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERBS } from '../../src/slack/commands/verbs';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { buttons } from '../support/blocks';
import { createEvent } from '../events/support';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

interface Row {
  readonly en: string[];
  readonly ja: string[];
  readonly subs: { readonly en: string[]; readonly ja: string[] }[];
}

const codes = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

/** The rows of the table that follows "**In Japanese.**". */
function japaneseTable(): Row[] {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => line.startsWith('**In Japanese.**'));
  if (start === -1) return [];
  const header = lines.findIndex((line, index) => index > start && line.startsWith('| English |'));
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [en = '', ja = '', subs = ''] = line.slice(1, -1).split(' | ');
    rows.push({
      en: codes(en),
      ja: codes(ja),
      subs: subs
        .split(' · ')
        .filter((part) => part.trim() !== '')
        .map((part) => {
          const [left = '', right = ''] = part.split('⇄');
          return { en: codes(left), ja: codes(right) };
        }),
    });
  }
  return rows;
}

const rows = japaneseTable();
const rowOf = (verb: (typeof VERBS)[number]): Row | undefined =>
  rows.find((row) => row.en[0] === verb.names.en[0]);

describe('README: the Japanese commands', () => {
  it('lists every verb and sub-command with the Japanese name help shows, and only names the bot knows', () => {
    expect(rows.length).toBe(VERBS.length);
    const problems: string[] = [];
    for (const verb of VERBS) {
      const row = rowOf(verb);
      if (row === undefined) {
        problems.push(`${verb.names.en[0]}: no row`);
        continue;
      }
      if (row.ja[0] !== verb.names.ja[0]) problems.push(`${verb.verb}: ${row.ja[0]} ≠ ${verb.names.ja[0]}`);
      for (const name of [...row.en, ...row.ja])
        if (!([...verb.names.en, ...verb.names.ja] as string[]).includes(name))
          problems.push(`${verb.verb}: the bot knows no ${name}`);
      for (const [action, names] of Object.entries(verb.subVerbs)) {
        const documented = row.subs.find((sub) => sub.en[0] === names[0]);
        const firstJapanese = names.find((name) => /[^\x20-\x7e]/.test(name));
        if (documented === undefined) problems.push(`${verb.verb} ${action}: not documented`);
        else {
          if (firstJapanese !== undefined && documented.ja[0] !== firstJapanese)
            problems.push(`${verb.verb} ${action}: ${documented.ja[0]} ≠ ${firstJapanese}`);
          for (const name of [...documented.en, ...documented.ja])
            if (!names.includes(name)) problems.push(`${verb.verb} ${action}: the bot knows no ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the natural forms and the question before destructive commands', () => {
    for (const words of [
      'intros snooze 2 weeks',
      '紹介 スヌーズ 2週間',
      'event cancel #12',
      'イベント 取消 イベント #12',
      'interests rm python',
      '*Confirm* and *Keep*',
      '「実行する」 and 「やめておく」',
    ])
      expect(README).toContain(words);
  });

  describe('what it says, done', () => {
    let tb: TestBot;
    const EN = 'U12RMEN';
    const JA = 'U12RMJA';
    beforeEach(async () => {
      tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
      tb.fake.setUser(JA, { locale: 'ja-JP' });
      await tb.agree(ADMIN);
      for (const user of [EN, JA]) {
        for (const role of ['organizer', 'hr']) await tb.command(`role add <@${user}|u> ${role}`, ADMIN);
        await tb.agree(user);
      }
    });
    afterEach(async () => {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    });
    const reply = async (text: string, user: string): Promise<string> =>
      allText((await tb.command(text, user)).json);

    it('each documented Japanese name answers as its English one, for the commands that only read', async () => {
      const readOnly: Record<string, readonly string[]> = {
        help: [''],
        interests: ['', 'list'],
        event: [''],
        announce: ['list'],
        job: [''],
        asks: ['', 'mine'],
        digest: ['', 'preview'],
        intros: ['', 'status'],
        stats: [''],
        roles: [''],
      };
      let compared = 0;
      for (const row of rows) {
        const [english] = row.en;
        const actions = english === undefined ? undefined : readOnly[english];
        if (english === undefined || actions === undefined) continue;
        for (const action of actions) {
          const sub = row.subs.find((s) => s.en[0] === action);
          const tail = action === '' ? [''] : (sub?.ja ?? []).map((name) => ` ${name}`);
          for (const japanese of row.ja)
            for (const japaneseTail of tail) {
              const user = english === 'roles' ? ADMIN : EN;
              const expected = await reply(`${english}${action === '' ? '' : ` ${action}`}`, user);
              expect([japanese + japaneseTail, await reply(japanese + japaneseTail, user)]).toEqual([
                japanese + japaneseTail,
                expected,
              ]);
              compared += 1;
            }
        }
      }
      expect(compared).toBeGreaterThan(15);
    });

    it('natural forms: snooze 2 weeks, #12 as cards show it, rm; in English and Japanese', async () => {
      await reply('intros on', EN);
      const twoWeeks = await reply('intros snooze 2', EN);
      await reply('intros on', EN);
      expect(await reply('intros snooze 2 weeks', EN)).toBe(twoWeeks);
      await reply('紹介 オン', JA);
      const japaneseTwoWeeks = await reply('紹介 スヌーズ 2', JA);
      await reply('紹介 オン', JA);
      expect(await reply('紹介 スヌーズ 2週間', JA)).toBe(japaneseTwoWeeks);

      await reply('interests add python, go', EN);
      await reply('interests rm python', EN);
      expect(await reply('interests', EN)).not.toContain('python');

      const id = await createEvent(tb, EN, { title: 'Picnic' });
      const question = await reply(`event cancel ${id}`, EN);
      expect(question).toContain('Cancel “Picnic”');
      for (const form of [`#${id}`, `Event #${id}`])
        expect(await reply(`event cancel ${form}`, EN)).toBe(question);
      const japanese = await createEvent(tb, JA, { title: '花見' });
      const japaneseQuestion = await reply(`イベント 取消 ${japanese}`, JA);
      expect(japaneseQuestion).toContain('花見');
      expect(await reply(`イベント 取消 イベント #${japanese}`, JA)).toBe(japaneseQuestion);
      expect(await tb.rows("SELECT id FROM events WHERE status = 'cancelled'")).toEqual([]);
    });

    it('destructive commands ask with Confirm / Keep (実行する / やめておく); Keep changes nothing', async () => {
      for (const [user, labels, kept] of [
        [EN, ['Confirm', 'Keep'], 'Kept: nothing was changed.'],
        [JA, ['実行する', 'やめておく'], 'やめておきました。変更はありません。'],
      ] as const) {
        const id = await createEvent(tb, user, { title: `Walk ${user}` });
        const asked = (await tb.command(`event cancel ${id}`, user)).json;
        expect(buttons(asked).map((button) => allText(button))).toEqual(labels);
        const before = await tb.snapshot();
        await tb.press('command.keep', user, 'message', 'keep');
        await tb.fake.waitForResponse((response) => allText(response.body).includes(kept));
        expect(await tb.snapshot()).toBe(before);
      }
    });
  });
});
