/**
 * `node(id:)` and `nodes(ids:)`, resolved by the Relay plugin through `User`'s `loadMany` (the
 * request's user loader, so 100 Clerk ids are one call). What they add: a malformed id or too many
 * ids are refused before any upstream call, naming the argument.
 */
import type { Context } from '../context.js';
import { ProviderError, refusedInput } from '../providers/errors.js';

/** The most ids `nodes(ids:)` takes: one Clerk call's worth. */
export const MAX_NODE_IDS = 100;

interface GlobalID {
  typename: string;
  id: string;
}

export function resolveNodeQuery(
  _root: unknown,
  args: { id: GlobalID },
  ctx: Context,
  _info: unknown,
  resolveNode: (id: GlobalID) => unknown,
) {
  checkId(ctx, args.id.id, 'id');
  return resolveNode(args.id);
}

export function resolveNodesQuery(
  _root: unknown,
  args: { ids: GlobalID[] },
  ctx: Context,
  _info: unknown,
  resolveNodes: (ids: GlobalID[]) => Promise<unknown[]>,
) {
  if (args.ids.length > MAX_NODE_IDS)
    throw refusedInput('ids', `ids takes at most ${MAX_NODE_IDS} ids, got ${args.ids.length}`);
  for (const { id } of args.ids) checkId(ctx, id, 'ids');
  return resolveNodes(args.ids);
}

/** Refuses an id that no provider could hold; an id of no configured provider is left to be null. */
function checkId(ctx: Context, id: string, argument: string): void {
  try {
    ctx.providers.forUserId(id);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'INVALID_INPUT')
      throw refusedInput(argument, error.message);
  }
}
