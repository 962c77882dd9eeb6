/**
 * One process per run, proven by a lease rather than a PID: the lock file holds its holder's
 * host, PID, a token and a heartbeat it renews while the run lasts. A lease whose heartbeat is
 * fresh is respected whatever its PID says (every container is PID 1, and a PID names nothing
 * in another namespace); one left stale, or by a process of this host that is gone, is taken
 * over. Behind `RunLock` so a shared store (Redis) can hold leases instead of a folder.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface RunLock {
  /** Stops the heartbeat and gives the lease up. */
  release(): void;
  /**
   * Called once if the lease stops being this process's (another holder took it, or it could
   * not be renewed before it expired): from then on the run must send nothing more.
   */
  onLost?(listener: (reason: string) => void): void;
}

export interface Lease {
  host: string;
  pid: number;
  token: string;
  /** Epoch milliseconds of the last renewal. */
  heartbeatAt: number;
}

export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

/**
 * A lease's loss, for any kind of lease: the first reason given is told once to every listener,
 * including one that asks after the loss, and `stop` (the heartbeat's timer) runs once.
 */
export class LeaseLoss {
  reason: string | undefined;
  private readonly listeners: ((reason: string) => void)[] = [];

  constructor(private readonly stop: () => void) {}

  lose(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.stop();
    for (const listener of this.listeners) listener(reason);
  }

  onLost(listener: (reason: string) => void): void {
    if (this.reason !== undefined) listener(this.reason);
    else this.listeners.push(listener);
  }
}

export const LEASE_HEARTBEAT_MS = 5_000;
/** Several missed heartbeats: the holder is gone, or cut off from the disk. */
export const LEASE_STALE_MS = 30_000;

export function acquireFileLease(path: string, runId: string): RunLock {
  const lease: Lease = { host: hostname(), pid: process.pid, token: randomUUID(), heartbeatAt: Date.now() };
  const write = () => writeAtomically(path, `${JSON.stringify({ ...lease, heartbeatAt: Date.now() })}\n`);
  try {
    writeFileSync(path, JSON.stringify(lease), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readLease(path);
    if (holder && isHeld(holder)) {
      const age = Math.round((Date.now() - holder.heartbeatAt) / 1000);
      throw new RunLockedError(
        `migration run ${runId} is held by process ${holder.pid} on ${holder.host} (heartbeat ${age}s ago; ` +
          `taken over once ${LEASE_STALE_MS / 1000}s pass without one)`,
      );
    }
    write();
    // Two processes that found the same stale lease both wrote: the last rename won.
    if (readLease(path)?.token !== lease.token) {
      throw new RunLockedError(`migration run ${runId} was taken over by another process just now`);
    }
  }
  let renewedAt = Date.now();
  const loss = new LeaseLoss(() => clearInterval(timer));
  /** Why the file no longer proves this process holds the run, or null while it does. */
  const notOurs = (): string | null => {
    const holder = readLease(path);
    if (!holder) return `the run's lock file is gone or unreadable: another process may hold the run`;
    if (holder.token !== lease.token)
      return `the run's lock file names process ${holder.pid} on ${holder.host}, which took the run over`;
    return null;
  };
  const timer = setInterval(() => {
    // Checked before each write, so a holder that was paused (a stopped process, a suspended
    // host) never overwrites the lease of a process that took the run over meanwhile.
    const taken = notOurs();
    if (taken) return loss.lose(taken);
    // Once the last renewal is this old, another process may have found the lease stale and
    // taken it (its rename can land right after our read): writing now could undo a takeover.
    const age = Date.now() - renewedAt;
    if (age > LEASE_STALE_MS - LEASE_HEARTBEAT_MS) {
      return loss.lose(
        `the run's lease was not renewed for ${Math.round(age / 1000)}s (the process was paused or ` +
          `the disk did not answer), so another process may have taken the run over`,
      );
    }
    const sentAt = Date.now();
    try {
      write();
    } catch {
      // A missed heartbeat: the lease goes stale, which is what another process should see; the
      // age check above stops this process before it is.
      return;
    }
    // A takeover renamed between our read and our rename lost its file to ours; it sees that
    // at its next heartbeat and stops. Read back, so a rename after ours stops this one.
    const overwritten = notOurs();
    if (overwritten) return loss.lose(overwritten);
    renewedAt = sentAt;
  }, LEASE_HEARTBEAT_MS);
  // The heartbeat alone keeps no process alive.
  timer.unref();
  return {
    release() {
      clearInterval(timer);
      const holder = readLease(path);
      if (holder?.token === lease.token) rmSync(path, { force: true });
    },
    onLost: (listener) => loss.onLost(listener),
  };
}

function isHeld(lease: Lease): boolean {
  if (Date.now() - lease.heartbeatAt > LEASE_STALE_MS) return false;
  // Only on its own host does a PID say anything: a process there that is gone holds nothing.
  return lease.host !== hostname() || isAlive(lease.pid);
}

/** The lease in the file, or null when there is none (released, torn, or an old PID-only lock). */
function readLease(path: string): Lease | null {
  try {
    const lease = JSON.parse(readFileSync(path, 'utf8')) as Partial<Lease>;
    if (typeof lease.heartbeatAt !== 'number' || typeof lease.pid !== 'number') return null;
    return {
      host: String(lease.host ?? ''),
      pid: lease.pid,
      token: String(lease.token ?? ''),
      heartbeatAt: lease.heartbeatAt,
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A reader sees the old contents or the new, never half of either; `durable` syncs the new
 * contents before the rename, so a power cut cannot leave an empty file in the old one's place.
 */
export function writeAtomically(path: string, contents: string, { durable = false } = {}): void {
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  if (durable) {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } else {
    writeFileSync(temporary, contents);
  }
  renameSync(temporary, path);
}
