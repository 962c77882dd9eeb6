/**
 * The Passage provider under test, against the emulator on a real port: one emulator per test
 * file (reset before every test), a fresh provider per test, and what upstream received.
 */
import { afterEach, beforeEach } from 'vitest';
import type { StartOptions } from '../../../src/emulator/index.js';
import { ProviderError } from '../../../src/providers/errors.js';
import { createPassageProvider, type PassageProviderOptions } from '../../../src/providers/passage/index.js';
import type { Provider } from '../../../src/providers/types.js';
import { call, useEmulator } from '../../helpers/emulator.js';

export function usePassageProvider(options: StartOptions = {}) {
  const emulator = useEmulator(options);
  let current: Provider | undefined;
  const opened: Provider[] = [];

  /** A provider against the emulator; `overrides` replace credentials or HTTP settings. */
  function connect(overrides: Partial<PassageProviderOptions> = {}): Provider {
    const provider = createPassageProvider({
      appId: emulator().keys.passageAppId,
      apiKey: emulator().keys.passageApiKey,
      apiUrl: emulator().passageUrl,
      http: { retry: { minDelayMs: 2, maxDelayMs: 10 } },
      ...overrides,
    });
    opened.push(provider);
    return provider;
  }

  beforeEach(() => {
    current = connect();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((provider) => provider.close()));
  });

  const provider = () => {
    if (!current) throw new Error('no provider: call usePassageProvider() in a describe block');
    return current;
  };

  /** What Passage received since the last reset or clear: route templates and parsed queries. */
  const upstream = () =>
    emulator()
      .control.requests({ provider: 'passage' })
      .map((request) => ({
        method: request.method,
        route: request.route,
        path: request.path,
        query: Object.fromEntries(new URLSearchParams(request.query)),
        body: request.body,
        status: request.status,
      }));

  /** Raw Management API calls, for arranging state without going through the provider. */
  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${emulator().passageUrl}/apps/${emulator().keys.passageAppId}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${emulator().keys.passageApiKey}`, ...init.headers },
    });

  /** Every seeded user as list items, oldest first (the default order). */
  const seededUsers = async (): Promise<{ id: string; email: string; phone: string; [key: string]: any }[]> =>
    (await api('/users?limit=500')).body.users;

  /** Arranges state through `api`, then forgets those calls so a test sees only its own. */
  const arranged = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    emulator().control.clearRequests();
    return result;
  };

  return { emulator, provider, connect, upstream, api, seededUsers, arranged };
}

/** The ProviderError a call failed with; fails the test when it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export const USER_ROUTE = '/apps/{app_id}/users/{user_id}';
export const USERS_ROUTE = '/apps/{app_id}/users';
