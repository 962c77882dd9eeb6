import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/server.js';
import { loadEmulatorConfig } from '../src/emulator/config.js';

describe('loadEmulatorConfig', () => {
  it('has working defaults with an empty environment', () => {
    expect(loadEmulatorConfig({})).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      users: 50,
      seed: 1,
      faults: [],
      rateLimits: {},
    });
  });

  it('reads every variable', () => {
    const config = loadEmulatorConfig({
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_SEED_USERS: '10000',
      EMULATOR_SEED: '7',
      EMULATOR_LATENCY_MS: '20',
      EMULATOR_LATENCY_JITTER_MS: '5',
      EMULATOR_ERROR_RATE: '0.01',
      EMULATOR_RATE_LIMIT: 'clerk=100/10s, passage=50/500ms',
      EMULATOR_FAULTS: '[{"kind":"reset","provider":"passage","probability":0.1}]',
      CLERK_SECRET_KEY: 'sk_test_from_env',
      PASSAGE_APP_ID: 'app_env',
      PASSAGE_API_KEY: 'key_env',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      users: 10_000,
      seed: 7,
      keys: { clerkSecretKey: 'sk_test_from_env', passageAppId: 'app_env', passageApiKey: 'key_env' },
      rateLimits: { clerk: { limit: 100, windowMs: 10_000 }, passage: { limit: 50, windowMs: 500 } },
      faults: [
        { kind: 'latency', ms: 20, jitterMs: 5 },
        { kind: 'status', status: 503, probability: 0.01 },
        { kind: 'reset', provider: 'passage', probability: 0.1 },
      ],
    });
  });

  it.each([
    ['EMULATOR_PORT', 'abc', /EMULATOR_PORT must be an integer from 0 to 65535, got "abc"/],
    ['EMULATOR_PORT', '70000', /EMULATOR_PORT/],
    ['EMULATOR_SEED_USERS', '-5', /EMULATOR_SEED_USERS/],
    ['EMULATOR_LATENCY_MS', '1.5', /EMULATOR_LATENCY_MS/],
    ['EMULATOR_ERROR_RATE', '2', /EMULATOR_ERROR_RATE must be a probability/],
    ['EMULATOR_RATE_LIMIT', 'clerk:100', /EMULATOR_RATE_LIMIT must look like/],
    ['EMULATOR_RATE_LIMIT', 'clerk=0/10s', /EMULATOR_RATE_LIMIT/],
    ['EMULATOR_FAULTS', '{not json', /EMULATOR_FAULTS must be a JSON array/],
    ['EMULATOR_FAULTS', '[{"kind":"status","status":99}]', /EMULATOR_FAULTS holds an invalid fault/],
  ])('names %s when it is %j', (name, value, message) => {
    expect(() => loadEmulatorConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadEmulatorConfig({ [name]: value })).toThrow(message);
  });
});

describe('loadConfig', () => {
  it('listens on every interface unless USERGRAPH_HOST names one', () => {
    expect(loadConfig({}).host).toBeUndefined();
    expect(loadConfig({ USERGRAPH_HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ USERGRAPH_HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ USERGRAPH_HOST: 'usergraph.internal' }).host).toBe('usergraph.internal');
    expect(() => loadConfig({ USERGRAPH_HOST: 'http://0.0.0.0:4000' })).toThrow(
      new ConfigError(
        'USERGRAPH_HOST must be an IP address or a host name, like 127.0.0.1, got "http://0.0.0.0:4000"',
      ),
    );
  });

  it('runs on the embedded default with no provider credentials', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      embedded: true,
      embeddedUsers: 50,
      callerAuth: { mode: 'open' },
    });
    expect([config.clerk, config.passage]).toEqual([undefined, undefined]);
  });

  it('configures each provider from the names the official SDKs use', () => {
    expect(
      loadConfig({
        PORT: '8080',
        CLERK_SECRET_KEY: 'sk_live_x',
        PASSAGE_APP_ID: 'app',
        PASSAGE_API_KEY: 'key',
        PASSAGE_API_URL: 'http://localhost:4010/passage/v1/',
        USERGRAPH_AUTH: 'none',
      }),
    ).toMatchObject({
      port: 8080,
      embedded: false,
      embeddedUsers: 50,
      callerAuth: { mode: 'gateway' },
      clerk: { secretKey: 'sk_live_x', apiUrl: 'https://api.clerk.com/v1' },
      passage: { appId: 'app', apiKey: 'key', apiUrl: 'http://localhost:4010/passage/v1' },
    });
  });

  it('gives both providers USERGRAPH_UPSTREAM_CONNECTIONS, and leaves the default alone when unset', () => {
    const providers = {
      CLERK_SECRET_KEY: 'sk',
      PASSAGE_APP_ID: 'app',
      PASSAGE_API_KEY: 'key',
      USERGRAPH_AUTH: 'none',
    };
    expect(loadConfig({ ...providers, USERGRAPH_UPSTREAM_CONNECTIONS: '128' })).toMatchObject({
      clerk: { http: { connections: 128 } },
      passage: { http: { connections: 128 } },
    });
    expect(loadConfig(providers)).toMatchObject({ clerk: { http: {} }, passage: { http: {} } });
  });

  it('reads the upstream budget, with its defaults', () => {
    const providers = {
      CLERK_SECRET_KEY: 'sk',
      PASSAGE_APP_ID: 'app',
      PASSAGE_API_KEY: 'key',
      USERGRAPH_AUTH: 'none',
    };
    expect(loadConfig(providers)).toMatchObject({
      clerk: { http: { rateLimit: { requests: 900, intervalMs: 10_000 }, maxQueueMs: 2_000 } },
      passage: { http: { rateLimit: undefined, maxQueueMs: 2_000 } },
      budget: { callerRate: { requests: 300, intervalMs: 10_000 }, requestTimeoutMs: 15_000 },
    });
    expect(
      loadConfig({
        ...providers,
        USERGRAPH_CLERK_RATE_LIMIT: '90/10s',
        USERGRAPH_PASSAGE_RATE_LIMIT: '50/1s',
        USERGRAPH_UPSTREAM_QUEUE_MS: '500',
        USERGRAPH_REQUEST_TIMEOUT_MS: '2000',
      }),
    ).toMatchObject({
      clerk: { http: { rateLimit: { requests: 90, intervalMs: 10_000 }, maxQueueMs: 500 } },
      passage: { http: { rateLimit: { requests: 50, intervalMs: 1_000 }, maxQueueMs: 500 } },
      // A third of Clerk's, which comes first when both have one.
      budget: { callerRate: { requests: 30, intervalMs: 10_000 }, requestTimeoutMs: 2_000 },
    });
    expect(loadConfig({ ...providers, USERGRAPH_CALLER_BUDGET: '120' }).budget.callerRate).toEqual({
      requests: 120,
      intervalMs: 10_000,
    });
    expect(loadConfig({ ...providers, USERGRAPH_CALLER_BUDGET: '60/2s' }).budget.callerRate).toEqual({
      requests: 60,
      intervalMs: 2_000,
    });
    const passageOnly = { PASSAGE_APP_ID: 'app', PASSAGE_API_KEY: 'key', USERGRAPH_AUTH: 'none' };
    expect(loadConfig(passageOnly).budget.callerRate).toBeUndefined();
  });

  it.each([
    [{ PASSAGE_APP_ID: 'app' }, /PASSAGE_APP_ID and PASSAGE_API_KEY go together.*only PASSAGE_APP_ID/],
    [{ PASSAGE_API_KEY: 'key' }, /only PASSAGE_API_KEY/],
    [
      { CLERK_SECRET_KEY: 'sk', CLERK_API_URL: 'ftp://x', USERGRAPH_AUTH: 'none' },
      /CLERK_API_URL must be an http\(s\) URL/,
    ],
    [
      { CLERK_SECRET_KEY: 'sk', CLERK_API_URL: 'not a url', USERGRAPH_AUTH: 'none' },
      /CLERK_API_URL must be an http\(s\) URL/,
    ],
    [
      { CLERK_SECRET_KEY: 'sk', CLERK_API_URL: 'https://u:p@api.clerk.com/v1' },
      /CLERK_API_URL must be a plain base URL/,
    ],
    [{ PORT: '-1' }, /PORT must be an integer/],
    [
      { CLERK_SECRET_KEY: 'sk_live_x' },
      /nothing authenticates callers: set USERGRAPH_API_KEYS, .*USERGRAPH_AUTH=none/,
    ],
    [{ USERGRAPH_AUTH: 'off' }, /USERGRAPH_AUTH may only be "none"/],
    [
      { USERGRAPH_UPSTREAM_CONNECTIONS: '0' },
      /USERGRAPH_UPSTREAM_CONNECTIONS must be an integer from 1 to 1024, got "0"/,
    ],
    [
      { USERGRAPH_CLERK_RATE_LIMIT: '900 per 10s' },
      /^USERGRAPH_CLERK_RATE_LIMIT must be <requests>\/<seconds>s, like 900\/10s, got "900 per 10s"$/,
    ],
    [
      { USERGRAPH_PASSAGE_RATE_LIMIT: '0/10s' },
      /^USERGRAPH_PASSAGE_RATE_LIMIT must be <requests>\/<seconds>s/,
    ],
    [{ USERGRAPH_CALLER_BUDGET: '0' }, /^USERGRAPH_CALLER_BUDGET must be an integer from 1/],
    [{ USERGRAPH_CALLER_BUDGET: '10/100ms' }, /^USERGRAPH_CALLER_BUDGET must be <requests>\/<seconds>s/],
    [
      { USERGRAPH_UPSTREAM_QUEUE_MS: '-1' },
      /^USERGRAPH_UPSTREAM_QUEUE_MS must be an integer from 0 to 600000/,
    ],
    [
      { USERGRAPH_REQUEST_TIMEOUT_MS: '10' },
      /^USERGRAPH_REQUEST_TIMEOUT_MS must be an integer from 100 to 600000/,
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts a key in its messages', () => {
    expect(() => loadConfig({ PASSAGE_API_KEY: 'passage_secret_value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('passage_secret_value') }),
    );
  });
});

describe('loadConfig: caller authentication', () => {
  const KEY = 'ug_live_0123456789abcdef';
  const HASH = createHash('sha256').update(KEY).digest('hex');
  const OTHER = createHash('sha256').update('another key').digest('hex');
  const CLERK = { CLERK_SECRET_KEY: 'sk_live_x' };
  const JWT = { USERGRAPH_JWT_ISSUER: 'https://auth.example.com/', USERGRAPH_JWT_AUDIENCE: 'usergraph' };
  const pem = (type: 'rsa' | 'ec' | 'ed25519' | 'x25519', options: object = {}): string => {
    const generate = generateKeyPairSync as (type: string, options: object) => { publicKey: KeyObject };
    return generate(type, { modulusLength: 2048, ...options }).publicKey.export({
      type: 'spki',
      format: 'pem',
    }) as string;
  };

  it('parses USERGRAPH_API_KEYS: hashes (any case), scopes, positions', () => {
    const config = loadConfig({
      ...CLERK,
      USERGRAPH_API_KEYS: ` ${HASH.toUpperCase()}:read+write , ${OTHER}:secrets+read+read`,
    });
    expect(config.callerAuth).toEqual({
      mode: 'enforced',
      jwt: undefined,
      apiKeys: [
        { sha256: HASH, scopes: ['read', 'write'], position: 1 },
        { sha256: OTHER, scopes: ['secrets', 'read'], position: 2 },
      ],
    });
  });

  it('parses a JWKS URL with its issuer, audiences and clock tolerance (30 s by default)', () => {
    expect(
      loadConfig({ ...CLERK, ...JWT, USERGRAPH_JWKS_URL: 'https://auth.example.com/.well-known/jwks.json' })
        .callerAuth,
    ).toEqual({
      mode: 'enforced',
      apiKeys: [],
      jwt: {
        jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
        algorithms: expect.not.arrayContaining(['HS256', 'none']),
        issuer: 'https://auth.example.com/',
        audience: ['usergraph'],
        clockToleranceSeconds: 30,
      },
    });
    const local = loadConfig({
      ...JWT,
      USERGRAPH_JWKS_URL: 'http://127.0.0.1:9000/jwks',
      USERGRAPH_JWT_AUDIENCE: 'a, b',
      USERGRAPH_JWT_CLOCK_TOLERANCE: '0',
    }).callerAuth;
    expect(local).toMatchObject({ jwt: { audience: ['a', 'b'], clockToleranceSeconds: 0 } });
  });

  it.each([
    ['an RSA key', pem('rsa'), ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
    ['a P-256 key', pem('ec', { namedCurve: 'P-256' }), ['ES256']],
    ['a P-384 key', pem('ec', { namedCurve: 'P-384' }), ['ES384']],
    ['an Ed25519 key', pem('ed25519'), ['EdDSA', 'Ed25519']],
  ])(
    'accepts %s in USERGRAPH_JWT_PUBLIC_KEY, with only the algorithms it can verify',
    (_n, key, algorithms) => {
      const config = loadConfig({ ...CLERK, ...JWT, USERGRAPH_JWT_PUBLIC_KEY: key });
      expect(config.callerAuth).toMatchObject({
        mode: 'enforced',
        jwt: { publicKey: key.trim(), algorithms },
      });
      // The same PEM on one line, newlines written as \n, as env files often hold it.
      const oneLine = loadConfig({ ...CLERK, ...JWT, USERGRAPH_JWT_PUBLIC_KEY: key.replace(/\n/g, '\\n') });
      expect(oneLine.callerAuth).toMatchObject({ jwt: { publicKey: key.trim(), algorithms } });
    },
  );

  it('applies the start rules', () => {
    // The embedded default: open, unless caller auth is configured (then enforced there too).
    expect(loadConfig({}).callerAuth).toEqual({ mode: 'open' });
    expect(loadConfig({ USERGRAPH_API_KEYS: `${HASH}:read` }).callerAuth.mode).toBe('enforced');
    expect(loadConfig({ USERGRAPH_AUTH: 'none' }).callerAuth).toEqual({ mode: 'gateway' });
    // Real credentials: enforced when configured, gateway when told, refused otherwise.
    expect(loadConfig({ ...CLERK, USERGRAPH_API_KEYS: `${HASH}:read` }).callerAuth.mode).toBe('enforced');
    expect(loadConfig({ ...CLERK, USERGRAPH_AUTH: 'none' }).callerAuth).toEqual({ mode: 'gateway' });
    expect(() => loadConfig(CLERK)).toThrow(ConfigError);
    expect(() => loadConfig({ PASSAGE_APP_ID: 'app', PASSAGE_API_KEY: 'key' })).toThrow(
      /provider credentials are set but nothing authenticates callers/,
    );
  });

  it.each([
    [
      { USERGRAPH_API_KEYS: KEY },
      /USERGRAPH_API_KEYS entry 1 of 1 must look like "<sha256 hex of the key>:<scope>/,
    ],
    [
      { USERGRAPH_API_KEYS: `${HASH}:read,${KEY}:read` },
      /USERGRAPH_API_KEYS entry 2 of 2 must start with the SHA-256 of the key as 64 hex characters \(printf %s "\$KEY" \| sha256sum\), got 24 characters that are not all hex/,
    ],
    [
      { USERGRAPH_API_KEYS: `${HASH.slice(1)}:read` },
      /entry 1 of 1 must start with the SHA-256 .* got 63 characters$/,
    ],
    [
      { USERGRAPH_API_KEYS: `${HASH}:raed` },
      /USERGRAPH_API_KEYS entry 1 of 1 has an unknown scope "raed": scopes are read, write, secrets/,
    ],
    [{ USERGRAPH_API_KEYS: `${HASH}:read+` }, /entry 1 of 1 has an unknown scope: scopes are/],
    [{ USERGRAPH_API_KEYS: `${HASH}:read+${KEY}` }, /entry 1 of 1 has an unknown scope: scopes are/],
    [{ USERGRAPH_API_KEYS: `${HASH}:read:write` }, /entry 1 of 1 must look like/],
    [
      { USERGRAPH_API_KEYS: `${HASH}:read,${HASH.toUpperCase()}:write` },
      /entry 2 of 2 repeats the key of entry 1/,
    ],
    [{ USERGRAPH_API_KEYS: `${HASH}:read,` }, /entry 2 of 2 must look like/],
    [
      { USERGRAPH_JWKS_URL: 'https://a.example/jwks' },
      /JWTs are enabled \(USERGRAPH_JWKS_URL\), so USERGRAPH_JWT_ISSUER and USERGRAPH_JWT_AUDIENCE must be set/,
    ],
    [
      { USERGRAPH_JWKS_URL: 'https://a.example/jwks', USERGRAPH_JWT_ISSUER: 'x' },
      /so USERGRAPH_JWT_AUDIENCE must be set/,
    ],
    [
      { ...JWT, USERGRAPH_JWKS_URL: 'http://auth.example.com/jwks' },
      /USERGRAPH_JWKS_URL must be an https URL \(http only on localhost\)/,
    ],
    [{ ...JWT, USERGRAPH_JWKS_URL: 'not a url' }, /USERGRAPH_JWKS_URL must be an https URL/],
    [
      { ...JWT, USERGRAPH_JWKS_URL: 'https://u:p@a.example/jwks' },
      /USERGRAPH_JWKS_URL must not hold credentials/,
    ],
    [
      { ...JWT, USERGRAPH_JWKS_URL: 'https://a.example/jwks', USERGRAPH_JWT_PUBLIC_KEY: pem('ed25519') },
      /USERGRAPH_JWKS_URL and USERGRAPH_JWT_PUBLIC_KEY are both set/,
    ],
    [{ ...JWT, USERGRAPH_JWT_PUBLIC_KEY: 'not a pem' }, /USERGRAPH_JWT_PUBLIC_KEY must be a PEM public key/],
    [
      { ...JWT, USERGRAPH_JWT_PUBLIC_KEY: pem('x25519') },
      /USERGRAPH_JWT_PUBLIC_KEY must be an RSA, EC .* or Ed25519 public key, got x25519 key/,
    ],
    [
      { ...JWT, USERGRAPH_JWKS_URL: 'https://a.example/jwks', USERGRAPH_JWT_CLOCK_TOLERANCE: '-1' },
      /USERGRAPH_JWT_CLOCK_TOLERANCE must be an integer from 0 to 300, got "-1"/,
    ],
    [
      { ...JWT, USERGRAPH_JWKS_URL: 'https://a.example/jwks', USERGRAPH_JWT_CLOCK_TOLERANCE: '1h' },
      /USERGRAPH_JWT_CLOCK_TOLERANCE must be an integer/,
    ],
    [
      JWT,
      /USERGRAPH_JWT_ISSUER and USERGRAPH_JWT_AUDIENCE are set but no key verifies JWTs: set USERGRAPH_JWKS_URL or USERGRAPH_JWT_PUBLIC_KEY/,
    ],
    [
      { USERGRAPH_AUTH: 'none', USERGRAPH_API_KEYS: `${HASH}:read` },
      /USERGRAPH_AUTH=none says a gateway authenticates callers, yet USERGRAPH_API_KEYS is set/,
    ],
    [
      { ...JWT, USERGRAPH_AUTH: 'none', USERGRAPH_JWKS_URL: 'https://a.example/jwks' },
      /USERGRAPH_AUTH=none says a gateway authenticates callers, yet a JWT key is set/,
    ],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig({ ...CLERK, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...CLERK, ...env })).toThrow(message);
  });

  it('never repeats a key or a hash in its messages', () => {
    for (const value of [
      KEY,
      `${KEY}:read`,
      `${HASH}:${KEY}`,
      `${HASH}:read,${KEY}:read`,
      `${HASH.slice(2)}:read`,
    ]) {
      let message = '';
      try {
        loadConfig({ ...CLERK, USERGRAPH_API_KEYS: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^USERGRAPH_API_KEYS entry/);
      expect(message).not.toContain(KEY);
      expect(message).not.toContain(HASH.slice(2, 20));
    }
  });
});

describe('loadConfig: limits and exposure', () => {
  const gateway = { CLERK_SECRET_KEY: 'sk_live_x', USERGRAPH_AUTH: 'none' };

  it('has safe defaults: limits on, GraphiQL and introspection only on the embedded default, no CORS', () => {
    const embedded = loadConfig({});
    expect(embedded).toMatchObject({
      graphiql: true,
      introspection: true,
      corsOrigins: [],
      verifyAttemptsPerUser: 5,
    });
    expect(embedded.limits).toEqual({
      maxRequestBytes: 65_536,
      maxUploadBytes: 10_600_000,
      maxTokens: 2000,
      maxDepth: 12,
      maxAliases: 20,
      maxDirectives: 10,
      maxComplexity: 20_000,
      maxEntities: 500,
      maxUpstreamCalls: 250,
    });
    expect(loadConfig(gateway)).toMatchObject({ graphiql: false, introspection: false });
  });

  it('reads every limit and exposure variable', () => {
    const config = loadConfig({
      ...gateway,
      USERGRAPH_MAX_REQUEST_BYTES: '2048',
      USERGRAPH_MAX_UPLOAD_BYTES: '4096',
      USERGRAPH_MAX_TOKENS: '500',
      USERGRAPH_MAX_DEPTH: '6',
      USERGRAPH_MAX_ALIASES: '3',
      USERGRAPH_MAX_DIRECTIVES: '2',
      USERGRAPH_MAX_COMPLEXITY: '900',
      USERGRAPH_MAX_ENTITIES: '100',
      USERGRAPH_MAX_UPSTREAM_CALLS: '40',
      USERGRAPH_VERIFY_ATTEMPTS: '2',
      USERGRAPH_GRAPHIQL: 'true',
      USERGRAPH_INTROSPECTION: 'true',
      USERGRAPH_CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
    });
    expect(config).toMatchObject({
      limits: {
        maxRequestBytes: 2048,
        maxUploadBytes: 4096,
        maxTokens: 500,
        maxDepth: 6,
        maxAliases: 3,
        maxDirectives: 2,
        maxComplexity: 900,
        maxEntities: 100,
        maxUpstreamCalls: 40,
      },
      verifyAttemptsPerUser: 2,
      graphiql: true,
      introspection: true,
      corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
    });
  });

  it.each([
    [{ USERGRAPH_MAX_DEPTH: '1' }, /USERGRAPH_MAX_DEPTH must be an integer from 2/],
    [{ USERGRAPH_MAX_UPSTREAM_CALLS: '0' }, /USERGRAPH_MAX_UPSTREAM_CALLS must be an integer from 1/],
    [{ USERGRAPH_MAX_ALIASES: 'lots' }, /USERGRAPH_MAX_ALIASES/],
    [{ USERGRAPH_GRAPHIQL: 'yes' }, /USERGRAPH_GRAPHIQL must be true or false, got "yes"/],
    [{ USERGRAPH_CORS_ORIGINS: '*' }, /USERGRAPH_CORS_ORIGINS entry 1 must be an origin/],
    [{ USERGRAPH_CORS_ORIGINS: 'https://app.example.com/path' }, /USERGRAPH_CORS_ORIGINS entry 1/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('webhooks and the user cache', () => {
  const secret = `whsec_${Buffer.from('a signing secret for the config test').toString('base64')}`;

  it('caches for 300 s and takes no webhooks by default; Passage is never cached unless asked', () => {
    expect(loadConfig({})).toMatchObject({
      webhookSigningSecret: undefined,
      cacheTtlSeconds: 300,
    });
    expect(loadConfig({}).cacheTtlWithoutWebhooks).toEqual({ passage: 0 });
    expect(
      loadConfig({
        CLERK_WEBHOOK_SIGNING_SECRET: secret,
        USERGRAPH_CACHE_TTL: '0',
        USERGRAPH_PASSAGE_CACHE_TTL: '30',
      }),
    ).toMatchObject({
      webhookSigningSecret: secret,
      cacheTtlSeconds: 0,
      cacheTtlWithoutWebhooks: { passage: 30 },
    });
  });

  it('refuses a signing secret that is not one, without repeating it', () => {
    for (const value of ['not_a_secret_at_all', 'whsec_!!!not-base64']) {
      expect(() => loadConfig({ CLERK_WEBHOOK_SIGNING_SECRET: value })).toThrow(
        /CLERK_WEBHOOK_SIGNING_SECRET must be the endpoint's signing secret/,
      );
      expect(() => loadConfig({ CLERK_WEBHOOK_SIGNING_SECRET: value })).not.toThrow(value);
    }
    expect(() => loadConfig({ USERGRAPH_CACHE_TTL: '-1' })).toThrow(/USERGRAPH_CACHE_TTL/);
  });

  it('sends the emulator webhooks to EMULATOR_WEBHOOK_URL, signed with either secret', () => {
    const url = 'http://localhost:4000/webhooks/clerk';
    expect(loadEmulatorConfig({}).webhooks).toBeUndefined();
    expect(
      loadEmulatorConfig({ EMULATOR_WEBHOOK_URL: url, EMULATOR_WEBHOOK_SECRET: secret }).webhooks,
    ).toEqual({
      url,
      secret,
    });
    expect(
      loadEmulatorConfig({ EMULATOR_WEBHOOK_URL: url, CLERK_WEBHOOK_SIGNING_SECRET: secret }).webhooks,
    ).toEqual({ url, secret });
    expect(() => loadEmulatorConfig({ EMULATOR_WEBHOOK_URL: url })).toThrow(/needs a signing secret/);
    expect(() =>
      loadEmulatorConfig({ EMULATOR_WEBHOOK_URL: 'ftp://x', EMULATOR_WEBHOOK_SECRET: secret }),
    ).toThrow(/EMULATOR_WEBHOOK_URL must be an http/);
  });
});
