/**
 * Who may call usergraph (`USERGRAPH_AUTH`, `USERGRAPH_API_KEYS`, `USERGRAPH_JWKS_URL` or
 * `USERGRAPH_JWT_PUBLIC_KEY` with `USERGRAPH_JWT_*`): the `callerAuth` section of the server's
 * configuration, read by `useCallerAuth`.
 */
import { createPublicKey } from 'node:crypto';
import { SCOPES, type Scope } from '../security/scopes.js';
import { ConfigError, integer, nonEmpty, type Env } from './env.js';

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

/**
 * The start rules. usergraph holds the keys to every user account: with real provider credentials
 * it never runs open by accident, so it either authenticates callers itself or is told
 * (`USERGRAPH_AUTH=none`) that a gateway in front does.
 */
export function loadCallerAuth(env: Env, embedded: boolean): CallerAuthConfig {
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
