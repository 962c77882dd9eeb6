/**
 * The read rule, in one place for every field that is not a mutation or a subscription: a
 * ProviderError becomes a GraphQL error located on the field (`graphQLErrorFor`, given the
 * field's arguments so it names the one at fault), and a field that reads one nullable object
 * is null when that object does not exist. Mutations keep their typed results
 * (@pothos/plugin-errors).
 */
import SchemaBuilder, {
  BasePlugin,
  isThenable,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { ProviderError } from '../providers/errors.js';
import { graphQLErrorFor } from './graphql-error.js';

export class ReadRulePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    field: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (field.kind === 'Mutation' || field.kind === 'Subscription') return resolver;
    const declared = Object.keys(field.args);
    const nullWhenMissing = field.type.nullable && ['Object', 'Interface', 'Union'].includes(field.type.kind);
    // A scalar or list field without arguments has nothing to add: yoga's maskError applies the
    // same rule to it, and leaving it unwrapped keeps the many plain fields of a page cheap.
    if (declared.length === 0 && !nullWhenMissing) return resolver;
    const fail = (error: unknown, given: object): null => {
      if (!(error instanceof ProviderError)) throw error;
      if (nullWhenMissing && error.code === 'NOT_FOUND') return null;
      throw graphQLErrorFor(error, { declared, given });
    };
    return (parent, args, ctx, info) => {
      try {
        const result = resolver(parent, args, ctx, info);
        return isThenable(result)
          ? Promise.resolve(result).then(undefined, (error: unknown) => fail(error, args))
          : result;
      } catch (error) {
        return fail(error, args);
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      readRule: ReadRulePlugin<Types>;
    }
  }
}

const pluginName = 'readRule';
SchemaBuilder.registerPlugin(pluginName, ReadRulePlugin);
export default pluginName;
