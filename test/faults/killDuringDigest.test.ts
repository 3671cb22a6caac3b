/**
 * Fault: `kill -9` of the bot process in the middle of a digest to 1,000 members, then a restart on
 * the same SQLite file. The real process is spawned as an operator runs it (node + ts-node on
 * src/main.ts), its scheduler ticking by itself every second. Slack (a FakeSlack behind a proxy that
 * answers chat.postMessage after 5–20 ms, so the run takes a few seconds) keeps processing a post
 * whose sender died, as Slack does. The same fake serves both processes, so every digest Slack
 * accepted is counted by the key in its metadata across both runs: each member must have exactly
 * one. Real time throughout; every wait is bounded.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CommunityCharter } from '../../src/onboarding/community';
import { openDatabase } from '../../src/storage/database';
import { FakeSlack } from '../support/fakeSlack';
import { postSigned } from '../support/signing';
import { freePort, healthy, slowProxy, startMain, until, within } from './processes';
import {
  acceptedByKey,
  duplicatesAndLost,
  recordFigures,
  slashBody,
  tempDir,
  visibleText,
  type Json,
} from './support';

jest.setTimeout(90_000);

const SECRET = 'kill-test-signing-secret';
const ADMIN = 'UKILLADMIN';
const MEMBERS = 1000;
const KILL_AFTER = 312; // not a multiple of the delivery batch (25): the kill lands inside a batch
const members = Array.from({ length: MEMBERS }, (_, i) => `UKILL${String(i).padStart(4, '0')}`);

/** The database as an operator's would be: 1,000 members who agreed and like Go, one open Go role. */
function seed(file: string): void {
  const db = openDatabase(file);
  try {
    const version = CommunityCharter.load(CommunityCharter.defaultFile()).version;
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const member = db.prepare(
      'INSERT INTO members (user_id, welcomed_at, agreed_version, agreed_at, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const interest = db.prepare("INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, 'go', ?)");
    db.transaction(() => {
      member.run(ADMIN, at, version, at, at);
      for (const user of members) {
        member.run(user, at, version, at, at);
        interest.run(user, at);
      }
      const job = db
        .prepare(
          `INSERT INTO jobs (title, team, location, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
           VALUES ('Go engineer', 'Platform', 'Tokyo', 'hybrid', 'full_time', 'https://jobs.example.com/go', ?, ?, 'open', ?)`,
        )
        .run(ADMIN, ADMIN, at);
      db.prepare("INSERT INTO job_tags (job_id, tag) VALUES (?, 'go')").run(job.lastInsertRowid);
    })();
  } finally {
    db.close();
  }
}

describe('fault: kill -9 in the middle of a digest to 1,000 members', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('after a restart on the same database every member has exactly one digest: 0 lost, 0 duplicated', async () => {
    const { dir, cleanup } = tempDir('homecoming-kill-');
    const file = path.join(dir, 'data', 'alumni.sqlite');
    const fake = await FakeSlack.start();
    const proxy = await slowProxy(fake);
    try {
      seed(file);
      const env = (port: number): Record<string, string> => ({
        SLACK_BOT_TOKEN: 'xoxb-kill-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: proxy.url,
        PORT: String(port),
        DATABASE_PATH: file,
        ADMIN_USER_IDS: ADMIN,
        SCHEDULER_CRON: '*/1 * * * * *',
        // The restarted process is a new lease holder: it takes over once the killed one's
        // scheduler lease runs out, so keep that short (the shortest allowed).
        SCHEDULER_LEASE_SECONDS: '10',
        // Slack's answers (5–20 ms) set the pace here, not BULK_POSTS_PER_SECOND (10 by default).
        BULK_POSTS_PER_SECOND: '1000',
        LOG_LEVEL: 'info',
      });
      const digests = (): Map<string, number> => acceptedByKey(fake, 'digest:');

      // 1. Start the bot and have the admin run a digest now.
      const port1 = await freePort();
      const first = startMain(dir, env(port1));
      children.push(first.child);
      await healthy(first, port1);
      const { body, responseUrl } = slashBody(fake, ADMIN, 'digest send');
      const started = await postSigned(`http://127.0.0.1:${port1}/slack/events`, body, {
        signingSecret: SECRET,
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(started.status).toBe(200);
      // A loaded machine may take longer than the ack budget: the answer then comes by response_url.
      const answer =
        visibleText(started.json) !== ''
          ? visibleText(started.json)
          : visibleText((await fake.waitForResponse((r) => responseUrl.endsWith(r.path))).body);
      expect(answer).toContain(`${MEMBERS} members will get one`);

      // 2. kill -9 once a few hundred digests are out.
      await until(
        () => digests().size >= KILL_AFTER,
        30_000,
        () => `only ${digests().size} digests sent\n${first.output()}`,
        5,
      );
      first.child.kill('SIGKILL');
      const exit = await within(first.exited, 5000, 'no exit after SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      // Posts the dead process had already handed to Slack still land.
      await until(
        () => proxy.inFlight() === 0,
        5000,
        () => `${proxy.inFlight()} requests still in the proxy`,
      );
      const atKill = digests().size;
      expect(atKill).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(atKill).toBeLessThan(MEMBERS); // the kill landed in the middle of the run
      const left = new Database(file, { readonly: true });
      const inDoubt =
        left
          .prepare<[], { n: number }>(
            "SELECT count(*) AS n FROM outbox WHERE key LIKE 'digest:%' AND status = 'sending'",
          )
          .get()?.n ?? 0;
      left.close();

      // 3. Restart on the same file; it finishes the run by itself.
      const historyBefore = fake.callsTo('conversations.history').length;
      const port2 = await freePort();
      const second = startMain(dir, env(port2));
      children.push(second.child);
      await healthy(second, port2);
      const reports = (): Json[] =>
        fake
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === ADMIN && c.status === 200)
          .map((c) => c.args);
      await until(
        () => digests().size === MEMBERS && reports().length > 0,
        45_000,
        () =>
          `${digests().size} of ${MEMBERS} digests, ${reports().length} reports\n${second.output().slice(-3000)}`,
        50,
      );
      // A few more ticks: nothing may arrive late or twice.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      second.child.kill('SIGTERM');
      const stopped = await within(second.exited, 10_000, 'no exit after SIGTERM');
      expect(stopped).toEqual({ code: 0, signal: null });

      // 4. Count: every member exactly once, across both processes.
      const counts = digests();
      const runKeys = new Set([...counts.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))));
      expect(runKeys.size).toBe(1);
      const runKey = [...runKeys][0] ?? '';
      const expected = members.map((user) => `${runKey}:${user}`);
      expect(duplicatesAndLost(counts, expected)).toEqual({ duplicated: [], lost: [] });
      expect(counts.size).toBe(MEMBERS);
      expect(reports()).toHaveLength(1);
      expect(visibleText(reports()[0])).toContain(`${MEMBERS} sent`);
      const db = new Database(file, { readonly: true });
      try {
        const statuses = db
          .prepare<[], { status: string; n: number }>(
            "SELECT status, count(*) AS n FROM outbox WHERE key LIKE 'digest:%' GROUP BY status",
          )
          .all();
        expect(statuses).toEqual([{ status: 'sent', n: MEMBERS }]);
        const foundInHistory =
          db
            .prepare<[], { n: number }>(
              "SELECT count(*) AS n FROM outbox WHERE key LIKE 'digest:%' AND last_error = 'found_in_history'",
            )
            .get()?.n ?? 0;
        const historyChecks = fake.callsTo('conversations.history').length - historyBefore;
        // The rows the dead process held were checked against Slack's history before any resend.
        expect(historyChecks).toBeGreaterThanOrEqual(inDoubt);
        recordFigures('kill9', {
          members: MEMBERS,
          acceptedBeforeRestart: atKill,
          claimsInDoubt: inDoubt,
          historyChecks,
          foundInHistory,
          duplicated: 0,
          lost: 0,
        });
      } finally {
        db.close();
      }
      expect(fake.violations).toEqual([]);
    } finally {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await proxy.close();
      await fake.stop();
      cleanup();
    }
  });
});
