/**
 * A run's durable memory: `<dir>/<runId>/` holds `run.json` (what the run is), `journal.ndjson`
 * (one line per step per user, append-only) and a `lock` naming the process that runs it.
 *
 * The one rule that makes a crash safe: `creating` is on disk (fdatasync) before the create is
 * sent: `creating()` resolves only then, syncing on libuv's thread pool so a migration run by
 * the server does not stall its event loop. A user whose last line is `creating` may or may not exist in the target; the next run
 * looks it up by external id and takes it as this run's own if it is there, or creates it if
 * it is not. The other lines are written without a sync: losing one costs a lookup, never a
 * duplicate. A line torn by a crash mid-write is ignored.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Outcome } from './types.js';

export type JournalLine =
  | { at: string; id: string; step: 'creating' }
  | { at: string; id: string; step: 'created'; target: string }
  | {
      at: string;
      id: string;
      step: 'finished';
      outcome: Outcome;
      target?: string;
      code?: string;
      followUp?: string;
      /** The last create failed in a way that may hide a success (a timeout, a lost answer). */
      uncertain?: boolean;
    }
  | { at: string; id: string; step: 'deleted'; target: string };

/** Everything the journal knows about one source user, folded from its lines. */
export interface JournaledUser {
  /** A create was sent and may have landed: not settled as refused since. */
  createSent: boolean;
  targetId?: string;
  finished?: { outcome: Outcome; code?: string; followUp?: string };
  deleted: boolean;
}

const fdatasyncAsync = promisify(fdatasync);

export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

export class RunStore {
  private readonly fd: number;
  private readonly lockPath: string;
  readonly users = new Map<string, JournaledUser>();

  private constructor(
    readonly dir: string,
    readonly runId: string,
  ) {
    this.lockPath = join(dir, 'lock');
    takeLock(this.lockPath, runId);
    const journalPath = join(dir, 'journal.ndjson');
    const { lines, torn } = readLines(journalPath);
    for (const line of lines) this.fold(line);
    this.fd = openSync(journalPath, 'a');
    // A line torn by a crash is ended, or the next line would be glued to it; the next synced
    // line (a `creating`) makes the ending durable with it.
    if (torn) this.append(undefined);
  }

  /** Opens (or starts) the run's directory and takes its lock. */
  static open(root: string, runId: string, description: object): RunStore {
    const dir = join(root, runId);
    mkdirSync(dir, { recursive: true });
    const runFile = join(dir, 'run.json');
    // Written once: a resumed run keeps what it was started as.
    if (!existsSync(runFile))
      writeFileSync(runFile, `${JSON.stringify({ runId, ...description }, null, 2)}\n`);
    return new RunStore(dir, runId);
  }

  user(id: string): JournaledUser | undefined {
    return this.users.get(id);
  }

  /** Must be called, and settle, before the create for `id` is sent. */
  creating(id: string): Promise<void> {
    this.append({ at: now(), id, step: 'creating' });
    return this.sync();
  }

  created(id: string, target: string): void {
    this.append({ at: now(), id, step: 'created', target });
  }

  finished(
    id: string,
    result: { outcome: Outcome; target?: string; code?: string; followUp?: string; uncertain?: boolean },
  ): void {
    this.append({ at: now(), id, step: 'finished', ...result });
  }

  deleted(id: string, target: string): Promise<void> {
    this.append({ at: now(), id, step: 'deleted', target });
    return this.sync();
  }

  writeFile(name: string, contents: string): string {
    const file = join(this.dir, name);
    writeFileSync(file, contents);
    return file;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.lockPath, { force: true });
  }

  /** Written at once, so lines never interleave; durable only once `sync()` settles. */
  private append(line: JournalLine | undefined): void {
    writeSync(this.fd, line ? `${JSON.stringify(line)}\n` : '\n');
    if (line) this.fold(line);
  }

  /** Every line appended so far, on disk. */
  private sync(): Promise<void> {
    return fdatasyncAsync(this.fd);
  }

  private fold(line: JournalLine): void {
    const user = this.users.get(line.id) ?? { createSent: false, deleted: false };
    if (line.step === 'creating')
      Object.assign(user, { createSent: true, deleted: false, finished: undefined });
    if (line.step === 'created') user.targetId = line.target;
    if (line.step === 'finished') {
      user.finished = { outcome: line.outcome, code: line.code, followUp: line.followUp };
      if (line.target) user.targetId = line.target;
      // A create refused for sure created nothing: undo and resume must not claim the id's holder.
      if (line.outcome !== 'CREATED' && !line.uncertain) user.createSent = false;
    }
    if (line.step === 'deleted') Object.assign(user, { deleted: true, createSent: false });
    this.users.set(line.id, user);
  }
}

function readLines(file: string): { lines: JournalLine[]; torn: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { lines: [], torn: false };
  }
  const lines: JournalLine[] = [];
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    try {
      lines.push(JSON.parse(raw) as JournalLine);
    } catch {
      // a line torn by a crash mid-write: its step is redone on resume
    }
  }
  return { lines, torn: text.length > 0 && !text.endsWith('\n') };
}

/**
 * One process per run: a lock left by a process that is gone (killed) is taken over. A lock
 * naming this very process is stale too: a container restarts its job under the same pid, and
 * within one process the server's MigrationManager already runs one migration at a time.
 */
function takeLock(lockPath: string, runId: string): void {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lockPath, 'utf8'));
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new RunLockedError(`migration run ${runId} is already running in process ${holder}`);
  }
  writeFileSync(lockPath, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const now = () => new Date().toISOString();
