/**
 * What every resolver receives: who is calling, the providers, and loaders made for this request
 * alone.
 */
import { createLoaders, type Loaders } from './loaders/index.js';
import type { MigrationManager } from './migration/manager.js';
import type { Caller } from './plugins/use-caller-auth.js';
import type { Limits } from './plugins/use-limits.js';
import type { ProviderRegistry } from './providers/registry.js';
import type { AttemptBudget } from './security/attempt-budget.js';
import type { UserChanges } from './webhooks/user-changes.js';

export interface Context {
  /** Who is calling and with which scopes, as `useCallerAuth` decided for this request. */
  caller: Caller;
  providers: ProviderRegistry;
  loaders: Loaders;
  /** Aborted when the client goes away; passed to every upstream call. */
  signal: AbortSignal | undefined;
  /** The query cost ceiling the schema's complexity check applies. */
  limits: Pick<Limits, 'maxComplexity'>;
  /** Password and TOTP guesses per user, shared by every request to this process. */
  verifyAttempts: AttemptBudget;
  /** Passage → Clerk migrations started through this process. */
  migrations: MigrationManager;
  /** The cross-request user cache and the `userChanged` feed, shared by every request. */
  changes: UserChanges;
}

/** What lives as long as the server: the providers, the limits, the guess budget, the migrations. */
export type ServerScope = Pick<Context, 'providers' | 'limits' | 'verifyAttempts' | 'migrations' | 'changes'>;

export function createContext(server: ServerScope, request: Request, caller: Caller): Context {
  return {
    ...server,
    caller,
    loaders: createLoaders(server.providers, request.signal, server.changes),
    signal: request.signal,
  };
}
