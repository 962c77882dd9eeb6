/**
 * The migration engine behind both faces (`npm run migrate` and the GraphQL mutation). A run:
 *
 * 1. reads the whole source; a problem with the source itself (a missing column) refuses it;
 * 2. plans every user before writing anything: invalid or duplicated records are SKIPPED; the
 *    target is asked, as many values to a call as its filters take, who already holds each
 *    external id, e-mail and phone; a user found under its own external id is ADOPTED (or, if
 *    this run's journal sent its create, taken as CREATED), one whose e-mail or phone another
 *    user holds is a CONFLICT;
 * 3. refuses to write when anything was skipped or in conflict, unless partial runs are allowed;
 *    a dry run stops here, with every check made and nothing written;
 * 4. creates the rest with as many in flight as the rate budget and the observed latency need
 *    (pacer.ts), within the budget, journaling `creating` before each
 *    create; an answer that may hide a create (timeout, reset, 5xx, "identifier exists") is
 *    resolved by looking the external id up, never by sending the create blindly again;
 * 5. writes the report (see report.ts).
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
import { JournalUnreadableError, OWN_OUTCOMES, RunLockedError, RunStore } from './journal.js';
import type { RunLock } from './lease.js';
import { lookUpTargets, type TargetMatches } from './lookup.js';
import { checkUser, emailKey, isRefusal, migrationRunOf, toCreateInput } from './mapping.js';
import { AdaptiveConcurrency, Pacer } from './pacer.js';
import { writeReports } from './report.js';
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
/** A Clerk development instance holds at most this many users (clerk/cli's import checks). */
export const DEVELOPMENT_INSTANCE_USER_CAP = 100;
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
  /** The target is a development instance (a Clerk `sk_test_` key): capped in users. */
  targetIsDevelopment?: boolean;
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

/**
 * A Clerk development instance: an `sk_test_` key on Clerk's own API. The same key prefix on
 * another host (the emulator, a rehearsal) is not capped.
 */
export function isClerkDevelopmentInstance(apiUrl: string, secretKey: string): boolean {
  return secretKey.startsWith('sk_test_') && new URL(apiUrl).hostname.endsWith('.clerk.com');
}

/** A stable name for a provider instance that reveals nothing of its key. */
export function instanceIdentity(apiUrl: string, key: string): string {
  return createHash('sha256').update(`${apiUrl}\n${key}`).digest('hex').slice(0, 16);
}

/** The same source into the same target is the same run: starting it again resumes it. */
export function migrationRunId(source: MigrationSource, targetIdentity: string): string {
  return createHash('sha256')
    .update(`${source.kind}\n${source.fingerprint}\n${targetIdentity}`)
    .digest('hex')
    .slice(0, 16);
}

interface Candidate {
  report: UserReport;
  user: User;
  input: CreateUserInput;
  /** Set when the user already exists as this run's own and only its follow-up is left. */
  targetId?: string;
}

export class Migration {
  readonly runId: string;
  readonly settings: MigrationSettings;
  /** Settles when the run ends, whatever the end; never rejects. */
  readonly finished: Promise<MigrationProgress>;
  /** Report files written at the end, by name. */
  files: Record<string, string> = {};

  private state: MigrationState = 'PLANNING';
  private reports: UserReport[] = [];
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
  private readonly pacer: Pacer;
  private readonly listeners = new Set<(progress: MigrationProgress) => void>();

  constructor(private readonly options: MigrationOptions) {
    this.runId = migrationRunId(options.source, options.targetIdentity);
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    // Every call in flight listens on the run's signals.
    setMaxListeners(0, this.stop.signal);
    setMaxListeners(0, this.inFlight.signal);
    this.pacer = new Pacer(this.settings.rate, this.stop.signal);
    this.finished = this.execute();
  }

  get sourceKind(): MigrationSource['kind'] {
    return this.options.source.kind;
  }

  isRunning(): boolean {
    return this.finishedAt === null;
  }

  progress(): MigrationProgress {
    const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
    for (const report of this.reports) counts[report.outcome] += 1;
    const total = this.reports.length;
    const done = total - counts.PENDING;
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

  /** Every user's line so far, in source order. */
  users(): readonly UserReport[] {
    return this.reports;
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
      this.log(`${this.settings.dryRun ? 'dry run' : 'run'} started, reading ${source.kind}`);
      const contents = await source.read(this.stop.signal);
      this.reports = contents.records.map(initialReport);
      this.changed();
      if (contents.problems.length > 0) {
        return this.end(
          'REFUSED',
          `the source cannot be used as it is: ${contents.problems.map((p) => p.message).join('; ')}`,
        );
      }
      const read = contents.records.length;
      if (contents.declaredTotal !== undefined && contents.declaredTotal !== read) {
        const gap = `the source says it holds ${contents.declaredTotal} users but ${read} were read`;
        if (!this.settings.allowPartial) {
          return this.end(
            'REFUSED',
            `${gap}: pages are missing or extra; nothing was written. Export again, or allow a partial run.`,
          );
        }
        this.warnings.push(`${gap}; migrating what was read (partial run allowed)`);
      }
      const candidates = this.validate(contents.records);
      const matches = await this.lookUp(candidates.map((c) => c.user));
      const toCreate = this.classify(candidates, matches, store);
      this.warnings.push(
        ...followUpsFor(
          candidates.map((c) => c.user),
          this.settings,
        ),
      );
      const counts = this.progress().counts;
      this.log(
        `planned ${toCreate.length} to create, ${counts.CREATED} done earlier, ${counts.ADOPTED} to adopt, ` +
          `${counts.SKIPPED} skipped, ${counts.CONFLICT} in conflict`,
      );
      const rejected = counts.SKIPPED + counts.CONFLICT;
      if (this.settings.dryRun) {
        for (const candidate of toCreate) candidate.report.outcome = 'WOULD_CREATE';
        return this.end('COMPLETED');
      }
      if (rejected > 0 && !this.settings.allowPartial) {
        return this.end(
          'REFUSED',
          `${counts.SKIPPED} users skipped and ${counts.CONFLICT} in conflict (see the report); nothing was ` +
            'written. Fix the source, or allow a partial run to migrate the others.',
        );
      }
      const overCap = await this.overDevelopmentCap(toCreate.filter((c) => !c.targetId).length);
      if (overCap) return this.end('REFUSED', overCap);
      this.state = 'RUNNING';
      this.changed();
      await this.createAll(toCreate, store);
      if (this.stopReason) return this.end('STOPPED', this.stopReason);
      return this.end(this.cancelRequested ? 'CANCELLED' : 'COMPLETED');
    } catch (error) {
      if (this.cancelRequested) return this.end('CANCELLED');
      if (error instanceof RunLockedError || error instanceof JournalUnreadableError)
        return this.end('REFUSED', error.message);
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
      if (store) {
        this.files = writeReports(store, this.progress(), this.reports);
        store.close();
      }
    }
  }

  private end(state: MigrationState, error: string | null = null): MigrationProgress {
    this.state = state;
    this.error = error;
    this.finishedAt = new Date();
    const { counts } = this.progress();
    const tally = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${n} ${outcome.toLowerCase()}`);
    this.log(`${state.toLowerCase()}${error ? ` (${error})` : ''}: ${tally.join(', ') || 'no users read'}`);
    this.changed();
    return this.progress();
  }

  /** Records the source refused, invalid users and duplicates in the source become SKIPPED. */
  private validate(records: SourceRecord[]): Candidate[] {
    const seen = { ids: new Set<string>(), emails: new Set<string>(), phones: new Set<string>() };
    const candidates: Candidate[] = [];
    records.forEach((record, i) => {
      const report = this.reports[i]!;
      if (!('user' in record)) return;
      const { user } = record;
      // Every record's id, e-mail and phone count as seen, valid or not.
      const refusal = duplicateIn(seen, user) ?? checkUser(user);
      const input =
        refusal ??
        toCreateInput(user, this.settings.metadata, this.options.target.limits.maxMetadataBytes, this.runId);
      if (isRefusal(input)) {
        Object.assign(report, { outcome: 'SKIPPED', code: input.code, message: input.message });
        return;
      }
      candidates.push({ report, user, input });
    });
    return candidates;
  }

  private lookUp(users: User[]): Promise<TargetMatches> {
    return lookUpTargets(
      this.options.target,
      this.pacer,
      {
        externalIds: users.map((user) => user.id),
        emails: users.flatMap((user) => (user.email ? [user.email] : [])),
        phones: users.flatMap((user) => (user.phone ? [user.phone] : [])),
      },
      this.stop.signal,
    );
  }

  /** Settles what the target already knows; returns the users left to create (or follow up). */
  private classify(candidates: Candidate[], matches: TargetMatches, store: RunStore): Candidate[] {
    const toCreate: Candidate[] = [];
    for (const candidate of candidates) {
      const { report, user } = candidate;
      const journaled = store.user(user.id);
      const existing = matches.byExternalId.get(user.id);
      if (existing) {
        report.targetId = existing.id;
        if (this.isOurs(existing)) {
          report.outcome = 'CREATED';
          report.followUp = journaled?.finished?.followUp ?? null;
          // Created, but the run stopped (or gave up on an unclear answer, or its follow-up
          // failed) before it was done: the follow-up is tried again.
          if (journaled?.finished?.outcome !== 'CREATED' && !this.settings.dryRun) {
            toCreate.push({ ...candidate, targetId: existing.id });
          }
        } else {
          report.outcome = 'ADOPTED';
        }
        continue;
      }
      const emailHolder = user.email ? matches.byEmail.get(emailKey(user.email)) : undefined;
      const phoneHolder = user.phone ? matches.byPhone.get(user.phone) : undefined;
      const holder = emailHolder ?? phoneHolder;
      if (holder) {
        const what = emailHolder ? 'e-mail address' : 'phone number';
        Object.assign(report, {
          outcome: 'CONFLICT',
          code: emailHolder ? 'EMAIL_TAKEN' : 'PHONE_TAKEN',
          message: `user ${user.id}: the ${what} belongs to target user ${holder.id}, which has another external id`,
        });
        continue;
      }
      toCreate.push(candidate);
    }
    this.changed();
    return toCreate;
  }

  private async createAll(candidates: Candidate[], store: RunStore): Promise<void> {
    const inFlight = new AdaptiveConcurrency(this.settings.rate, this.settings.concurrency);
    const queue = new PQueue({ concurrency: inFlight.value });
    this.pacer.onAnswer = (ms) => inFlight.observe(ms);
    let fatal: unknown;
    for (const candidate of candidates) {
      void queue.add(async () => {
        if (this.stop.signal.aborted) return;
        queue.concurrency = inFlight.value;
        try {
          await this.migrateOne(candidate, store);
        } catch (error) {
          if (this.cancelRequested) return;
          // One failure that is not about this user (bad credentials, a bug) stops the run.
          fatal ??= error;
          this.stop.abort();
          this.inFlight.abort();
        }
      });
    }
    await queue.onIdle();
    if (fatal) throw fatal;
  }

  private async migrateOne(candidate: Candidate, store: RunStore): Promise<void> {
    const { report, user } = candidate;
    const created = candidate.targetId
      ? { id: candidate.targetId, ours: true }
      : await this.create(candidate, store);
    if (created.id === null) {
      store.finished(user.id, {
        outcome: report.outcome,
        code: report.code ?? undefined,
        uncertain: created.uncertain,
      });
      this.userDone();
      return;
    }
    report.targetId = created.id;
    if (!created.ours) {
      // Another run or client created it between our plan and our create: theirs, left as is.
      report.outcome = 'ADOPTED';
      store.finished(user.id, { outcome: 'ADOPTED', target: created.id });
      this.userDone();
      return;
    }
    if (!candidate.targetId) store.created(user.id, created.id);
    const followUp = await this.followUp(user, created.id);
    report.followUp = followUp.done;
    Object.assign(
      report,
      followUp.failed
        ? {
            outcome: 'CREATED_INCOMPLETE',
            code: followUp.failed,
            message: `user ${user.id}: created as ${created.id}, but its ${this.settings.inactiveUsers} failed (${followUp.failed}); a resume tries it again`,
          }
        : { outcome: 'CREATED', code: null, message: null },
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
    candidate: Candidate,
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
        Object.assign(report, {
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

  /** Null, or why a development instance cannot take this run's users. */
  private async overDevelopmentCap(toCreate: number): Promise<string | null> {
    if (!this.options.targetIsDevelopment || toCreate === 0) return null;
    const present = await this.pacer.run(
      () => this.options.target.countUsers({}, { signal: this.stop.signal }),
      this.stop.signal,
    );
    const cap = DEVELOPMENT_INSTANCE_USER_CAP;
    this.warnings.push(
      `the target is a development instance (sk_test_ key): ${present} users present, at most ${cap}`,
    );
    if (present + toCreate <= cap) return null;
    return (
      `the target is a development instance (an sk_test_ key), which holds at most ${cap} users: ` +
      `${present} are present and ${toCreate} would be created; nothing was written. ` +
      'Migrate into a production instance (an sk_live_ key).'
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

function initialReport(record: SourceRecord): UserReport {
  const base = { position: record.position, targetId: null, followUp: null };
  if ('rejection' in record) {
    return {
      ...base,
      sourceId: record.rejection.sourceId,
      outcome: 'SKIPPED',
      code: record.rejection.code,
      message: record.rejection.message,
      passkeys: 0,
      socialProviders: [],
    };
  }
  const { user } = record;
  return {
    ...base,
    sourceId: user.id,
    outcome: 'PENDING',
    code: null,
    message: null,
    passkeys: user.devices?.length ?? 0,
    socialProviders: user.externalAccounts.map((account) => account.provider),
  };
}

/** What people must do after the move, said before it starts. */
function followUpsFor(users: User[], settings: MigrationSettings): string[] {
  const count = (test: (user: User) => boolean) => users.filter(test).length;
  const passkeys = count((user) => (user.devices?.length ?? 0) > 0);
  const social = count((user) => user.externalAccounts.length > 0);
  const inactive = count((user) => user.status === 'INACTIVE');
  return [
    passkeys &&
      `${passkeys} users had passkeys, which cannot move: each must sign in by e-mail code or link and enrol a new one (passkey-reenrolment.csv)`,
    social &&
      `${social} users signed in with a social provider: they link it again on their next social sign-in (social-relink.csv)`,
    inactive &&
      settings.inactiveUsers === 'keep' &&
      `${inactive} inactive Passage users become ordinary Clerk users (ban or lock them with the inactive-users option)`,
  ].filter((warning): warning is string => typeof warning === 'string');
}

/** The second and later records with an id, e-mail or phone already seen in the source. */
function duplicateIn(
  seen: { ids: Set<string>; emails: Set<string>; phones: Set<string> },
  user: User,
): { code: string; message: string } | null {
  const email = user.email ? emailKey(user.email) : undefined;
  const clash =
    (seen.ids.has(user.id) && 'id') ||
    (email && seen.emails.has(email) && 'e-mail address') ||
    (user.phone && seen.phones.has(user.phone) && 'phone number');
  seen.ids.add(user.id);
  if (email) seen.emails.add(email);
  if (user.phone) seen.phones.add(user.phone);
  if (!clash) return null;
  return {
    code: 'DUPLICATE_IN_SOURCE',
    message: `user ${user.id}: its ${clash} appears earlier in the source`,
  };
}
