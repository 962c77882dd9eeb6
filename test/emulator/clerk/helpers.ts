/**
 * Calls to the Clerk emulator as a Backend API client makes them: the secret key as a bearer
 * token and the API version @clerk/backend sends.
 */
import type { RunningEmulator } from '../../../src/emulator/index.js';
import { call } from '../../helpers/emulator.js';

type Init = { headers?: Record<string, string>; body?: unknown; rawBody?: string | Buffer };

export function clerkApi(emulator: () => RunningEmulator) {
  const request = (method: string, path: string, init: Init = {}) =>
    call(`${emulator().clerkUrl}${path}`, {
      method,
      ...init,
      headers: {
        authorization: `Bearer ${emulator().keys.clerkSecretKey}`,
        'clerk-api-version': '2026-05-12',
        ...init.headers,
      },
    });
  return {
    get: (path: string, init?: Init) => request('GET', path, init),
    post: (path: string, body?: unknown, init?: Init) => request('POST', path, { ...init, body }),
    patch: (path: string, body?: unknown, init?: Init) => request('PATCH', path, { ...init, body }),
    put: (path: string, body?: unknown, init?: Init) => request('PUT', path, { ...init, body }),
    delete: (path: string, init?: Init) => request('DELETE', path, init),
    /** Every seeded user, newest first. */
    async allUsers(): Promise<any[]> {
      const { body } = await request('GET', '/users?limit=500');
      return body;
    },
  };
}

/** Trace ids differ on every failure; snapshots pin everything else. */
export function stableEnvelope(body: any) {
  return {
    ...body,
    clerk_trace_id:
      typeof body?.clerk_trace_id === 'string' && /^[0-9a-f]{32}$/.test(body.clerk_trace_id)
        ? '<trace id>'
        : body?.clerk_trace_id,
  };
}

export const NEW_USER = {
  email_address: ['new.person@example.com'],
  password: 'a-long-enough-password',
  first_name: 'New',
  last_name: 'Person',
};
