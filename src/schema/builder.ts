/**
 * The one SchemaBuilder: context and scalar types, plugins listed once. It defines no types;
 * each type lives in its own file beside its queries.
 */
import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import DirectivesPlugin from '@pothos/plugin-directives';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Context } from '../context.js';
import type { JsonObject } from '../providers/types.js';
import { upstreamCost, type CostDirectives } from './cost.js';
import { MAX_NODE_IDS, resolveNodeQuery, resolveNodesQuery } from './node-ids.js';
import { pageSizeOf } from './pagination.js';
import ReadRulePlugin from './read-rule-plugin.js';
import { failedScopes, forbidden, grantedScopes } from './scopes.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: JsonObject; Output: JsonObject };
    /** An upload (GraphQL multipart request spec); input only. */
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  /** What a caller's credentials grant (see scopes.ts and the README). */
  AuthScopes: { read: boolean; write: boolean; secrets: boolean; migrate: boolean };
  /** The IBM cost spec's `@cost` and `@listSize`, which `upstreamCost()` puts on fields (cost.ts). */
  Directives: CostDirectives;
}>({
  // Federation after any plugin that wraps resolvers (auth), as its README asks; Directives
  // puts its @key, @shareable and @link on the types so the subgraph SDL prints them.
  // Scope auth first: a field the caller may not reach runs no other plugin and no resolver.
  // The read rule next, so it sees every failure of a read, the Relay plugin's id parsing too.
  plugins: [
    ScopeAuthPlugin,
    ReadRulePlugin,
    ComplexityPlugin,
    ErrorsPlugin,
    RelayPlugin,
    DirectivesPlugin,
    FederationPlugin,
  ],
  defaultFieldNullability: false,
  complexity: {
    // Every field costs 1; a paged field multiplies what it selects by the page it asks for.
    fieldComplexity: (args, _ctx, field) => ({ field: 1, multiplier: pageSizeOf(field.name, args) }),
    limit: (ctx) => ({ complexity: ctx.limits.maxComplexity }),
    complexityError: (kind, result) =>
      new GraphQLError(
        `the query costs ${result.complexity}, more than the ${result.maxComplexity} allowed: ask for smaller pages`,
        {
          extensions: { code: 'QUERY_TOO_COMPLEX', kind },
        },
      ),
  },
  scopeAuth: {
    // A subscription is refused when it starts, not per event: otherwise a caller without
    // `read` could open one and hold it.
    authorizeOnSubscribe: true,
    authScopes: grantedScopes,
    unauthorizedError: (_parent, ctx, info, result) => forbidden(failedScopes(result.failure), ctx, info),
  },
  errors: {
    defaultResultOptions: {
      description: 'The field succeeded: its value is in `data`.',
    },
    defaultUnionOptions: {
      description:
        'The value on success, or one of the typed errors this field can have (each implements `Error`).',
    },
  },
  relay: {
    // The providers' own user ids are the Node ids, as they are: applications store them, and
    // they are already unique across providers (Clerk's start with `user_`). User is the only Node.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: 'User', id: globalID }),
    nodeTypeOptions: {
      description:
        'An object with an id unique across this API, which `node(id:)` fetches again (Relay global object identification).',
    },
    idFieldOptions: { description: 'The id, unique across this API.' },
    nodeQueryOptions: {
      description:
        'The object with this id (a user, by the id `User.id` returns), or null when there is none. Relay refetches through it.',
      args: { id: { description: 'An id a `Node` returned.' } },
      ...upstreamCost({ weight: 1, readsUsers: (args) => [String(args.id)] }),
      resolve: resolveNodeQuery,
    },
    nodesQueryOptions: {
      description:
        'Many objects by id, in the order asked for, null where there is none: users of either provider in as few upstream calls as the providers allow (100 Clerk ids: one call). At most 100 ids.',
      args: { ids: { description: 'Ids `Node`s returned, at most 100.' } },
      ...upstreamCost({
        weight: 1,
        readsUsers: (args) => (Array.isArray(args.ids) ? args.ids.map(String) : []),
        size: { assumedSize: MAX_NODE_IDS },
      }),
      resolve: resolveNodesQuery,
    },
    // Every connection documents itself the same way (GraphiQL is the manual).
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits, and the cursors to move from it.' },
    cursorFieldOptions: { description: 'An opaque position: pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    // Shareable: other Relay subgraphs define the same PageInfo (see federation.ts).
    pageInfoTypeOptions: { description: 'Where a page sits in its list.', shareable: true },
    hasNextPageFieldOptions: {
      description: 'Whether a page follows (may be true at the very end: the next page is then empty).',
    },
    hasPreviousPageFieldOptions: { description: 'Whether a page precedes this one.' },
    startCursorFieldOptions: {
      description: 'The cursor of the first item, to page backwards with `before`.',
    },
    endCursorFieldOptions: { description: 'The cursor of the last item, to page forwards with `after`.' },
  },
});

builder.queryType({
  description: 'Reads over every configured identity provider. Every field needs the `read` scope.',
  authScopes: { read: true },
});
builder.subscriptionType({
  description: 'Live progress, over SSE (`Accept: text/event-stream`). Every field needs the `read` scope.',
  authScopes: { read: true },
});
builder.mutationType({
  description:
    "Admin actions on users, each served by the user's own provider. Every mutation needs the `write` scope (some also `secrets`).",
  authScopes: { write: true },
});
