import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadEmulatorConfig } from '../src/config.js';

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
  it('runs on the embedded default with no provider credentials', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      embedded: true,
      embeddedUsers: 50,
      callerAuth: 'open',
      clerk: undefined,
      passage: undefined,
    });
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
    ).toEqual({
      port: 8080,
      embedded: false,
      embeddedUsers: 50,
      callerAuth: 'gateway',
      clerk: { secretKey: 'sk_live_x', apiUrl: 'https://api.clerk.com/v1' },
      passage: { appId: 'app', apiKey: 'key', apiUrl: 'http://localhost:4010/passage/v1' },
    });
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
    [{ CLERK_SECRET_KEY: 'sk_live_x' }, /nothing authenticates callers: set USERGRAPH_AUTH=none/],
    [{ USERGRAPH_AUTH: 'off' }, /USERGRAPH_AUTH may only be "none"/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts a key in its messages', () => {
    expect(() => loadConfig({ PASSAGE_API_KEY: 'passage_secret_value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('passage_secret_value') }),
    );
  });
});
