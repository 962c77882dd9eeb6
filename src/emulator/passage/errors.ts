/**
 * The one place that writes Passage's error envelope, `{"code": "<enum>", "error": "<message>"}`
 * ([PS] `400Error` … `500Error`). Bodies marked "live" were asserted by passage-go's e2e tests
 * against the real API and are reproduced byte for byte.
 */
import { STATUS_CODES } from 'node:http';
import type { EmulatorResponse } from '../provider.js';

export interface PassageErrorBody {
  code: string;
  error: string;
}

export function passageError(
  status: number,
  code: string,
  error: string,
  headers?: Record<string, string>,
): EmulatorResponse {
  const body: PassageErrorBody = { code, error };
  return headers ? { status, body, headers } : { status, body };
}

/** 400 `invalid_request`; messages name the field first, as the live ones do (`identifier: …`). */
export const invalidRequest = (message: string) => passageError(400, 'invalid_request', message);

/** Live. */
export const invalidAccessToken = () => passageError(401, 'invalid_access_token', 'Invalid access token');

export const appNotFound = () => passageError(404, 'app_not_found', 'App not found');

/** Live. */
export const userNotFound = () => passageError(404, 'user_not_found', 'User not found');

export const deviceNotFound = () => passageError(404, 'device_not_found', 'Device not found');

/** Live. */
export const invalidEmail = () => invalidRequest('identifier: must be a valid email address.');

/** Live. */
export const invalidPhone = () => invalidRequest('identifier: must be a valid E164 number.');

/**
 * No Passage spec documents a duplicate identifier. The 2023 spec and the Flex SDK answer
 * conflicts with a 409 and the same envelope, so the emulator does too, with a code of its own.
 */
export const identifierTaken = (field: 'email' | 'phone') =>
  passageError(409, 'identifier_already_exists', `identifier: a user with this ${field} already exists.`);

/**
 * A path Passage does not serve. Its 404 enum has no code for an unknown route, so the emulator
 * answers `not_found` in the usual envelope rather than inventing a resource that is missing.
 */
export const routeNotFound = (method: string, path: string) =>
  passageError(404, 'not_found', `no route ${method} ${path}`);

/**
 * Envelopes for injected faults and unexpected failures. Passage documents no 429, 502, 503 or
 * 504 body; those use the same envelope with a code named after the status.
 */
export function errorForStatus(status: number, retryAfterSeconds?: number): EmulatorResponse {
  switch (status) {
    case 400:
      return invalidRequest('request body is not valid JSON');
    case 401:
      return invalidAccessToken();
    case 403:
      return passageError(403, 'operation_not_allowed', 'Operation not allowed');
    case 404:
      return userNotFound(); // every route the emulator serves is about a user
    case 429:
      return passageError(
        429,
        'too_many_requests',
        'Too many requests',
        retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
      );
    case 500:
      return passageError(500, 'internal_server_error', 'Internal server error');
    case 502:
      return passageError(502, 'bad_gateway', 'Bad gateway');
    case 503:
      return passageError(503, 'service_unavailable', 'Service unavailable');
    case 504:
      return passageError(504, 'gateway_timeout', 'Gateway timeout');
    default: {
      const message = STATUS_CODES[status] ?? `HTTP ${status}`;
      return passageError(status, status >= 500 ? 'internal_server_error' : 'invalid_request', message);
    }
  }
}
