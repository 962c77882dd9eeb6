/**
 * The Clerk provider against one emulator per test file: the provider under test, Clerk's raw
 * API for setting up and looking at state (its calls are dropped from the request log, so a
 * test's log holds only what the provider sent), and the log itself.
 */
import { afterAll, beforeAll } from 'vitest';
import type { LoggedRequest, RunningEmulator } from '../../../src/emulator/index.js';
import { ProviderError } from '../../../src/providers/errors.js';
import { createClerkProvider, type ClerkProviderOptions } from '../../../src/providers/clerk/index.js';
import type { Provider } from '../../../src/providers/types.js';
import { useEmulator } from '../../helpers/emulator.js';

export const DEMO_PASSWORD = 'correct-horse-battery-staple';

export function useClerk(overrides: Partial<ClerkProviderOptions> = {}) {
  const emulator = useEmulator();
  let provider: Provider | undefined;
  beforeAll(() => {
    provider = createClerkProvider({
      secretKey: emulator().keys.clerkSecretKey,
      apiUrl: emulator().clerkUrl,
      http: { retry: { minDelayMs: 5, maxDelayMs: 20 } },
      ...overrides,
    });
  });
  afterAll(async () => {
    await provider?.close();
  });

  /** Clerk's raw Backend API, for setup; leaves the request log empty. */
  async function raw(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${emulator().clerkUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${emulator().keys.clerkSecretKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    emulator().control.clearRequests();
    if (!response.ok) throw new Error(`setup call ${method} ${path} failed: ${JSON.stringify(json)}`);
    return json;
  }

  return {
    emulator,
    clerk: () => {
      if (!provider) throw new Error('useClerk() must be called at the top of a describe block');
      return provider;
    },
    raw,
    /** Every seeded user as Clerk's JSON, newest first. */
    seeded: (): Promise<any[]> => raw('GET', '/users?limit=500'),
    /** A seeded user matching `predicate`. */
    async seededUser(predicate: (user: any) => boolean): Promise<any> {
      const user = (await raw('GET', '/users?limit=500')).find(predicate);
      if (!user) throw new Error('no seeded user matches; the seed changed?');
      return user;
    },
    logged: (): LoggedRequest[] => emulator().control.requests({ provider: 'clerk' }),
  };
}

/** The ProviderError a promise rejects with; fails the test when it resolves. */
export function failure(promise: Promise<unknown>): Promise<ProviderError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      if (!(error instanceof ProviderError)) throw error;
      return error;
    },
  );
}

/** The decoded query of a logged request, repeated keys as arrays in order. */
export function queryOf(request: LoggedRequest | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(request?.query ?? '')) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}
