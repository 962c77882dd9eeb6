/**
 * Trusted documents: the server loads the manifest the project's own codegen run wrote
 * (test/generated/persisted-documents.json) and runs only what it lists, asked for by hash.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/server.js';
import { graphql } from '../generated/index.js';
import { useUsergraph } from '../helpers/server.js';

const MANIFEST = 'test/generated/persisted-documents.json';

// `__typename` and the inline fragment keep this valid whichever shape `users` answers in.
const FIRST_USERS = graphql(`
  query TrustedFirstUsers($first: Int) {
    users(provider: CLERK, first: $first) {
      __typename
      ... on UserConnection {
        edges {
          node {
            id
          }
        }
      }
    }
  }
`);

/** The hash codegen gave the document, as a client built with the client preset sends it. */
const HASH = (FIRST_USERS as unknown as { __meta__: { hash: string } }).__meta__.hash;
const UNLISTED = 'query Unlisted { users(provider: CLERK, first: 1) { __typename } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('trusted documents (USERGRAPH_TRUSTED_DOCUMENTS)', () => {
  const { emulator, url } = useUsergraph(
    {},
    { env: { USERGRAPH_TRUSTED_DOCUMENTS: MANIFEST, USERGRAPH_INTROSPECTION: 'true' } },
  );

  async function post(body: Record<string, unknown>) {
    emulator().control.clearRequests();
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
    return { status: response.status, ...json, upstream: emulator().control.requests() };
  }

  it('the manifest codegen wrote lists the document under the hash its client sends', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    expect(manifest[HASH]).toBeDefined();
    expect(sha256(manifest[HASH] ?? '')).toBe(HASH);
  });

  it.each([
    ['documentId', { documentId: HASH }],
    ['the APQ extension', { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }],
  ])('runs a listed document asked for by %s', async (_how, request) => {
    const { data, errors, upstream } = await post({ ...request, variables: { first: 2 } });
    expect(errors).toBeUndefined();
    expect(data.users.edges).toHaveLength(2);
    expect(upstream.map((r) => `${r.method} ${r.route}`)).toEqual(['GET /users']);
  });

  it('runs a listed document sent as its exact text (what GraphiQL sends)', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const { data, errors } = await post({ query: manifest[HASH], variables: { first: 1 } });
    expect(errors).toBeUndefined();
    expect(data.users.edges).toHaveLength(1);
  });

  it.each([
    ['an unlisted document', { query: UNLISTED }, 'PERSISTED_QUERY_ID_REQUIRED'],
    ['a listed document reformatted', { query: print(FIRST_USERS) }, 'PERSISTED_QUERY_ID_REQUIRED'],
    [
      'a query text sent along with a listed documentId',
      { query: UNLISTED, documentId: HASH },
      'PERSISTED_QUERY_ID_REQUIRED',
    ],
    ['no document at all', {}, 'PERSISTED_QUERY_ID_REQUIRED'],
    ['a hash not in the manifest', { documentId: sha256(UNLISTED) }, 'PERSISTED_QUERY_NOT_IN_LIST'],
    [
      'a hash not in the manifest, by APQ',
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNLISTED) } } },
      'PERSISTED_QUERY_NOT_IN_LIST',
    ],
    ['a malformed hash', { documentId: 'not-a-hash' }, 'PERSISTED_QUERY_ID_INVALID'],
    ['an upper-case hash', { documentId: HASH.toUpperCase() }, 'PERSISTED_QUERY_ID_INVALID'],
  ])('refuses %s, with no upstream call', async (_what, request, code) => {
    const { status, data, errors, upstream } = await post({ ...request, variables: { first: 1 } });
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).toMatch(/trusted document/i);
    expect(upstream).toEqual([]);
  });

  it('leaves introspection to its own setting, and refuses a text that mixes it with data', async () => {
    const schema = await post({ query: '{ __schema { queryType { name } } }' });
    expect(schema.errors).toBeUndefined();
    expect(schema.data.__schema.queryType.name).toBe('Query');
    const mixed = await post({ query: '{ __typename users(provider: CLERK, first: 1) { __typename } }' });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
    expect(mixed.upstream).toEqual([]);
  });
});

describe('trusted documents with introspection off', () => {
  const { gql } = useUsergraph({}, { env: { USERGRAPH_TRUSTED_DOCUMENTS: MANIFEST } });

  it('an introspection text is refused by the introspection setting', async () => {
    const { body } = await gql('{ __schema { queryType { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});

describe('without USERGRAPH_TRUSTED_DOCUMENTS', () => {
  const { url } = useUsergraph();

  it('runs any document, and `documentId` stays an unexpected parameter', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
    };
    const text = await post({ query: UNLISTED });
    expect(text.body.errors).toBeUndefined();
    expect(text.body.data.users.__typename).toBeDefined();
    const byHash = await post({ documentId: HASH });
    expect(byHash.status).toBe(400);
    expect(byHash.body.errors?.[0]?.message).toBe('Unexpected parameter "documentId" in the request body.');
  });
});

describe('USERGRAPH_TRUSTED_DOCUMENTS is checked at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'usergraph-trusted-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const load = (path: string) => () => loadConfig({ USERGRAPH_TRUSTED_DOCUMENTS: path });
  const document = '{ __typename }';

  it('loads the manifest codegen wrote', () => {
    const documents = loadConfig({ USERGRAPH_TRUSTED_DOCUMENTS: MANIFEST }).trustedDocuments;
    expect(documents?.get(HASH)).toContain('query TrustedFirstUsers');
  });

  it.each([
    [
      'a missing file',
      join(dir, 'absent.json'),
      /^USERGRAPH_TRUSTED_DOCUMENTS must name a readable file, got ".*absent\.json" \(ENOENT\)$/,
    ],
    [
      'a file that is not JSON',
      file('bad.json', '{"a":'),
      /^USERGRAPH_TRUSTED_DOCUMENTS must name a JSON manifest, got ".*bad\.json", which is not JSON$/,
    ],
    ['an array', file('array.json', '[]'), /^USERGRAPH_TRUSTED_DOCUMENTS must hold a JSON object of/],
    [
      'an empty manifest',
      file('empty.json', '{}'),
      /^USERGRAPH_TRUSTED_DOCUMENTS lists no document: nothing could run$/,
    ],
    [
      'a key that is not a sha256 hex',
      file('short.json', JSON.stringify({ abc: document })),
      /^USERGRAPH_TRUSTED_DOCUMENTS keys must be sha256 hex digests \(64 characters 0-9, a-f\), got "abc"$/,
    ],
    [
      'a value that is not a string',
      file('number.json', JSON.stringify({ [sha256(document)]: 1 })),
      /^USERGRAPH_TRUSTED_DOCUMENTS entry [0-9a-f]{64} must be a document string, got number$/,
    ],
    [
      'a document that does not match its key',
      file('mismatch.json', JSON.stringify({ [sha256(document)]: `${document} ` })),
      /^USERGRAPH_TRUSTED_DOCUMENTS entry [0-9a-f]{64} holds a document whose sha256 is [0-9a-f]{64}$/,
    ],
  ])('refuses %s with one line naming the variable', (_what, path, message) => {
    expect(load(path)).toThrow(ConfigError);
    expect(load(path)).toThrow(message);
  });
});
