/**
 * The one place that produces Clerk's error envelope ([CS] `ClerkErrors`):
 *
 *   { errors: [{ message, long_message, code, meta }], meta: {}, clerk_trace_id }
 *
 * Handlers throw a `ClerkApiError` (one or several errors, one status); index.ts turns it into
 * the envelope. Messages are Clerk's own where a recorded response or Clerk's docs give them
 * (401s, api_version_invalid, "No user was found with id …", "… must be a valid email address.");
 * the rest follow the same "short message / long message naming the parameter" pattern.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorResponse } from '../provider.js';

export interface ClerkErrorItem {
  message: string;
  long_message: string;
  code: string;
  meta: Record<string, unknown>;
}

export class ClerkApiError extends Error {
  override name = 'ClerkApiError';

  constructor(
    readonly status: number,
    readonly errors: ClerkErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.long_message).join('; '));
  }

  toResponse(): EmulatorResponse {
    return envelope(this.status, this.errors, this.headers);
  }
}

export function envelope(
  status: number,
  errors: ClerkErrorItem[],
  headers: Record<string, string> = {},
): EmulatorResponse {
  // Clerk's trace ids are 32 hex characters; a fresh one per failed request, as the real API does.
  return { status, headers, body: { errors, meta: {}, clerk_trace_id: randomBytes(16).toString('hex') } };
}

const item = (
  code: string,
  message: string,
  long_message: string,
  meta: Record<string, unknown> = {},
): ClerkErrorItem => ({
  message,
  long_message,
  code,
  meta,
});

const fail = (status: number, error: ClerkErrorItem) => new ClerkApiError(status, [error]);

// ---- 400 / 401: before routing -------------------------------------------------------------

export const authorizationHeaderInvalid = () =>
  fail(
    401,
    item(
      'authorization_header_format_invalid',
      'Invalid Authorization header format',
      "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    ),
  );

export const secretKeyInvalid = () => {
  const text = 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.';
  return fail(401, item('clerk_key_invalid', text, text));
};

export const apiVersionInvalid = (reason: string) =>
  fail(400, item('api_version_invalid', 'invalid API version', `Invalid Clerk API version: ${reason}`));

export const requestBodyInvalid = (
  longMessage = 'The request body is invalid. Please consult the API documentation for more information.',
) => fail(400, item('request_body_invalid', 'Request body invalid', longMessage));

// ---- 404 -------------------------------------------------------------------------------------

/** `what` reads as a noun phrase: "user", "external account", "organization membership". */
export const notFound = (what: string, id: string) =>
  fail(404, item('resource_not_found', 'not found', `No ${what} was found with id ${id}`));

export const pathNotFound = () =>
  fail(404, item('resource_not_found', 'not found', 'The requested resource was not found.'));

// ---- 422: form parameters (meta.param_name names the field) ---------------------------------

export const paramError = (code: string, param: string, message: string, longMessage: string) =>
  item(code, message, longMessage, { param_name: param });

export const formParamInvalid = (param: string, longMessage = `${param} is invalid.`) =>
  fail(422, paramError('form_param_value_invalid', param, 'is invalid', longMessage));

export const formParamUnknown = (param: string) =>
  paramError(
    'form_param_unknown',
    param,
    'is unknown',
    `${param} is not a valid parameter for this request.`,
  );

export const formParamMissing = (param: string) =>
  paramError('form_param_missing', param, 'missing required parameter', `${param} must be included.`);

export const formParamTypeInvalid = (param: string, expected: string) =>
  paramError('form_param_type_invalid', param, 'is invalid', `${param} must be ${expected}.`);

export const arraySizeExceeded = (param: string, max: number, got: number) =>
  fail(
    422,
    paramError(
      'form_param_array_size_exceeded',
      param,
      'too many values',
      `${param} accepts at most ${max} values, got ${got}.`,
    ),
  );

const IDENTIFIER_WORDS: Record<string, string> = {
  email_address: 'email address',
  phone_number: 'phone number',
  username: 'username',
  external_id: 'external ID',
  web3_wallet: 'Web3 wallet',
};

export const identifierExists = (param: keyof typeof IDENTIFIER_WORDS | string) => {
  const text = `That ${IDENTIFIER_WORDS[param] ?? param} is taken. Please try another.`;
  return paramError('form_identifier_exists', param, text, text);
};

export const unprocessable = (errors: ClerkErrorItem[]) => new ClerkApiError(422, errors);

// ---- injected and unexpected statuses ---------------------------------------------------------

const STATUS_ERRORS: Record<number, [code: string, message: string, longMessage: string]> = {
  400: [
    'request_body_invalid',
    'Request body invalid',
    'The request body is invalid. Please consult the API documentation for more information.',
  ],
  401: ['authentication_invalid', 'Unauthenticated', 'The request could not be authenticated.'],
  403: ['authorization_invalid', 'Unauthorized request', 'You are not authorized to perform this request'],
  404: ['resource_not_found', 'not found', 'The requested resource was not found.'],
  409: [
    'resource_locked',
    'Resource locked',
    'This resource is currently being modified by another request. Please try again.',
  ],
  422: ['form_param_value_invalid', 'is invalid', 'A request parameter is invalid.'],
  429: ['too_many_requests', 'Too many requests', 'Too many requests, retry later'],
  500: [
    'internal_clerk_error',
    'Oops, an unexpected error occurred',
    "There was an internal error on our servers. We've been notified and are working on fixing it.",
  ],
  502: ['bad_gateway', 'Bad gateway', 'The upstream server returned an invalid response. Please try again.'],
  503: [
    'service_unavailable',
    'Service unavailable',
    'The service is temporarily unavailable. Please try again later.',
  ],
  504: [
    'gateway_timeout',
    'Gateway timeout',
    'The upstream server did not respond in time. Please try again.',
  ],
};

/** The envelope for a status the emulator was told to inject, or for an unexpected failure. */
export function errorForStatus(status: number, retryAfterSeconds?: number): EmulatorResponse {
  const [code, message, longMessage] =
    STATUS_ERRORS[status] ??
    (status >= 500
      ? STATUS_ERRORS[500]!
      : ['request_failed', 'Request failed', `The request failed with status ${status}.`]);
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return envelope(status, [item(code, message, longMessage)], headers);
}
