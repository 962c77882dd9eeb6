/**
 * What every upstream call of one GraphQL operation carries: a signal that aborts when the client
 * goes away or the operation's deadline passes, and the charge that counts the call against the
 * caller's budget. Built with the request's context, read by the loaders and resolvers as
 * `ctx.call`, handed on by the providers to the HTTP client.
 */
import { setMaxListeners } from 'node:events';
import type { Caller } from '../plugins/use-caller-auth.js';
import type { CallOptions, RequestObserver } from '../providers/types.js';
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

/** An operation's call options, and what ends them once the operation is done. */
export interface OperationCalls {
  call: CallOptions;
  /** Once the operation is done: its deadline timer and its listener on the request go. */
  end(): void;
}

export function upstreamCallOptions(
  budget: OperationBudget,
  request: Request,
  caller: Caller,
  /** The request's log line and metrics, told of each call and loader batch. */
  observer?: RequestObserver,
): OperationCalls {
  const started = performance.now();
  let release: (() => void) | undefined;
  let signal: AbortSignal | undefined;
  let ended = false;
  // Armed on the first upstream call, with what is left of the deadline counted from the start of
  // the operation: an operation served without any call (the user cache, a refused one) makes no
  // controller, timer or listener at all.
  const arm = (): AbortSignal => {
    const operation = new AbortController();
    // A call after the operation ended (none is expected) gets a signal with nothing to release.
    if (ended) return operation.signal;
    // Every upstream call of the operation listens to it, and a wide one makes hundreds.
    setMaxListeners(0, operation.signal);
    const clientLeft = () => operation.abort(request.signal.reason);
    if (request.signal.aborted) clientLeft();
    else request.signal.addEventListener('abort', clientLeft, { once: true });
    // A TimeoutError reason tells the HTTP client the deadline passed, not the client leaving.
    const deadline = setTimeout(
      () => operation.abort(new DOMException('the operation deadline passed', 'TimeoutError')),
      Math.max(0, budget.requestTimeoutMs - (performance.now() - started)),
    );
    deadline.unref();
    release = () => {
      clearTimeout(deadline);
      request.signal.removeEventListener('abort', clientLeft);
    };
    return operation.signal;
  };
  const key = budgetKeyOf(caller);
  const { callers } = budget;
  // One shape for every request, with no conditional spreads: this object is made per request,
  // and building it with spreads was a measurable part of a cached read (BENCHMARKS.md).
  const call: CallOptions = {
    get signal() {
      return (signal ??= arm());
    },
    charge: callers && key !== undefined ? () => callers.spend(key) : undefined,
    observer,
  };
  return {
    call,
    end() {
      ended = true;
      release?.();
      release = undefined;
    },
  };
}
