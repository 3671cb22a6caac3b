/**
 * `npm run bench:profile`: where the bot's CPU goes while it answers RSVP presses (issue 15 asked
 * for this before any change). One bot process on SQLite runs with --cpu-prof while 3,000 presses
 * arrive 50 at a time; the profile is summed by self time per source file and per function.
 * Prints figures, asserts nothing; the .cpuprofile stays in a temp directory for a closer look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, measure, rsvpBody, startServer } from './ackLatency';
import { benchUser, responseUrlOf, round1 } from './ackBench';
import { startBenchSlack } from './fakeSlackApi';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame's code lives: our files by path, node_modules by package, the rest as Node does. */
function place(url: string): string {
  if (url === '') return '(native or idle)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules !== null) return `package ${modules[1] ?? '?'}`;
  const ours = /\/dist\/(src\/.*)\.js$/.exec(url);
  if (ours !== null) return ours[1] ?? url;
  if (url.startsWith('node:')) return url;
  return path.basename(url);
}

function summarise(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByPlace = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return;
    total += micros;
    const where = place(frame.url);
    selfByPlace.set(where, (selfByPlace.get(where) ?? 0) + micros);
    const fn = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
  });
  const top = (map: Map<string, number>, n: number): { where: string; 'self ms': number; share: string }[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([where, micros]) => ({
        where,
        'self ms': Math.round(micros / 1000),
        share: `${round1((micros / Math.max(total, 1)) * 100)} %`,
      }));
  console.log(`CPU profile: ${Math.round(total / 1000)} ms sampled`);
  console.table(top(selfByPlace, 15));
  console.table(top(selfByFunction, 20));
}

async function main(): Promise<void> {
  const slack = await startBenchSlack();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-profile-'));
  // --cpu-prof is refused in NODE_OPTIONS: it goes on the server's command line.
  const bot = await startServer('bot', { BENCH_SLACK_URL: slack.url }, undefined, [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
  ]).catch(async (error: unknown) => {
    await slack.close();
    throw error;
  });
  try {
    const press = (i: number): ReturnType<typeof rsvpBody> =>
      rsvpBody(benchUser(i), i % 2 === 0 ? 'event.rsvp.going' : 'event.rsvp.maybe', responseUrlOf(slack));
    await load(bot.port, press, 200, 50); // warm-up
    const figures = await measure(bot.port, press, 3, 1000, 50);
    console.log(
      `\nRSVP presses, 50 at a time, 3 rounds of 1,000: ack p50 ${round1(figures.p50)} ms, p99 ${round1(figures.p99)} ms`,
    );
  } finally {
    await bot.stop();
    await slack.close();
  }
  const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no CPU profile was written to ${dir}`);
  summarise(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile);
  console.log(`profile: ${path.join(dir, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
