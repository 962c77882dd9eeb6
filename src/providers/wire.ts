/**
 * Reading a provider's JSON with its zod schema, shared by every provider folder: a body of the
 * wrong shape is one UPSTREAM_INVALID naming the bad fields and what was expected, never the value
 * found (it could be a user's e-mail or a token), instead of a TypeError three calls later.
 */
import * as z from 'zod';
import { ProviderError } from './errors.js';
import type { JsonObject } from './types.js';

/**
 * A metadata object, kept as JSON.parse built it. Every value in a parsed body is JSON already,
 * so being an object is the whole test; a schema that walked it (`z.json()`) copied every value,
 * the costliest part of reading a user with large metadata, and a copy would turn a `"__proto__"`
 * key into the object's prototype instead of a metadata field.
 */
export const jsonObjectSchema = z.custom<JsonObject>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'not an object',
);

/** The body as `schema` reads it, or UPSTREAM_INVALID naming up to three bad fields. */
export function parseWire<S extends z.ZodType>(
  provider: string,
  schema: S,
  body: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${fieldPath(issue.path, 'the body')} (${problem(issue)})`);
  throw new ProviderError({
    provider,
    code: 'UPSTREAM_INVALID',
    message: `${provider} answered ${what} that does not match its API: ${problems.join(', ')}`,
  });
}

/** The first bad field of a failed parse (`root` when it is the value itself) and what was wrong. */
export function describeIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0];
  return `${fieldPath(issue?.path ?? [], root)} is ${problem(issue)}`;
}

/** What was wrong, in words that hold no part of the value received (zod's own messages may). */
function problem(issue: z.core.$ZodIssue | undefined): string {
  switch (issue?.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return 'not one of the documented values';
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    // Only this file's own checks raise these, with messages that quote no value.
    case 'custom':
      return issue.message;
    default:
      return issue?.code ?? 'invalid';
  }
}

/** `users[0].email`, or `root` for the value itself. */
function fieldPath(segments: readonly PropertyKey[], root: string): string {
  const path = segments
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
  return path || root;
}
