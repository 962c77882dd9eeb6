/**
 * Federation v2: `User` is an entity keyed by `id`, so any subgraph that stores a user id can
 * return a `User` and let the gateway fetch the rest here. A gateway resolves references through
 * `_entities(representations:)`; each one goes through the request's user loader, so N references
 * cost what `nodes(ids:)` with N ids costs (100 Clerk ids a call; Passage one call per distinct
 * id, concurrently) and the id routes to its provider exactly as `user(id:)` does.
 *
 * What else is marked, and why:
 * - `PageInfo` is `@shareable` (in builder.ts, where the Relay plugin makes it): every Relay
 *   subgraph defines the same type, and composition refuses a value type that two subgraphs
 *   resolve unless both mark it shareable.
 * - Nothing is `@inaccessible`: every field a gateway can reach is one this API already serves to
 *   direct callers, guarded by the same caller scopes, so hiding fields would only make the
 *   supergraph a weaker copy of usergraph. The federation plumbing itself (`_entities`,
 *   `_service`) never reaches the supergraph's API schema: gateways strip it.
 * - Error types, enums and scalars stay owned by usergraph (no `@shareable`): a subgraph that
 *   wants them should reference usergraph's, not define look-alikes that could drift.
 */
import { EntityType, entitiesField, serviceField } from '@apollo/subgraph/dist/types.js';
import { hasResolvableKey } from '@pothos/plugin-federation';
import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLUnionType,
  isObjectType,
  lexicographicSortSchema,
} from 'graphql';
import type { Context } from '../context.js';
import type { User } from '../providers/types.js';
import { ProviderError } from '../providers/errors.js';
import { builder } from './builder.js';
import { upstreamCost } from './cost.js';
import { requireScope } from './scopes.js';
import { UserRef } from './user.js';

builder.asEntity(UserRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx, info) => {
    // `_entities` is a read like `user(id:)`, but Pothos does not wrap it: check `read` here.
    requireScope(ctx, 'read', info);
    // An id nobody holds is a null entity, as the federation spec expects, not an error: the
    // other references in the same call are unaffected. An outage still surfaces as an error.
    return ctx.loaders.user.load(ref.id).catch(nullIfNotFound);
  },
});

function nullIfNotFound(error: unknown): User | null {
  if (error instanceof ProviderError && error.code === 'NOT_FOUND') return null;
  throw error;
}

/**
 * The schema with what a Federation v2 gateway asks of a subgraph (`_entities`, `_service`), as
 * Pothos's `toSubGraphSchema` builds it, except that the SDL `_service` serves is printed when a
 * gateway first asks for it, not at start: printing validates the whole subgraph through
 * `@apollo/federation-internals` (imported then too), which made up much of what a start cost in
 * time and memory, for a field most deployments never see called.
 */
export function toSubgraphSchema(link: { url: string; import: readonly string[] }): GraphQLSchema {
  const schema = builder.toSchema({ extensions: { directives: [{ name: 'link', args: link }] } });
  const query = schema.getQueryType();
  const types = Object.values(schema.getTypeMap());
  const entities = types.filter((type) => isObjectType(type) && hasResolvableKey(type));
  let sdl: Promise<string> | undefined;
  const federatedQuery = new GraphQLObjectType({
    name: query?.name ?? 'Query',
    description: query?.description,
    astNode: query?.astNode,
    extensions: query?.extensions,
    fields: () => ({
      ...(entities.length > 0 && {
        _entities: {
          ...entitiesField,
          type: new GraphQLNonNull(
            new GraphQLList(
              new GraphQLUnionType({ ...EntityType.toConfig(), types: entities.filter(isObjectType) }),
            ),
          ),
        },
      }),
      _service: {
        ...serviceField,
        resolve: async () => {
          // A print that failed (its chunk could not be loaded) is tried again by the next call.
          sdl ??= printSubgraph(sorted).catch((error: unknown) => {
            sdl = undefined;
            throw error;
          });
          return { sdl: await sdl };
        },
      },
      ...query?.toConfig().fields,
    }),
  });
  const sorted = lexicographicSortSchema(
    new GraphQLSchema({
      query: federatedQuery,
      mutation: schema.getMutationType(),
      subscription: schema.getSubscriptionType(),
      extensions: schema.extensions,
      directives: schema.getDirectives(),
      extensionASTNodes: schema.extensionASTNodes,
      types: [...types.filter((type) => type.name !== 'Query'), federatedQuery],
    }),
  );
  return sorted;
}

async function printSubgraph(schema: GraphQLSchema): Promise<string> {
  const { printSubgraphSchema } = await import('./subgraph-sdl.js');
  return printSubgraphSchema(schema);
}

/**
 * `_service { sdl }` is the whole schema, like introspection, and is added after Pothos wraps
 * resolvers, so scope auth never sees it: it needs `read` like every other Query field.
 */
export function requireReadForService(schema: GraphQLSchema): GraphQLSchema {
  const service = schema.getQueryType()?.getFields()._service;
  const serve = service?.resolve;
  if (service && serve) {
    service.resolve = (root, args, ctx: Context, info) => {
      requireScope(ctx, 'read', info);
      return serve(root, args, ctx, info);
    };
  }
  return schema;
}

/**
 * `_entities` is added after Pothos builds the schema, so its cost is declared here: a gateway's
 * references are users by id, read exactly as `nodes(ids:)` reads them.
 */
export function costEntities(schema: GraphQLSchema): GraphQLSchema {
  const entities = schema.getQueryType()?.getFields()._entities;
  if (entities) {
    const { extensions } = upstreamCost({ weight: 1, readsUsers: referencedIds });
    entities.extensions = { ...entities.extensions, ...extensions };
  }
  return schema;
}

function referencedIds(args: Record<string, unknown>): string[] {
  const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
  return representations.flatMap((representation) => {
    const id = (representation as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}
