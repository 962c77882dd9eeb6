/**
 * What every program's configuration is parsed with: one error type, and readers that let zod
 * coerce a variable and fail with one line naming the variable, the contract and the value.
 * Only the config modules (src/config/, and each program's own config.ts) read `process.env`.
 */
import * as z from 'zod';
import { parseRate, type Rate } from '../budget/rate.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Env = Record<string, string | undefined>;

/** A variable set to blanks is a variable not set. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** `env[name]` through `schema`, `fallback` when unset, or "`name` must be `contract`, got ...". */
export function read<T>(env: Env, name: string, schema: z.ZodType<T>, fallback: T, contract: string): T {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${name} must be ${contract}, got ${JSON.stringify(raw)}`);
  return parsed.data;
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const schema = z.coerce.number().int().min(min).max(max);
  return read(env, name, schema, fallback, `an integer from ${min} to ${max}`);
}

/** Exactly `true` or `false`: a `yes` or `1` is more likely a mistake than a wish. */
export function flag(env: Env, name: string, fallback: boolean): boolean {
  const schema = z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' });
  return read(env, name, schema, fallback, 'true or false');
}

/** A provider's base URL: http(s), no credentials, query or fragment; trailing slashes dropped. */
export function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]) ?? fallback;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  const { username, password, search, hash } = new URL(raw);
  if (username || password || search || hash) {
    throw new ConfigError(`${name} must be a plain base URL without credentials, query or fragment`);
  }
  return raw.replace(/\/+$/, '');
}

/** A budget written `<requests>/<seconds>s`, e.g. `900/10s`. */
export function rate(env: Env, name: string, fallback: Rate | undefined): Rate | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const parsed = raw.length <= 20 ? parseRate(raw) : undefined;
  if (!parsed)
    throw new ConfigError(
      `${name} must be <requests>/<seconds>s, like 900/10s, got ${JSON.stringify(raw.slice(0, 40))}`,
    );
  return parsed;
}
