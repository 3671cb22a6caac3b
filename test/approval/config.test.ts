import { ConfigError, loadConfig } from '../../src/config';
import { readEligibleCsv } from '../../src/approval/eligibleList';

const HTTP_ENV = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_SIGNING_SECRET: 'secret' } as const;

describe('approval settings', () => {
  it('are off, unset and empty by default', () => {
    expect(loadConfig(HTTP_ENV)).toMatchObject({
      approval: false,
      adminChannelId: undefined,
      autoApproveEmailDomains: [],
    });
  });

  it('read APPROVAL, ADMIN_CHANNEL_ID and a comma list of domains in lower case', () => {
    const config = loadConfig({
      ...HTTP_ENV,
      APPROVAL: 'on',
      ADMIN_CHANNEL_ID: 'C0ADMIN1',
      AUTO_APPROVE_EMAIL_DOMAINS: ' Alumni.Example.com, @example.org ,',
    });
    expect(config).toMatchObject({
      approval: true,
      adminChannelId: 'C0ADMIN1',
      autoApproveEmailDomains: ['alumni.example.com', 'example.org'],
    });
  });

  it.each([
    ['APPROVAL', 'yes', 'must be on'],
    ['ADMIN_CHANNEL_ID', '#admins', 'must be a channel id'],
    ['AUTO_APPROVE_EMAIL_DOMAINS', 'example.com, not a domain', 'must be a comma list of email domains'],
  ])('%s=%s stops the bot with one line saying what it takes', (variable, value, words) => {
    let thrown: unknown;
    try {
      loadConfig({ ...HTTP_ENV, [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = thrown instanceof Error ? thrown.message : '';
    expect(message.startsWith(`${variable} `)).toBe(true);
    expect(message).toContain(words);
    expect(message).not.toMatch(/[\r\n]/);
  });
});

describe('reading an eligible-list CSV', () => {
  it('takes emails (lower case) and ids from every cell, skips a header and blank lines, and reports bad cells by line', () => {
    const file = readEligibleCsv('Email;Employee ID\n\n"A@B.example";E1\n"x,y",\n  \nfoo@\n');
    expect(file.entries).toEqual([
      { kind: 'email', value: 'a@b.example' },
      { kind: 'employee_id', value: 'E1' },
    ]);
    expect(file.invalid).toEqual([
      { line: 4, cell: 'x,y' },
      { line: 6, cell: 'foo@' },
    ]);
  });
});
