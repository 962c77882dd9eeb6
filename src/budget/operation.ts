/**
 * What every upstream call of one GraphQL operation carries: a signal that aborts when the client
 * goes away or the operation's deadline passes, and the charge that counts the call against the
 * caller's budget. Built with the request's context, read by the loaders and resolvers as
 * `ctx.call`, handed on by the providers to the HTTP client.
 */
import { setMaxListeners } from 'node:events';
import type { Caller } from '../plugins/use-caller-auth.js';
import type { CallOptions } from '../providers/types.js';
import type { CallerBudget } from './caller-budget.js';

export interface OperationBudget {
  /** Per-caller upstream calls; undefined when no caller is told apart from another. */
  callers: CallerBudget | undefined;
  /** How long an operation may run before its unfinished fields fail TIMEOUT. */
  requestTimeoutMs: number;
}

/**
 * Whose budget a request spends: an API key or a JWT `sub`. Open and gateway modes tell no caller
 * apart, so their one caller is all the traffic and only the provider budget applies.
 */
export function budgetKeyOf(caller: Caller): string | undefined {
  if (caller.kind === 'apiKey') return `key:${caller.subject ?? ''}`;
  if (caller.kind === 'jwt') return `jwt:${caller.subject ?? ''}`;
  return undefined;
}

export function upstreamCallOptions(budget: OperationBudget, request: Request, caller: Caller): CallOptions {
  // A TimeoutError reason tells the HTTP client the deadline passed, not the client leaving.
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(budget.requestTimeoutMs)]);
  // Every upstream call of the operation listens to it, and a wide one makes hundreds.
  setMaxListeners(0, signal);
  const key = budgetKeyOf(caller);
  const { callers } = budget;
  return callers && key !== undefined ? { signal, charge: () => callers.spend(key) } : { signal };
}
