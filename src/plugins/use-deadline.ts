/**
 * `useDeadline()`: an operation's deadline (`USERGRAPH_REQUEST_TIMEOUT_MS`) is armed with its
 * context (src/budget/operation.ts: every upstream call's signal aborts when it passes) and
 * disarmed here when execution is done, so a finished request leaves no timer behind.
 */
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

const deadline: Plugin<Context> = {
  onExecute: () => ({
    onExecuteDone: ({ args }) => {
      // Optional: a context made outside createContext (a test's, a gateway's) has no calls to end.
      args.contextValue?.endCalls?.();
    },
  }),
};

export function useDeadline(): Plugin<Context> {
  return deadline;
}
