/**
 * Every outcome is said: the ways a run used to end COMPLETED (or start over) while something
 * went wrong, each reproduced on the emulator, and who owns which target user.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { migrationRunId } from '../../src/migration/engine.js';
import { bytesSource, passageApiSource } from '../../src/migration/sources.js';
import { undoMigration } from '../../src/migration/undo.js';
import { useEmulator } from '../helpers/emulator.js';
import {
  BAN_REFUSED_ONCE,
  clerkOf,
  clerkWireUsers,
  createClerkWireUser,
  migrate,
  passageOf,
  verifiedPassageUser,
  useRunDirectory,
} from '../helpers/migration.js';

const FAST = { requests: 100_000, intervalMs: 1_000 };

const dump = (users: object[], extra: object = {}) =>
  bytesSource(Buffer.from(JSON.stringify({ users, ...extra })));

describe('Passage → Clerk: no silent outcome', () => {
  const emulator = useEmulator({ users: { passage: 20, clerk: 0 } });
  const runDirectory = useRunDirectory();

  it('a ban that fails after the create is CREATED_INCOMPLETE with its code, and a resume retries it', async () => {
    const directory = runDirectory();
    const source = dump([verifiedPassageUser('p1', { status: 'inactive' }), verifiedPassageUser('p2')]);
    emulator().control.addFaults(BAN_REFUSED_ONCE);
    const first = await migrate(emulator(), directory, { inactiveUsers: 'ban' }, source);
    expect(first.progress.state).toBe('COMPLETED');
    expect(first.progress.counts).toMatchObject({ CREATED: 1, CREATED_INCOMPLETE: 1 });
    const incomplete = first.users.find((u) => u.sourceId === 'p1')!;
    expect(incomplete).toMatchObject({
      outcome: 'CREATED_INCOMPLETE',
      code: expect.stringMatching(/^BAN_FAILED:/),
    });
    expect(incomplete.targetId).not.toBeNull();

    const resumed = await migrate(emulator(), directory, { inactiveUsers: 'ban' }, source);
    expect(resumed.progress.counts).toMatchObject({ CREATED: 2, CREATED_INCOMPLETE: 0 });
    expect(resumed.users.find((u) => u.sourceId === 'p1')).toMatchObject({
      outcome: 'CREATED',
      followUp: 'BANNED',
      targetId: incomplete.targetId,
    });
    const clerk = await clerkWireUsers(emulator());
    expect(clerk).toHaveLength(2);
    expect(clerk.find((u) => u.external_id === 'p1').banned).toBe(true);
  });

  it('a journal that cannot be read refuses the run in one line, and nothing is created', async () => {
    const directory = runDirectory();
    const source = dump([verifiedPassageUser('p1')]);
    const runId = migrationRunId(source, 'emulator-clerk');
    // A journal that is there but unreadable (here a folder where the file should be).
    mkdirSync(join(directory, runId, 'journal.ndjson'), { recursive: true });
    const { progress } = await migrate(emulator(), directory, {}, source);
    expect(progress.state).toBe('REFUSED');
    expect(progress.error).toMatch(/^the journal of run \w+ cannot be opened \(EISDIR\)/);
    expect(progress.error).not.toContain('\n');
    expect(emulator().control.requests({ provider: 'clerk', method: 'POST' })).toEqual([]);
  });

  it.each([
    ['at its first read', 0, /^limit=1/],
    ['at a lookup, once planning started', 1, /external_id=|email_address=/],
  ])(
    'a re-run that fails %s leaves the completed run’s reports byte for byte',
    async (_, after, failedQuery) => {
      const directory = runDirectory();
      const source = dump(Array.from({ length: 10 }, (_, i) => verifiedPassageUser(`p${i}`)));
      // Someone else holds p0's e-mail: a partial run completes without it, and every re-run
      // asks Clerk about p0 again, so a re-run has a lookup to fail.
      await createClerkWireUser(emulator(), {
        email_address: ['p0@example.com'],
        skip_password_requirement: true,
      });
      const first = await migrate(emulator(), directory, { allowPartial: true }, source);
      expect(first.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 9, CONFLICT: 1 } });
      const runFolder = join(directory, first.migration.runId);
      const reportFiles = ['report.json', 'users.csv', 'id-map.csv', 'id-map.json'];
      const before = reportFiles.map((name) => readFileSync(join(runFolder, name)));
      const listing = readdirSync(runFolder).sort();

      emulator().control.clearRequests();
      emulator().control.addFaults({
        kind: 'status',
        provider: 'clerk',
        method: 'GET',
        route: '/users',
        status: 401,
        after,
      });
      const failed = await migrate(emulator(), directory, { allowPartial: true }, source);
      expect(failed.progress).toMatchObject({
        state: 'FAILED',
        error: 'clerk UNAUTHORIZED (authentication_invalid)',
      });
      expect(failed.progress.warnings).toContain(
        'this attempt ended before it had planned every user: the report of the earlier attempt was kept as it was',
      );
      // The fault hit the call it was meant for.
      const reads = emulator().control.requests({ provider: 'clerk', method: 'GET', route: '/users' });
      expect(reads.slice(0, after).map((r) => [r.status, r.query])).toEqual(
        Array(after).fill([200, expect.stringMatching(/^limit=1/)]),
      );
      const refused = reads.slice(after);
      expect(refused.length).toBeGreaterThan(0);
      for (const read of refused)
        expect([read.status, read.query]).toEqual([401, expect.stringMatching(failedQuery)]);

      expect(reportFiles.map((name) => readFileSync(join(runFolder, name)))).toEqual(before);
      // No temporary file of the failed attempt is left beside them.
      expect(readdirSync(runFolder).sort()).toEqual(listing);
      expect(failed.files).toEqual({});
    },
  );

  it('a dump whose total_users disagrees with what it holds is refused, unless partial runs are allowed', async () => {
    const source = dump([verifiedPassageUser('p1'), verifiedPassageUser('p2')], { total_users: 3 });
    const refused = await migrate(emulator(), runDirectory(), {}, source);
    expect(refused.progress.state).toBe('REFUSED');
    expect(refused.progress.error).toMatch(/says it holds 3 users but 2 were read/);
    expect(emulator().control.requests({ provider: 'clerk', method: 'POST' })).toEqual([]);

    const partial = await migrate(emulator(), runDirectory(), { allowPartial: true }, source);
    expect(partial.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 2 } });
    expect(partial.progress.warnings.join('\n')).toMatch(/says it holds 3 users but 2 were read/);
  });

  it('the first creates all failing the same way stop the run, resumably', async () => {
    const directory = runDirectory();
    emulator().control.addFaults({
      kind: 'status',
      provider: 'clerk',
      method: 'POST',
      route: '/users',
      status: 422,
      times: 5,
    });
    const stopped = await migrate(emulator(), directory, { concurrency: 1 }, undefined, {
      stopAfterSameFailures: 5,
    });
    expect(stopped.progress.state).toBe('STOPPED');
    expect(stopped.progress.error).toMatch(/first 5 creates all failed with/);
    expect(stopped.progress.counts).toMatchObject({ FAILED: 5, PENDING: 15, CREATED: 0 });
    expect(emulator().control.requests({ provider: 'clerk', method: 'POST' })).toHaveLength(5);

    const resumed = await migrate(emulator(), directory);
    expect(resumed.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 20, FAILED: 0 } });
  });
});

describe('Passage → Clerk: a development instance', () => {
  const emulator = useEmulator({ users: { passage: 20, clerk: 0 }, clerkEnvironment: 'development' });
  const runDirectory = useRunDirectory();

  it('with 100 users present, a run reads the cap from GET /instance and stops before its first create', async () => {
    for (let i = 0; i < 100; i += 1) {
      await createClerkWireUser(emulator(), {
        email_address: [`present-${i}@example.com`],
        skip_password_requirement: true,
      });
    }
    emulator().control.clearRequests();
    const { progress } = await migrate(emulator(), runDirectory());
    expect(progress.state).toBe('REFUSED');
    expect(progress.error).toMatch(
      /development instance, which holds at most 100 users: 100 are present and 20 would be created/,
    );
    const clerk = emulator().control.requests({ provider: 'clerk' });
    expect(clerk.filter((r) => r.method === 'POST')).toEqual([]);
    expect(clerk.some((r) => r.method === 'GET' && r.path === '/instance')).toBe(true);
  }, 30_000);

  it('with room for the run, it creates every user and warns of the cap', async () => {
    const { progress } = await migrate(emulator(), runDirectory());
    expect(progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 20 } });
    expect(progress.warnings).toContainEqual(
      expect.stringMatching(/development instance: 0 users present, at most 100/),
    );
  }, 30_000);
});

describe('Passage → Clerk: ownership and the run lock', () => {
  const emulator = useEmulator({ users: { passage: 5, clerk: 0 } });
  const runDirectory = useRunDirectory();

  it('every create carries its run id, and undo of run A leaves the user run B made', async () => {
    const directory = runDirectory();
    const a = passageApiSource(passageOf(emulator()), 'emulator-app');
    const runA = migrationRunId(a, 'emulator-clerk');
    // Run A sent a create for p1 and crashed before knowing whether it landed; it had not.
    mkdirSync(join(directory, runA), { recursive: true });
    const b = dump([verifiedPassageUser('shared')]);
    const runB = await migrate(emulator(), directory, {}, b);
    const made = runB.users[0]!;
    expect(made.outcome).toBe('CREATED');
    writeFileSync(join(directory, runA, 'run.json'), '{}\n');
    writeFileSync(
      join(directory, runA, 'journal.ndjson'),
      `${JSON.stringify({ at: '', id: 'shared', step: 'creating' })}\n`,
    );
    const [user] = (await clerkWireUsers(emulator())).filter((u) => u.external_id === 'shared');
    expect(user.private_metadata.passage.migrationRun).toBe(runB.migration.runId);

    const target = clerkOf(emulator());
    try {
      const undo = await undoMigration({ directory, runId: runA, target, rate: FAST });
      expect(undo.deleted).toEqual([]);
      expect((await clerkWireUsers(emulator())).map((u) => u.id)).toContain(made.targetId);
    } finally {
      await target.close();
    }
  });

  it('a lease with a fresh heartbeat is respected whatever its PID; a stale one is taken over', async () => {
    const directory = runDirectory();
    const source = dump([verifiedPassageUser('p1')]);
    const runId = migrationRunId(source, 'emulator-clerk');
    mkdirSync(join(directory, runId), { recursive: true });
    const lock = join(directory, runId, 'lock');
    // Another container's process: PID 1 there, and a heartbeat a second old.
    writeFileSync(
      lock,
      JSON.stringify({ host: 'another-container', pid: 1, token: 't', heartbeatAt: Date.now() - 1_000 }),
    );
    const held = await migrate(emulator(), directory, {}, source);
    expect(held.progress.state).toBe('REFUSED');
    expect(held.progress.error).toMatch(/held by process 1 on another-container/);
    // The same on this host: PID 1 is alive here too.
    writeFileSync(lock, JSON.stringify({ host: hostname(), pid: 1, token: 't', heartbeatAt: Date.now() }));
    expect((await migrate(emulator(), directory, {}, source)).progress.state).toBe('REFUSED');
    expect(emulator().control.requests({ provider: 'clerk', method: 'POST' })).toEqual([]);

    writeFileSync(
      lock,
      JSON.stringify({ host: 'another-container', pid: 1, token: 't', heartbeatAt: Date.now() - 60_000 }),
    );
    const taken = await migrate(emulator(), directory, {}, source);
    expect(taken.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 1 } });
    rmSync(lock, { force: true });
  });
});

describe('Passage → Clerk: the run uses its rate', () => {
  const emulator = useEmulator({ users: { passage: 0, clerk: 0 } });
  const runDirectory = useRunDirectory();
  // A dump, so the time measured is Clerk's and the run's, not reading 400 users from Passage.
  const source = dump(Array.from({ length: 400 }, (_, i) => verifiedPassageUser(`p${i}`)));

  it('400 users at 180/1s against a Clerk limited to 200/1s with 150 ms per call: near the rate, no 429, undo too', async () => {
    // Time compressed tenfold: the pacer's fixed arrival margin is a tenth of a window here, not a
    // fortieth, so the run keeps a tenth of the budget spare for a loaded machine's late arrivals.
    const rate = { requests: 180, intervalMs: 1_000 };
    emulator().control.setRateLimit('clerk', { limit: 200, windowMs: 1_000 });
    emulator().control.addFaults({ kind: 'latency', provider: 'clerk', ms: 150 });
    const directory = runDirectory();
    const started = performance.now();
    // The cap an operator leaves at its default: what is in flight follows the rate and latency.
    const { progress, migration } = await migrate(emulator(), directory, { rate, concurrency: 64 }, source);
    const seconds = (performance.now() - started) / 1000;
    expect(progress.counts).toMatchObject({ CREATED: 400, FAILED: 0 });
    const limited = () =>
      emulator()
        .control.requests({ provider: 'clerk' })
        .filter((r) => r.status === 429);
    expect(limited()).toEqual([]);
    // About 405 calls at 180 per 1.25 s take some 3 s; four in flight at 150 ms took over 15 s
    // (the margin is for a machine shared with other work).
    expect(seconds).toBeLessThan(12);

    // An undo is a process of its own with a budget of its own: it starts once the run's last
    // calls have left Clerk's window, or they would count against it.
    await sleep(rate.intervalMs + 250);
    const target = clerkOf(emulator());
    try {
      const undoStarted = performance.now();
      const undo = await undoMigration({ directory, runId: migration.runId, target, rate });
      expect(undo.deleted).toHaveLength(400);
      expect((performance.now() - undoStarted) / 1000).toBeLessThan(12);
      expect(limited()).toEqual([]);
    } finally {
      await target.close();
    }
  }, 60_000);
});
