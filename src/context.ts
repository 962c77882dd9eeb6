/**
 * What every resolver receives: who is calling, the providers, and loaders made for this request
 * alone.
 */
import { upstreamCallOptions, type OperationBudget } from './budget/operation.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { observerOf } from './observability/request.js';
import type { MigrationManager } from './migration/manager.js';
import type { Caller } from './plugins/use-caller-auth.js';
import type { Limits } from './plugins/use-limits.js';
import type { ProviderRegistry } from './providers/registry.js';
import type { CallOptions } from './providers/types.js';
import type { GuessBudget } from './security/attempt-budget.js';
import type { UserChanges } from './webhooks/user-changes.js';

export interface Context {
  /** Who is calling and with which scopes, as `useCallerAuth` decided for this request. */
  caller: Caller;
  providers: ProviderRegistry;
  loaders: Loaders;
  /** Aborted when the client goes away: what a subscription listens to. */
  signal: AbortSignal | undefined;
  /**
   * What every upstream call of this operation is given: a signal aborted when the client goes
   * away or the deadline passes, and the charge to the caller's budget.
   */
  call: CallOptions;
  /** Ends `call` once the operation is done (useDeadline): its deadline timer and listener go. */
  endCalls(): void;
  /** The caller budget and the deadline every operation of this server meets. */
  budget: OperationBudget;
  /** The query cost ceiling the schema's complexity check applies. */
  limits: Pick<Limits, 'maxComplexity'>;
  /** Password and TOTP guesses per user, shared by every request (and every replica with Redis). */
  verifyAttempts: GuessBudget;
  /** Passage → Clerk migrations started through this process. */
  migrations: MigrationManager;
  /** The cross-request user cache and the `userChanged` feed, shared by every request. */
  changes: UserChanges;
}

/**
 * What lives as long as the server: the providers, the limits, the guess budget, the migrations,
 * the upstream budget, the user cache and its change feed.
 */
export type ServerScope = Pick<
  Context,
  'providers' | 'limits' | 'verifyAttempts' | 'migrations' | 'budget' | 'changes'
>;

export function createContext(server: ServerScope, request: Request, caller: Caller): Context {
  const { call, end } = upstreamCallOptions(server.budget, request, caller, observerOf(request));
  // Named one by one rather than spread: one literal shape, made for every request.
  return {
    providers: server.providers,
    limits: server.limits,
    verifyAttempts: server.verifyAttempts,
    migrations: server.migrations,
    budget: server.budget,
    changes: server.changes,
    caller,
    call,
    endCalls: end,
    loaders: createLoaders(server.providers, call, server.changes),
    signal: request.signal,
  };
}
