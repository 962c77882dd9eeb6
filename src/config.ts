/**
 * Environment → typed configuration, parsed once. Nothing else in the project reads
 * `process.env`; a bad value fails with one message that names the variable and what it got.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FaultSpec, StartOptions } from './emulator/index.js';
import { DEFAULT_SEED_USERS } from './emulator/index.js';
import { DEFAULT_LIMITS, type Limits } from './plugins/use-limits.js';
import type { ClerkProviderOptions } from './providers/clerk/index.js';
import type { PassageProviderOptions } from './providers/passage/index.js';
import { faultSpecSchema } from './emulator/faults.js';
import { rateLimitSpecSchema, type RateLimitSpec } from './emulator/rate-limit.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export interface ServerConfig {
  port: number;
  /**
   * Set when `CLERK_SECRET_KEY` is. Its `http` tunes the calls to Clerk: connections from
   * `USERGRAPH_UPSTREAM_CONNECTIONS`; timeouts, retries and the rate budget only in code.
   */
  clerk?: ClerkProviderOptions;
  /** Set when `PASSAGE_APP_ID` and `PASSAGE_API_KEY` are; its `http` as Clerk's. */
  passage?: PassageProviderOptions;
  /**
   * No provider credentials at all: the server starts the emulator in-process with seeded demo
   * data for both providers (the embedded default), and says so.
   */
  embedded: boolean;
  /** Users the embedded emulator seeds per provider. */
  embeddedUsers: number;
  /** Who may call usergraph, and with which scopes (see `CallerAuthConfig`). */
  callerAuth: CallerAuthConfig;
  /** Abuse limits every request meets (see `useLimits`). */
  limits: Limits;
  /** Password and TOTP checks allowed per user per 15 minutes. */
  verifyAttemptsPerUser: number;
  /** Serve GraphiQL at /graphql in a browser (default: only on the embedded default). */
  graphiql: boolean;
  /** Answer introspection queries (default: only on the embedded default). */
  introspection: boolean;
  /** Origins allowed to call from a browser (CORS); none means same-origin only. */
  corsOrigins: string[];
  /** Where migrations started through GraphQL keep their journal and reports. */
  migrationDirectory: string;
  /**
   * `USERGRAPH_TRUSTED_DOCUMENTS`: when set, only these documents run, each under the sha256 hex
   * of its text (see `useTrustedDocuments`); unset, any document may run.
   */
  trustedDocuments?: ReadonlyMap<string, string>;
}

/** What a caller may do: `read` queries, `write` admin mutations, `secrets` read or check secrets. */
export const SCOPES = ['read', 'write', 'secrets'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * `open`: nothing configured on the embedded default (demo data), every caller has every scope.
 * `gateway`: `USERGRAPH_AUTH=none`, something in front authenticates callers; every scope.
 * `enforced`: every request needs a bearer JWT or API key, whose scopes decide what it may do.
 */
export type CallerAuthConfig =
  | { mode: 'open' }
  | { mode: 'gateway' }
  | { mode: 'enforced'; jwt: JwtAuthConfig | undefined; apiKeys: ApiKeyConfig[] };

export interface JwtAuthConfig {
  /** Where the signing keys are published (`USERGRAPH_JWKS_URL`)... */
  jwksUrl?: string;
  /** ...or the one public key, PEM (SPKI), from `USERGRAPH_JWT_PUBLIC_KEY`. */
  publicKey?: string;
  /** The signature algorithms accepted: asymmetric only (never `none` or an HMAC). */
  algorithms: string[];
  issuer: string;
  /** Any one of these must be in the token's `aud`. */
  audience: string[];
  clockToleranceSeconds: number;
}

export interface ApiKeyConfig {
  /** SHA-256 of the key, lowercase hex: the key itself is never configured. */
  sha256: string;
  scopes: Scope[];
  /** 1-based position in `USERGRAPH_API_KEYS`, to name the key without revealing it. */
  position: number;
}

/** Every asymmetric JWS algorithm jose verifies; HMAC (`HS*`) and `none` are never accepted. */
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** `CLERK_*` and `PASSAGE_*`: each provider is configured when its key is set. */
function providerCredentials(env: Env): Pick<ServerConfig, 'clerk' | 'passage'> {
  const clerkSecretKey = nonEmpty(env.CLERK_SECRET_KEY);
  const passageAppId = nonEmpty(env.PASSAGE_APP_ID);
  const passageApiKey = nonEmpty(env.PASSAGE_API_KEY);
  if ((passageAppId === undefined) !== (passageApiKey === undefined)) {
    throw new ConfigError(
      `PASSAGE_APP_ID and PASSAGE_API_KEY go together: set both or neither (only ${passageAppId ? 'PASSAGE_APP_ID' : 'PASSAGE_API_KEY'} is set)`,
    );
  }
  const http = upstreamHttp(env);
  const clerk = clerkSecretKey
    ? { secretKey: clerkSecretKey, apiUrl: url(env, 'CLERK_API_URL', 'https://api.clerk.com/v1'), http }
    : undefined;
  const passage =
    passageAppId && passageApiKey
      ? {
          appId: passageAppId,
          apiKey: passageApiKey,
          apiUrl: url(env, 'PASSAGE_API_URL', 'https://api.passage.id/v1'),
          http,
        }
      : undefined;
  return { clerk, passage };
}

export interface MigrationConfig {
  /** The target; required. */
  clerk: NonNullable<ServerConfig['clerk']>;
  /** The live source, when the migration reads Passage's API (or the emulator) directly. */
  passage: ServerConfig['passage'];
}

/** Configuration of `npm run migrate`: the same provider variables as the server's. */
export function loadMigrationConfig(env: Env = process.env): MigrationConfig {
  const { clerk, passage } = providerCredentials(env);
  if (!clerk) {
    throw new ConfigError(
      'CLERK_SECRET_KEY must be set: the migration writes to Clerk (for a rehearsal, point CLERK_API_URL at `npm run emulator`)',
    );
  }
  return { clerk, passage };
}

/** Configuration of `npm start` (see the README's configuration table). */
export function loadConfig(env: Env = process.env): ServerConfig {
  const port = integer(env, 'PORT', 4000, 0, 65_535);
  const { clerk, passage } = providerCredentials(env);
  const embedded = !clerk && !passage;
  const callerAuth = loadCallerAuth(env, embedded);
  return {
    port,
    clerk,
    passage,
    embedded,
    embeddedUsers: integer(env, 'EMULATOR_SEED_USERS', DEFAULT_SEED_USERS, 0, 1_000_000),
    callerAuth,
    limits: {
      maxRequestBytes: integer(
        env,
        'USERGRAPH_MAX_REQUEST_BYTES',
        DEFAULT_LIMITS.maxRequestBytes,
        1024,
        10_000_000,
      ),
      maxUploadBytes: integer(
        env,
        'USERGRAPH_MAX_UPLOAD_BYTES',
        DEFAULT_LIMITS.maxUploadBytes,
        1024,
        50_000_000,
      ),
      maxTokens: integer(env, 'USERGRAPH_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 100_000),
      maxDepth: integer(env, 'USERGRAPH_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
      maxAliases: integer(env, 'USERGRAPH_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 1000),
      maxDirectives: integer(env, 'USERGRAPH_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 1000),
      maxComplexity: integer(env, 'USERGRAPH_MAX_COMPLEXITY', DEFAULT_LIMITS.maxComplexity, 10, 1_000_000),
      maxEntities: integer(env, 'USERGRAPH_MAX_ENTITIES', DEFAULT_LIMITS.maxEntities, 1, 10_000),
    },
    verifyAttemptsPerUser: integer(env, 'USERGRAPH_VERIFY_ATTEMPTS', 5, 1, 1000),
    // Production answers its own clients, not explorers: on real data both are opt-in.
    graphiql: flag(env, 'USERGRAPH_GRAPHIQL', embedded),
    introspection: flag(env, 'USERGRAPH_INTROSPECTION', embedded),
    corsOrigins: origins(env, 'USERGRAPH_CORS_ORIGINS'),
    migrationDirectory: nonEmpty(env.USERGRAPH_MIGRATION_DIR) ?? join('.usergraph', 'migrations'),
    trustedDocuments: trustedDocuments(env, 'USERGRAPH_TRUSTED_DOCUMENTS'),
  };
}

/**
 * The manifest a path names, `{ "<sha256 hex of the document>": "<document>" }` (what
 * graphql-codegen's client preset writes with `persistedDocuments`), with every key checked
 * against its document so a hand-edited entry cannot run under another document's hash.
 */
function trustedDocuments(env: Env, name: string): ReadonlyMap<string, string> | undefined {
  const path = nonEmpty(env[name]);
  if (path === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code
        ? `${name} must name a readable file, got ${JSON.stringify(path)} (${code})`
        : `${name} must name a JSON manifest, got ${JSON.stringify(path)}, which is not JSON`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError(`${name} must hold a JSON object of "<sha256 hex>": "<document>" entries`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      const shown = JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}…` : hash);
      throw new ConfigError(`${name} keys must be sha256 hex digests (64 characters 0-9, a-f), got ${shown}`);
    }
    if (typeof document !== 'string') {
      throw new ConfigError(`${name} entry ${hash} must be a document string, got ${typeof document}`);
    }
    const actual = createHash('sha256').update(document).digest('hex');
    if (actual !== hash) {
      throw new ConfigError(`${name} entry ${hash} holds a document whose sha256 is ${actual}`);
    }
    documents.set(hash, document);
  }
  if (documents.size === 0) throw new ConfigError(`${name} lists no document: nothing could run`);
  return documents;
}

/** The providers' HTTP tuning the environment may set; Clerk's and Passage's have the same shape. */
function upstreamHttp(env: Env): NonNullable<ClerkProviderOptions['http']> {
  // Unset keeps the HTTP client's own default, documented where it is applied (providers/http.ts).
  if (nonEmpty(env.USERGRAPH_UPSTREAM_CONNECTIONS) === undefined) return {};
  return { connections: integer(env, 'USERGRAPH_UPSTREAM_CONNECTIONS', 0, 1, 1024) };
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

/** `https://app.example.com,https://admin.example.com`: exact origins, no wildcards. */
function origins(env: Env, name: string): string[] {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return [];
  return raw.split(',').map((entry, i) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new ConfigError(
        `${name} entry ${i + 1} must be an origin like https://app.example.com, got ${JSON.stringify(origin)}`,
      );
    }
    return origin;
  });
}

/**
 * The start rules. usergraph holds the keys to every user account: with real provider credentials
 * it never runs open by accident, so it either authenticates callers itself or is told
 * (`USERGRAPH_AUTH=none`) that a gateway in front does.
 */
function loadCallerAuth(env: Env, embedded: boolean): CallerAuthConfig {
  const authMode = nonEmpty(env.USERGRAPH_AUTH);
  if (authMode !== undefined && authMode !== 'none') {
    throw new ConfigError(
      `USERGRAPH_AUTH may only be "none" (a gateway authenticates callers), got ${JSON.stringify(authMode)}`,
    );
  }
  const jwt = jwtAuth(env);
  const apiKeys = apiKeyList(env, 'USERGRAPH_API_KEYS');
  const configured = jwt !== undefined || apiKeys.length > 0;
  if (authMode === 'none') {
    if (configured) {
      throw new ConfigError(
        `USERGRAPH_AUTH=none says a gateway authenticates callers, yet ${jwt ? 'a JWT key' : 'USERGRAPH_API_KEYS'} is set: unset one or the other`,
      );
    }
    return { mode: 'gateway' };
  }
  if (configured) return { mode: 'enforced', jwt, apiKeys };
  if (embedded) return { mode: 'open' };
  throw new ConfigError(
    'provider credentials are set but nothing authenticates callers: set USERGRAPH_API_KEYS, or USERGRAPH_JWKS_URL (or USERGRAPH_JWT_PUBLIC_KEY) with USERGRAPH_JWT_ISSUER and USERGRAPH_JWT_AUDIENCE, or USERGRAPH_AUTH=none when a gateway in front of usergraph authenticates callers',
  );
}

function jwtAuth(env: Env): JwtAuthConfig | undefined {
  const jwksUrl = nonEmpty(env.USERGRAPH_JWKS_URL);
  const pem = nonEmpty(env.USERGRAPH_JWT_PUBLIC_KEY);
  const issuer = nonEmpty(env.USERGRAPH_JWT_ISSUER);
  const audience = nonEmpty(env.USERGRAPH_JWT_AUDIENCE);
  if (jwksUrl === undefined && pem === undefined) {
    const stray = [
      issuer && 'USERGRAPH_JWT_ISSUER',
      audience && 'USERGRAPH_JWT_AUDIENCE',
      nonEmpty(env.USERGRAPH_JWT_CLOCK_TOLERANCE) && 'USERGRAPH_JWT_CLOCK_TOLERANCE',
    ].filter(Boolean);
    if (stray.length > 0) {
      throw new ConfigError(
        `${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set but no key verifies JWTs: set USERGRAPH_JWKS_URL or USERGRAPH_JWT_PUBLIC_KEY`,
      );
    }
    return undefined;
  }
  if (jwksUrl !== undefined && pem !== undefined) {
    throw new ConfigError('USERGRAPH_JWKS_URL and USERGRAPH_JWT_PUBLIC_KEY are both set: set one of them');
  }
  const missing = [!issuer && 'USERGRAPH_JWT_ISSUER', !audience && 'USERGRAPH_JWT_AUDIENCE'].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      `JWTs are enabled (${jwksUrl ? 'USERGRAPH_JWKS_URL' : 'USERGRAPH_JWT_PUBLIC_KEY'}), so ${missing.join(' and ')} must be set: a token minted for another service must not open this one`,
    );
  }
  const common = {
    issuer: issuer!,
    audience: audience!
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean),
    clockToleranceSeconds: integer(env, 'USERGRAPH_JWT_CLOCK_TOLERANCE', 30, 0, 300),
  };
  if (jwksUrl !== undefined) {
    return { jwksUrl: jwksUrlOf(jwksUrl), algorithms: ASYMMETRIC_ALGORITHMS, ...common };
  }
  // Often set through a one-line variable, with the PEM's newlines written as `\n`.
  const publicKey = pem!.replace(/\\n/g, '\n').trim();
  return { publicKey, algorithms: algorithmsForPem(publicKey), ...common };
}

/** https, or http on this machine only (a local identity provider, tests). */
function jwksUrlOf(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`USERGRAPH_JWKS_URL must be an https URL, got ${JSON.stringify(raw)}`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new ConfigError(
      `USERGRAPH_JWKS_URL must be an https URL (http only on localhost), got ${JSON.stringify(raw)}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new ConfigError('USERGRAPH_JWKS_URL must not hold credentials');
  }
  return parsed.href;
}

/** The algorithms a public key can verify; anything but a public RSA, EC or Ed25519 key is refused. */
function algorithmsForPem(pem: string): string[] {
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError(
      'USERGRAPH_JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----..."), got text that does not parse as one',
    );
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec': {
      const alg = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }[curve ?? ''];
      if (alg) return [alg];
      break;
    }
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
  }
  throw new ConfigError(
    `USERGRAPH_JWT_PUBLIC_KEY must be an RSA, EC (P-256, P-384, P-521) or Ed25519 public key, got ${key.asymmetricKeyType ?? 'an unknown'} key`,
  );
}

/**
 * `<sha256 hex of the key>:<scope>[+<scope>...]`, comma-separated. Entries are named by position,
 * never by content: a hash (or a key pasted by mistake) does not belong in a log.
 */
function apiKeyList(env: Env, name: string): ApiKeyConfig[] {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return [];
  const entries = raw.split(',');
  const keys: ApiKeyConfig[] = [];
  entries.forEach((entry, index) => {
    const position = index + 1;
    const where = `${name} entry ${position} of ${entries.length}`;
    const [hash, scopeList, ...rest] = entry.trim().split(':');
    if (!hash || scopeList === undefined || rest.length > 0) {
      throw new ConfigError(
        `${where} must look like "<sha256 hex of the key>:<scope>[+<scope>...]" with scopes from ${SCOPES.join(', ')}`,
      );
    }
    if (!/^[0-9a-fA-F]{64}$/.test(hash)) {
      throw new ConfigError(
        `${where} must start with the SHA-256 of the key as 64 hex characters (printf %s "$KEY" | sha256sum), got ${hash.length} characters${/^[0-9a-fA-F]*$/.test(hash) ? '' : ' that are not all hex'}`,
      );
    }
    const scopes = scopeList.split('+').map((scope) => scope.trim());
    for (const scope of scopes) {
      if (!(SCOPES as readonly string[]).includes(scope)) {
        // A short word is shown (a typo to fix); anything else might be a key pasted in the wrong place.
        const shown = /^[A-Za-z]{1,16}$/.test(scope) ? ` "${scope}"` : '';
        throw new ConfigError(`${where} has an unknown scope${shown}: scopes are ${SCOPES.join(', ')}`);
      }
    }
    const sha256 = hash.toLowerCase();
    const earlier = keys.find((key) => key.sha256 === sha256);
    if (earlier) {
      throw new ConfigError(`${where} repeats the key of entry ${earlier.position}: list each key once`);
    }
    keys.push({ sha256, scopes: [...new Set(scopes as Scope[])], position });
  });
  return keys;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new ConfigError(`${name} must be a plain base URL without credentials, query or fragment`);
  }
  return raw.replace(/\/+$/, '');
}

/** Configuration of `npm run emulator` (see the README's emulator section). */
export function loadEmulatorConfig(
  env: Env = process.env,
): Required<Pick<StartOptions, 'port' | 'host'>> & StartOptions {
  const port = integer(env, 'EMULATOR_PORT', 4010, 0, 65_535);
  const latencyMs = integer(env, 'EMULATOR_LATENCY_MS', 0, 0, 60_000);
  const jitterMs = integer(env, 'EMULATOR_LATENCY_JITTER_MS', 0, 0, 60_000);
  const errorRate = fraction(env, 'EMULATOR_ERROR_RATE');
  const faults: FaultSpec[] = [];
  if (latencyMs > 0 || jitterMs > 0) faults.push({ kind: 'latency', ms: latencyMs, jitterMs });
  if (errorRate > 0) faults.push({ kind: 'status', status: 503, probability: errorRate });
  faults.push(...faultList(env, 'EMULATOR_FAULTS'));
  return {
    port,
    host: nonEmpty(env.EMULATOR_HOST) ?? '127.0.0.1',
    users: integer(env, 'EMULATOR_SEED_USERS', DEFAULT_SEED_USERS, 0, 1_000_000),
    seed: integer(env, 'EMULATOR_SEED', 1, 0, 2 ** 31),
    keys: {
      clerkSecretKey: nonEmpty(env.CLERK_SECRET_KEY),
      passageAppId: nonEmpty(env.PASSAGE_APP_ID),
      passageApiKey: nonEmpty(env.PASSAGE_API_KEY),
    },
    faults,
    rateLimits: rateLimits(env, 'EMULATOR_RATE_LIMIT'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function fraction(env: Env, name: string): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${name} must be a probability from 0 to 1, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `clerk=100/10s,passage=50/1s`: a request budget per provider and window. */
function rateLimits(env: Env, name: string): Partial<Record<'clerk' | 'passage', RateLimitSpec>> {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return {};
  const limits: Partial<Record<'clerk' | 'passage', RateLimitSpec>> = {};
  for (const part of raw.split(',')) {
    const match = /^\s*(clerk|passage)\s*=\s*(\d+)\s*\/\s*(\d+)(ms|s)\s*$/.exec(part);
    if (!match) {
      throw new ConfigError(
        `${name} must look like "clerk=100/10s,passage=50/1s", got ${JSON.stringify(raw)}`,
      );
    }
    const [, provider, limit, amount, unit] = match as unknown as [
      string,
      'clerk' | 'passage',
      string,
      string,
      string,
    ];
    const windowMs = Number(amount) * (unit === 's' ? 1000 : 1);
    const parsed = rateLimitSpecSchema.safeParse({ limit: Number(limit), windowMs });
    if (!parsed.success) throw new ConfigError(`${name}: ${z.prettifyError(parsed.error)}`);
    limits[provider] = parsed.data;
  }
  return limits;
}

/** A JSON array of fault specs, the same shape `POST /__emulator/faults` takes. */
function faultList(env: Env, name: string): FaultSpec[] {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a JSON array of fault specs, got text that is not JSON`);
  }
  const parsed = z.array(faultSpecSchema).safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`${name} holds an invalid fault: ${z.prettifyError(parsed.error)}`);
  return value as FaultSpec[];
}
