/**
 * `useLimits(limits)`: the abuse limits every request meets before any resolver runs, each
 * configurable (USERGRAPH_MAX_* in src/config/server.ts) with the safe defaults below. A refused request
 * gets a GraphQL error with `extensions.code` and never reaches a provider.
 *
 * - size: the request body (`Content-Length` required on POST; uploads get their own ceiling,
 *   only for an operation that takes a `File`, and its `operations` part is held to the JSON one);
 * - tokens, depth, aliases and directives (GraphQL Armor's rules);
 * - no field suggestions in errors (they map the schema for an attacker);
 * - verifyPassword / verifyTotp at most once per operation, so aliases and fragments cannot
 *   multiply guesses (their per-user attempt budget lives with the mutations);
 * - `_entities` references per call, which arrive as variables the document limits never see.
 * Batched requests are off (yoga's default) and stay off; the cost of a query is bounded by the
 * complexity limit in the schema builder, and its provider calls by `useUpstreamCost`.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isInputObjectType,
  isInputType,
  parse,
  typeFromAST,
  visit,
  type DocumentNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface Limits {
  /** Largest JSON request body, in bytes. @default 65536 */
  maxRequestBytes: number;
  /** Largest multipart (upload) request body, in bytes: Clerk takes images up to 10 MB. @default 10_600_000 */
  maxUploadBytes: number;
  /** @default 2000 */
  maxTokens: number;
  /** @default 12 */
  maxDepth: number;
  /** `nodes(ids:)` is how to ask for many users, so aliases can stay few. @default 20 */
  maxAliases: number;
  /** @default 10 */
  maxDirectives: number;
  /**
   * The most a query may cost: every field costs 1, a list or connection field multiplies what
   * it selects by its page size (`first`, `last`, or 20). @default 20_000
   */
  maxComplexity: number;
  /** References one `_entities` call may resolve (a gateway sends a page's worth). @default 500 */
  maxEntities: number;
  /** The most provider calls one operation may make, by its estimate (`useUpstreamCost`). @default 250 */
  maxUpstreamCalls: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxRequestBytes: 64 * 1024,
  maxUploadBytes: 10_600_000,
  maxTokens: 2000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 10,
  maxComplexity: 20_000,
  maxEntities: 500,
  maxUpstreamCalls: 250,
};

const VERIFY_FIELDS = new Set(['verifyPassword', 'verifyTotp']);

export function useLimits(limits: Limits = DEFAULT_LIMITS): Plugin {
  let schema: GraphQLSchema | undefined;
  return {
    onSchemaChange({ schema: served }) {
      schema = served;
    },
    onPluginInit({ addPlugin }) {
      addPlugin(maxTokensPlugin({ n: limits.maxTokens }));
      addPlugin(maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true }));
      addPlugin(maxAliasesPlugin({ n: limits.maxAliases }));
      addPlugin(maxDirectivesPlugin({ n: limits.maxDirectives }));
      addPlugin(blockFieldSuggestionsPlugin());
    },
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const isUpload = request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false;
      const ceiling = isUpload ? limits.maxUploadBytes : limits.maxRequestBytes;
      const declared = request.headers.get('content-length');
      if (declared === null) {
        return endResponse(tooLarge(fetchAPI, 411, 'a POST must declare its Content-Length'));
      }
      if (!/^\d+$/.test(declared) || Number(declared) > ceiling) {
        const message = `the request body must be at most ${ceiling} bytes, got ${declared}`;
        return endResponse(tooLarge(fetchAPI, 413, message));
      }
    },
    // The upload ceiling is for files: the operation itself is held to the JSON limit, and a
    // multipart request must be an upload, or it would only be a way past that limit.
    onParams({ request, params }) {
      if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) return;
      const { query, variables, operationName, extensions } = params;
      const size = Buffer.byteLength(JSON.stringify({ query, variables, operationName, extensions }));
      if (size > limits.maxRequestBytes) {
        throw protocolError(
          413,
          'REQUEST_TOO_LARGE',
          `the operations part of a multipart request must be at most ${limits.maxRequestBytes} bytes, got ${size}`,
        );
      }
      if (!takesFile(schema, query, limits.maxTokens)) {
        throw protocolError(
          400,
          'BAD_REQUEST',
          'a multipart request is for uploads: this operation takes no File variable, send it as JSON',
        );
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(oneVerificationPerOperation);
    },
    // A gateway's references arrive as variables, which the document limits never see.
    onExecute({ args, setResultAndStopExecution }) {
      const references = entityReferences(args.document, args.variableValues ?? {});
      if (references > limits.maxEntities) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`_entities takes at most ${limits.maxEntities} references, got ${references}`, {
              extensions: { code: 'TOO_MANY_ENTITIES' },
            }),
          ],
        });
      }
    },
  };
}

function protocolError(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * Whether the document declares a variable that can hold a `File`, directly or inside an input
 * object (the GraphQL multipart spec's map targets).
 */
function takesFile(schema: GraphQLSchema | undefined, query: string | undefined, maxTokens: number): boolean {
  if (!schema || !query) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch {
    return false;
  }
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (definition.variableDefinitions ?? []).some((variable) => {
        const type = typeFromAST(schema, variable.type);
        return type !== undefined && isInputType(type) && holdsFile(type, new Set());
      }),
  );
}

function holdsFile(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (named.name === 'File') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsFile(field.type, seen));
}

function tooLarge(fetchAPI: { Response: typeof Response }, status: number, message: string): Response {
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message, extensions: { code: 'REQUEST_TOO_LARGE' } }] }),
    { status, headers: { 'content-type': 'application/json' } },
  );
}

/** How many representations the operation's `_entities` fields ask for. */
function entityReferences(document: DocumentNode, variables: Record<string, unknown>): number {
  return entityArguments(document).reduce<number>((total, argument) => {
    if (typeof argument === 'number') return total + argument;
    const given = variables[argument.variable];
    if (Array.isArray(given)) return total + given.length;
    return total + (given === undefined ? argument.defaultLength : 1);
  }, 0);
}

/**
 * Per document: a list's length, or the variable that holds the list and the length of its
 * default (what counts when the request leaves the variable out).
 */
type EntityArgument = number | { variable: string; defaultLength: number };

/**
 * yoga hands every request with the same query text the same parsed document, so the walk is
 * done once per document rather than once per request (it was 4 % of a one-user read's CPU).
 */
const entityArgumentsOf = new WeakMap<DocumentNode, EntityArgument[]>();

function entityArguments(document: DocumentNode): EntityArgument[] {
  const cached = entityArgumentsOf.get(document);
  if (cached) return cached;
  const found: EntityArgument[] = [];
  // A name may be declared by several operations of the document: the longest default counts.
  const defaultLengths = new Map<string, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const length = variable.defaultValue?.kind === Kind.LIST ? variable.defaultValue.values.length : 1;
      const name = variable.variable.name.value;
      defaultLengths.set(name, Math.max(length, defaultLengths.get(name) ?? 1));
    }
  }
  visit(document, {
    Field(field) {
      if (field.name.value !== '_entities') return;
      const value = field.arguments?.find((arg) => arg.name.value === 'representations')?.value;
      if (value?.kind === Kind.LIST) found.push(value.values.length);
      if (value?.kind === Kind.VARIABLE) {
        found.push({ variable: value.name.value, defaultLength: defaultLengths.get(value.name.value) ?? 1 });
      }
    },
  });
  entityArgumentsOf.set(document, found);
  return found;
}

/** verifyPassword and verifyTotp appear at most once in an operation, fragments included. */
function oneVerificationPerOperation(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const count = (set: SelectionSetNode | undefined, seen: Set<string>): number =>
    (set?.selections ?? []).reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) {
        return (
          total + (VERIFY_FIELDS.has(selection.name.value) ? 1 : 0) + count(selection.selectionSet, seen)
        );
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const name = selection.name.value;
      if (seen.has(name)) return total; // a fragment cycle is reported by graphql's own rules
      return total + count(fragments.get(name)?.selectionSet, new Set([...seen, name]));
    }, 0);
  return {
    OperationDefinition(operation) {
      if (count(operation.selectionSet, new Set()) > 1) {
        context.reportError(
          new GraphQLError('verifyPassword and verifyTotp may appear at most once in an operation', {
            nodes: [operation],
            extensions: { code: 'TOO_MANY_VERIFICATIONS' },
          }),
        );
      }
    },
  };
}
