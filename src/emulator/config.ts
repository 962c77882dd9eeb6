/**
 * Configuration of `npm run emulator` (see the README's emulator section): `EMULATOR_*`, and the
 * provider keys it should accept.
 */
import * as z from 'zod';
import { ConfigError, integer, nonEmpty, read, type Env } from '../config/env.js';
import { DEFAULT_SEED_USERS } from '../config/seed-users.js';
import { faultSpecSchema, type FaultSpec } from './faults.js';
import type { StartOptions } from './index.js';
import { rateLimitSpecSchema, type RateLimitSpec } from './rate-limit.js';
import { signingSecret } from '../config/webhooks.js';
import type { WebhookTarget } from './webhooks.js';

export { ConfigError } from '../config/env.js';

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
    webhooks: webhookTarget(env),
  };
}

/** `EMULATOR_WEBHOOK_URL` and the secret to sign with: both, or no webhooks at all. */
function webhookTarget(env: Env): WebhookTarget | undefined {
  const url = nonEmpty(env.EMULATOR_WEBHOOK_URL);
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new ConfigError(
      `EMULATOR_WEBHOOK_URL must be an http(s) URL like http://localhost:4000/webhooks/clerk, got ${JSON.stringify(url)}`,
    );
  }
  const secret = nonEmpty(env.EMULATOR_WEBHOOK_SECRET) ?? nonEmpty(env.CLERK_WEBHOOK_SIGNING_SECRET);
  if (secret === undefined) {
    throw new ConfigError(
      'EMULATOR_WEBHOOK_URL needs a signing secret: set EMULATOR_WEBHOOK_SECRET (or CLERK_WEBHOOK_SIGNING_SECRET) to a whsec_... value',
    );
  }
  return { url, secret: signingSecret(secret, 'EMULATOR_WEBHOOK_SECRET') };
}

function fraction(env: Env, name: string): number {
  return read(env, name, z.coerce.number().min(0).max(1), 0, 'a probability from 0 to 1');
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
