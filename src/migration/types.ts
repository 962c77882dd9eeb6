/**
 * The vocabulary of a migration: where users come from, what happened to each, and the progress
 * a CLI or a GraphQL subscription shows. Provider-neutral: a source yields domain `User`s.
 */
import type { User } from '../providers/types.js';

/** One record of a source, in source order: a user, or why the record cannot be one. */
export type SourceRecord =
  | { position: number; user: User }
  | { position: number; rejection: { sourceId: string | null; code: string; message: string } };

/** A problem with the whole source (a missing column, an unreadable file): nothing is written. */
export interface SourceProblem {
  code: string;
  message: string;
  column?: string;
}

/** One step of reading a source, in source order. */
export type SourceEvent =
  | { record: SourceRecord }
  /** The source cannot be used as it is: nothing is written. */
  | { problem: SourceProblem }
  /** How many users the source says it holds (a dump's `total_users`), when it says. */
  | { declaredTotal: number };

export type SourceKind = 'PASSAGE_API' | 'PASSAGE_JSON' | 'PASSAGE_CSV';

export interface MigrationSource {
  kind: SourceKind;
  /**
   * Stable across reads of the same source (a file's SHA-256, a live app's id): with the target
   * it names the run, so starting the same migration again resumes it.
   */
  fingerprint: string;
  /** Reads the source from its start, a record at a time; a run calls it once per pass. */
  read(signal?: AbortSignal): AsyncIterable<SourceEvent>;
}

/** What happened to one user. */
export type Outcome =
  /** Created in the target by this run. */
  | 'CREATED'
  /** Created by this run, but its follow-up (ban, lock) failed (`code` says how): retried on resume. */
  | 'CREATED_INCOMPLETE'
  /** Dry run: would be created. */
  | 'WOULD_CREATE'
  /** Already in the target under the same external id (created before this run): left as is. */
  | 'ADOPTED'
  /** Not migrated: the record is invalid or duplicated in the source (`code` says which). */
  | 'SKIPPED'
  /** Another target user holds the same e-mail or phone: nothing overwritten. */
  | 'CONFLICT'
  /** The target refused or failed the create (`code` is the provider's). */
  | 'FAILED'
  /** Not done yet: the run stopped before this user, or refused to start. */
  | 'PENDING';

export const OUTCOMES: readonly Outcome[] = [
  'CREATED',
  'CREATED_INCOMPLETE',
  'WOULD_CREATE',
  'ADOPTED',
  'SKIPPED',
  'CONFLICT',
  'FAILED',
  'PENDING',
];

/** One user's line in the report. Ids only: never an e-mail, phone or metadata value. */
export interface UserReport {
  /** The source provider's user id (null when the record had none). */
  sourceId: string | null;
  /** Line (CSV) or index (JSON) of the record in the source. */
  position: number;
  outcome: Outcome;
  /** The target user's id, once there is one. */
  targetId: string | null;
  /** Why the user was skipped, conflicted or failed, e.g. `EMAIL_TAKEN`, `RATE_LIMITED`. */
  code: string | null;
  /** A sentence for people, naming fields and ids only. */
  message: string | null;
  /** WebAuthn devices the user had: passkeys cannot move, so the user must enrol again. */
  passkeys: number;
  /** Social sign-ins (`google`, `apple`...) to link again in the target. */
  socialProviders: string[];
  /** A follow-up applied after the create (ban or lock of an inactive user), or its failure. */
  followUp: string | null;
}

export type MigrationState =
  | 'PLANNING'
  | 'RUNNING'
  | 'COMPLETED'
  | 'REFUSED'
  | 'FAILED'
  | 'CANCELLED'
  /** The first creates all failed the same instance-level way: resumable once the instance is fixed. */
  | 'STOPPED';

export interface MigrationProgress {
  runId: string;
  state: MigrationState;
  dryRun: boolean;
  total: number;
  /** Users with a final outcome so far. */
  done: number;
  counts: Record<Outcome, number>;
  /** Target calls made by this run so far (lookups, creates, follow-ups). */
  targetCalls: number;
  /** Users finished per second over the last 10 s. */
  usersPerSecond: number;
  /** Seconds left at the current rate, null until there is a rate. */
  etaSeconds: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** Why the run refused or failed, for people. */
  error: string | null;
  warnings: string[];
}

export type MetadataKind = 'public' | 'private' | 'unsafe';
export type InactiveUsers = 'keep' | 'ban' | 'lock';

export interface MigrationSettings {
  /** Every check against the real target, and nothing written to it. */
  dryRun: boolean;
  /** Migrate the valid users even when some are skipped or in conflict; otherwise refuse. */
  allowPartial: boolean;
  /** Which target metadata receives the source user's metadata. @default 'public' */
  metadata: MetadataKind;
  /** What an inactive source user becomes: kept active, banned or locked. @default 'keep' */
  inactiveUsers: InactiveUsers;
  /** This run's share of the target's request budget. */
  rate: { requests: number; intervalMs: number };
  /**
   * The most creates (or undo's deletes) in flight at once; within it, as many as the rate and
   * the observed latency need. @default 64
   */
  concurrency: number;
}
