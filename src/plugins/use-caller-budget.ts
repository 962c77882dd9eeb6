/**
 * `useCallerBudget(budget)`: a caller whose window of upstream calls is spent is refused a new
 * operation before it executes, with `RATE_LIMITED`, HTTP 429, a `Retry-After` header and
 * `extensions.retryAfter` (seconds); other callers go on. Calls are counted as they are made,
 * by the charge every upstream call of the operation carries (src/budget/operation.ts), so an
 * operation that spends the rest of the window mid-way has its remaining fields fail the same
 * way. Without a budget (open and gateway modes tell no caller apart) it does nothing.
 */
import type { Plugin } from 'graphql-yoga';
import { callerBudgetSpent, type CallerBudget } from '../budget/caller-budget.js';
import { budgetKeyOf } from '../budget/operation.js';
import type { Context } from '../context.js';
import { graphQLErrorFor } from '../schema/graphql-error.js';

export function useCallerBudget(budget: CallerBudget | undefined): Plugin<Context> {
  if (!budget) return {};
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const key = budgetKeyOf(args.contextValue.caller);
      if (key === undefined) return;
      const waitMs = await budget.retryAfterMs(key);
      if (waitMs === 0) return;
      const error = graphQLErrorFor(callerBudgetSpent(budget.rate, waitMs));
      const http = error.extensions.http as { headers: Record<string, string> };
      error.extensions.http = { ...http, status: 429 };
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
