/**
 * `npm run migrate` with REDIS_URL: the run's lease lives in Redis, so two processes that share
 * no run folder (two hosts, two containers) still exclude each other; the holder killed with
 * SIGKILL renews nothing, its lease expires, and a new process resumes the run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { Redis } from 'ioredis';
import { REDIS_LEASE_TTL_MS } from '../../src/redis/run-lease.js';
import { useEmulator } from '../helpers/emulator.js';
import { clerkWireUsers } from '../helpers/migration.js';
import { useRedis } from '../helpers/redis.js';

function startCli(emulator: RunningEmulator, redisUrl: string, dir: string, rate = '200/1s') {
  const args = ['run', '--from', 'passage-api', '--dir', dir, '--rate', rate, '--concurrency', '4'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/migration/cli.ts', ...args], {
    env: {
      PATH: process.env.PATH,
      CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
      CLERK_API_URL: emulator.clerkUrl,
      PASSAGE_APP_ID: emulator.keys.passageAppId,
      PASSAGE_API_KEY: emulator.keys.passageApiKey,
      PASSAGE_API_URL: emulator.passageUrl,
      REDIS_URL: redisUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const finished = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, finished };
}

describe('the migration run lease in Redis', () => {
  const emulator = useEmulator({ users: { passage: 600, clerk: 0 } });
  const redis = useRedis();
  const dirs = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'usergraph-lease-')));
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST', route: '/users' });

  it('two processes on one run: one runs, the other is refused naming the holder; the holder SIGKILLed, its lease expires and a new process resumes', async () => {
    const holder = startCli(emulator(), redis().url, dirs[0]!);
    while (creates().length < 20) {
      if (holder.child.exitCode !== null)
        throw new Error(`the run ended early:\n${(await holder.finished).output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Another folder, as on another host: only Redis can tell it the run is taken.
    const other = await startCli(emulator(), redis().url, dirs[1]!).finished;
    expect(other.code).toBe(1);
    expect(other.output).toMatch(
      new RegExp(
        `migration run \\w+ is held by process ${holder.child.pid} on \\S+ \\(its lease in Redis expires in \\d+s`,
      ),
    );

    holder.child.kill('SIGKILL');
    expect((await holder.finished).signal).toBe('SIGKILL');
    const killedAt = Date.now();
    const createdBeforeKill = (await clerkWireUsers(emulator())).length;
    expect(createdBeforeKill).toBeLessThan(600);

    let resumed = await startCli(emulator(), redis().url, dirs[0]!).finished;
    expect(resumed.output).toMatch(/held by process/);
    while (/held by process/.test(resumed.output)) {
      expect(Date.now() - killedAt).toBeLessThan(REDIS_LEASE_TTL_MS + 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      resumed = await startCli(emulator(), redis().url, dirs[0]!).finished;
    }
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toMatch(/: completed\n/);
    const clerk = await clerkWireUsers(emulator());
    expect(clerk).toHaveLength(600);
    expect(new Set(clerk.map((user) => user.external_id)).size).toBe(600);
  }, 90_000);
});

describe('a migration whose Redis lease is taken from it', () => {
  const emulator = useEmulator({ users: { passage: 600, clerk: 0 } });
  const redis = useRedis();
  const dir = mkdtempSync(join(tmpdir(), 'usergraph-lease-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST', route: '/users' });

  it('stops sending, resumably, and says why', async () => {
    const holder = startCli(emulator(), redis().url, dir, '40/1s');
    while (creates().length < 10) {
      if (holder.child.exitCode !== null)
        throw new Error(`the run ended early:\n${(await holder.finished).output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // As if the lease had expired unseen and another process had taken the run over.
    const client = new Redis(redis().url);
    try {
      const [key] = await client.keys('usergraph:migration:*:lease');
      await client.set(key!, JSON.stringify({ host: 'elsewhere', pid: 1, token: 'another holder' }));
    } finally {
      client.disconnect();
    }
    const takenAt = Date.now();
    const ended = await holder.finished;
    expect(Date.now() - takenAt).toBeLessThan(10_000);
    expect(ended.code, ended.output).toBe(1);
    expect(ended.output).toMatch(/lease in Redis is no longer this process's/);
    // It ended before its 600 users, and sends nothing once it has ended.
    const sent = creates().length;
    expect(sent).toBeLessThan(600);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(creates().length).toBe(sent);
  }, 60_000);
});
