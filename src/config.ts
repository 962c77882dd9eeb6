/**
 * Environment → typed configuration, parsed once. Nothing else in the project reads
 * `process.env`; a bad value fails with one message that names the variable and what it got.
 */
import { z } from 'zod';
import type { FaultSpec, StartOptions } from './emulator/index.js';
import { DEFAULT_SEED_USERS } from './emulator/index.js';
import { faultSpecSchema } from './emulator/faults.js';
import { rateLimitSpecSchema, type RateLimitSpec } from './emulator/rate-limit.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export interface ServerConfig {
  port: number;
  /** Set when `CLERK_SECRET_KEY` is. */
  clerk?: { secretKey: string; apiUrl: string };
  /** Set when `PASSAGE_APP_ID` and `PASSAGE_API_KEY` are. */
  passage?: { appId: string; apiKey: string; apiUrl: string };
  /**
   * No provider credentials at all: the server starts the emulator in-process with seeded demo
   * data for both providers (the embedded default), and says so.
   */
  embedded: boolean;
  /** Users the embedded emulator seeds per provider. */
  embeddedUsers: number;
  /**
   * Who may call usergraph. `open` only on the embedded default (demo data); `gateway` when
   * `USERGRAPH_AUTH=none` says something in front of usergraph authenticates callers.
   */
  callerAuth: 'open' | 'gateway';
}

/** Configuration of `npm start` (see the README's configuration table). */
export function loadConfig(env: Env = process.env): ServerConfig {
  const port = integer(env, 'PORT', 4000, 0, 65_535);
  const clerkSecretKey = nonEmpty(env.CLERK_SECRET_KEY);
  const passageAppId = nonEmpty(env.PASSAGE_APP_ID);
  const passageApiKey = nonEmpty(env.PASSAGE_API_KEY);
  if ((passageAppId === undefined) !== (passageApiKey === undefined)) {
    throw new ConfigError(
      `PASSAGE_APP_ID and PASSAGE_API_KEY go together: set both or neither (only ${passageAppId ? 'PASSAGE_APP_ID' : 'PASSAGE_API_KEY'} is set)`,
    );
  }
  const clerk = clerkSecretKey
    ? { secretKey: clerkSecretKey, apiUrl: url(env, 'CLERK_API_URL', 'https://api.clerk.com/v1') }
    : undefined;
  const passage =
    passageAppId && passageApiKey
      ? {
          appId: passageAppId,
          apiKey: passageApiKey,
          apiUrl: url(env, 'PASSAGE_API_URL', 'https://api.passage.id/v1'),
        }
      : undefined;
  const embedded = !clerk && !passage;
  const authMode = nonEmpty(env.USERGRAPH_AUTH);
  if (authMode !== undefined && authMode !== 'none') {
    throw new ConfigError(
      `USERGRAPH_AUTH may only be "none" (a gateway authenticates callers), got ${JSON.stringify(authMode)}`,
    );
  }
  // usergraph holds the keys to every user account: with real credentials it never runs open
  // by accident. Caller authentication of its own (API keys, JWTs) comes with the security work.
  if (!embedded && authMode !== 'none') {
    throw new ConfigError(
      'provider credentials are set but nothing authenticates callers: set USERGRAPH_AUTH=none when a gateway in front of usergraph does',
    );
  }
  return {
    port,
    clerk,
    passage,
    embedded,
    embeddedUsers: integer(env, 'EMULATOR_SEED_USERS', DEFAULT_SEED_USERS, 0, 1_000_000),
    callerAuth: embedded ? 'open' : 'gateway',
  };
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
