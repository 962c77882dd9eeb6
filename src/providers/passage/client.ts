/**
 * Passage's Management API, one function per endpoint of `shared/specs/passage-api.json` that
 * usergraph calls, all under `/apps/{app_id}`. Each returns the raw JSON body; map.ts parses it.
 *
 * Safe to repeat (`idempotent`): reads, deletes, activate and deactivate, and PATCH update: it
 * sets e-mail and phone to given values and merges metadata key by key, so sending the same
 * body twice leaves the same user (nothing increments or appends). Create is never repeated: a
 * lost answer would otherwise create the user twice or fail on a 409 after succeeding.
 */
import { endpoint, join } from '../endpoint.js';
import type { HttpClient } from '../http.js';
import type { CallOptions } from '../types.js';
import type { ListUsersQuery, UserRequest } from './wire.js';

export type PassageClient = ReturnType<typeof createPassageClient>;

export function createPassageClient(http: HttpClient, appId: string) {
  const app = endpoint`/apps/${appId}`;
  const users = join(app, '/users');
  const user = (id: string, rest = '') => join(app, endpoint`/users/${id}`, rest);

  return {
    listUsers: (query: ListUsersQuery, call: CallOptions = {}) =>
      http.request({ method: 'GET', ...users, query, ...call }).then(body),

    getUser: (id: string, call: CallOptions = {}) =>
      http.request({ method: 'GET', ...user(id), ...call }).then(body),

    createUser: (json: UserRequest, call: CallOptions = {}) =>
      http.request({ method: 'POST', ...users, json, ...call, idempotent: false }).then(body),

    updateUser: (id: string, json: UserRequest, call: CallOptions = {}) =>
      http.request({ method: 'PATCH', ...user(id), json, ...call, idempotent: true }).then(body),

    deleteUser: (id: string, call: CallOptions = {}) =>
      http.request({ method: 'DELETE', ...user(id), ...call }).then(nothing),

    activateUser: (id: string, call: CallOptions = {}) =>
      http.request({ method: 'PATCH', ...user(id, '/activate'), ...call, idempotent: true }).then(body),

    deactivateUser: (id: string, call: CallOptions = {}) =>
      http.request({ method: 'PATCH', ...user(id, '/deactivate'), ...call, idempotent: true }).then(body),

    listDevices: (userId: string, call: CallOptions = {}) =>
      http.request({ method: 'GET', ...user(userId, '/devices'), ...call }).then(body),

    deleteDevice: (userId: string, deviceId: string, call: CallOptions = {}) =>
      http
        .request({ method: 'DELETE', ...join(user(userId), endpoint`/devices/${deviceId}`), ...call })
        .then(nothing),

    /** Revokes every refresh token of the user: Passage's "sign out everywhere". */
    revokeRefreshTokens: (userId: string, call: CallOptions = {}) =>
      http.request({ method: 'DELETE', ...user(userId, '/tokens'), ...call }).then(nothing),
  };
}

const body = (response: { body: unknown }) => response.body;
const nothing = () => undefined;
