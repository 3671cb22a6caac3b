import { ADMIN, TestBot, allText } from '../support/testBot';
import { ENV, actionRows, ask, cardCalls, importCsv, requestRow } from './support';

// Issue 14 §1: newcomers on the company's list (a CSV of Slack emails or former-employee ids that an
// admin shares in a DM with the bot and imports), or whose Slack email is at AUTO_APPROVE_EMAIL_DOMAINS,
// are approved without an admin.

const LISTED = 'U19LIST1';
const BY_ID = 'U19BYID1';
const DOMAIN = 'U19DOMN1';
const OTHER = 'U19OTHR2';

describe.each([
  {
    locale: 'en-US',
    lang: 'en',
    imported: 'Eligible list imported from *eligible.csv*: 3 loaded, 1 already on the list, 2 skipped.',
    skipped: 'Skipped (neither an email nor an employee id): 5: `not an email@`, 6: `bad id!`',
    approved: 'You are approved',
    noFile: 'I found no CSV file',
    needRequest: 'needs an admin’s approval',
  },
  {
    locale: 'ja-JP',
    lang: 'ja',
    imported: '*eligible.csv* から名簿を取り込みました：追加 3 件、登録済み 1 件、スキップ 2 件。',
    skipped: 'スキップした行（メールアドレスでも社員番号でもありません）：5: `not an email@`, 6: `bad id!`',
    approved: '承認されました',
    noFile: 'CSV ファイルが見つかりませんでした',
    needRequest: '管理者による参加承認が必要',
  },
])(
  'the eligible list and email domains ($lang)',
  ({ locale, imported, skipped, approved, noFile, needRequest }) => {
    let tb: TestBot;
    beforeEach(async () => {
      tb = await TestBot.start({ env: ENV });
      tb.fake.setUser(ADMIN, { locale });
      tb.fake.setUser(LISTED, { locale, email: 'Aiko.Listed@Gmail.example' });
      tb.fake.setUser(BY_ID, { locale, email: 'someone@gmail.example' });
      tb.fake.setUser(DOMAIN, { locale, email: 'ken@alumni.example.com' });
      tb.fake.setUser(OTHER, { locale, email: 'other@gmail.example' });
      await tb.agree(ADMIN);
    });
    afterEach(async () => {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    });

    it('imports a CSV shared in the DM: counts loaded, duplicated and skipped rows; emails in lower case', async () => {
      const csv =
        '\uFEFFemail\r\naiko.listed@gmail.example\r\nE12345\r\nAIKO.LISTED@gmail.example\r\nnot an email@\r\n"bad id!",e-777\r\n';
      const reply = await importCsv(tb, csv);
      expect(reply).toContain(imported);
      expect(reply).toContain(skipped);
      expect(
        await tb.rows('SELECT kind, value, loaded_by FROM eligible_people ORDER BY kind, value'),
      ).toEqual([
        { kind: 'email', value: 'aiko.listed@gmail.example', loaded_by: ADMIN },
        { kind: 'employee_id', value: 'E12345', loaded_by: ADMIN },
        { kind: 'employee_id', value: 'e-777', loaded_by: ADMIN },
      ]);
      // The file was read as Slack serves it: files.info, then its url_private_download with the bot token.
      expect(tb.fake.callsTo('files.info')).toHaveLength(1);
      // Importing it again adds nothing.
      expect(await importCsv(tb, 'aiko.listed@gmail.example\n')).toContain(
        locale === 'en-US'
          ? '0 loaded, 1 already on the list, 0 skipped'
          : '追加 0 件、登録済み 1 件、スキップ 0 件',
      );
    });

    it('a newcomer whose Slack email is on the list is approved when they agree, without a form or a card', async () => {
      await importCsv(tb, 'aiko.listed@gmail.example\n');
      await tb.agree(LISTED);
      expect(await requestRow(tb, LISTED)).toMatchObject({
        status: 'approved',
        via: 'list_email',
        decided_by: null,
      });
      expect(await actionRows(tb, LISTED)).toEqual([
        { actor_id: null, action: 'approved', note: 'list_email' },
      ]);
      expect(TestBot.replyText(await tb.command('find python', LISTED))).not.toContain(needRequest);
      expect(cardCalls(tb)).toEqual([]);
    });

    it('a newcomer whose former-employee id is on the list is approved when they send the form', async () => {
      await importCsv(tb, 'employee_id\nE12345\n');
      await tb.agree(BY_ID);
      expect(TestBot.replyText(await tb.command('find python', BY_ID))).toContain(needRequest);
      expect(await ask(tb, BY_ID, { employeeId: 'E12345' })).toContain(approved);
      expect(await requestRow(tb, BY_ID)).toMatchObject({ status: 'approved', via: 'list_employee_id' });
      expect(cardCalls(tb)).toEqual([]);
      expect(TestBot.replyText(await tb.command('find python', BY_ID))).not.toContain(needRequest);
    });

    it('a newcomer whose email is at AUTO_APPROVE_EMAIL_DOMAINS is approved; `join` says they are in', async () => {
      await tb.agree(DOMAIN);
      expect(await requestRow(tb, DOMAIN)).toMatchObject({ status: 'approved', via: 'domain' });
      expect(TestBot.replyText(await tb.command('join', DOMAIN))).not.toContain(needRequest);
      // Someone at another domain, not on the list, still waits for an admin.
      await tb.agree(OTHER);
      expect(await requestRow(tb, OTHER)).toBeUndefined();
      expect(TestBot.replyText(await tb.command('find python', OTHER))).toContain(needRequest);
    });

    it('without a CSV in the DM nothing is loaded and the admin is told how; a member who is not an admin is refused', async () => {
      expect(allText((await tb.command('admin eligible import', ADMIN)).json)).toContain(noFile);
      await tb.agree(OTHER);
      tb.fake.shareFile(`D${OTHER}`, OTHER, { name: 'mine.csv', content: 'other@gmail.example\n' });
      const refused = await tb.command('admin eligible import', OTHER);
      expect(TestBot.replyText(refused)).toMatch(/admin|管理者/);
      expect(tb.fake.callsTo('files.info')).toEqual([]);
      expect(await tb.rows('SELECT * FROM eligible_people')).toEqual([]);
      expect(TestBot.replyText(await tb.command('admin eligible', ADMIN))).toContain('admin eligible import');
    });
  },
);
