/**
 * The audit trail: one line per mutation attempted, with `"audit": true`, the request id, the
 * caller (key id or JWT `sub`), the action, the target (user id and provider, or migration run),
 * and the outcome: `done`, `refused` with the reason (`FORBIDDEN`), or `failed` with the code.
 * Lines go to the log on stdout and, with `USERGRAPH_AUDIT_LOG`, are appended to that file too.
 *
 * `useAudit(trail)` wraps the resolvers of the Mutation type once, so a mutation declared
 * anywhere is audited without a line of its own; the wrapper finds its trail through the
 * request's record, so two servers in one process (tests) never write to each other's trail.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { ProviderError } from '../providers/errors.js';
import type { AuditEntry, AuditTrail } from './audit-trail.js';
import { recordOfContext } from './request.js';

export { createAuditTrail, type AuditEntry, type AuditTrail } from './audit-trail.js';

export function useAudit(trail: AuditTrail): Plugin {
  return {
    onSchemaChange({ schema }) {
      auditMutations(schema);
    },
    onExecute({ args }) {
      const record = recordOfContext(args.contextValue);
      if (record) record.audit = (entry) => trail.write(entry);
    },
  };
}

const AUDITED = Symbol.for('usergraph.audited');

function auditMutations(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const marked = field as typeof field & { [AUDITED]?: true };
    if (marked[AUDITED]) continue;
    field.resolve = audited(field.resolve ?? defaultFieldResolver);
    marked[AUDITED] = true;
  }
}

function audited(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return async (root, args, ctx, info) => {
    const record = recordOfContext(ctx);
    const write = record?.audit;
    if (!record || !write) return resolve(root, args, ctx, info);
    const base = {
      requestId: record.id,
      caller: record.caller,
      action: info.fieldName,
      ...target(args, ctx),
    };
    try {
      const result: unknown = await resolve(root, args, ctx, info);
      const typed = typedError(result);
      if (typed) write({ ...base, outcome: 'failed', code: typed });
      else write({ ...base, outcome: 'done', ...migrationCounts(result) });
      return result;
    } catch (error) {
      const code = codeOf(error);
      const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
      write({ ...base, outcome: refused ? 'refused' : 'failed', code });
      throw error;
    }
  };
}

/** The user (and their provider) or the migration run the mutation names; never its other input. */
function target(args: Record<string, unknown>, ctx: Context): AuditEntry {
  const input = (args.input ?? {}) as Record<string, unknown>;
  const userId = typeof input.userId === 'string' ? input.userId : undefined;
  if (userId !== undefined) {
    let provider: string | undefined;
    try {
      provider = ctx.providers.forUserId(userId).name;
    } catch {
      provider = undefined;
    }
    return { userId, provider };
  }
  if (typeof input.provider === 'string') return { provider: input.provider.toLowerCase() };
  if (typeof args.id === 'string') return { migrationId: args.id };
  return {};
}

function migrationCounts(result: unknown): AuditEntry {
  if (typeof result !== 'object' || result === null || !('runId' in result)) return {};
  const run = result as {
    runId: string;
    state?: string;
    total?: number;
    counts?: Record<string, number>;
    deleted?: unknown[];
    alreadyGone?: unknown[];
    failed?: unknown[];
  };
  if (run.deleted) {
    return {
      migrationId: run.runId,
      counts: {
        deleted: run.deleted.length,
        alreadyGone: run.alreadyGone?.length,
        failed: run.failed?.length,
      },
    };
  }
  return { migrationId: run.runId, state: run.state, total: run.total, counts: run.counts };
}

/**
 * A typed error result (NotFoundError...) is the ProviderError, behind a proxy of Pothos' errors
 * plugin that `instanceof` cannot see through; its name and code can be read.
 */
function typedError(result: unknown): string | undefined {
  const error = result as { name?: unknown; code?: unknown } | null;
  return typeof error === 'object' && error?.name === 'ProviderError' && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function codeOf(error: unknown): string {
  if (error instanceof ProviderError) return error.code;
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
