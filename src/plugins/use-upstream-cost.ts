/**
 * `useUpstreamCost({ maxCalls })`: an operation that could make more than `maxCalls` provider
 * calls (USERGRAPH_MAX_UPSTREAM_CALLS) is refused before any of them, with
 * `UPSTREAM_COST_TOO_HIGH` naming the estimate and the limit. The estimate is the one the schema
 * declares field by field (src/schema/cost.ts, src/schema/estimate.ts), `_entities` included.
 * A request with the header `X-Usergraph-Cost: 1` gets the estimate back in
 * `extensions.cost.estimatedCalls`.
 */
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { recordOf } from '../observability/request.js';
import { estimateUpstreamCalls } from '../schema/estimate.js';

export interface UpstreamCostOptions {
  /** The most provider calls one operation may make (`Limits.maxUpstreamCalls`). */
  maxCalls: number;
}

/** The request header that asks for the estimate in the response's extensions. */
export const COST_HEADER = 'x-usergraph-cost';

export function useUpstreamCost({ maxCalls }: UpstreamCostOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context & { request?: Request };
      const estimatedCalls = estimateUpstreamCalls(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues,
        ctx.providers,
      );
      if (estimatedCalls === undefined) return;
      const record = recordOf(ctx.request);
      if (record) record.estimatedCalls = estimatedCalls;
      if (estimatedCalls > maxCalls) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `this operation could make ${estimatedCalls} upstream calls, more than the ${maxCalls} allowed: ask for smaller pages, fewer users or fewer aliases`,
              { extensions: { code: 'UPSTREAM_COST_TOO_HIGH', estimatedCalls, maxCalls } },
            ),
          ],
        });
        return;
      }
      if (ctx.request?.headers.get(COST_HEADER) !== '1') return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, cost: { estimatedCalls, maxCalls } } });
        },
      };
    },
  };
}
