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
  },
});

builder.queryType({ description: 'Reads over every configured identity provider.' });
