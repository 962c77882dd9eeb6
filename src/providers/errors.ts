/**
 * The one error type that leaves a provider client. Callers match on `code`; nothing in it holds
 * a header, a request body, a URL with credentials or a provider key, so it is safe to log and
 * to map into a GraphQL result.
 */
export type ProviderErrorCode =
  /** The user or sub-resource does not exist upstream. */
  | 'NOT_FOUND'
  /** The provider refused the input; `fields` names what was wrong where the provider said. */
  | 'INVALID_INPUT'
  /** The identifier is taken, or the resource is busy (Clerk `resource_locked`). */
  | 'CONFLICT'
  /** The provider (or this instance's plan or settings) does not offer the operation. */
  | 'UNSUPPORTED'
  /** The provider's rate limit, after retries; `retryAfterSeconds` when the provider said. */
  | 'RATE_LIMITED'
  /** The provider rejected our credentials: an operator's configuration error, never the caller's. */
  | 'UNAUTHORIZED'
  /** No answer in time. */
  | 'TIMEOUT'
  /** The request was cancelled by our caller (the GraphQL request went away). */
  | 'ABORTED'
  /** The provider failed (5xx) or the connection did, after retries. */
  | 'UNAVAILABLE'
  /** The provider answered something that is not what its API documents. */
  | 'UPSTREAM_INVALID'
  /** Anything else the provider refused. */
  | 'UNEXPECTED';

export interface FieldProblem {
  /** The field as the provider named it, e.g. `email_address`. */
  field: string;
  message: string;
}

export interface ProviderErrorDetails {
  provider: string;
  code: ProviderErrorCode;
  message: string;
  /** The HTTP status the provider answered, when it answered. */
  status?: number;
  /** The provider's own error code, e.g. `form_identifier_exists`. */
  upstreamCode?: string;
  fields?: FieldProblem[];
  retryAfterSeconds?: number;
  /** The provider's trace id (Clerk's `clerk_trace_id`), for correlating with its support. */
  traceId?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly provider: string;
  readonly code: ProviderErrorCode;
  readonly status: number | undefined;
  readonly upstreamCode: string | undefined;
  readonly fields: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;
  readonly traceId: string | undefined;

  constructor(details: ProviderErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = details.provider;
    this.code = details.code;
    this.status = details.status;
    this.upstreamCode = details.upstreamCode;
    this.fields = details.fields ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.traceId = details.traceId;
  }
}

/**
 * Input refused before any upstream call, by usergraph's own checks or by a provider folder that
 * cannot express it: `message` for people, `fields` naming what was wrong (`detail` is the
 * field's own message when it differs from the summary). The one constructor of such refusals.
 */
export function refusedInput(
  field: string,
  message: string,
  { detail = message, provider = 'usergraph' }: { detail?: string; provider?: string } = {},
): ProviderError {
  return new ProviderError({
    provider,
    code: 'INVALID_INPUT',
    message,
    fields: [{ field, message: detail }],
  });
}

/** A refusal whose message leads with the field: `email: must be an e-mail address…`. */
export const refusedField = (field: string, detail: string): ProviderError =>
  refusedInput(field, `${field}: ${detail}`, { detail });

/** The code an HTTP status means when the provider's body says nothing more specific. */
export function codeForStatus(status: number): ProviderErrorCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'INVALID_INPUT';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 402 || status === 403) return 'UNSUPPORTED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 408 || status === 504) return 'TIMEOUT';
  if (status >= 500) return 'UNAVAILABLE';
  return 'UNEXPECTED';
}
