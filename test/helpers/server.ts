/**
 * usergraph on a free port, talking to a test emulator over real HTTP: GraphQL requests go
 * through yoga exactly as a client's would, and the emulator's log shows what each cost upstream.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/config/server.js';
import { createServer, type UsergraphServer } from '../../src/server.js';
import { useEmulator } from './emulator.js';
import type { StartOptions } from '../../src/emulator/index.js';

export interface GraphQLResponse {
  status: number;
  body: {
    data?: any;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface UsergraphOptions {
  /**
   * Caller-auth variables (`USERGRAPH_API_KEYS`, `USERGRAPH_JWKS_URL`...), read when the server
   * starts (so a JWKS server started in an earlier `beforeAll` can give its URL). Without them the
   * server starts with `USERGRAPH_AUTH: 'none'`: every request has every scope.
   */
  callerAuth?: () => Record<string, string>;
  /** Any other variables, e.g. `USERGRAPH_MAX_ALIASES` for a test that needs many aliases. */
  env?: Record<string, string>;
}

/** Anything shaped like an e-mail address: no log line may hold one, at any level. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/;

/**
 * Fails when a line of a server's output names an e-mail address. Every test that starts a
 * server checks what it printed, so the whole suite's logs are checked, not a sample.
 */
export function expectNoEmail(lines: readonly string[], what = 'log lines naming an e-mail address'): void {
  expect(
    lines.filter((line) => EMAIL.test(line)),
    what,
  ).toEqual([]);
}

/** A log destination that keeps every line, for `expectNoEmail` and for tests that read them. */
export function capturedLog(): { destination: { write(line: string): void }; lines: string[] } {
  const lines: string[] = [];
  return { destination: { write: (line) => void lines.push(line) }, lines };
}

export function useUsergraph(emulatorOptions: StartOptions = {}, options: UsergraphOptions = {}) {
  const emulator = useEmulator(emulatorOptions);
  let server: UsergraphServer | undefined;
  let http: Server | undefined;
  let url = '';
  // Every log line of the server, parsed: tests read them, and none may name an e-mail.
  const logs: Record<string, unknown>[] = [];
  const logDestination = {
    write(line: string) {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  beforeAll(async () => {
    const { clerkUrl, passageUrl, keys } = emulator();
    server = await createServer(
      loadConfig({
        CLERK_SECRET_KEY: keys.clerkSecretKey,
        CLERK_API_URL: clerkUrl,
        PASSAGE_APP_ID: keys.passageAppId,
        PASSAGE_API_KEY: keys.passageApiKey,
        PASSAGE_API_URL: passageUrl,
        ...(options.callerAuth ? options.callerAuth() : { USERGRAPH_AUTH: 'none' }),
        ...options.env,
      }),
      { logDestination },
    );
    http = createHttpServer(server.yoga);
    await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    http?.closeAllConnections();
    await server?.close();
    expectNoEmail(logs.map((line) => JSON.stringify(line)));
  });

  /**
   * A GraphQL request over HTTP. Pass a `graphql(...)` document from test/generated to have the
   * operation checked against schema.graphql by codegen and its variables typed.
   */
  async function gql<Result, Variables>(
    query: string | TypedDocumentNode<Result, Variables>,
    variables?: Variables,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  }

  return { emulator, gql, url: () => url, logs: () => logs, server: () => server! };
}
