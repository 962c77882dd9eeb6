/**
 * Caller authentication and scopes over real HTTP: usergraph with API keys and JWTs configured,
 * a JWKS served by a local HTTP server, and the emulator's request log as the witness of what
 * reached a provider. Every refused request is checked for its status, its `extensions.code`,
 * the upstream calls it did not make, and the absence of the token in the answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { clerkGet, passageUserId } from '../helpers/emulator-reads.js';
import { useUsergraph } from '../helpers/server.js';

const ISSUER = 'https://auth.example.test/';
const AUDIENCE = 'usergraph';
const KID = 'usergraph-test-1';

const apiKey = (name: string) => `ug_${name}_${randomBytes(24).toString('hex')}`;
const KEYS = {
  read: apiKey('read'),
  readWrite: apiKey('rw'),
  all: apiKey('all'),
  writeOnly: apiKey('write'),
};
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const API_KEYS = [
  `${sha256(KEYS.read)}:read`,
  `${sha256(KEYS.readWrite)}:read+write`,
  `${sha256(KEYS.all)}:read+write+secrets`,
  `${sha256(KEYS.writeOnly)}:write`,
].join(',');

let signing: { privateKey: CryptoKey; publicKey: CryptoKey };
let attacker: { privateKey: CryptoKey; publicKey: CryptoKey };
let pemSigning: { privateKey: CryptoKey; publicKey: CryptoKey };
let pem = '';
let jwks: Server;
let jwksUrl = '';
let jwksFetches = 0;

beforeAll(async () => {
  signing = await generateKeyPair('RS256', { extractable: true });
  attacker = await generateKeyPair('RS256', { extractable: true });
  pemSigning = await generateKeyPair('ES256', { extractable: true });
  pem = await exportSPKI(pemSigning.publicKey);
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  jwks = createHttpServer((_request, response) => {
    jwksFetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  await new Promise((resolve) => jwks?.close(resolve));
});

const now = () => Math.floor(Date.now() / 1000);

/** A JWT as the identity provider would mint it; `claims` and `header` override the defaults. */
async function jwt(
  claims: JWTPayload = {},
  options: { key?: CryptoKey | Uint8Array; alg?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT({ scope: 'read', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? KID, typ: 'JWT' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject('service:frontend')
    .setIssuedAt(now() - 5)
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now() + 600)
    .sign(options.key ?? signing.privateKey);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: any }[] };
}

async function send(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Sent> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What a caller sees must never hold the token it sent, nor any configured key. */
function expectNoSecret(sent: Sent, token: string | undefined) {
  const visible = `${sent.text} ${[...sent.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
  for (const secret of [token, ...Object.values(KEYS), pem].filter((s): s is string => Boolean(s))) {
    expect(visible).not.toContain(secret);
    // A JWT's signature alone would be enough to recognise it.
    if (secret.split('.').length === 3 && secret.split('.')[2]) {
      expect(visible).not.toContain(secret.split('.')[2]);
    }
  }
}

const USER_COUNT = '{ userCount(provider: CLERK) }';

describe('caller authentication with API keys and JWTs from a JWKS URL', () => {
  const { emulator, url } = useUsergraph(
    { users: 10 },
    {
      callerAuth: () => ({
        USERGRAPH_API_KEYS: API_KEYS,
        USERGRAPH_JWKS_URL: jwksUrl,
        USERGRAPH_JWT_ISSUER: ISSUER,
        USERGRAPH_JWT_AUDIENCE: AUDIENCE,
        USERGRAPH_GRAPHIQL: 'true',
      }),
    },
  );
  const upstream = () => emulator().control.requests();
  beforeEach(() => emulator().control.clearRequests());

  /** The hostile half of the table: each is 401 with a Bearer challenge and reaches nothing. */
  const refused: [string, () => Promise<Record<string, string>>, RegExp][] = [
    ['no Authorization header', async () => ({}), /needs `Authorization: Bearer <token>`/],
    [
      'the Basic scheme',
      async () => ({ authorization: `Basic ${Buffer.from(`admin:${KEYS.all}`).toString('base64')}` }),
      /only the Bearer scheme/,
    ],
    ['Bearer with no token', async () => ({ authorization: 'Bearer ' }), /malformed/],
    ['a bearer token with a space in it', async () => bearer(`${KEYS.all} extra`), /malformed/],
    ['a bearer token with characters no token has', async () => bearer(`${KEYS.all}%0A`), /malformed/],
    ['an unknown API key', async () => bearer(apiKey('unknown')), /not a valid API key or JWT/],
    [
      'a configured key with one character changed',
      async () => bearer(`${KEYS.all.slice(0, -1)}${KEYS.all.endsWith('0') ? '1' : '0'}`),
      /not a valid API key or JWT/,
    ],
    ['a hash of a key sent as the key', async () => bearer(sha256(KEYS.all)), /not a valid API key/],
    ['an expired JWT', async () => bearer(await jwt({ exp: now() - 120 })), /has expired/],
    ['a JWT not valid yet', async () => bearer(await jwt({ nbf: now() + 3600 })), /not valid yet/],
    [
      'a JWT from another issuer',
      async () => bearer(await jwt({ iss: 'https://evil.example.test/' })),
      /issuer this API does not accept/,
    ],
    [
      'a JWT for another audience',
      async () => bearer(await jwt({ aud: 'another-service' })),
      /meant for another audience/,
    ],
    [
      'a JWT signed by another key under the trusted kid',
      async () => bearer(await jwt({}, { key: attacker.privateKey })),
      /not signed by a key this API trusts/,
    ],
    [
      'a JWT naming a kid the JWKS does not have',
      async () => bearer(await jwt({}, { key: attacker.privateKey, kid: 'attacker' })),
      /not signed by a key this API trusts/,
    ],
    [
      'an unsigned JWT (alg: none)',
      async () =>
        bearer(
          `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: AUDIENCE, exp: now() + 600, scope: 'read write secrets' })}.`,
        ),
      /not a valid JWT|algorithm/,
    ],
    [
      'an HS256 JWT keyed with the public key (algorithm confusion)',
      async () => {
        const publicPem = await exportSPKI(signing.publicKey);
        return bearer(
          await jwt(
            { scope: 'read write secrets' },
            { alg: 'HS256', key: new TextEncoder().encode(publicPem) },
          ),
        );
      },
      /algorithm this API does not accept/,
    ],
    [
      'a JWT with no expiry',
      async () => {
        const token = await new SignJWT({ scope: 'read' })
          .setProtectedHeader({ alg: 'RS256', kid: KID })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .sign(signing.privateKey);
        return bearer(token);
      },
      /no expiry/,
    ],
  ];

  it.each(refused)(
    'refuses %s with 401 UNAUTHENTICATED and no upstream call',
    async (_name, headersFor, why) => {
      const headers = await headersFor();
      const sent = await send(
        url(),
        'mutation { banUser(input: { userId: "user_2x" }) { __typename } }',
        {},
        headers,
      );
      expect(sent.status).toBe(401);
      expect(sent.headers.get('www-authenticate')).toMatch(/^Bearer realm="usergraph"/);
      expect(sent.body.data).toBeUndefined();
      expect(sent.body.errors).toHaveLength(1);
      expect(sent.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(sent.body.errors?.[0]?.message).toMatch(why);
      expect(upstream()).toEqual([]);
      expectNoSecret(sent, headers.authorization?.replace(/^\S+\s*/, ''));
    },
  );

  it('pins the wire shape of a refusal', async () => {
    const sent = await send(url(), USER_COUNT, {}, bearer(apiKey('unknown')));
    expect({ status: sent.status, challenge: sent.headers.get('www-authenticate'), body: sent.body })
      .toMatchInlineSnapshot(`
      {
        "body": {
          "errors": [
            {
              "extensions": {
                "code": "UNAUTHENTICATED",
              },
              "message": "Unauthenticated: the bearer token is not a valid API key or JWT.",
            },
          ],
        },
        "challenge": "Bearer realm="usergraph", error="invalid_token"",
        "status": 401,
      }
    `);
  });

  it('accepts a JWT whose keys come from the JWKS URL, and one expired within the clock tolerance', async () => {
    const fetchesBefore = jwksFetches;
    for (const token of [await jwt(), await jwt({ exp: now() - 10 })]) {
      const sent = await send(url(), USER_COUNT, {}, bearer(token));
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ data: { userCount: 10 } });
      expectNoSecret(sent, token);
    }
    // jose caches the key set: at most one fetch for both tokens.
    expect(jwksFetches - fetchesBefore).toBeLessThanOrEqual(1);
  });

  it('takes scopes from the JWT `scope` claim: `write` alone reads nothing', async () => {
    const token = await jwt({ scope: 'write' });
    const sent = await send(url(), USER_COUNT, {}, bearer(token));
    expect(sent.status).toBe(200);
    expect(sent.body.data).toEqual({ userCount: null });
    expect(sent.body.errors?.[0]).toMatchObject({
      path: ['userCount'],
      extensions: { code: 'FORBIDDEN', requiredScopes: ['read'] },
    });
    expect(sent.body.errors?.[0]?.message).toMatch(/Query.userCount needs the `read` scope/);
    expect(upstream()).toEqual([]);
  });

  it.each([
    ['user', '{ user(id: "user_2x") { __typename } }'],
    ['node', '{ node(id: "user_2x") { __typename } }'],
    ['nodes', '{ nodes(ids: ["user_2x"]) { __typename } }'],
    ['users', '{ users(provider: CLERK, first: 1) { __typename } }'],
    ['userCount', USER_COUNT],
    ['userByIdentifier', '{ userByIdentifier(identifier: "a@example.com") { __typename } }'],
    ['migration', '{ migration(id: "x") { id } }'],
    ['migrations', '{ migrations { id } }'],
    ['invitations', '{ invitations(first: 1) { __typename } }'],
    ['allowlistIdentifiers', '{ allowlistIdentifiers(first: 1) { __typename } }'],
    ['blocklistIdentifiers', '{ blocklistIdentifiers(first: 1) { __typename } }'],
  ])(
    'needs `read` for Query.%s: FORBIDDEN with a write-only API key, no upstream call',
    async (field, query) => {
      const sent = await send(url(), query, {}, bearer(KEYS.writeOnly));
      expect(sent.body.errors?.[0]).toMatchObject({
        path: [field],
        extensions: { code: 'FORBIDDEN', requiredScopes: ['read'] },
      });
      expect(upstream()).toEqual([]);
      expectNoSecret(sent, KEYS.writeOnly);
    },
  );

  it('covers every root Query field in the table above (a new one must be added there)', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields()).filter(
      // Federation plumbing: `_service` is the SDL (like introspection), `_entities` is below.
      (name) => name !== '_service' && name !== '_entities',
    );
    expect(fields.sort()).toEqual([
      'allowlistIdentifiers',
      'blocklistIdentifiers',
      'invitations',
      'migration',
      'migrations',
      'node',
      'nodes',
      'user',
      'userByIdentifier',
      'userCount',
      'users',
    ]);
  });

  it.runIf(Boolean(schema.getQueryType()?.getFields()._entities))(
    'needs `read` for Query._entities too (federation)',
    async () => {
      const id = (await clerkGet(emulator(), '/users?limit=1'))[0].id;
      emulator().control.clearRequests();
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }';
      const sent = await send(url(), query, { r: [{ __typename: 'User', id }] }, bearer(KEYS.writeOnly));
      expect(sent.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        requiredScopes: ['read'],
      });
      expect(JSON.stringify(sent.body.data ?? null)).not.toContain(id);
      expect(upstream()).toEqual([]);
    },
  );

  it('refuses a subscription without `read` when it starts, not when its first event comes', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(KEYS.writeOnly) },
      body: JSON.stringify({ query: 'subscription { migrationProgress(id: "no-such-run") { state } }' }),
    });
    const events = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line.length > 6)
      .map((line) => JSON.parse(line.slice(6)));
    // Checked per event, the unknown run would have answered NOT_FOUND from the subscribe step.
    expect(events[0]?.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', requiredScopes: ['read'] },
    });
    expect(upstream()).toEqual([]);
  });

  it('lets a `write` key rename a user, but not set its password or read its private metadata', async () => {
    const user = (await clerkGet(emulator(), '/users?limit=1'))[0];
    emulator().control.clearRequests();
    const renamed = await send(
      url(),
      'mutation($id: ID!) { updateUser(input: { userId: $id, firstName: "Renamed" }) { __typename } }',
      { id: user.id },
      bearer(KEYS.readWrite),
    );
    expect(renamed.body.data?.updateUser).toEqual({ __typename: 'UpdateUserPayload' });
    emulator().control.clearRequests();
    const password = await send(
      url(),
      'mutation($id: ID!) { updateUser(input: { userId: $id, firstName: "Again", password: "n3w-pass-phrase-x" }) { __typename } }',
      { id: user.id },
      bearer(KEYS.readWrite),
    );
    expect(password.body.errors?.[0]).toMatchObject({
      path: ['updateUser'],
      extensions: { code: 'FORBIDDEN', requiredScopes: ['secrets'] },
    });
    expect(upstream()).toEqual([]);
    const read = await send(
      url(),
      '{ users(provider: CLERK, first: 1) { ... on UserConnection { edges { node { id privateMetadata } } } } }',
      {},
      bearer(KEYS.readWrite),
    );
    expect(read.body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', requiredScopes: ['secrets'] },
    });
    expect(JSON.stringify(read.body.data)).not.toContain('"privateMetadata":{');
  });

  it('needs `read` for Query._service too: the SDL is not for a token with no scope', async () => {
    const refused = await send(url(), '{ _service { sdl } }', {}, bearer(KEYS.writeOnly));
    expect(refused.body.errors?.[0]).toMatchObject({
      path: ['_service'],
      extensions: { code: 'FORBIDDEN', requiredScopes: ['read'] },
    });
    expect(JSON.stringify(refused.body.data ?? null)).not.toContain('type User');
    const served = await send(url(), '{ _service { sdl } }', {}, bearer(KEYS.read));
    expect(served.body.data?._service.sdl).toContain('type User');
  });

  it('lets a `read` API key query, and refuses its mutations as FORBIDDEN naming `write`, changing nothing', async () => {
    const before = (await clerkGet(emulator(), '/users?limit=1'))[0];
    const passageId = await passageUserId(emulator());
    emulator().control.clearRequests();

    const read = await send(url(), USER_COUNT, {}, bearer(KEYS.read));
    expect(read.body).toEqual({ data: { userCount: 10 } });
    emulator().control.clearRequests();

    const sent = await send(
      url(),
      `mutation($c: ID!, $p: ID!) {
        ban: banUser(input: { userId: $c }) { __typename }
        del: deleteUser(input: { userId: $p }) { __typename }
        meta: updateUserMetadata(input: { userId: $c, publicMetadata: { role: "admin" } }) { __typename }
      }`,
      { c: before.id, p: passageId },
      bearer(KEYS.read),
    );
    expect(sent.status).toBe(200);
    expect(sent.body.data).toEqual({ ban: null, del: null, meta: null });
    expect(sent.body.errors?.map((error) => [error.path, error.extensions])).toEqual([
      [['ban'], { code: 'FORBIDDEN', requiredScopes: ['write'] }],
      [['del'], { code: 'FORBIDDEN', requiredScopes: ['write'] }],
      [['meta'], { code: 'FORBIDDEN', requiredScopes: ['write'] }],
    ]);
    expect(sent.body.errors?.[0]?.message).toMatch(
      /Mutation.banUser needs the `write` scope; .* carry `read`/,
    );
    expect(upstream()).toEqual([]);
    expect((await clerkGet(emulator(), `/users/${before.id}`)).banned).toBe(before.banned);
    expect((await clerkGet(emulator(), `/users/${before.id}`)).public_metadata).toEqual(
      before.public_metadata,
    );
    expect(await passageUserId(emulator())).toBe(passageId);
    expectNoSecret(sent, KEYS.read);
  });

  it('refuses `verifyPassword`, `verifyTotp`, `createTotp` and `oauthAccessTokens` without `secrets`', async () => {
    const id = (await clerkGet(emulator(), '/users?limit=1'))[0].id;
    emulator().control.clearRequests();
    // One operation per check: two checks in one operation are refused by the limits before
    // scopes are even looked at.
    const operations = [
      `p: verifyPassword(input: { userId: $id, password: "correct-horse-battery-staple" }) { __typename }`,
      `t: verifyTotp(input: { userId: $id, code: "123456" }) { __typename }`,
      `c: createTotp(input: { userId: $id }) { __typename }`,
    ];
    const answers = await Promise.all(
      operations.map((field) =>
        send(url(), `mutation($id: ID!) { ${field} }`, { id }, bearer(KEYS.readWrite)),
      ),
    );
    const sent = { text: answers.map((answer) => answer.text).join('\n') };
    expect(answers.map((answer) => answer.body.data)).toEqual([{ p: null }, { t: null }, { c: null }]);
    expect(
      answers.map((answer) => answer.body.errors?.map((error) => [error.path, error.extensions])),
    ).toEqual([
      [[['p'], { code: 'FORBIDDEN', requiredScopes: ['secrets'] }]],
      [[['t'], { code: 'FORBIDDEN', requiredScopes: ['secrets'] }]],
      [[['c'], { code: 'FORBIDDEN', requiredScopes: ['secrets'] }]],
    ]);
    expect(upstream()).toEqual([]);
    expect(sent.text).not.toContain('correct-horse-battery-staple');

    const tokens = await send(
      url(),
      `query($id: ID!) { user(id: $id) { id oauthAccessTokens(provider: "google") { token } } }`,
      { id },
      bearer(KEYS.readWrite),
    );
    expect(tokens.body.data).toEqual({ user: { id, oauthAccessTokens: null } });
    expect(tokens.body.errors).toMatchObject([
      {
        path: ['user', 'oauthAccessTokens'],
        extensions: { code: 'FORBIDDEN', requiredScopes: ['secrets'] },
      },
    ]);
    expect(tokens.body.errors?.[0]?.message).toMatch(/User.oauthAccessTokens needs the `secrets` scope/);
    // The user was read; the token endpoint was never called.
    expect(upstream().length).toBeGreaterThan(0);
    expect(upstream().filter((request) => request.route?.includes('oauth_access_tokens'))).toEqual([]);
    expectNoSecret(tokens, KEYS.readWrite);
  });

  it('serves the right token with the right scopes: secrets, writes and reads', async () => {
    const id = (await clerkGet(emulator(), '/users?limit=1'))[0].id;
    emulator().control.clearRequests();
    const sent = await send(
      url(),
      `mutation($id: ID!) {
        p: verifyPassword(input: { userId: $id, password: "not-the-password" }) {
          __typename ... on VerifyPasswordPayload { verified }
        }
        b: banUser(input: { userId: $id }) { __typename ... on BanUserPayload { user { id } } }
      }`,
      { id },
      bearer(KEYS.all),
    );
    expect(sent.status).toBe(200);
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data.p.__typename).toMatch(/VerifyPasswordPayload|InvalidInputError/);
    expect(sent.body.data.b).toEqual({ __typename: 'BanUserPayload', user: { id } });
    expect(upstream().map((request) => `${request.method} ${request.route}`)).toEqual(
      expect.arrayContaining(['POST /users/{user_id}/verify_password', 'POST /users/{user_id}/ban']),
    );
    expect((await clerkGet(emulator(), `/users/${id}`)).banned).toBe(true);
    expectNoSecret(sent, KEYS.all);

    const token = await jwt({ scope: 'read write secrets' });
    const tokens = await send(
      url(),
      `query($id: ID!) { user(id: $id) { oauthAccessTokens(provider: "google") { provider } } }`,
      { id },
      bearer(token),
    );
    expect(tokens.body.errors).toBeUndefined();
    expect(Array.isArray(tokens.body.data.user.oauthAccessTokens)).toBe(true);
  });

  it('serves GraphiQL without a token, naming no real user', async () => {
    const page = await fetch(url(), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('user_...');
    const ids = (await clerkGet(emulator(), '/users?limit=100')).map((user: { id: string }) => user.id);
    for (const id of ids) expect(html).not.toContain(id);
  });
});

describe('caller authentication with a JWT public key in PEM', () => {
  const { emulator, url } = useUsergraph(
    { users: 5 },
    {
      callerAuth: () => ({
        USERGRAPH_JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n'),
        USERGRAPH_JWT_ISSUER: ISSUER,
        USERGRAPH_JWT_AUDIENCE: `other, ${AUDIENCE}`,
        USERGRAPH_JWT_CLOCK_TOLERANCE: '0',
      }),
    },
  );
  beforeEach(() => emulator().control.clearRequests());

  it('accepts a JWT signed by the matching private key', async () => {
    const token = await jwt({ scope: 'read' }, { key: pemSigning.privateKey, alg: 'ES256' });
    const sent = await send(url(), USER_COUNT, {}, bearer(token));
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ data: { userCount: 5 } });
    expectNoSecret(sent, token);
  });

  it.each([
    ['a JWT signed by the JWKS key instead', () => jwt({}, { key: signing.privateKey })],
    ['an HS256 JWT keyed with this PEM', () => jwt({}, { alg: 'HS256', key: new TextEncoder().encode(pem) })],
    [
      'a JWT expired a second ago (no clock tolerance)',
      () => jwt({ exp: now() - 1 }, { key: pemSigning.privateKey, alg: 'ES256' }),
    ],
    ['an API key (none are configured)', async () => KEYS.all],
  ])('refuses %s', async (_name, mint) => {
    const token = await mint();
    const sent = await send(url(), USER_COUNT, {}, bearer(token));
    expect(sent.status).toBe(401);
    expect(sent.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(emulator().control.requests()).toEqual([]);
    expectNoSecret(sent, token);
  });
});

describe('caller authentication when the JWKS cannot be fetched', () => {
  const { emulator, url } = useUsergraph(
    { users: 1 },
    {
      callerAuth: () => ({
        // Port 1: nothing listens there, so the key set cannot be fetched.
        USERGRAPH_JWKS_URL: 'http://127.0.0.1:1/.well-known/jwks.json',
        USERGRAPH_JWT_ISSUER: ISSUER,
        USERGRAPH_JWT_AUDIENCE: AUDIENCE,
      }),
    },
  );

  it('answers 503 AUTH_UNAVAILABLE (not the caller’s fault), with no upstream call', async () => {
    emulator().control.clearRequests();
    const token = await jwt();
    const sent = await send(url(), USER_COUNT, {}, bearer(token));
    expect(sent.status).toBe(503);
    expect(sent.body.errors?.[0]?.extensions).toEqual({ code: 'AUTH_UNAVAILABLE' });
    expect(emulator().control.requests()).toEqual([]);
    expectNoSecret(sent, token);
  });
});
