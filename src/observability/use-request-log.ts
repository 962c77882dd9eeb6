/**
 * `useRequestLog({ log, finished })`: one log line per GraphQL request, at `info`, with the
 * request id (the caller's `x-request-id` when well-formed, else a new UUID, sent back in the
 * response header), the operation, the caller's key id or JWT `sub`, the duration, the upstream
 * calls it was estimated to make, the calls it made by provider, route template and status, per
 * provider the time it waited for the provider's budget and what was left of it, the error codes
 * and the outcome.
 */
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { Logger } from './logger.js';
import { recordOf, recordOfContext, startRecord, type RequestRecord } from './request.js';

export type Outcome = 'ok' | 'refused' | 'error';

export interface FinishedRequest {
  record: RequestRecord;
  status: number;
  outcome: Outcome;
  durationMs: number;
}

export function useRequestLog(options: {
  log: Logger;
  graphqlPath: string;
  /** Told of each finished GraphQL request, after its line is written (metrics, traces). */
  finished?: ((request: FinishedRequest) => void)[];
}): Plugin {
  return {
    instrumentation: {
      // Around yoga's whole handling, so a request refused by an earlier plugin has a record too.
      request({ request }, wrapped) {
        startRecord(request);
        return wrapped();
      },
    },
    onExecute({ args }) {
      const record = recordOfContext(args.contextValue);
      if (!record) return;
      const operation = getOperationAST(args.document, args.operationName);
      record.kind = operation?.operation;
      record.operation = operation?.name?.value ?? `anonymous ${operation?.operation ?? 'operation'}`;
      const caller = (args.contextValue as Partial<Context>).caller;
      record.caller = caller?.subject ?? caller?.kind;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          for (const error of (result as ExecutionResult).errors ?? []) {
            record.errors.add(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          }
        },
      };
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      if (new URL(request.url).pathname !== options.graphqlPath) return;
      // GraphiQL's page is not an operation.
      if (record.operation === undefined && response.status < 400) return;
      const durationMs = Math.round(performance.now() - record.started);
      const outcome = outcomeOf(response.status, record.errors);
      options.log.info(
        {
          requestId: record.id,
          operation: record.operation ?? null,
          kind: record.kind,
          caller: record.caller ?? null,
          status: response.status,
          outcome,
          errors: record.errors.size > 0 ? [...record.errors] : undefined,
          durationMs,
          estimatedCalls: record.estimatedCalls,
          upstream: {
            calls: record.upstream.calls,
            retries: record.upstream.retries,
            byRoute: [...record.upstream.byRoute.values()],
            byProvider: [...record.upstream.byProvider.values()],
          },
        },
        'operation',
      );
      for (const listener of options.finished ?? []) {
        listener({ record, status: response.status, outcome, durationMs });
      }
    },
  };
}

function outcomeOf(status: number, errors: ReadonlySet<string>): Outcome {
  if (status === 401 || status === 403 || errors.has('UNAUTHENTICATED') || errors.has('FORBIDDEN')) {
    return 'refused';
  }
  return status >= 400 || errors.size > 0 ? 'error' : 'ok';
}
