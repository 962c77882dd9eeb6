/**
 * The most upstream calls an operation can make, from its document and variables alone, before
 * it runs: the sum of the cost each field declares (cost.ts), paid once per item it is nested
 * under. It follows what the loaders do so that it never counts less than they call:
 * - fields that repeat a parent's field with the same arguments (aliases included) are one call,
 *   as the loaders' per-request cache makes them; distinct arguments are distinct calls;
 * - users read by id go `limits.maxUsersPerCall` to a call per provider, each distinct user once;
 * - items are counted per provider, so a per-user field a provider lacks costs nothing there;
 *   where the provider is not known, the dearest configured one counts.
 * It may count more than happens (a page that comes back short, a Passage user read by id that
 * came with its devices), never less.
 */
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ProviderRegistry } from '../providers/registry.js';
import type { ProviderName } from '../providers/types.js';
import { MAX_PAGE_SIZE } from './pagination.js';
import { upstreamCostOf, type FieldArgs, type UpstreamCost } from './cost.js';

/** Items per provider; `unknown` where the provider cannot be told before the call. */
type Items = Map<ProviderName | 'unknown', number>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  providers: ProviderRegistry;
  configured: readonly ProviderName[];
}

/** A field as the walk pays for it: every node that selects it with the same arguments. */
interface FieldGroup {
  field: GraphQLField<unknown, unknown>;
  args: FieldArgs;
  nodes: FieldNode[];
}

/**
 * The estimate for one operation of `document`, or undefined when the request is one the
 * executor will refuse anyway (unknown operation, variables that do not coerce).
 */
export function estimateUpstreamCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  providers: ProviderRegistry,
): number | undefined {
  const source = document.loc?.source.body;
  if (source === undefined) return estimate(schema, document, operationName, rawVariables, providers);
  const key = `${operationName ?? ''}\u0000${JSON.stringify(rawVariables ?? {})}\u0000${source}`;
  const cache = estimatesFor(schema, providers);
  const known = cache.get(key);
  if (known !== undefined) return known < 0 ? undefined : known;
  const calls = estimate(schema, document, operationName, rawVariables, providers);
  cache.set(key, calls ?? -1);
  return calls;
}

/**
 * Estimates already made, per schema and providers, by operation, variables and document text: a
 * client repeats the same few operations, often with the same variables (a hot user, a page), and
 * the estimate is a walk of the whole document. Bounded in characters held.
 */
const estimates = new WeakMap<GraphQLSchema, WeakMap<ProviderRegistry, LRUCache<string, number>>>();
const ESTIMATE_CACHE_CHARS = 4_000_000;

function estimatesFor(schema: GraphQLSchema, providers: ProviderRegistry): LRUCache<string, number> {
  let bySchema = estimates.get(schema);
  if (!bySchema) estimates.set(schema, (bySchema = new WeakMap()));
  let cache = bySchema.get(providers);
  if (!cache) {
    cache = new LRUCache({
      maxSize: ESTIMATE_CACHE_CHARS,
      sizeCalculation: (_calls, key) => key.length,
      // A key larger than a tenth of the cache is estimated each time, not kept.
      maxEntrySize: ESTIMATE_CACHE_CHARS / 10,
    });
    bySchema.set(providers, cache);
  }
  return cache;
}

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  providers: ProviderRegistry,
): number | undefined {
  const operation = pickOperation(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    variables: coerced.coerced,
    providers,
    configured: providers.all.map((provider) => provider.name as ProviderName),
  };
  return costOfSelections(walk, root, operation.selectionSet.selections, new Map([['unknown', 1]]));
}

function pickOperation(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return name ? operations.find((operation) => operation.name?.value === name) : operations[0];
}

function costOfSelections(
  walk: Walk,
  type: GraphQLCompositeType,
  selections: readonly SelectionNode[],
  items: Items,
  sized?: { fields: readonly string[]; items: Items },
): number {
  let calls = 0;
  for (const group of [...collectFields(walk, type, selections).values()].flat()) {
    const cost = upstreamCostOf(group.field);
    const parentItems = sized?.fields.includes(group.field.name) ? sized.items : items;
    const users = cost?.readsUsers && usersByProvider(walk, cost.readsUsers(group.args));
    calls += cost ? callsOf(walk, cost, group.args, parentItems, users) : 0;
    const named = getNamedType(group.field.type);
    if (!isCompositeType(named)) continue;
    const children = group.nodes.flatMap((node) => node.selectionSet?.selections ?? []);
    const returned = cost ? itemsReturned(walk, cost, group.args, parentItems, users) : parentItems;
    const size = cost?.size && sizeOf(cost.size, group.args);
    if (size !== undefined && cost?.size?.sizedFields) {
      const sizedItems = scale(returned, size);
      calls += costOfSelections(walk, named, children, returned, {
        fields: cost.size.sizedFields,
        items: sizedItems,
      });
    } else {
      calls += costOfSelections(walk, named, children, size === undefined ? returned : scale(returned, size));
    }
  }
  return calls;
}

/**
 * The fields a selection set asks for, through fragments, one group per field and arguments,
 * listed under the field's `Type.name`.
 */
function collectFields(
  walk: Walk,
  type: GraphQLCompositeType,
  selections: readonly SelectionNode[],
  groups = new Map<string, FieldGroup[]>(),
  seenFragments = new Set<string>(),
): Map<string, FieldGroup[]> {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fieldOf(type, selection.name.value);
      if (!field || !mayCost(field)) continue;
      let args: FieldArgs;
      try {
        args = getArgumentValues(field, selection, walk.variables);
      } catch {
        // Arguments that do not coerce fail this field when it runs, before any call of its own.
        continue;
      }
      // Arguments are compared only when the field is selected more than once (aliases, fragments):
      // printing them for every field was most of the estimate of a long `_entities` list.
      const name = `${type.name}.${field.name}`;
      const same = groups.get(name);
      if (!same) {
        groups.set(name, [{ field, args, nodes: [selection] }]);
        continue;
      }
      const printed = printArgs(args);
      const group = same.find((candidate) => printArgs(candidate.args) === printed);
      if (group) group.nodes.push(selection);
      else same.push({ field, args, nodes: [selection] });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition && walk.schema.getType(selection.typeCondition.name.value);
      const inner = condition && isCompositeType(condition) ? condition : type;
      collectFields(walk, inner, selection.selectionSet.selections, groups, seenFragments);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || seenFragments.has(name)) continue;
      const condition = walk.schema.getType(fragment.typeCondition.name.value);
      const inner = condition && isCompositeType(condition) ? condition : type;
      collectFields(walk, inner, fragment.selectionSet.selections, groups, new Set([...seenFragments, name]));
    }
  }
  return groups;
}

const printedArgs = new WeakMap<FieldArgs, string>();

/** Coerced arguments list their keys in the schema's order, so equal arguments print alike. */
function printArgs(args: FieldArgs): string {
  let printed = printedArgs.get(args);
  if (printed === undefined) {
    printed = JSON.stringify(args);
    printedArgs.set(args, printed);
  }
  return printed;
}

const mayCostOf = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

/** Whether a field can cost anything: it declares a cost, or it has a selection that may. */
function mayCost(field: GraphQLField<unknown, unknown>): boolean {
  let known = mayCostOf.get(field);
  if (known === undefined) {
    known = upstreamCostOf(field) !== undefined || isCompositeType(getNamedType(field.type));
    mayCostOf.set(field, known);
  }
  return known;
}

/** The field on an object or interface; a union has none but `__typename`, which costs nothing. */
function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function callsOf(walk: Walk, cost: UpstreamCost, args: FieldArgs, items: Items, users?: Items): number {
  if (users) return total(items) * userReadCalls(walk, users);
  const on = providerOf(walk, cost, args);
  let calls = 0;
  for (const [provider, count] of items) {
    const where = on ?? provider;
    const perItem =
      where === 'unknown'
        ? Math.max(0, ...walk.configured.map((name) => callsOn(walk, cost, name, args)))
        : callsOn(walk, cost, where, args);
    calls += count * perItem;
  }
  return calls;
}

/** Where the field's calls go, when its arguments say: a provider named, or a user's id. */
function providerOf(walk: Walk, cost: UpstreamCost, args: FieldArgs): ProviderName | undefined {
  const named = cost.provider?.(args, walk.configured);
  if (named) return named;
  const id = cost.targetUser?.(args);
  if (id === undefined) return undefined;
  try {
    return walk.providers.forUserId(id).name as ProviderName;
  } catch {
    // An id no provider holds is refused before any call.
    return undefined;
  }
}

function callsOn(walk: Walk, cost: UpstreamCost, provider: ProviderName, args: FieldArgs): number {
  return cost.calls ? cost.calls(provider, args, walk.configured) : cost.weight;
}

/**
 * Calls to read these users by id: per provider, `maxUsersPerCall` to a call. The user loader
 * cuts its batches at the largest provider's size, and a cut can split one provider's call in two
 * when ids of several providers are mixed: each cut counts one more call.
 */
function userReadCalls(walk: Walk, byProvider: Items): number {
  const perCall = new Map(
    walk.providers.all.map((provider) => [provider.name, provider.limits.maxUsersPerCall]),
  );
  const batch = Math.max(1, ...perCall.values());
  const distinct = [...byProvider.values()].reduce((sum, count) => sum + count, 0);
  const cuts = byProvider.size > 1 ? Math.ceil(distinct / batch) - 1 : 0;
  let calls = 0;
  for (const [provider, count] of byProvider) {
    if (provider === 'unknown') continue;
    calls += Math.min(count, Math.ceil(count / (perCall.get(provider) ?? 1)) + cuts);
  }
  return calls;
}

/** Distinct ids per provider; an id no provider can hold is refused before any call. */
function usersByProvider(walk: Walk, ids: readonly string[]): Items {
  const counts: Items = new Map();
  for (const id of new Set(ids)) {
    let provider: ProviderName;
    try {
      provider = walk.providers.forUserId(id).name as ProviderName;
    } catch {
      continue;
    }
    counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
  return counts;
}

/** Per parent's items, what the field returns: the users it reads, or the same items relabelled. */
function itemsReturned(walk: Walk, cost: UpstreamCost, args: FieldArgs, items: Items, users?: Items): Items {
  if (users) return scale(users, total(items));
  const on = providerOf(walk, cost, args);
  return on ? new Map([[on, total(items)]]) : items;
}

function sizeOf(size: NonNullable<UpstreamCost['size']>, args: FieldArgs): number | undefined {
  if (!size.slicingArguments) return undefined;
  const given = size.slicingArguments
    .map((name) => args[name])
    .filter((value): value is number => typeof value === 'number' && value > 0);
  // A size past the largest page is refused by the field before any call.
  return given.length > 0 ? Math.min(Math.max(...given), MAX_PAGE_SIZE) : size.assumedSize;
}

function scale(items: Items, factor: number): Items {
  return new Map([...items].map(([provider, count]) => [provider, count * factor]));
}

function total(items: Items): number {
  let sum = 0;
  for (const count of items.values()) sum += count;
  return sum;
}
