import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationRunId } from '../../src/migration/engine.js';
import { bytesSource, passageApiSource } from '../../src/migration/sources.js';
import { undoMigration } from '../../src/migration/undo.js';
import { useEmulator } from '../helpers/emulator.js';
import {
  clerkOf,
  clerkWireUsers,
  createClerkWireUser,
  migrate,
  passageOf,
  passageUserJson,
  passageWireUsers,
  useRunDirectory,
} from '../helpers/migration.js';

const FAST = { requests: 100_000, intervalMs: 1_000 };

describe('Passage → Clerk: never duplicate, never overwrite', () => {
  const emulator = useEmulator({ users: { passage: 60, clerk: 0 } });
  const runDirectory = useRunDirectory();

  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST' });
  const countByExternalId = (users: any[]) => {
    const counts = new Map<string, number>();
    for (const user of users) counts.set(user.external_id, (counts.get(user.external_id) ?? 0) + 1);
    return counts;
  };

  /** Seeds the target with 4 users already carrying Passage ids, and 2 holding a Passage user's e-mail. */
  async function seedTarget() {
    const passage = await passageWireUsers(emulator());
    const withEmail = passage.filter((u) => u.email);
    const adopted = withEmail.slice(0, 4);
    const conflicting = withEmail.slice(4, 6);
    for (const user of adopted) {
      await createClerkWireUser(emulator(), {
        external_id: user.id,
        email_address: [`moved-${user.email}`],
        skip_password_requirement: true,
      });
    }
    const holders = [];
    for (const user of conflicting) {
      holders.push(
        await createClerkWireUser(emulator(), {
          email_address: [user.email],
          first_name: 'Someone',
          skip_password_requirement: true,
        }),
      );
    }
    emulator().control.clearRequests();
    return { passage, adopted, conflicting, holders };
  }

  it('refuses to write anything when some users are in conflict, unless a partial run is allowed', async () => {
    const { passage, adopted, conflicting, holders } = await seedTarget();

    const refused = await migrate(emulator(), runDirectory());
    expect(refused.progress.state).toBe('REFUSED');
    expect(refused.progress.error).toMatch(/2 in conflict.*nothing was written/);
    expect(creates()).toEqual([]);

    const { progress, users, files } = await migrate(emulator(), runDirectory(), { allowPartial: true });
    expect(progress.state).toBe('COMPLETED');
    expect(progress.counts).toMatchObject({ CREATED: 54, ADOPTED: 4, CONFLICT: 2, FAILED: 0 });
    const report = new Map(users.map((u) => [u.sourceId, u]));
    for (const user of conflicting) {
      expect(report.get(user.id)).toMatchObject({ outcome: 'CONFLICT', code: 'EMAIL_TAKEN', targetId: null });
      // The message names ids, never the e-mail address.
      expect(report.get(user.id)!.message).not.toContain(user.email);
    }
    const clerk = await clerkWireUsers(emulator());
    const counts = countByExternalId(clerk);
    for (const user of passage) {
      expect(counts.get(user.id) ?? 0).toBe(conflicting.includes(user) ? 0 : 1);
    }
    // Adopted and conflicting users are left exactly as they were.
    for (const user of adopted) {
      const target = clerk.find((c) => c.external_id === user.id);
      expect(report.get(user.id)).toMatchObject({ outcome: 'ADOPTED', targetId: target.id });
      expect(target.email_addresses.map((e: any) => e.email_address)).toEqual([`moved-${user.email}`]);
    }
    const reports = Object.values(files)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const user of passage) {
      if (user.email) expect(reports).not.toContain(user.email);
      if (user.phone) expect(reports).not.toContain(user.phone);
    }
    for (const holder of holders) {
      const now = clerk.find((c) => c.id === holder.id);
      expect(now).toMatchObject({ external_id: null, first_name: 'Someone', updated_at: holder.updated_at });
    }
  });

  it('skips invalid and duplicated records of a dump, and says why without quoting them', async () => {
    const dump = {
      users: [
        { ...passageUserJson('p1'), email: 'one@example.com' },
        { ...passageUserJson('p2'), email: 'not-an-address' },
        { ...passageUserJson('p3'), email: '', phone: '555-1234' },
        { ...passageUserJson('p4'), email: 'ONE@example.com' },
        { ...passageUserJson('p5'), email: '', phone: '' },
      ],
    };
    const source = bytesSource(Buffer.from(JSON.stringify(dump)));
    const refused = await migrate(emulator(), runDirectory(), {}, source);
    expect(refused.progress.state).toBe('REFUSED');
    expect(refused.users.map((u) => [u.sourceId, u.outcome, u.code])).toEqual([
      ['p1', 'PENDING', null],
      ['p2', 'SKIPPED', 'INVALID_EMAIL'],
      ['p3', 'SKIPPED', 'INVALID_PHONE'],
      ['p4', 'SKIPPED', 'DUPLICATE_IN_SOURCE'],
      ['p5', 'SKIPPED', 'NO_IDENTIFIER'],
    ]);
    const messages = refused.users.map((u) => u.message ?? '').join('\n');
    for (const value of ['not-an-address', '555-1234', 'ONE@example.com'])
      expect(messages).not.toContain(value);
    expect(creates()).toEqual([]);

    const partial = await migrate(emulator(), runDirectory(), { allowPartial: true }, source);
    expect(partial.progress.counts).toMatchObject({ CREATED: 1, SKIPPED: 4 });
  });

  it('a create whose response was lost is found by its external id, never sent again', async () => {
    emulator().control.addFaults([
      { kind: 'reset', provider: 'clerk', method: 'POST', route: '/users', afterHandler: true, times: 3 },
      { kind: 'garbage', provider: 'clerk', method: 'POST', route: '/users', times: 2 },
    ]);
    const { progress, users } = await migrate(emulator(), runDirectory());
    expect(progress.counts).toMatchObject({ CREATED: 60, FAILED: 0 });
    expect(creates()).toHaveLength(60);
    const clerk = await clerkWireUsers(emulator());
    expect([...countByExternalId(clerk).values()].every((n) => n === 1)).toBe(true);
    expect(clerk).toHaveLength(60);
    expect(new Set(users.map((u) => u.targetId))).toEqual(new Set(clerk.map((u) => u.id)));
  });

  it('a create that failed before landing (503) is sent again once the lookup says it is not there', async () => {
    emulator().control.addFaults({
      kind: 'status',
      provider: 'clerk',
      method: 'POST',
      route: '/users',
      status: 503,
      times: 2,
    });
    const { progress } = await migrate(emulator(), runDirectory());
    expect(progress.counts).toMatchObject({ CREATED: 60, FAILED: 0 });
    expect(creates()).toHaveLength(62);
    expect(await clerkWireUsers(emulator())).toHaveLength(60);
  });

  it('an earlier create timed out at the client but landed late: the retry’s "identifier exists" makes the user CREATED, and a resume keeps it', async () => {
    const users = ['p0', 'p1', 'p2'].map((id) =>
      passageUserJson(id, { email: `${id}@example.com`, email_verified: true }),
    );
    const source = () => bytesSource(Buffer.from(JSON.stringify({ users })));
    // The client waits 5 s for an answer. Create #1 (p0's) is held 6.5 s and performed all the
    // same, after the run's lookup (at ~5 s) found nobody; the create sent again is held 3.5 s,
    // so it reaches Clerk (~8.5 s) after #1 landed and is answered "identifier exists".
    emulator().control.addFaults([
      {
        kind: 'latency',
        provider: 'clerk',
        method: 'POST',
        route: '/users',
        ms: 3_000,
        times: 1,
        performIfClosed: true,
      },
      { kind: 'latency', provider: 'clerk', method: 'POST', route: '/users', ms: 3_500, times: 2 },
    ]);
    const directory = runDirectory();
    const target = clerkOf(emulator(), { headersMs: 5_000 });
    try {
      const {
        progress,
        users: report,
        migration,
      } = await migrate(emulator(), directory, { concurrency: 1 }, source(), { target });
      expect(progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 3, CONFLICT: 0, FAILED: 0 } });
      // The path the test is about: #1 performed with nobody to answer, #2 refused as a duplicate.
      expect(creates().map((r) => [r.status, r.clientClosed ?? false])).toEqual([
        [200, true],
        [422, false],
        [200, false],
        [200, false],
      ]);
      const clerk = await clerkWireUsers(emulator());
      expect(clerk).toHaveLength(3);
      const p0 = clerk.find((u) => u.external_id === 'p0');
      expect(p0.private_metadata.passage.migrationRun).toBe(migration.runId);
      expect(report.find((u) => u.sourceId === 'p0')).toMatchObject({
        outcome: 'CREATED',
        targetId: p0.id,
        code: null,
      });

      emulator().control.clearRequests();
      const resumed = await migrate(emulator(), directory, {}, source());
      expect(resumed.progress.counts).toMatchObject({ CREATED: 3, ADOPTED: 0, CONFLICT: 0 });
      expect(resumed.users.find((u) => u.sourceId === 'p0')).toMatchObject({
        outcome: 'CREATED',
        targetId: p0.id,
      });
      expect(creates()).toEqual([]);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('429s slow the run down and fail no user', async () => {
    emulator().control.setRateLimit('clerk', { limit: 15, windowMs: 1_000 });
    const { progress } = await migrate(emulator(), runDirectory(), { rate: FAST });
    expect(progress.counts).toMatchObject({ CREATED: 60, FAILED: 0 });
    const limited = emulator()
      .control.requests({ provider: 'clerk' })
      .filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(await clerkWireUsers(emulator())).toHaveLength(60);
  }, 30_000);

  it('429s on the lookups, past what the HTTP layer retries, pause the run and fail nothing', async () => {
    emulator().control.addFaults({
      kind: 'status',
      provider: 'clerk',
      method: 'GET',
      route: '/users',
      status: 429,
      retryAfter: 0,
      times: 12,
    });
    const { progress } = await migrate(emulator(), runDirectory());
    expect(progress).toMatchObject({ state: 'COMPLETED', error: null });
    expect(progress.counts).toMatchObject({ CREATED: 60, FAILED: 0 });
    const limited = emulator()
      .control.requests({ provider: 'clerk', method: 'GET' })
      .filter((r) => r.status === 429);
    expect(limited).toHaveLength(12);
  });

  it('a user someone else creates between the plan and the create is adopted, not claimed as this run’s', async () => {
    const [first] = await passageWireUsers(emulator());
    emulator().control.addFaults({
      kind: 'latency',
      provider: 'clerk',
      method: 'POST',
      route: '/users',
      ms: 100,
    });
    let raced: Promise<unknown> | undefined;
    const { progress, users } = await migrate(emulator(), runDirectory(), {}, undefined, {
      log: (line) => {
        // Sent as the plan is made, so it reaches Clerk before the run's own create.
        if (line.includes('planned')) {
          raced = createClerkWireUser(emulator(), {
            external_id: first.id,
            email_address: ['someone-else@example.com'],
            skip_password_requirement: true,
          });
        }
      },
    });
    await raced;
    expect(progress.counts).toMatchObject({ CREATED: 59, ADOPTED: 1, FAILED: 0 });
    expect(users.find((u) => u.sourceId === first.id)).toMatchObject({ outcome: 'ADOPTED' });
  });

  it('undo never deletes the holder of an external id whose create this run had failed for sure', async () => {
    const directory = runDirectory();
    emulator().control.addFaults({
      kind: 'status',
      provider: 'clerk',
      method: 'POST',
      route: '/users',
      status: 422,
      times: 1,
    });
    const { migration, users } = await migrate(emulator(), directory);
    const failed = users.find((u) => u.outcome === 'FAILED')!;
    expect(failed).toMatchObject({ code: 'INVALID_INPUT' });
    // Someone fixes it by hand: that user is theirs, not the run's.
    const theirs = await createClerkWireUser(emulator(), {
      external_id: failed.sourceId,
      email_address: ['fixed-by-hand@example.com'],
      skip_password_requirement: true,
    });
    const resumed = await migrate(emulator(), directory);
    expect(resumed.users.find((u) => u.sourceId === failed.sourceId)).toMatchObject({ outcome: 'ADOPTED' });
    const target = clerkOf(emulator());
    try {
      const undo = await undoMigration({ directory, runId: migration.runId, target, rate: FAST });
      expect(undo.deleted).toHaveLength(59);
      expect((await clerkWireUsers(emulator())).map((u) => u.id)).toEqual([theirs.id]);
    } finally {
      await target.close();
    }
  });

  it('a rejected key ends the run FAILED at once, with a message that holds no key', async () => {
    const passage = passageOf(emulator());
    const { createClerkProvider } = await import('../../src/providers/clerk/index.js');
    const target = createClerkProvider({ secretKey: 'sk_test_wrong_key', apiUrl: emulator().clerkUrl });
    const { startMigration } = await import('../../src/migration/engine.js');
    const migration = startMigration({
      source: passageApiSource(passage, 'app'),
      target,
      targetIdentity: 'wrong',
      directory: runDirectory(),
      settings: { rate: FAST },
    });
    const progress = await migration.finished;
    await Promise.all([passage.close(), target.close()]);
    expect(progress.state).toBe('FAILED');
    expect(progress.error).toMatch(/^clerk UNAUTHORIZED/);
    expect(progress.error).not.toContain('sk_test_wrong_key');
  });

  it('resuming after a crash takes a user journaled as "creating" and found in the target as its own', async () => {
    const directory = runDirectory();
    const passage = await passageWireUsers(emulator());
    const [landed, lost] = passage;
    const source = passageApiSource(passageOf(emulator()), 'emulator-app');
    const runId = migrationRunId(source, 'emulator-clerk');
    // The crash: both creates were journaled, only the first reached Clerk.
    await migrate(emulator(), directory, { dryRun: true });
    const journal = join(directory, runId, 'journal.ndjson');
    for (const user of [landed, lost])
      appendFileSync(journal, `${JSON.stringify({ at: '', id: user.id, step: 'creating' })}\n`);
    appendFileSync(journal, '{"at":"","id":"torn'); // a line cut short by the crash
    // What the run's create left: a user carrying the run's stamp.
    await createClerkWireUser(emulator(), {
      external_id: landed.id,
      email_address: [landed.email || 'x@example.com'],
      skip_password_requirement: true,
      private_metadata: { passage: { migrationRun: runId } },
    });

    const { users } = await migrate(emulator(), directory);
    const report = new Map(users.map((u) => [u.sourceId, u]));
    expect(report.get(landed.id)!.outcome).toBe('CREATED');
    expect(report.get(lost.id)!.outcome).toBe('CREATED');
    expect(await clerkWireUsers(emulator())).toHaveLength(60);
    // The torn line was ended before anything was appended: every later line still reads.
    const unreadable = readFileSync(journal, 'utf8')
      .split('\n')
      .filter(Boolean)
      .filter((line) => {
        try {
          JSON.parse(line);
          return false;
        } catch {
          return true;
        }
      });
    expect(unreadable).toEqual(['{"at":"","id":"torn']);
    const again = await migrate(emulator(), directory);
    expect(again.progress.counts).toMatchObject({ CREATED: 60, ADOPTED: 0 });
  });
});

describe('Passage → Clerk: undo', () => {
  const emulator = useEmulator({ users: { passage: 40, clerk: 0 } });
  const runDirectory = useRunDirectory();

  it('deletes exactly the users the run created, and can be repeated', async () => {
    const passage = await passageWireUsers(emulator());
    const before = await createClerkWireUser(emulator(), {
      external_id: passage[0].id,
      email_address: ['adopted@example.com'],
      skip_password_requirement: true,
    });
    const bystander = await createClerkWireUser(emulator(), {
      email_address: ['bystander@example.com'],
      skip_password_requirement: true,
    });
    const directory = runDirectory();
    const { migration, progress } = await migrate(emulator(), directory);
    expect(progress.counts).toMatchObject({ CREATED: 39, ADOPTED: 1 });
    const target = clerkOf(emulator());
    try {
      const undo = await undoMigration({ directory, runId: migration.runId, target, rate: FAST });
      expect(undo.deleted).toHaveLength(39);
      expect(undo.failed).toEqual([]);
      expect((await clerkWireUsers(emulator())).map((u) => u.id).sort()).toEqual(
        [before.id, bystander.id].sort(),
      );
      const again = await undoMigration({ directory, runId: migration.runId, target, rate: FAST });
      expect(again).toMatchObject({ deleted: [], alreadyGone: [], failed: [] });
      expect(
        JSON.parse(readFileSync(join(directory, migration.runId, 'undo-report.json'), 'utf8')).deleted,
      ).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
