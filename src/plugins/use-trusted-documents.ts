/**
 * `useTrustedDocuments(documents)`: only documents from a manifest run
 * (`USERGRAPH_TRUSTED_DOCUMENTS`, docs/trusted-documents.md). yoga's persisted-operations plugin
 * does the work; this file sets its defaults:
 *
 * - a document is asked for by the sha256 hex of its text, as `{"documentId": "<hash>"}` (the
 *   GraphQL-over-HTTP proposal, graphql-codegen's client preset) or as Apollo's
 *   `extensions.persistedQuery.sha256Hash`;
 * - a full query text runs only when it is, byte for byte, a document of the manifest (what
 *   GraphiQL can send), or when it asks for nothing but `__schema`, `__type` and `__typename`,
 *   which introspection's own setting (`USERGRAPH_INTROSPECTION`) then allows or refuses;
 * - anything else is refused before it is parsed, with HTTP 400 and `extensions.code`
 *   `PERSISTED_QUERY_ID_REQUIRED` (a query text not in the manifest, or nothing asked for),
 *   `PERSISTED_QUERY_ID_INVALID` (a hash that is not 64 hex characters) or
 *   `PERSISTED_QUERY_NOT_IN_LIST` (a hash the manifest does not hold): no resolver runs and
 *   nothing reaches a provider.
 *
 * Documents from the manifest are validated against the schema like any other, so a manifest
 * written for an older schema fails loudly rather than half-running.
 */
import { createHash } from 'node:crypto';
import {
  defaultExtractPersistedOperationId,
  usePersistedOperations,
  type ExtractPersistedOperationId,
} from '@graphql-yoga/plugin-persisted-operations';
import { Kind, parse } from 'graphql';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** The body field besides yoga's own that names a trusted document; yoga must be told to accept it. */
export const DOCUMENT_ID_PARAM = 'documentId';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A refused document is a request error: 400, whichever response type the client accepts. */
const REFUSED = { status: 400 };

/** `documentId` first, then Apollo's persisted-query extension. */
const documentIdOf: ExtractPersistedOperationId = (params, request, context) => {
  const documentId = (params as GraphQLParams & { documentId?: unknown }).documentId;
  if (typeof documentId === 'string') return documentId;
  return defaultExtractPersistedOperationId(params, request, context);
};

export interface TrustedDocumentsOptions {
  /** The manifest: each document under the sha256 hex of its text (`config.trustedDocuments`). */
  documents: ReadonlyMap<string, string>;
  /** The most tokens a query text may have (`useLimits`' ceiling): bounds the introspection check. */
  maxTokens: number;
}

export function useTrustedDocuments({ documents, maxTokens }: TrustedDocumentsOptions): Plugin {
  const persisted = usePersistedOperations({
    getPersistedOperation: (hash) => documents.get(hash) ?? null,
    extractPersistedOperationId: documentIdOf,
    allowArbitraryOperations: false,
    customErrors: {
      persistedQueryOnly: {
        message:
          'This server runs only trusted documents: send the sha256 hex of a document from its manifest as `documentId` (or `extensions.persistedQuery.sha256Hash`), not a query text.',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: REFUSED },
      },
      keyNotFound: {
        message:
          'This server runs only trusted documents: send the sha256 hex of a document from its manifest as `documentId` (or `extensions.persistedQuery.sha256Hash`).',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: REFUSED },
      },
      notFound: ({ params, request, context }) => {
        const hash = documentIdOf(params, request, context) ?? '';
        if (!SHA256_HEX.test(hash)) {
          const shown = JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}…` : hash);
          return createGraphQLError(
            `A trusted document is named by the sha256 hex of its text (64 characters 0-9, a-f), got ${shown}.`,
            { extensions: { code: 'PERSISTED_QUERY_ID_INVALID', http: REFUSED } },
          );
        }
        return createGraphQLError(
          `No trusted document has the hash ${hash}: the client and the server's manifest differ (regenerate and deploy the manifest).`,
          { extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: REFUSED } },
        );
      },
    },
  });
  return {
    ...persisted,
    onParams(payload) {
      const query = payload.params.query;
      if (
        typeof query === 'string' &&
        (documents.has(sha256(query)) || isIntrospectionOnly(query, maxTokens))
      )
        return;
      return persisted.onParams?.(payload);
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/**
 * True when every operation of the text selects only introspection fields at its top, so it can
 * read the schema and nothing else. A text that does not parse is not introspection.
 */
function isIntrospectionOnly(query: string, maxTokens: number): boolean {
  let document;
  try {
    document = parse(query, { noLocation: true, maxTokens });
  } catch {
    return false;
  }
  return document.definitions.every(
    (definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ||
      (definition.kind === Kind.OPERATION_DEFINITION &&
        definition.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(selection.name.value),
        )),
  );
}
