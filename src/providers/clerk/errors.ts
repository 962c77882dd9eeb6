/** Clerk's error envelope → the codes of `ProviderError`. */
import { codeForStatus, type ProviderErrorCode } from '../errors.js';
import type { DecodedUpstreamError } from '../http.js';
import { clerkErrorsSchema } from './wire.js';

const CONFLICT_CODES = new Set(['form_identifier_exists', 'resource_locked', 'conflict']);
const UNSUPPORTED_CODES = new Set(['feature_not_enabled', 'unsupported_subscription_plan_features']);
const INVALID_INPUT_CODES = new Set(['request_body_invalid', 'malformed_request_parameters']);

/** Reads Clerk's `{errors: [{code, message, long_message, meta}], clerk_trace_id}` envelope. */
export function decodeClerkError(status: number, body: unknown): DecodedUpstreamError {
  const parsed = clerkErrorsSchema.safeParse(body);
  const errors = parsed.success ? parsed.data.errors : [];
  const first = errors[0];
  const fields = errors.flatMap((error) =>
    error.meta?.param_name
      ? [{ field: error.meta.param_name, message: error.long_message || error.message || error.code }]
      : [],
  );
  return {
    code: errorCode(status, first?.code),
    message: first ? first.long_message || first.message || undefined : undefined,
    upstreamCode: first?.code,
    fields: fields.length > 0 ? fields : undefined,
    traceId: parsed.success ? parsed.data.clerk_trace_id : undefined,
  };
}

function errorCode(status: number, upstreamCode: string | undefined): ProviderErrorCode {
  // A rejected key is the operator's configuration, whatever the body says.
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 402) return 'UNSUPPORTED';
  if (upstreamCode !== undefined) {
    if (upstreamCode === 'resource_not_found' || upstreamCode.endsWith('_not_found')) return 'NOT_FOUND';
    if (CONFLICT_CODES.has(upstreamCode)) return 'CONFLICT';
    if (UNSUPPORTED_CODES.has(upstreamCode)) return 'UNSUPPORTED';
    if (upstreamCode.startsWith('form_') || INVALID_INPUT_CODES.has(upstreamCode)) return 'INVALID_INPUT';
  }
  return codeForStatus(status);
}
