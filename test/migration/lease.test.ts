/**
 * The run's lock file on a real disk, with its real heartbeat: a holder whose lease another
 * process took over (as after a pause past the stale timeout) stops, resumably, and leaves the
 * other holder's lease in place instead of writing its own heartbeat over it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMigration } from '../../src/migration/engine.js';
import { LEASE_HEARTBEAT_MS, RunLockedError } from '../../src/migration/lease.js';
import { undoMigration } from '../../src/migration/undo.js';
import { bytesSource } from '../../src/migration/sources.js';
import { useEmulator } from '../helpers/emulator.js';
import {
  clerkOf,
  clerkWireUsers,
  migrate,
  useRunDirectory,
  verifiedPassageUser,
} from '../helpers/migration.js';

const users = Array.from({ length: 300 }, (_, i) => verifiedPassageUser(`p${i}`));
const source = () => bytesSource(Buffer.from(JSON.stringify({ users })));

describe('the run lock file', () => {
  const emulator = useEmulator({ users: { passage: 0, clerk: 0 } });
  const runDirectory = useRunDirectory();
  const creates = () => emulator().control.requests({ provider: 'clerk', method: 'POST', route: '/users' });

  it('a run whose lock file another holder took over stops STOPPED, resumably, and leaves that holder its lease', async () => {
    const directory = runDirectory();
    const target = clerkOf(emulator());
    // 300 users at 20/s: some 15 s, so heartbeats fall inside the run.
    const migration = startMigration({
      source: source(),
      target,
      targetIdentity: 'emulator-clerk',
      directory,
      settings: { rate: { requests: 20, intervalMs: 1_000 }, concurrency: 4 },
    });
    try {
      while (creates().length < 10) {
        if (!migration.isRunning()) throw new Error(`the run ended early: ${migration.progress().error}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Another process's lease, fresh: what a takeover after this holder's pause leaves.
      const lock = join(directory, migration.runId, 'lock');
      const other = `${JSON.stringify({ host: 'another-host', pid: 4242, token: 'another holder', heartbeatAt: Date.now() })}\n`;
      writeFileSync(lock, other);
      const takenAt = Date.now();

      const progress = await migration.finished;
      // One heartbeat notices; the rest is a busy machine's slack.
      expect(Date.now() - takenAt).toBeLessThan(LEASE_HEARTBEAT_MS + 10_000);
      expect(progress.state).toBe('STOPPED');
      expect(progress.error).toMatch(
        /^the run's lock file names process 4242 on another-host, which took the run over; nothing more was sent\. Start the same run again/,
      );
      // Not a byte of the other holder's lease was overwritten, or removed at the end.
      expect(readFileSync(lock, 'utf8')).toBe(other);
      const sent = creates().length;
      expect(sent).toBeLessThan(300);
      expect(progress.counts.PENDING).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(creates()).toHaveLength(sent);

      // While the other holder's lease is fresh the run is its; once stale, a resume finishes it.
      expect((await migrate(emulator(), directory, {}, source())).progress.state).toBe('REFUSED');
      writeFileSync(lock, JSON.stringify({ host: 'another-host', pid: 4242, token: 'x', heartbeatAt: 0 }));
      const resumed = await migrate(emulator(), directory, {}, source());
      expect(resumed.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 300, FAILED: 0 } });
      const clerk = await clerkWireUsers(emulator());
      expect(clerk).toHaveLength(300);
      expect(new Set(clerk.map((u) => u.external_id)).size).toBe(300);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('an undo whose lock file another holder took over stops, deletes nothing more, and leaves that holder its lease', async () => {
    const directory = runDirectory();
    const { migration } = await migrate(
      emulator(),
      directory,
      { rate: { requests: 1_000, intervalMs: 1_000 } },
      source(),
    );
    const deletes = () => emulator().control.requests({ provider: 'clerk', method: 'DELETE' });
    const target = clerkOf(emulator());
    try {
      // 300 deletes at 20/s: some 15 s, so heartbeats fall inside the undo.
      const undo = undoMigration({
        directory,
        runId: migration.runId,
        target,
        rate: { requests: 20, intervalMs: 1_000 },
      });
      const outcome = undo.then(
        () => new Error('the undo finished'),
        (error: unknown) => error,
      );
      while (deletes().length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      const lock = join(directory, migration.runId, 'lock');
      const other = `${JSON.stringify({ host: 'another-host', pid: 4242, token: 'another holder', heartbeatAt: Date.now() })}\n`;
      writeFileSync(lock, other);

      const error = await outcome;
      expect(error).toBeInstanceOf(RunLockedError);
      expect((error as Error).message).toMatch(
        /names process 4242 on another-host.*the undo stopped and deleted nothing more/,
      );
      expect(readFileSync(lock, 'utf8')).toBe(other);
      const sent = deletes().length;
      expect(sent).toBeLessThan(300);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(deletes()).toHaveLength(sent);

      // Once the other lease is stale, undo again removes the rest, each user once.
      writeFileSync(lock, JSON.stringify({ host: 'another-host', pid: 4242, token: 'x', heartbeatAt: 0 }));
      const rest = await undoMigration({
        directory,
        runId: migration.runId,
        target,
        rate: { requests: 1_000, intervalMs: 1_000 },
      });
      expect(rest.failed).toEqual([]);
      expect(await clerkWireUsers(emulator())).toEqual([]);
    } finally {
      await target.close();
    }
  }, 60_000);
});
