/**
 * `node(id:)` and `nodes(ids:)`, resolved by the Relay plugin through `User`'s `loadMany` (the
 * request's user loader, so 100 Clerk ids are one call). What they add: a malformed id or too many
 * ids are refused before any upstream call, naming the argument.
 */
import { isObjectType, type GraphQLSchema } from 'graphql';
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

/**
 * Every Node's `id` read straight from the object. The Relay plugin resolves a Node's id through
 * an `async` function whatever resolver it is given, so each user of an answer waited for a
 * promise (a large part of `_entities`' CPU, BENCHMARKS.md) and came out with its `id` last instead of where
 * the query put it. A Node id is the provider's own id as it is (`encodeGlobalID` in builder.ts
 * is `String`), and no plugin wraps a Node's `id`: it has no scopes, arguments or cost.
 */
export function syncNodeIds(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType('Node');
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((implemented) => implemented === node)) continue;
    const id = type.getFields().id;
    if (id) id.resolve = (object: { id: unknown }) => String(object.id);
  }
  return schema;
}
