/**
 * The one SchemaBuilder: context and scalar types, plugins listed once. It defines no types;
 * each type lives in its own file beside its queries.
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import type { JsonObject } from '../providers/types.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: JsonObject; Output: JsonObject };
    /** An upload (GraphQL multipart request spec); input only. */
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
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
    // User ids are the providers' own ids (what applications store), not Relay global ids.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Every connection documents itself the same way (GraphiQL is the manual).
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits, and the cursors to move from it.' },
    cursorFieldOptions: { description: 'An opaque position: pass it as `after` or `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list.' },
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

builder.queryType({ description: 'Reads over every configured identity provider.' });
builder.mutationType({ description: "Admin actions on users, each served by the user's own provider." });
