/**
 * A run's durable memory: `<dir>/<runId>/` holds `run.json` (what the run is), `journal.ndjson`
 * (one line per step per user, append-only) and a `lock` holding the lease of the process that
 * runs it (lease.ts). A journal that exists but cannot be read refuses the run: taken as empty,
 * it would restart the run and count the run's own users as adopted, out of undo's reach.
 *
 * The one rule that makes a crash safe: `creating` is on disk (fdatasync) before the create is
 * sent: `creating()` resolves only then, syncing on libuv's thread pool so a migration run by
 * the server does not stall its event loop. A user whose last line is `creating` may or may not exist in the target; the next run
 * looks it up by external id and takes it as this run's own if it is there, or creates it if
 * it is not. The other lines are written without a sync: losing one costs a lookup, never a
 * duplicate. A line torn by a crash mid-write is ignored. A `looked-up` line keeps what the
 * target held for a user when the run planned it, so a resume asks again only for the users
 * the journal has not settled.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  mkdirSync,
  openSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { acquireFileLease, writeAtomically, type RunLock } from './lease.js';
import { OUTCOMES, type Outcome } from './types.js';

export { RunLockedError } from './lease.js';

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
  | { at: string; id: string; step: 'deleted'; target: string }
  | ({ at: string; id: string; step: 'looked-up' } & Lookup);

/**
 * What the target held for one source user when the run planned it: who has its external id
 * (and whether that user carries this run's stamp), its e-mail address, its phone number. Kept
 * in the journal so a resume need not ask again for a user the journal has settled.
 */
export interface Lookup {
  existing?: string;
  ours?: boolean;
  emailHolder?: string;
  phoneHolder?: string;
}

/** Everything the journal knows about one source user, folded from its lines. */
export interface JournaledUser {
  /** A create was sent and may have landed: not settled as refused since. */
  createSent: boolean;
  targetId?: string;
  finished?: { outcome: Outcome; code?: string; followUp?: string };
  deleted: boolean;
  /** The last lookup made for the user. */
  lookup?: Lookup;
}

const fdatasyncAsync = promisify(fdatasync);
const NOBODY: Lookup = Object.freeze({});
/** A finish with no code and no follow-up, the common case, shared by every user it ends. */
const PLAIN_FINISH = Object.fromEntries(
  OUTCOMES.map((outcome) => [outcome, Object.freeze({ outcome })]),
) as Record<Outcome, { outcome: Outcome }>;

/**
 * A user's entry in the index is one value: its flags as a number, or, once it has a target id,
 * one string of the flags' character then the id. The bits below `OUTCOME_SHIFT` are flags;
 * above them, the outcome it finished with (its place in OUTCOMES, plus one; 0 while none).
 */
const CREATE_SENT = 1;
const DELETED = 2;
const LOOKED_UP = 4;
const OUTCOME_SHIFT = 3;
type Entry = number | string;

export class JournalUnreadableError extends Error {
  override name = 'JournalUnreadableError';
}

/** Outcomes after which the target user exists and is this run's own. */
export const OWN_OUTCOMES: ReadonlySet<Outcome> = new Set(['CREATED', 'CREATED_INCOMPLETE']);

export class RunStore {
  private readonly fd: number;
  /** The run's lease: the one given, or the lock file in the run's folder. */
  readonly lock: RunLock;
  private syncing: Promise<void> | null = null;
  private nextSync: Promise<void> | null = null;
  /**
   * One compact entry per user the journal names (a run holds every one of them), and beside it
   * the rare parts: a finish's code or follow-up, a lookup that found someone.
   */
  private readonly entries = new Map<string, Entry>();
  private readonly finishDetails = new Map<string, { code?: string; followUp?: string }>();
  private readonly found = new Map<string, Lookup>();

  private constructor(
    readonly dir: string,
    readonly runId: string,
    lock: RunLock | undefined,
  ) {
    this.lock = lock ?? acquireFileLease(join(dir, 'lock'), runId);
    const journalPath = join(dir, 'journal.ndjson');
    let torn: boolean;
    try {
      torn = readLines(journalPath, (line) => this.fold(line));
      this.fd = openSync(journalPath, 'a');
    } catch (error) {
      this.lock.release();
      if (error instanceof JournalUnreadableError) throw error;
      throw new JournalUnreadableError(
        `the journal of run ${runId} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}): ` +
          'nothing was done; fix the file or its folder and start again',
      );
    }
    // A line torn by a crash is ended, or the next line would be glued to it; the next synced
    // line (a `creating`) makes the ending durable with it.
    if (torn) this.append(undefined);
  }

  /** Opens (or starts) the run's directory and takes its lock, unless given one already held. */
  static open(root: string, runId: string, description: object, lock?: RunLock): RunStore {
    const dir = join(root, runId);
    mkdirSync(dir, { recursive: true });
    const runFile = join(dir, 'run.json');
    // Written once: a resumed run keeps what it was started as.
    if (!existsSync(runFile))
      writeFileSync(runFile, `${JSON.stringify({ runId, ...description }, null, 2)}\n`);
    return new RunStore(dir, runId, lock);
  }

  user(id: string): JournaledUser | undefined {
    const entry = this.entries.get(id);
    return entry === undefined ? undefined : this.unpack(id, entry);
  }

  /** Every user the journal names, in the order it first named them. */
  *users(): Generator<[string, JournaledUser]> {
    for (const [id, entry] of this.entries) yield [id, this.unpack(id, entry)];
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

  /** Not synced: a lookup lost in a crash is only made again. */
  lookedUp(id: string, lookup: Lookup): void {
    this.append({ at: now(), id, step: 'looked-up', ...lookup });
  }

  deleted(id: string, target: string): Promise<void> {
    this.append({ at: now(), id, step: 'deleted', target });
    return this.sync();
  }

  hasFile(name: string): boolean {
    return existsSync(join(this.dir, name));
  }

  /** Written whole or not at all: a crash mid-write leaves the previous file. */
  writeFile(name: string, contents: string): string {
    const file = join(this.dir, name);
    writeAtomically(file, contents, { durable: true });
    return file;
  }

  close(): void {
    closeSync(this.fd);
    this.lock.release();
  }

  /** Written at once, so lines never interleave; durable only once `sync()` settles. */
  private append(line: JournalLine | undefined): void {
    writeSync(this.fd, line ? `${JSON.stringify(line)}\n` : '\n');
    // The index keeps the id it is first given for the whole run. The caller's may be a slice of
    // a far larger string (the dump reader's 64 KiB chunk of text), which that key would keep alive.
    if (line) this.fold(this.entries.has(line.id) ? line : { ...line, id: copyOf(line.id) });
  }

  /**
   * Every line appended so far, on disk. Group commit: callers arriving while a sync runs share
   * the one after it, so creates in flight cost one sync per round, not one each (libuv runs
   * only a few at a time).
   */
  private sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = fdatasyncAsync(this.fd).finally(() => {
        this.syncing = null;
      });
      return this.syncing;
    }
    this.nextSync ??= this.syncing.then(
      () => this.startNextSync(),
      () => this.startNextSync(),
    );
    return this.nextSync;
  }

  private startNextSync(): Promise<void> {
    this.nextSync = null;
    return this.sync();
  }

  private fold(line: JournalLine): void {
    const entry = this.entries.get(line.id) ?? 0;
    let flags = typeof entry === 'number' ? entry : entry.charCodeAt(0);
    let targetId = typeof entry === 'number' ? undefined : entry.slice(1);
    if (line.step === 'creating') {
      flags = (flags | CREATE_SENT) & ~DELETED & ((1 << OUTCOME_SHIFT) - 1);
      this.finishDetails.delete(line.id);
    }
    if (line.step === 'created') targetId = line.target;
    if (line.step === 'finished') {
      flags = (flags & ((1 << OUTCOME_SHIFT) - 1)) | ((OUTCOMES.indexOf(line.outcome) + 1) << OUTCOME_SHIFT);
      if (line.code || line.followUp)
        this.finishDetails.set(line.id, { code: line.code, followUp: line.followUp });
      else this.finishDetails.delete(line.id);
      if (line.target) targetId = line.target;
      // A create refused for sure created nothing: undo and resume must not claim the id's holder.
      if (!OWN_OUTCOMES.has(line.outcome) && !line.uncertain) flags &= ~CREATE_SENT;
    }
    if (line.step === 'deleted') flags = (flags | DELETED) & ~CREATE_SENT;
    if (line.step === 'looked-up') {
      const { existing, ours, emailHolder, phoneHolder } = line;
      flags |= LOOKED_UP;
      // A lookup that found nobody, the common case, is a flag rather than an object per user.
      if (existing || emailHolder || phoneHolder)
        this.found.set(line.id, { existing, ours, emailHolder, phoneHolder });
      else this.found.delete(line.id);
    }
    // Joined, not added: `+` makes a rope holding both parts, 32 bytes more a user. The flags stay
    // under 128, so the string keeps one byte a character.
    this.entries.set(
      line.id,
      targetId === undefined ? flags : [String.fromCharCode(flags), targetId].join(''),
    );
  }

  private unpack(id: string, entry: Entry): JournaledUser {
    const flags = typeof entry === 'number' ? entry : entry.charCodeAt(0);
    const outcome = OUTCOMES[(flags >> OUTCOME_SHIFT) - 1];
    const details = outcome && this.finishDetails.get(id);
    return {
      createSent: (flags & CREATE_SENT) !== 0,
      targetId: typeof entry === 'number' ? undefined : entry.slice(1),
      finished: details ? { outcome: outcome!, ...details } : outcome && PLAIN_FINISH[outcome],
      deleted: (flags & DELETED) !== 0,
      lookup: flags & LOOKED_UP ? (this.found.get(id) ?? NOBODY) : undefined,
    };
  }
}

/**
 * Folds every whole line of `file` into `onLine`, a chunk at a time (a journal can outgrow the
 * longest string V8 makes); true when the last line was torn. A missing file is a new run; any
 * other failure to read it throws.
 */
function readLines(file: string, onLine: (line: JournalLine) => void): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    // Small chunks: a chunk's lines live while it is folded, and those of a large one outlive the
    // young generation's collections, so the old one grew with the journal until a full GC.
    const chunk = Buffer.alloc(1 << 16);
    let rest = '';
    const decoder = new TextDecoder('utf-8');
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const text = rest + decoder.decode(chunk.subarray(0, read), { stream: true });
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const raw of lines) parseLine(raw, onLine);
    }
    parseLine(rest, onLine);
    return rest.length > 0;
  } finally {
    closeSync(fd);
  }
}

function parseLine(raw: string, onLine: (line: JournalLine) => void): void {
  if (!raw) return;
  let line: JournalLine;
  try {
    line = JSON.parse(raw) as JournalLine;
  } catch {
    // a line torn by a crash mid-write: its step is redone on resume
    return;
  }
  onLine(line);
}

const now = () => new Date().toISOString();

/**
 * A string of its own with the same text: V8 makes a slice of a long string point into it.
 * Through JSON, not UTF-8, which would turn a lone surrogate (an id may hold one) into U+FFFD.
 */
function copyOf(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
