/**
 * `useCallerAuth(options)`: who is calling, and with which scopes, decided once per HTTP request
 * before anything is parsed, validated or executed.
 *
 * Options are the `callerAuth` section of the config (`src/config/caller-auth.ts` documents the defaults):
 * - `open` (the embedded default with nothing configured) and `gateway` (`USERGRAPH_AUTH=none`):
 *   every request is a caller with every scope; an `Authorization` header is ignored.
 * - `enforced`: every GraphQL request needs `Authorization: Bearer <token>`. A token shaped like a
 *   JWT is verified with jose when JWTs are configured (signature by an asymmetric algorithm
 *   only, `iss`, `aud`, `exp` and `nbf` with the configured clock tolerance; scopes from the
 *   space-separated `scope` claim). Any other token is an API key: its SHA-256 is compared with
 *   every configured hash in constant time.
 *
 * A missing, malformed, unknown, expired or wrongly signed token ends the request with HTTP 401,
 * `WWW-Authenticate: Bearer` and one GraphQL error coded `UNAUTHENTICATED`: no resolver runs and
 * nothing reaches a provider. The token is never repeated in an answer or a log.
 *
 * The Context gets its caller in yoga's context factory (`server.ts`): `callerOf(request)` hands
 * over what this plugin decided for that request, and fails closed when it decided nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type CryptoKey,
  type JWTVerifyGetKey,
} from 'jose';
import type { CallerAuthConfig, JwtAuthConfig } from '../config/caller-auth.js';
import { SCOPES, type Scope } from '../security/scopes.js';

export interface Caller {
  /** How the caller got in: a verified JWT, an API key, or a mode that checks nobody. */
  kind: 'jwt' | 'apiKey' | 'open' | 'gateway';
  /** The JWT's `sub`, or `api-key-<n>` (its position in `USERGRAPH_API_KEYS`). */
  subject?: string;
  scopes: ReadonlySet<Scope>;
}

const callers = new WeakMap<Request, Caller>();

/** The caller `useCallerAuth` authenticated for this request. */
export function callerOf(request: Request): Caller {
  const caller = callers.get(request);
  // Reaching a resolver without a decision would be a wiring bug: fail closed, never open.
  if (!caller) throw new Error('useCallerAuth did not run for this request');
  return caller;
}

export function useCallerAuth(options: CallerAuthConfig): Plugin {
  // A mode that checks nobody decides synchronously: no promise per request.
  if (options.mode !== 'enforced') {
    const caller: Caller = { kind: options.mode, scopes: new Set(SCOPES) };
    return {
      onRequestParse({ request }) {
        callers.set(request, caller);
      },
    };
  }
  const authenticate = createAuthenticator(options);
  return {
    // Runs for GraphQL requests only (GraphiQL's page and /health are answered before it), and
    // before the body is read: an unauthenticated caller costs no parsing.
    async onRequestParse({ request }) {
      callers.set(request, await authenticate(request.headers.get('authorization')));
    },
  };
}

type Authenticate = (authorization: string | null) => Promise<Caller>;

function createAuthenticator(options: Extract<CallerAuthConfig, { mode: 'enforced' }>): Authenticate {
  const verifyJwt = options.jwt ? jwtVerifier(options.jwt) : undefined;
  const apiKeys = options.apiKeys.map((key) => ({ ...key, digest: Buffer.from(key.sha256, 'hex') }));

  return async (authorization) => {
    if (authorization === null || authorization.trim() === '') {
      throw unauthenticated('this API needs `Authorization: Bearer <token>` (an API key or a JWT)', false);
    }
    const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
    if (!match) {
      const bearer = /^bearer\b/i.test(authorization);
      throw unauthenticated(
        bearer
          ? 'the bearer token is malformed: send `Authorization: Bearer <token>`'
          : 'only the Bearer scheme is accepted: send `Authorization: Bearer <token>`',
        bearer,
      );
    }
    const token = match[1]!;
    // RFC 6750's b64token; a JWT's three base64url parts fit it too.
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
      throw unauthenticated('the bearer token is malformed: send `Authorization: Bearer <token>`', true);
    }
    if (verifyJwt && looksLikeJwt(token)) return verifyJwt(token);

    const digest = createHash('sha256').update(token).digest();
    // Every configured hash is compared, whatever matched, so timing tells nothing.
    let found: (typeof apiKeys)[number] | undefined;
    for (const key of apiKeys) {
      if (timingSafeEqual(digest, key.digest) && !found) found = key;
    }
    if (!found) throw unauthenticated('the bearer token is not a valid API key or JWT', true);
    return { kind: 'apiKey', subject: `api-key-${found.position}`, scopes: new Set(found.scopes) };
  };
}

const looksLikeJwt = (token: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);

function jwtVerifier(config: JwtAuthConfig): (token: string) => Promise<Caller> {
  const key: JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000 })
    : pemKey(config.publicKey!);
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw jwtFailure(error);
    }
    const granted = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    return {
      kind: 'jwt',
      subject: payload.sub,
      scopes: new Set(SCOPES.filter((scope) => granted.includes(scope))),
    };
  };
}

/** One public key, imported once per algorithm a token names (jose has already allowed it). */
function pemKey(pem: string): JWTVerifyGetKey {
  const imported = new Map<string, Promise<CryptoKey>>();
  return async ({ alg }) => {
    let key = imported.get(alg);
    if (!key) {
      key = importSPKI(pem, alg);
      imported.set(alg, key);
    }
    return key;
  };
}

/** What a caller is told about a refused JWT: the reason, never the token or its claims. */
function jwtFailure(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return unauthenticated('the token has expired', true);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reasons: Record<string, string> = {
      nbf: 'the token is not valid yet',
      iat: 'the token was issued in the future',
      iss: 'the token was issued by an issuer this API does not accept',
      aud: 'the token is meant for another audience',
      exp: 'the token has no expiry',
    };
    return unauthenticated(
      reasons[error.claim] ?? `the token's \`${error.claim}\` claim is not accepted`,
      true,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return unauthenticated('the token is signed with an algorithm this API does not accept', true);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('the token is not signed by a key this API trusts', true);
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return unauthenticated('the token is not a valid JWT', true);
  }
  // The key set could not be fetched or read: our problem, not the caller's.
  return createGraphQLError('caller authentication is unavailable: the signing keys could not be loaded', {
    extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503 } },
  });
}

/** HTTP 401 and `WWW-Authenticate: Bearer` (RFC 6750), with `error="invalid_token"` when one was sent. */
function unauthenticated(message: string, tokenSent: boolean): Error {
  return createGraphQLError(`Unauthenticated: ${message}.`, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: {
        status: 401,
        headers: {
          'WWW-Authenticate': tokenSent
            ? 'Bearer realm="usergraph", error="invalid_token"'
            : 'Bearer realm="usergraph"',
        },
      },
    },
  });
}
