import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { FakeSlack } from '../support/fakeSlack';
import { freePort, startMain, waitForHealthy, type MainProcess } from '../support/mainProcess';

// What `npm start` runs: compile only when the sources changed, then serve. Timings are the
// bench's business (`npm run bench -- cold`); this checks what is done, not how fast.
const START = path.join(projectRoot(), 'scripts', 'start.js');
const STAMP = path.join(projectRoot(), 'dist', '.build-stamp');
const COMPILING = 'Compiling TypeScript';

jest.setTimeout(120_000);

describe('npm start', () => {
  let fake: FakeSlack;
  const running: MainProcess[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
  });
  afterAll(async () => {
    for (const main of running) await main.dispose();
    await fake.stop();
  });

  async function startOnce(): Promise<MainProcess> {
    const port = await freePort();
    const main = startMain(
      (cwd) => ({
        SLACK_BOT_TOKEN: 'xoxb-start-test',
        SLACK_SIGNING_SECRET: 'start-secret',
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATABASE_PATH: path.join(cwd, 'alumni.sqlite'),
      }),
      START,
    );
    running.push(main);
    await waitForHealthy(main, port, 90_000);
    main.child.kill('SIGTERM');
    await main.exited;
    return main;
  }

  it('compiles when the sources changed, and a restart with the same sources compiles nothing', async () => {
    fs.rmSync(STAMP, { force: true });
    const first = await startOnce();
    expect(first.stderr()).toContain(COMPILING);
    expect(fs.existsSync(STAMP)).toBe(true);

    const second = await startOnce();
    expect(second.stderr()).not.toContain(COMPILING);
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('the fingerprint changes with any source file, and only with the build inputs', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script
    const { fingerprint } = require(START) as { fingerprint: (root: string) => string };
    const root = fs.mkdtempSync(path.join(projectRoot(), 'dist', 'fp-'));
    try {
      fs.mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
      fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}');
      fs.writeFileSync(path.join(root, 'src', 'deep', 'a.ts'), 'export const a = 1;\n');
      const before = fingerprint(root);
      fs.writeFileSync(path.join(root, 'README.md'), 'not a build input');
      expect(fingerprint(root)).toBe(before);
      fs.writeFileSync(path.join(root, 'src', 'deep', 'a.ts'), 'export const a = 2;\n');
      expect(fingerprint(root)).not.toBe(before);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
