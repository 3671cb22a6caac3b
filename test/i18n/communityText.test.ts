/**
 * Issue 12 §6: one Japanese term for a role posting, 求人, in the shipped community text too (it
 * said ポジション), so that the welcome a Japanese newcomer reads uses the words the bot uses after.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TestBot, allText } from '../support/testBot';

const CONTENT = join(__dirname, '..', '..', 'content');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the community text says 求人, like the rest of the Japanese', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const welcome = async (user: string): Promise<string> => {
    await tb.teamJoin(user);
    return allText(tb.fake.callsTo('chat.postMessage').find((call) => call.args.channel === user)?.args);
  };

  it('in Japanese: the welcome speaks of 求人, not ポジション', async () => {
    tb.fake.setUser('U12CTJA', { locale: 'ja-JP' });
    const text = await welcome('U12CTJA');
    expect(text).toContain('再入社につながる求人をいち早く知ることができます');
    expect(text).not.toContain('ポジション');
  });

  it('in English: the welcome speaks of a role', async () => {
    expect(await welcome('U12CTEN')).toContain('hear first when a role might bring you back');
  });

  it('no shipped content file says ポジション', () => {
    const files = filesUnder(CONTENT);
    expect(files.length).toBeGreaterThan(1);
    expect(files.filter((file) => readFileSync(file, 'utf8').includes('ポジション'))).toEqual([]);
  });
});
