/**
 * What a field costs in upstream (provider) calls, declared where the field is declared:
 * `...upstreamCost({ weight: 1 })` among a field's options. The one declaration lands in two
 * places: the field's `extensions.upstreamCost`, which usergraph's own estimate reads before it
 * executes an operation (src/schema/estimate.ts), and the IBM cost-spec directives `@cost` and
 * `@listSize` in the subgraph SDL, which a router's demand control reads. A field without a
 * declaration makes no call of its own.
 */
import { traitsOf } from '../providers/catalog.js';
import type { OptionalOperation, ProviderName } from '../providers/types.js';

export type FieldArgs = Record<string, unknown>;

/** How many items a list or connection field returns, from its arguments. */
export interface ListSize {
  /** Size when no slicing argument is given (a connection's default page). */
  assumedSize: number;
  /** Integer arguments that set the size (`first`, `last`); the largest given counts. */
  slicingArguments?: readonly string[];
  /** On a connection: the fields holding the items (`edges`); what else it has is there once. */
  sizedFields?: readonly string[];
}

export interface UpstreamCost {
  /**
   * The most calls one parent item can cost through this field, on any provider and with any
   * arguments: what `@cost(weight:)` tells a router.
   */
  weight: number;
  /**
   * The calls for one parent item whose user lives on `provider`, when they depend on it or on
   * the arguments; never more than `weight`. Absent: always `weight`.
   */
  calls?: (provider: ProviderName, args: FieldArgs, configured: readonly ProviderName[]) => number;
  /**
   * The field reads users by these ids through the request's user loader: each provider reads
   * them `limits.maxUsersPerCall` to a call, and what is nested under them is paid once per user.
   */
  readsUsers?: (args: FieldArgs) => readonly string[];
  /** Where the users the field returns live, when its arguments say (`users(provider:)`). */
  provider?: (args: FieldArgs, configured: readonly ProviderName[]) => ProviderName | undefined;
  /**
   * The one user the field acts on (a mutation's `input.userId`): its calls, and the user it
   * returns, are those of the provider that owns the id.
   */
  targetUser?: (args: FieldArgs) => string | undefined;
  /** How many items it returns: what is nested under them is paid for once per item. */
  size?: ListSize;
}

/** The cost spec's directives as the schema builder types them (see builder.ts). */
export type CostDirectives = {
  cost: { locations: 'FIELD_DEFINITION'; args: { weight: number } };
  listSize: {
    locations: 'FIELD_DEFINITION';
    args: {
      assumedSize?: number;
      slicingArguments?: string[];
      sizedFields?: string[];
      requireOneSlicingArgument?: boolean;
    };
  };
};

/** The Relay paging arguments, which every paged field of this API takes. */
export const SLICING_ARGUMENTS = ['first', 'last'] as const;

/** Field options that declare a cost: spread them into `t.field({...})`. */
export function upstreamCost(cost: UpstreamCost) {
  const directives: { [Name in keyof CostDirectives]?: CostDirectives[Name]['args'] } = {};
  if (cost.weight > 0) directives.cost = { weight: cost.weight };
  if (cost.size) {
    const { assumedSize, slicingArguments, sizedFields } = cost.size;
    directives.listSize = {
      assumedSize,
      ...(slicingArguments && {
        slicingArguments: [...slicingArguments],
        // A page size is optional here: without one the page is `assumedSize` long.
        requireOneSlicingArgument: false,
      }),
      ...(sizedFields && { sizedFields: [...sizedFields] }),
    };
  }
  return { extensions: { upstreamCost: cost }, directives };
}

/** The declaration a built schema field carries, if any. */
export function upstreamCostOf(field: { extensions?: Readonly<Record<string, unknown>> | null }) {
  return field.extensions?.upstreamCost as UpstreamCost | undefined;
}

/**
 * One call per user whose provider has the operation: a provider without it answers null with no
 * call (memberships, invitations, OAuth tokens), as the loaders do.
 */
export const oneCallWhereOffered =
  (operation: OptionalOperation) =>
  (provider: ProviderName): number =>
    traitsOf(provider).capabilities.has(operation) ? 1 : 0;
