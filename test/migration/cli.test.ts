import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { useEmulator } from '../helpers/emulator.js';
import {
  BAN_REFUSED_ONCE,
  clerkWireUsers,
  verifiedPassageUser,
  passageWireUsers,
  useRunDirectory,
} from '../helpers/migration.js';

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(
  emulator: RunningEmulator,
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/migration/cli.ts', ...args], {
    env: {
      PATH: process.env.PATH,
      CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
      CLERK_API_URL: emulator.clerkUrl,
      PASSAGE_APP_ID: emulator.keys.passageAppId,
      PASSAGE_API_KEY: emulator.keys.passageApiKey,
      PASSAGE_API_URL: emulator.passageUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, finished };
}

const FAST = ['--rate', '100000/1s', '--concurrency', '8'];

/** The JSON lines of an output marked `"audit": true`. */
const auditLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.audit === true);

describe('npm run migrate', () => {
  const emulator = useEmulator({ users: { passage: 2_000, clerk: 0 } });
  const runDirectory = useRunDirectory();
  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST', route: '/users' });

  it('killed by SIGKILL after ~500 creates, the same command again finishes with every user exactly once', async () => {
    const args = ['run', '--from', 'passage-api', '--dir', runDirectory(), ...FAST];
    const first = startCli(emulator(), args);
    while (creates().length < 500) {
      if (first.child.exitCode !== null)
        throw new Error(`the run ended early:\n${(await first.finished).stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill('SIGKILL');
    expect((await first.finished).signal).toBe('SIGKILL');
    const createdBeforeKill = (await clerkWireUsers(emulator())).length;
    expect(createdBeforeKill).toBeGreaterThanOrEqual(500);
    expect(createdBeforeKill).toBeLessThan(2_000);

    const second = await startCli(emulator(), args).finished;
    expect(second.stderr).not.toMatch(/Error/);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: completed\n/);
    const clerk = await clerkWireUsers(emulator());
    expect(clerk).toHaveLength(2_000);
    expect(new Set(clerk.map((u) => u.external_id)).size).toBe(2_000);
    // The killed run's users are this run's own, not "adopted" from someone else.
    const runId = /migration (\w+)/.exec(second.stdout)![1]!;
    const report = JSON.parse(readFileSync(join(runDirectory(), runId, 'report.json'), 'utf8'));
    expect(report.counts).toMatchObject({ CREATED: 2_000, ADOPTED: 0, FAILED: 0 });
    // A create in flight at the kill may be sent again only if it never landed.
    expect(creates().length).toBeLessThanOrEqual(2_000 + 8);
  }, 180_000);

  it('SIGINT stops after the creates in flight, writes the report, and the run resumes', async () => {
    emulator().control.reset({ users: { passage: 300, clerk: 0 } });
    emulator().control.addFaults({ kind: 'latency', provider: 'clerk', method: 'POST', ms: 20 });
    const args = ['run', '--from', 'passage-api', '--dir', runDirectory(), ...FAST];
    const first = startCli(emulator(), args);
    while (creates().length < 50) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGINT');
    const stopped = await first.finished;
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toMatch(/: cancelled\n/);
    const [started, cancelled] = auditLines(stopped.stdout);
    expect(cancelled).toMatchObject({
      action: 'startPassageMigration',
      migrationId: started?.migrationId,
      outcome: 'cancelled',
      total: 300,
      counts: { CREATED: expect.any(Number) },
    });
    expect(stopped.stdout).toMatch(/pending\s+\d+/);
    const second = await startCli(emulator(), args).finished;
    expect(second.code).toBe(0);
    expect(await clerkWireUsers(emulator())).toHaveLength(300);
  }, 60_000);

  it('reads a dashboard CSV export, and refuses one with an unknown column before writing anything', async () => {
    emulator().control.reset({ users: { passage: 30, clerk: 0 } });
    const passage = await passageWireUsers(emulator());
    const rows = passage.map((u) =>
      [u.id, u.email, u.email_verified, u.phone, u.phone_verified, u.status, u.created_at].join(','),
    );
    const csv = join(runDirectory(), 'export.csv');
    writeFileSync(
      csv,
      ['id,email,email_verified,phone,phone_verified,status,created_at', ...rows].join('\n'),
    );
    const done = await startCli(emulator(), ['run', '--from', csv, '--dir', runDirectory(), ...FAST])
      .finished;
    expect(done.code).toBe(0);
    expect((await clerkWireUsers(emulator())).map((u) => u.external_id).sort()).toEqual(
      passage.map((u) => u.id).sort(),
    );

    emulator().control.reset({ users: { passage: 30, clerk: 0 } });
    const odd = join(runDirectory(), 'odd.csv');
    writeFileSync(
      odd,
      ['id,email,favourite_colour', ...passage.map((u) => `${u.id},${u.email},blue`)].join('\n'),
    );
    const refused = await startCli(emulator(), ['run', '--from', odd, '--dir', runDirectory(), ...FAST])
      .finished;
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/refused/);
    expect(refused.stdout).toMatch(/favourite_colour/);
    expect(creates()).toEqual([]);
  }, 60_000);

  it('writes audit lines for a run started and finished and for its undo, with counts, on stdout and in USERGRAPH_AUDIT_LOG', async () => {
    emulator().control.reset({ users: { passage: 20, clerk: 0 } });
    const file = join(runDirectory(), 'audit', 'audit.jsonl');
    const env = { USERGRAPH_AUDIT_LOG: file };
    const run = await startCli(
      emulator(),
      ['run', '--from', 'passage-api', '--dir', runDirectory(), ...FAST],
      env,
    ).finished;
    expect(run.code).toBe(0);
    const runId = /migration (\w+)/.exec(run.stdout)![1]!;
    const caller = expect.stringMatching(/^cli:/);
    expect(auditLines(run.stdout)).toEqual([
      expect.objectContaining({
        caller,
        action: 'startPassageMigration',
        migrationId: runId,
        dryRun: false,
        source: 'passage-api',
        outcome: 'started',
      }),
      expect.objectContaining({
        caller,
        action: 'startPassageMigration',
        migrationId: runId,
        outcome: 'completed',
        total: 20,
        counts: expect.objectContaining({ CREATED: 20, FAILED: 0 }),
        targetCalls: expect.any(Number),
      }),
    ]);

    const undo = await startCli(
      emulator(),
      ['undo', '--run', runId, '--dir', runDirectory(), '--rate', '100000/1s'],
      env,
    ).finished;
    expect(undo.code).toBe(0);
    const undone = {
      caller,
      action: 'undoMigration',
      migrationId: runId,
      outcome: 'undone',
      counts: { deleted: 20, alreadyGone: 0, kept: 0, failed: 0 },
    };
    expect(auditLines(undo.stdout)).toEqual([expect.objectContaining(undone)]);
    expect(await clerkWireUsers(emulator())).toEqual([]);

    // The file holds the same three lines, in order.
    const inFile = auditLines(readFileSync(file, 'utf8'));
    expect(inFile.map((line) => [line.action, line.outcome])).toEqual([
      ['startPassageMigration', 'started'],
      ['startPassageMigration', 'completed'],
      ['undoMigration', 'undone'],
    ]);
    expect(inFile[2]).toMatchObject(undone);
  }, 60_000);

  it('answers bad usage with exit code 2 and the usage text', async () => {
    const bad = await startCli(emulator(), ['run', '--from', 'passage-api', '--rate', 'fast']).finished;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rate must look like 100\/10s/);
    expect(bad.stderr).toMatch(/usage:/);
  });

  it('logs ids and counts only: no e-mail address or phone number reaches its output', async () => {
    emulator().control.reset({ users: { passage: 50, clerk: 0 } });
    const passage = await passageWireUsers(emulator());
    const done = await startCli(emulator(), [
      'run',
      '--from',
      'passage-api',
      '--dir',
      runDirectory(),
      ...FAST,
    ]).finished;
    expect(done.code).toBe(0);
    const output = done.stdout + done.stderr;
    for (const user of passage) {
      if (user.email) expect(output).not.toContain(user.email);
      if (user.phone) expect(output).not.toContain(user.phone);
    }
    expect(output).not.toContain(emulator().keys.clerkSecretKey);
  });
});

describe('npm run migrate: exit codes', () => {
  const emulator = useEmulator({ users: { passage: 0, clerk: 0 } });
  const runDirectory = useRunDirectory();
  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST', route: '/users' });
  /** A dump file of users with verified e-mails, as `--from` takes it. */
  const dumpFile = (users: object[]) => {
    const file = join(runDirectory(), 'dump.json');
    writeFileSync(file, JSON.stringify({ users }));
    return file;
  };

  it('a run that leaves a user CREATED_INCOMPLETE (its ban failed) exits 1; the resume that bans it exits 0', async () => {
    const from = dumpFile([verifiedPassageUser('p1', { status: 'inactive' }), verifiedPassageUser('p2')]);
    emulator().control.addFaults(BAN_REFUSED_ONCE);
    const args = ['run', '--from', from, '--inactive', 'ban', '--dir', runDirectory(), ...FAST];
    const first = await startCli(emulator(), args).finished;
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/: completed\n/);
    expect(first.stdout).toMatch(/created_incomplete\s+1\n/);

    const resumed = await startCli(emulator(), args).finished;
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/created\s+2\n/);
    expect((await clerkWireUsers(emulator())).find((u) => u.external_id === 'p1').banned).toBe(true);
  }, 60_000);

  it('a run stopped by its first creates all failing exits 1 and says it is resumable; the same command resumes it', async () => {
    const from = dumpFile(Array.from({ length: 30 }, (_, i) => verifiedPassageUser(`p${i}`)));
    // Every create refused, as by an instance that requires a password.
    const [fault] = emulator().control.addFaults({
      kind: 'status',
      provider: 'clerk',
      method: 'POST',
      route: '/users',
      status: 422,
    });
    const args = [
      'run',
      '--from',
      from,
      '--dir',
      runDirectory(),
      '--rate',
      '100000/1s',
      '--concurrency',
      '1',
    ];
    const stopped = await startCli(emulator(), args).finished;
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(1);
    expect(stopped.stdout).toMatch(/: stopped\n\s+the first 10 creates all failed with /);
    expect(stopped.stdout).toMatch(/resumable: run the same command again/);
    expect(creates()).toHaveLength(10);

    emulator().control.removeFault(fault!.id);
    const resumed = await startCli(emulator(), args).finished;
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(await clerkWireUsers(emulator())).toHaveLength(30);
  }, 60_000);

  it('undo keeps a user who signed in to Clerk since, lists it and exits 1; undo --force deletes it and exits 0', async () => {
    emulator().control.reset({ users: { passage: 0, clerk: 40 } });
    const seeded = await clerkWireUsers(emulator());
    const from = dumpFile(Array.from({ length: 5 }, (_, i) => verifiedPassageUser(`p${i}`)));
    const run = await startCli(emulator(), ['run', '--from', from, '--dir', runDirectory(), ...FAST])
      .finished;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const runId = /migration (\w+)/.exec(run.stdout)![1]!;
    // Clerk's Backend API cannot sign a user in, and sets no last sign-in on a create: the user
    // who signed in since is a seeded one that has, which the run's journal says it created.
    const signedIn = seeded.find((u) => u.external_id && u.last_sign_in_at);
    expect(signedIn).toBeDefined();
    appendFileSync(
      join(runDirectory(), runId, 'journal.ndjson'),
      [
        { at: '', id: signedIn.external_id, step: 'creating' },
        { at: '', id: signedIn.external_id, step: 'created', target: signedIn.id },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    );
    const undoArgs = ['undo', '--run', runId, '--dir', runDirectory(), '--rate', '100000/1s'];

    const kept = await startCli(emulator(), undoArgs).finished;
    expect(kept.code, kept.stdout + kept.stderr).toBe(1);
    expect(kept.stdout).toMatch(/5 deleted, 0 already gone, 1 kept/);
    expect(kept.stdout).toContain(`kept, signed in to Clerk since the migration: ${signedIn.external_id}\n`);
    const left = (await clerkWireUsers(emulator())).map((u) => u.id);
    expect(left).toContain(signedIn.id);
    expect(left).toHaveLength(seeded.length);

    const forced = await startCli(emulator(), [...undoArgs, '--force']).finished;
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/1 deleted, 0 already gone, 0 kept/);
    expect((await clerkWireUsers(emulator())).map((u) => u.id)).not.toContain(signedIn.id);
  }, 60_000);
});
