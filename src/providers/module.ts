/**
 * A provider as the programs see it: its traits, how it is configured (its own environment
 * variables), how it is created, and how an instance is named. `catalog.ts` lists one per folder,
 * so the server, the configuration and the schema know a provider only through this shape.
 */
import { createHash } from 'node:crypto';
import type { Rate } from '../budget/rate.js';
import type { Env } from '../config/env.js';
import type { RunningEmulator } from '../emulator/index.js';
import type { HttpClientOptions } from './http.js';
import type { KnownProviders, Provider, ProviderName, ProviderTraits } from './types.js';

/** The HTTP tuning every provider takes; what is left out keeps HttpClient's defaults. */
export type ProviderHttp = Partial<
  Pick<
    HttpClientOptions,
    'timeouts' | 'connections' | 'retry' | 'rateLimit' | 'maxQueueMs' | 'observe' | 'observeBudget' | 'budget'
  >
>;

/** What every provider's settings have: where its API is, and the HTTP tuning. */
export interface ProviderSettings {
  /** e.g. `https://api.clerk.com/v1`; paths are appended to it. */
  apiUrl: string;
  http?: ProviderHttp;
}

export interface ProviderModule<Name extends ProviderName = ProviderName> {
  readonly traits: ProviderTraits & { readonly name: Name };
  /**
   * The budget of calls it starts with unless `USERGRAPH_<NAME>_RATE_LIMIT` says otherwise;
   * undefined sends as fast as the connection pool allows.
   */
  readonly defaultRateLimit: Rate | undefined;
  /** Its own variables (e.g. `CLERK_SECRET_KEY`); undefined when they are unset: not configured. */
  settingsFromEnv(env: Env): KnownProviders[Name] | undefined;
  create(settings: KnownProviders[Name]): Provider;
  /** Names the instance (API and account) without revealing its key: cache keys, migration runs. */
  identity(settings: KnownProviders[Name]): string;
  /** The settings that point at the embedded emulator; absent when the emulator does not serve it. */
  embedded?(emulator: RunningEmulator): KnownProviders[Name];
}

/** A stable name for a provider instance that reveals nothing of its key. */
export function instanceIdentity(apiUrl: string, key: string): string {
  return createHash('sha256').update(`${apiUrl}\n${key}`).digest('hex').slice(0, 16);
}
