/**
 * The migration engine behind both faces (`npm run migrate` and the GraphQL mutation). A run
 * reads its source as a stream, in passes, so its memory follows the batch in flight and the
 * rate window, never the number of users:
 *
 * 1. a file is read once to check it: a problem with the source itself (a missing column, a
 *    broken line, a dump missing pages) refuses it before anything is asked of the target;
 * 2. every user is planned before anything is written, a batch at a time: invalid or duplicated
 *    records are SKIPPED; the target is asked, as many values to a call as its filters take,
 *    who already holds each external id, e-mail and phone, and the answers go to the journal
 *    (a resume asks again only for users the journal has not settled); a user found under its
 *    own external id is ADOPTED (or, if it carries this run's stamp, CREATED), one whose e-mail
 *    or phone another user holds is a CONFLICT;
 * 3. refuses to write when anything was skipped or in conflict, unless partial runs are allowed;
 *    a dry run stops here, with every check made and nothing written;
 * 4. reads the source again and creates the users planned for it, with as many in flight as the
 *    rate budget and the observed latency need (pacer.ts), journaling `creating` before each
 *    create; an answer that may hide a create (timeout, reset, 5xx, "identifier exists") is
 *    resolved by looking the external id up, never by sending the create blindly again;
 * 5. writes the report as it goes, in source order (see report.ts).
 *
 * The same run started again (same source, same target) resumes: its journal and the lookups
 * make every user come out exactly once.
 */
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import { ProviderError, type ProviderErrorCode } from '../providers/errors.js';
import { operation } from '../providers/registry.js';
import type { CreateUserInput, Provider, User } from '../providers/types.js';
import { FingerprintSet } from './fingerprint-set.js';
import {
  JournalUnreadableError,
  OWN_OUTCOMES,
  RunLockedError,
  RunStore,
  type JournaledUser,
  type Lookup,
} from './journal.js';
import type { RunLock } from './lease.js';
import { lookUpTargets, type TargetMatches } from './lookup.js';
import { checkUser, emailKey, isRefusal, migrationRunOf, toCreateInput } from './mapping.js';
import { AdaptiveConcurrency, Pacer } from './pacer.js';
import { readUserReports, ReportWriter } from './report.js';
import {
  OUTCOMES,
  type MigrationProgress,
  type MigrationSettings,
  type MigrationSource,
  type MigrationState,
  type Outcome,
  type SourceRecord,
  type UserReport,
} from './types.js';

export const DEFAULT_SETTINGS: MigrationSettings = {
  dryRun: false,
  allowPartial: false,
  metadata: 'public',
  inactiveUsers: 'keep',
  // Clerk's development-instance budget: safe anywhere. Production instances allow 1000.
  rate: { requests: 100, intervalMs: 10_000 },
  concurrency: 64,
};

/** Answers after which the create may have happened upstream. */
const AMBIGUOUS: ReadonlySet<ProviderErrorCode> = new Set(['TIMEOUT', 'UNAVAILABLE', 'UPSTREAM_INVALID']);
const MAX_AMBIGUOUS_ATTEMPTS = 3;
const RATE_WINDOW_MS = 10_000;
/** This many first creates failing the same way is the instance refusing, not the users. */
export const DEFAULT_STOP_AFTER_SAME_FAILURES = 10;

export interface MigrationOptions {
  source: MigrationSource;
  target: Provider;
  /** A stable name of the target instance that reveals no key (e.g. a hash of URL and key). */
  targetIdentity: string;
  /** Where runs keep their journal and reports, one folder per run. */
  directory: string;
  settings?: Partial<MigrationSettings>;
  /** Stop (resumably) when this many first creates all fail with the same code. @default 10 */
  stopAfterSameFailures?: number;
  /** Run-level lines for an operator: ids, codes and counts only. */
  log?: (line: string) => void;
  /**
   * Takes the run's lease somewhere shared (Redis) instead of the lock file in its folder;
   * rejects with RunLockedError when another process holds it.
   */
  lease?: (runId: string) => Promise<RunLock>;
}

/** The same source into the same target is the same run: starting it again resumes it. */
export function migrationRunId(source: MigrationSource, targetIdentity: string): string {
  return createHash('sha256')
    .update(`${source.kind}\n${source.fingerprint}\n${targetIdentity}`)
    .digest('hex')
    .slice(0, 16);
}

interface Candidate {
  user: User;
  input: CreateUserInput;
}

/** One user as a pass sees it: its report line, and what is left to do for it. */
interface Planned {
  report: UserReport;
  candidate?: Candidate;
  /** `create`: not in the target yet; `follow-up`: this run's own, its ban or lock not applied yet. */
  action: 'none' | 'create' | 'follow-up';
}

/** Users planned together: one lookup call takes this many external ids, ten calls a batch. */
const PLAN_BATCH = 1_000;

/** A source that changed between two passes of the same run: its fingerprint no longer holds. */
class SourceChangedError extends Error {}

export class Migration {
  readonly runId: string;
  readonly settings: MigrationSettings;
  /** Settles when the run ends, whatever the end; never rejects. */
  readonly finished: Promise<MigrationProgress>;
  /** Report files written at the end, by name. */
  files: Record<string, string> = {};

  private state: MigrationState = 'PLANNING';
  private total = 0;
  private readonly counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  /** The users the current pass is working on, in source order, until their line is written. */
  private window: { report: UserReport; settled: boolean }[] = [];
  private writer: ReportWriter | undefined;
  private readonly startedAt = new Date();
  private finishedAt: Date | null = null;
  private error: string | null = null;
  private readonly warnings: string[] = [];
  private readonly finishTimes: number[] = [];
  /** Stops starting calls: a cancel, or a fatal error. */
  private readonly stop = new AbortController();
  /** Cuts calls already sent: only a fatal error (a cancel lets them finish). */
  private readonly inFlight = new AbortController();
  private cancelRequested = false;
  /** The codes of the first creates' failures, until one succeeds. */
  private readonly firstFailures: string[] = [];
  private firstCreateSucceeded = false;
  private stopReason: string | null = null;
  /** Every user of the source has an outcome from this attempt (the planning pass ended). */
  private planned = false;
  /** An earlier attempt of this run left a report, kept if this one ends with nothing to add. */
  private earlierReport = false;
  private readonly pacer: Pacer;
  private readonly listeners = new Set<(progress: MigrationProgress) => void>();

  constructor(private readonly options: MigrationOptions) {
    this.runId = migrationRunId(options.source, options.targetIdentity);
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    // Every call in flight listens on the run's signals.
    setMaxListeners(0, this.stop.signal);
    setMaxListeners(0, this.inFlight.signal);
    this.pacer = new Pacer(this.settings.rate);
    this.finished = this.execute();
  }

  get sourceKind(): MigrationSource['kind'] {
    return this.options.source.kind;
  }

  isRunning(): boolean {
    return this.finishedAt === null;
  }

  progress(): MigrationProgress {
    const counts = { ...this.counts };
    const done = OUTCOMES.reduce((sum, outcome) => sum + (outcome === 'PENDING' ? 0 : counts[outcome]), 0);
    const total = Math.max(this.total, done + counts.PENDING);
    const now = Date.now();
    const recent = this.finishTimes.filter((at) => now - at <= RATE_WINDOW_MS).length;
    const elapsed = Math.min(RATE_WINDOW_MS, now - this.startedAt.getTime()) / 1000;
    const usersPerSecond = elapsed > 0 ? recent / elapsed : 0;
    return {
      runId: this.runId,
      state: this.state,
      dryRun: this.settings.dryRun,
      total,
      done,
      counts,
      targetCalls: this.pacer.calls,
      usersPerSecond,
      etaSeconds: this.state === 'RUNNING' && usersPerSecond > 0 ? (total - done) / usersPerSecond : null,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      error: this.error,
      warnings: [...this.warnings],
    };
  }

  /**
   * Every user's line, in source order, once the run has ended (read back from its report);
   * while it runs, the users it is working on.
   */
  users(): readonly UserReport[] {
    if (this.isRunning()) return this.window.map((entry) => entry.report);
    return readUserReports(this.files['users.csv']);
  }

  /** Called on every change; returns the unsubscribe. */
  subscribe(listener: (progress: MigrationProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops starting creates; those in flight finish or are resolved by the next run. */
  cancel(): void {
    this.cancelRequested = true;
    this.stop.abort();
  }

  private changed(): void {
    if (this.listeners.size === 0) return;
    const progress = this.progress();
    for (const listener of this.listeners) listener(progress);
  }

  private log(line: string): void {
    this.options.log?.(`migration ${this.runId}: ${line}`);
  }

  private async execute(): Promise<MigrationProgress> {
    let store: RunStore | undefined;
    try {
      const { source, target, targetIdentity, directory, lease } = this.options;
      const lock = lease ? await lease(this.runId) : undefined;
      try {
        store = RunStore.open(
          directory,
          this.runId,
          {
            source: { kind: source.kind, fingerprint: source.fingerprint },
            target: { provider: target.name, identity: targetIdentity },
            settings: this.settings,
            startedAt: this.startedAt.toISOString(),
          },
          lock,
        );
      } catch (error) {
        lock?.release();
        throw error;
      }
      store.lock.onLost?.((reason) => this.leaseLost(reason));
      this.earlierReport = store.hasFile(`${this.settings.dryRun ? 'dry-run-' : ''}report.json`);
      this.log(`${this.settings.dryRun ? 'dry run' : 'run'} started, reading ${source.kind}`);
      // A live app has no file-level problems to find; a file is checked whole before it is used.
      if (source.kind !== 'PASSAGE_API') {
        const refusal = await this.check();
        if (refusal) return this.end('REFUSED', refusal);
      }
      if (!this.settings.dryRun) await this.proveAccess();
      const plan = await this.plan(store);
      this.planned = true;
      const counts = this.counts;
      this.log(
        `planned ${plan.toCreate} to create, ${counts.CREATED} done earlier, ${counts.ADOPTED} to adopt, ` +
          `${counts.SKIPPED} skipped, ${counts.CONFLICT} in conflict`,
      );
      if (this.settings.dryRun) return this.end('COMPLETED');
      const rejected = counts.SKIPPED + counts.CONFLICT;
      if (rejected > 0 && !this.settings.allowPartial) {
        return this.end(
          'REFUSED',
          `${counts.SKIPPED} users skipped and ${counts.CONFLICT} in conflict (see the report); nothing was ` +
            'written. Fix the source, or allow a partial run to migrate the others.',
        );
      }
      const overCap = await this.overInstanceCap(plan.toCreate);
      if (overCap) return this.end('REFUSED', overCap);
      if (plan.toCreate + plan.toFollowUp === 0) return this.end('COMPLETED');
      // The planning pass's report gives way to the one written as the users are created.
      this.writer?.discard();
      this.writer = new ReportWriter(store, false);
      this.state = 'RUNNING';
      this.changed();
      await this.createAll(store);
      if (this.stopReason) return this.end('STOPPED', this.stopReason);
      return this.end(this.cancelRequested ? 'CANCELLED' : 'COMPLETED');
    } catch (error) {
      if (this.cancelRequested) return this.end('CANCELLED');
      if (error instanceof RunLockedError || error instanceof JournalUnreadableError)
        return this.end('REFUSED', error.message);
      if (error instanceof SourceChangedError) return this.end('FAILED', error.message);
      // Only our own messages are shown: a provider's may quote a value (an e-mail in a filter).
      const message =
        error instanceof ProviderError
          ? error.provider === 'usergraph'
            ? error.message
            : `${error.provider} ${error.code}${error.upstreamCode ? ` (${error.upstreamCode})` : ''}`
          : `unexpected ${(error as Error)?.name ?? 'error'}`;
      if (!(error instanceof ProviderError)) this.options.log?.(String((error as Error)?.stack ?? error));
      return this.end('FAILED', message);
    } finally {
      if (store && this.keepsEarlierReport()) {
        this.writer?.discard();
        store.close();
      } else if (store) {
        // Users the pass had not written yet (it failed or stopped) are written as they stand.
        this.flushWindow(true);
        this.writer ??= new ReportWriter(store, this.settings.dryRun);
        this.files = this.writer.finish(this.progress());
        store.close();
      }
    }
  }

  /**
   * An attempt that ended before it had planned every user (a failure at its first read or a
   * lookup, a cancel) knows less than the earlier attempt's report: that report stays as it was.
   */
  private keepsEarlierReport(): boolean {
    return this.earlierReport && !this.planned;
  }

  private end(state: MigrationState, error: string | null = null): MigrationProgress {
    this.state = state;
    this.error = error;
    if (this.keepsEarlierReport())
      this.warnings.push(
        'this attempt ended before it had planned every user: the report of the earlier attempt was kept as it was',
      );
    this.finishedAt = new Date();
    const tally = Object.entries(this.counts)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${n} ${outcome.toLowerCase()}`);
    this.log(`${state.toLowerCase()}${error ? ` (${error})` : ''}: ${tally.join(', ') || 'no users read'}`);
    this.changed();
    return this.progress();
  }

  /**
   * Reads a file source through once, holding nothing of it: the reason it cannot be used, if
   * there is one (a problem in the file, or a declared total that disagrees with what it holds).
   */
  private async check(): Promise<string | null> {
    const problems: string[] = [];
    let declared: number | undefined;
    let read = 0;
    for await (const event of this.options.source.read(this.stop.signal)) {
      if ('record' in event) read += 1;
      else if ('problem' in event) problems.push(event.problem.message);
      else declared = event.declaredTotal;
    }
    this.total = read;
    if (problems.length > 0) {
      this.counts.PENDING = read;
      return `the source cannot be used as it is: ${problems.join('; ')}`;
    }
    if (declared !== undefined && declared !== read) {
      const gap = `the source says it holds ${declared} users but ${read} were read`;
      if (!this.settings.allowPartial) {
        this.counts.PENDING = read;
        return `${gap}: pages are missing or extra; nothing was written. Export again, or allow a partial run.`;
      }
      this.warnings.push(`${gap}; migrating what was read (partial run allowed)`);
    }
    return null;
  }

  /** One read of the target before anything else: a key it refuses fails the run in one call, even on a resume that needs no lookup. */
  private async proveAccess(): Promise<void> {
    const signal = this.stop.signal;
    await this.pacer.run(
      () => this.options.target.listUsers({}, { offset: 0, limit: 1 }, undefined, { signal }),
      signal,
    );
  }

  /**
   * The planning pass: every record screened, every candidate looked up (a batch at a time, the
   * answers journaled) and given its outcome, the report written as it goes.
   */
  private async plan(store: RunStore): Promise<{ toCreate: number; toFollowUp: number }> {
    const screen = new Screen(this.settings, this.options.target, this.runId);
    this.writer = new ReportWriter(store, this.settings.dryRun);
    const totals = { toCreate: 0, toFollowUp: 0 };
    let batch: Planned[] = [];
    /** Records skipped in the source wait in the batch too, so the report keeps source order. */
    let candidates = 0;
    const planBatch = async () => {
      const planned = batch;
      batch = [];
      candidates = 0;
      const lookups = await this.lookUp(planned, store);
      for (const entry of planned) {
        if (entry.candidate) {
          const journaled = store.user(entry.candidate.user.id);
          const lookup = lookups.get(entry.candidate.user.id) ?? journaled?.lookup;
          const { action } = this.classify(entry.report, journaled, lookup);
          if (action === 'create') totals.toCreate += 1;
          if (action === 'follow-up') totals.toFollowUp += 1;
        }
        this.counts[entry.report.outcome] += 1;
        this.writer!.write(entry.report);
      }
      this.changed();
    };
    const known = this.total;
    for await (const event of this.options.source.read(this.stop.signal)) {
      if (!('record' in event)) continue;
      const entry = screen.screen(event.record);
      // A live source's total is what has been read so far.
      if (known === 0) this.total = screen.read;
      batch.push(entry);
      if (entry.candidate) candidates += 1;
      if (candidates >= PLAN_BATCH || batch.length >= 10 * PLAN_BATCH) await planBatch();
    }
    if (batch.length > 0) await planBatch();
    if (known > 0 && screen.read !== known) {
      throw new SourceChangedError(
        `the source changed while it was read (${known} records, then ${screen.read}): nothing more was done`,
      );
    }
    this.total = screen.read;
    this.warnings.push(...screen.followUps());
    return totals;
  }

  /**
   * What the target holds for the batch's users the journal has not settled (asked, and
   * journaled on a real run); users it has settled are not asked again.
   */
  private async lookUp(planned: Planned[], store: RunStore): Promise<Map<string, Lookup>> {
    const users = planned.flatMap((entry) =>
      entry.candidate && !settledIn(store.user(entry.candidate.user.id)) ? [entry.candidate.user] : [],
    );
    const lookups = new Map<string, Lookup>();
    if (users.length === 0) return lookups;
    const matches = await lookUpTargets(
      this.options.target,
      this.pacer,
      {
        externalIds: users.map((user) => user.id),
        emails: users.flatMap((user) => (user.email ? [user.email] : [])),
        phones: users.flatMap((user) => (user.phone ? [user.phone] : [])),
      },
      this.stop.signal,
    );
    for (const user of users) {
      const existing = matches.byExternalId.get(user.id);
      const lookup: Lookup = {
        ...(existing ? { existing: existing.id, ours: this.isOurs(existing) } : {}),
        ...(user.email && matches.byEmail.has(emailKey(user.email))
          ? { emailHolder: matches.byEmail.get(emailKey(user.email))!.id }
          : {}),
        ...(user.phone && matches.byPhone.has(user.phone)
          ? { phoneHolder: matches.byPhone.get(user.phone)!.id }
          : {}),
      };
      lookups.set(user.id, lookup);
      // A dry run writes nothing a real run would trust: its lookups may be days old by then.
      if (!this.settings.dryRun) store.lookedUp(user.id, lookup);
    }
    return lookups;
  }

  /** A candidate's outcome from what the journal settled or the lookup found; what is left to do. */
  private classify(
    report: UserReport,
    journaled: JournaledUser | undefined,
    lookup: Lookup | undefined,
  ): Pick<Planned, 'action'> {
    const settled = settledIn(journaled);
    if (settled) {
      Object.assign(report, settled);
      return { action: 'none' };
    }
    const id = report.sourceId;
    if (lookup?.existing) {
      report.targetId = lookup.existing;
      if (!lookup.ours) {
        report.outcome = 'ADOPTED';
        return { action: 'none' };
      }
      report.outcome = 'CREATED';
      report.followUp = journaled?.finished?.followUp ?? null;
      // Created, but the run stopped (or gave up on an unclear answer, or its follow-up failed)
      // before it was done: the follow-up is tried again.
      const again = journaled?.finished?.outcome !== 'CREATED' && !this.settings.dryRun;
      return { action: again ? 'follow-up' : 'none' };
    }
    const holder = lookup?.emailHolder ?? lookup?.phoneHolder;
    if (holder) {
      const what = lookup?.emailHolder ? 'e-mail address' : 'phone number';
      Object.assign(report, {
        outcome: 'CONFLICT',
        code: lookup?.emailHolder ? 'EMAIL_TAKEN' : 'PHONE_TAKEN',
        message: `user ${id}: the ${what} belongs to target user ${holder}, which has another external id`,
      });
      return { action: 'none' };
    }
    if (this.settings.dryRun) report.outcome = 'WOULD_CREATE';
    return { action: 'create' };
  }

  /**
   * The creating pass: the source read again, each user planned to be created (or followed up)
   * sent to the queue as the budget allows, the report written in source order as users finish.
   */
  private async createAll(store: RunStore): Promise<void> {
    const inFlight = new AdaptiveConcurrency(this.settings.rate, this.settings.concurrency);
    const queue = new PQueue({ concurrency: inFlight.value });
    this.pacer.onAnswer = (ms) => inFlight.observe(ms);
    const screen = new Screen(this.settings, this.options.target, this.runId);
    const live = this.options.source.kind === 'PASSAGE_API';
    let fatal: unknown;
    try {
      // A file is read to its end whatever happens, so the report lists every user; a live
      // app stops being read when the run stops.
      for await (const event of this.options.source.read(live ? this.stop.signal : undefined)) {
        if (!('record' in event)) continue;
        const entry = screen.screen(event.record);
        const slot = { report: entry.report, settled: true };
        this.window.push(slot);
        if (entry.candidate) {
          const journaled = store.user(entry.candidate.user.id);
          const { action } = this.classify(entry.report, journaled, journaled?.lookup);
          if (action !== 'none' && !this.stop.signal.aborted) {
            slot.settled = false;
            const candidate = { ...entry.candidate, report: entry.report };
            const targetId = action === 'follow-up' ? (entry.report.targetId ?? undefined) : undefined;
            // Backpressure: the source is read only as fast as the creates go.
            await queue.onSizeLessThan(Math.max(16, this.settings.concurrency * 2));
            void queue.add(async () => {
              try {
                if (this.stop.signal.aborted) return;
                queue.concurrency = inFlight.value;
                await this.migrateOne(candidate, targetId, store);
              } catch (error) {
                // A stop asked for (a cancel, a refusing instance, a lost lease) cuts waits short.
                if (this.cancelRequested || this.stopReason) return;
                // One failure that is not about this user (bad credentials, a bug) stops the run.
                fatal ??= error;
                this.stop.abort();
                this.inFlight.abort();
              } finally {
                slot.settled = true;
                this.flushWindow(false);
              }
            });
          }
        }
        this.flushWindow(false);
      }
      if (screen.read !== this.total && !this.stop.signal.aborted) {
        throw new SourceChangedError(
          `the source changed while it was read (${this.total} records, then ${screen.read}): the report lists what was read`,
        );
      }
    } catch (error) {
      // A live source stopped being read with the run: the report lists the users read so far.
      if (!(live && this.stop.signal.aborted)) fatal ??= error;
      else
        this.warnings.push(
          `the run stopped reading Passage after ${screen.read} users: the report lists those`,
        );
    }
    await queue.onIdle();
    if (fatal) throw fatal;
  }

  /** Writes the lines of the window's finished users at its head; all of them when `all`. */
  private flushWindow(all: boolean): void {
    let at = 0;
    while (at < this.window.length && (all || this.window[at]!.settled)) {
      this.writer?.write(this.window[at]!.report);
      at += 1;
    }
    if (at > 0) this.window = this.window.slice(at);
  }

  /** Sets a user's outcome (and what goes with it), keeping the counts. */
  private settle(report: UserReport, fields: Partial<UserReport>): void {
    this.counts[report.outcome] -= 1;
    Object.assign(report, fields);
    this.counts[report.outcome] += 1;
  }

  private async migrateOne(
    candidate: Candidate & { report: UserReport },
    existingId: string | undefined,
    store: RunStore,
  ): Promise<void> {
    const { report, user } = candidate;
    const created = existingId ? { id: existingId, ours: true } : await this.create(candidate, store);
    if (created.id === null) {
      store.finished(user.id, {
        outcome: report.outcome,
        code: report.code ?? undefined,
        uncertain: created.uncertain,
      });
      this.userDone();
      return;
    }
    if (!created.ours) {
      // Another run or client created it between our plan and our create: theirs, left as is.
      this.settle(report, { outcome: 'ADOPTED', targetId: created.id });
      store.finished(user.id, { outcome: 'ADOPTED', target: created.id });
      this.userDone();
      return;
    }
    report.targetId = created.id;
    if (!existingId) store.created(user.id, created.id);
    const followUp = await this.followUp(user, created.id);
    this.settle(
      report,
      followUp.failed
        ? {
            followUp: followUp.done,
            outcome: 'CREATED_INCOMPLETE',
            code: followUp.failed,
            message: `user ${user.id}: created as ${created.id}, but its ${this.settings.inactiveUsers} failed (${followUp.failed}); a resume tries it again`,
          }
        : { followUp: followUp.done, outcome: 'CREATED', code: null, message: null },
    );
    if (followUp.failed) this.log(`${user.id} created_incomplete ${followUp.failed}`);
    store.finished(user.id, {
      outcome: report.outcome,
      target: created.id,
      code: report.code ?? undefined,
      followUp: report.followUp ?? undefined,
    });
    this.userDone();
  }

  /**
   * The new user's id (`ours`: this run's create made it), or null with the report saying why
   * there is none (`uncertain`: the create may have landed all the same).
   */
  private async create(
    candidate: Candidate & { report: UserReport },
    store: RunStore,
  ): Promise<{ id: string; ours: boolean } | { id: null; uncertain: boolean }> {
    const { report, user, input } = candidate;
    const signal = this.inFlight.signal;
    for (let attempt = 1; ; attempt += 1) {
      await store.creating(user.id);
      try {
        const created = await this.pacer.run(
          () => this.options.target.createUser(input, { signal }),
          this.stop.signal,
        );
        this.firstCreateSucceeded = true;
        return { id: created.id, ours: true };
      } catch (error) {
        if (!(error instanceof ProviderError) || error.code === 'ABORTED' || error.code === 'UNAUTHORIZED')
          throw error;
        const ambiguous = AMBIGUOUS.has(error.code);
        const identifierTaken = error.code === 'CONFLICT';
        if (ambiguous || identifierTaken) {
          const existing = await this.findByExternalId(user.id);
          // Ours only if it carries this run's stamp: an earlier create of ours landed after all.
          if (existing) return { id: existing.id, ours: this.isOurs(existing) };
          if (ambiguous && attempt < MAX_AMBIGUOUS_ATTEMPTS) continue;
        }
        const fields = error.fields.map((field) => field.field).join(', ');
        this.settle(report, {
          outcome: identifierTaken ? 'CONFLICT' : 'FAILED',
          code: identifierTaken ? 'IDENTIFIER_TAKEN' : error.code,
          // The provider's own message may quote the value; its code and field names do not.
          message:
            `user ${user.id}: ${error.provider} refused the create (${error.upstreamCode ?? error.code}` +
            `${fields ? `; ${fields}` : ''})`,
        });
        this.log(`${user.id} ${report.outcome.toLowerCase()} ${report.code}`);
        if (!identifierTaken) this.noteFirstFailure(error.upstreamCode ?? error.code);
        return { id: null, uncertain: ambiguous };
      }
    }
  }

  /** Part of a create in flight: a cancel lets it finish. */
  private async findByExternalId(externalId: string): Promise<User | undefined> {
    const signal = this.inFlight.signal;
    const page = await this.pacer.run(
      () =>
        this.options.target.listUsers({ externalIds: [externalId] }, { offset: 0, limit: 1 }, undefined, {
          signal,
        }),
      signal,
    );
    return page.items.find((user) => user.externalId === externalId);
  }

  /**
   * An inactive user banned or locked, when asked: what was applied, or the code of its failure
   * (`BAN_FAILED:UNSUPPORTED`), which does not undo the create but leaves the user incomplete.
   */
  private async followUp(user: User, targetId: string): Promise<{ done: string | null; failed?: string }> {
    const action = this.settings.inactiveUsers;
    if (user.status !== 'INACTIVE' || action === 'keep') return { done: null };
    // Part of a create already made: a cancel lets it finish.
    const signal = this.inFlight.signal;
    try {
      const apply = operation(this.options.target, action === 'ban' ? 'banUser' : 'lockUser');
      await this.pacer.run(() => apply(targetId, { signal }), signal);
      return { done: action === 'ban' ? 'BANNED' : 'LOCKED' };
    } catch (error) {
      if (!(error instanceof ProviderError) || error.code === 'ABORTED') throw error;
      return { done: null, failed: `${action.toUpperCase()}_FAILED:${error.code}` };
    }
  }

  /** Carries this run's stamp: made by this run's create, whatever the journal remembers. */
  private isOurs(user: User): boolean {
    return migrationRunOf(user) === this.runId;
  }

  /**
   * Counts the first creates' failures; once the first N all failed the same way, the instance
   * is refusing them all (a setting, a cap): the run stops rather than fail every user for hours.
   */
  private noteFirstFailure(code: string): void {
    if (this.firstCreateSucceeded || this.stopReason) return;
    this.firstFailures.push(code);
    const limit = this.options.stopAfterSameFailures ?? DEFAULT_STOP_AFTER_SAME_FAILURES;
    if (this.firstFailures.length < limit || new Set(this.firstFailures).size > 1) return;
    this.stopReason =
      `the first ${limit} creates all failed with ${code}: the Clerk instance refuses them (its settings, ` +
      'its plan or its user cap); nothing more was sent. Fix the instance, then start the same run again.';
    this.stop.abort();
  }

  /** Another process may be running this run now: this one starts nothing more, resumably. */
  private leaseLost(reason: string): void {
    this.stopReason ??= `${reason}; nothing more was sent. Start the same run again to resume it once no other process holds it.`;
    this.stop.abort();
  }

  /**
   * Null, or why the target instance cannot take this run's users: the cap its provider reports
   * (a Clerk development instance holds 100), against the users it holds and those to create.
   */
  private async overInstanceCap(toCreate: number): Promise<string | null> {
    if (toCreate === 0) return null;
    const signal = this.stop.signal;
    const { target } = this.options;
    const limits = await this.pacer.run(() => target.instanceLimits({ signal }), signal);
    const cap = limits.maxUsers;
    if (cap === null) return null;
    const present = await this.pacer.run(() => target.countUsers({}, { signal }), signal);
    const kind = limits.environment ? `a ${limits.environment} instance` : 'an instance';
    this.warnings.push(`the target is ${kind}: ${present} users present, at most ${cap}`);
    if (present + toCreate <= cap) return null;
    return (
      `the target is ${kind}, which holds at most ${cap} users: ` +
      `${present} are present and ${toCreate} would be created; nothing was written. ` +
      'Migrate into an instance without that cap (a production instance).'
    );
  }

  private userDone(): void {
    const now = Date.now();
    // Only the last window counts for the rate.
    while (this.finishTimes.length > 0 && now - this.finishTimes[0]! > RATE_WINDOW_MS)
      this.finishTimes.shift();
    this.finishTimes.push(now);
    this.changed();
  }
}

export function startMigration(options: MigrationOptions): Migration {
  return new Migration(options);
}

/** What the journal settled for a user, so a resume need not look it up again. */
function settledIn(journaled: JournaledUser | undefined): Partial<UserReport> | undefined {
  if (!journaled || journaled.deleted) return undefined;
  const { finished, targetId, lookup } = journaled;
  if (targetId && finished?.outcome === 'CREATED') {
    return { outcome: 'CREATED', targetId, followUp: finished.followUp ?? null };
  }
  if (targetId && finished?.outcome === 'ADOPTED') return { outcome: 'ADOPTED', targetId };
  // Someone else's user holds the external id: nothing of this run's can change that.
  if (lookup?.existing && !lookup.ours && !journaled.createSent) {
    return { outcome: 'ADOPTED', targetId: lookup.existing };
  }
  return undefined;
}

/**
 * A pass's first look at each record: its report line, and whether it can be created at all
 * (invalid records and duplicates in the source are SKIPPED). The same records in the same
 * order screen the same way in every pass. Remembers of each record only a fingerprint of its
 * id, e-mail and phone.
 */
class Screen {
  read = 0;
  private readonly seen = {
    ids: new FingerprintSet(),
    emails: new FingerprintSet(),
    phones: new FingerprintSet(),
  };
  private readonly tally = { passkeys: 0, social: 0, inactive: 0 };

  constructor(
    private readonly settings: MigrationSettings,
    private readonly target: Provider,
    private readonly runId: string,
  ) {}

  screen(record: SourceRecord): Planned {
    this.read += 1;
    const base = { position: record.position, targetId: null, followUp: null };
    if ('rejection' in record) {
      const { sourceId, code, message } = record.rejection;
      const report: UserReport = {
        ...base,
        sourceId,
        outcome: 'SKIPPED',
        code,
        message,
        passkeys: 0,
        socialProviders: [],
      };
      return { report, action: 'none' };
    }
    const { user } = record;
    const report: UserReport = {
      ...base,
      sourceId: user.id,
      outcome: 'PENDING',
      code: null,
      message: null,
      passkeys: user.devices?.length ?? 0,
      socialProviders: user.externalAccounts.map((account) => account.provider),
    };
    // Every record's id, e-mail and phone count as seen, valid or not.
    const refusal = duplicateIn(this.seen, user) ?? checkUser(user);
    const input =
      refusal ?? toCreateInput(user, this.settings.metadata, this.target.limits.maxMetadataBytes, this.runId);
    if (isRefusal(input)) {
      Object.assign(report, { outcome: 'SKIPPED', code: input.code, message: input.message });
      return { report, action: 'none' };
    }
    if ((user.devices?.length ?? 0) > 0) this.tally.passkeys += 1;
    if (user.externalAccounts.length > 0) this.tally.social += 1;
    if (user.status === 'INACTIVE') this.tally.inactive += 1;
    return { report, candidate: { user, input }, action: 'none' };
  }

  /** What people must do after the move, said before it starts. */
  followUps(): string[] {
    const { passkeys, social, inactive } = this.tally;
    return [
      passkeys &&
        `${passkeys} users had passkeys, which cannot move: each must sign in by e-mail code or link and enrol a new one (passkey-reenrolment.csv)`,
      social &&
        `${social} users signed in with a social provider: they link it again on their next social sign-in (social-relink.csv)`,
      inactive &&
        this.settings.inactiveUsers === 'keep' &&
        `${inactive} inactive Passage users become ordinary Clerk users (ban or lock them with the inactive-users option)`,
    ].filter((warning): warning is string => typeof warning === 'string');
  }
}

/** The second and later records with an id, e-mail or phone already seen in the source. */
function duplicateIn(
  seen: { ids: FingerprintSet; emails: FingerprintSet; phones: FingerprintSet },
  user: User,
): { code: string; message: string } | null {
  const email = user.email ? emailKey(user.email) : undefined;
  const clash =
    (!seen.ids.add(user.id) && 'id') ||
    (email !== undefined && !seen.emails.add(email) && 'e-mail address') ||
    (user.phone && !seen.phones.add(user.phone) && 'phone number');
  // What the clash cut short is still seen.
  if (email !== undefined) seen.emails.add(email);
  if (user.phone) seen.phones.add(user.phone);
  if (!clash) return null;
  return {
    code: 'DUPLICATE_IN_SOURCE',
    message: `user ${user.id}: its ${clash} appears earlier in the source`,
  };
}
