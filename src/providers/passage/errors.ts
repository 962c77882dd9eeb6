/** Passage's error bodies → `DecodedUpstreamError`. */
import type { ProviderErrorCode } from '../errors.js';
import type { DecodedUpstreamError } from '../http.js';
import { errorBodySchema } from './wire.js';

/** Passage's own codes that say more than the status; anything else falls back to the status. */
const ERROR_CODES = new Map<string, ProviderErrorCode>([
  ['user_not_found', 'NOT_FOUND'],
  ['device_not_found', 'NOT_FOUND'],
  ['identifier_already_exists', 'CONFLICT'],
  ['invalid_request', 'INVALID_INPUT'],
  ['invalid_access_token', 'UNAUTHORIZED'],
  // A wrong PASSAGE_APP_ID is the operator's configuration error, not a missing user.
  ['app_not_found', 'UNAUTHORIZED'],
]);

/** Credential problems are the operator's to fix: say which variable to check. */
const OPERATOR_MESSAGES = new Map([
  ['invalid_access_token', 'Passage refused the API key: check PASSAGE_API_KEY'],
  ['app_not_found', 'Passage has no app with this id: check PASSAGE_APP_ID'],
]);

export function decodePassageError(status: number, body: unknown): DecodedUpstreamError {
  const rateLimited = status === 429 ? ({ code: 'RATE_LIMITED' } as const) : {};
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return rateLimited;
  const { code: upstreamCode, error } = parsed.data;
  const decoded: DecodedUpstreamError = {
    upstreamCode,
    message: OPERATOR_MESSAGES.get(upstreamCode) ?? error,
    code: status < 500 ? ERROR_CODES.get(upstreamCode) : undefined,
    ...rateLimited,
  };
  // A 404 that names no user or device means the path itself is unknown: a wrong base URL would
  // otherwise read as "every user is missing".
  if (status === 404 && decoded.code === undefined) {
    decoded.code = 'UNEXPECTED';
    decoded.message = 'Passage does not serve this path: check PASSAGE_API_URL';
  }
  // Passage names the field first: `identifier: must be a valid email address.`
  const named = /^([A-Za-z_][\w.]*): (.+)$/s.exec(error);
  if (upstreamCode === 'invalid_request' && named) {
    decoded.fields = [{ field: named[1] ?? '', message: named[2] ?? '' }];
  }
  return decoded;
}
