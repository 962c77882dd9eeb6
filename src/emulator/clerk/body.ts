/**
 * Request bodies: parsed as JSON (malformed JSON is the pipeline's 400 `request_body_invalid`),
 * checked with zod against the spec's schema, and every problem reported at once as Clerk's 422
 * `form_param_*` errors with `meta.param_name`.
 */
import * as z from 'zod';
import type { EmulatorRequest } from '../provider.js';
import {
  formParamMissing,
  formParamTypeInvalid,
  formParamUnknown,
  paramError,
  requestBodyInvalid,
  unprocessable,
  type ClerkErrorItem,
} from './errors.js';
import type { Json, Metadata } from './records.js';

/** A metadata object: any JSON object (`additionalProperties: true` in the spec). */
export const metadataSchema = z.record(z.string(), z.json()).transform((value) => value as Metadata);

export function readJsonBody<S extends z.ZodType>(req: EmulatorRequest, schema: S): z.output<S> {
  // @clerk/backend sends no body at all when there is nothing to send.
  const body = req.json() ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw requestBodyInvalid('The request body must be a JSON object.');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw unprocessable(
    parsed.error.issues.flatMap((issue) => toClerkErrors(issue, body as Record<string, unknown>)),
  );
}

function toClerkErrors(issue: z.core.$ZodIssue, body: Record<string, unknown>): ClerkErrorItem[] {
  const param = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(formParamUnknown);
    case 'invalid_type':
      // zod leaves the input out of its issues: whether the field was sent tells missing from mistyped.
      return [
        issue.path.length === 1 && !(param in body)
          ? formParamMissing(param)
          : formParamTypeInvalid(param, article(issue.expected)),
      ];
    case 'too_big':
      if (issue.origin === 'array') {
        return [
          paramError(
            'form_param_array_size_exceeded',
            param,
            'too many values',
            `${param} accepts at most ${issue.maximum} values.`,
          ),
        ];
      }
      return [
        paramError(
          'form_param_max_length_exceeded',
          param,
          'is too long',
          `${param} must be at most ${issue.maximum} characters long.`,
        ),
      ];
    case 'too_small':
      if (issue.origin === 'array')
        return [
          paramError(
            'form_param_missing',
            param,
            'missing required parameter',
            `${param} must contain at least ${issue.minimum} value.`,
          ),
        ];
      return [paramError('form_param_value_invalid', param, 'is invalid', `${param} is too short.`)];
    default:
      return [paramError('form_param_value_invalid', param, 'is invalid', `${param} is invalid.`)];
  }
}

const article = (expected: string) =>
  ({
    string: 'a string',
    boolean: 'a boolean',
    number: 'a number',
    int: 'an integer',
    array: 'an array',
    record: 'an object',
    object: 'an object',
  })[expected] ?? expected;

/** Deep merge for `PATCH …/metadata`: nested objects merge, `null` removes a key at any depth. */
export function deepMerge(target: Metadata | null, patch: Metadata): Metadata {
  const out: Metadata = { ...(target ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value))
      out[key] = deepMerge(isPlainObject(out[key]) ? (out[key] as Metadata) : {}, value as Metadata);
    else out[key] = value;
  }
  return out;
}

const isPlainObject = (value: Json | undefined): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Clerk's documented limit for one metadata field. */
export const METADATA_MAX_BYTES = 8 * 1024;

export function metadataTooLarge(param: string, value: Metadata | null): ClerkErrorItem | undefined {
  const size = Buffer.byteLength(JSON.stringify(value ?? {}));
  if (size <= METADATA_MAX_BYTES) return undefined;
  return paramError(
    'form_param_value_too_large',
    param,
    'is too large',
    `${param} must be at most 8KB when encoded as JSON, got ${size} bytes.`,
  );
}
