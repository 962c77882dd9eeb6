/**
 * The bodies of `POST /users` (`CreateUserRequest`) and `PATCH /users/{user_id}`
 * (`UpdateUserRequest`): `{email?, phone?, user_metadata?}`, validated before anything changes.
 *
 * Decisions where the spec is silent:
 * - An empty string is an absent field, as in Passage's Go server (`x-go-type-skip-optional-
 *   pointer`): `{"email": ""}` changes nothing and does not remove the e-mail. A blank one
 *   (`"  "`) is invalid, as the live API answered.
 * - E-mails are stored lowercase; phones must be E.164 (`+` and 2 to 15 digits).
 * - `user_metadata` takes any keys (the emulator models no metadata field definitions). On
 *   PATCH it is merged key by key into what the user has; a key set to `null` is removed and
 *   `"user_metadata": null` clears it all. Unknown body fields are ignored, as Go's decoder does.
 */
import * as z from 'zod';
// The emulator reads usergraph's own identifier rules: both providers document the same formats
// (an address, E.164), and a copy per provider is how the two emulated providers came to disagree.
import { isE164PhoneNumber, isEmailAddress } from '../../input-rules.js';
import type { EmulatorResponse } from '../provider.js';
import { invalidEmail, invalidPhone, invalidRequest } from './errors.js';

export type UserMetadata = Record<string, unknown>;

export interface UserInput {
  email?: string;
  phone?: string;
  /** `null` clears; absent leaves it alone. */
  userMetadata?: UserMetadata | null;
}

const bodySchema = z.object(
  {
    email: z.string({ error: 'must be a string' }).optional(),
    phone: z.string({ error: 'must be a string' }).optional(),
    // Checked by hand and used as parsed by JSON.parse: a schema's copy would turn a
    // `"__proto__"` key into a prototype instead of a metadata field.
    user_metadata: z.unknown().refine(isMetadata, 'must be an object or null').optional(),
  },
  { error: 'the request body must be a JSON object' },
);

export type ParsedInput = { ok: true; input: UserInput } | { ok: false; response: EmulatorResponse };

/** Validates a body (`undefined` when the request had none) into normalized input. */
export function parseUserInput(body: unknown): ParsedInput {
  const parsed = bodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    return { ok: false, response: invalidRequest(`${field}: ${issue?.message ?? 'is invalid'}`) };
  }
  const { email, phone, user_metadata: metadata } = parsed.data;
  const input: UserInput = {};
  if (email) {
    if (!isEmailAddress(email)) return { ok: false, response: invalidEmail() };
    input.email = email.toLowerCase();
  }
  if (phone) {
    if (!isE164PhoneNumber(phone)) return { ok: false, response: invalidPhone() };
    input.phone = phone;
  }
  if (metadata !== undefined) input.userMetadata = metadata as UserMetadata | null;
  return { ok: true, input };
}

/** PATCH semantics: key-by-key merge, `null` values remove keys, a `null` patch clears all. */
export function mergeMetadata(current: UserMetadata | null, patch: UserMetadata | null): UserMetadata | null {
  if (patch === null) return null;
  const kept = Object.entries(current ?? {}).filter(([key]) => !Object.hasOwn(patch, key));
  const added = Object.entries(patch).filter(([, value]) => value !== null);
  return Object.fromEntries([...kept, ...added]);
}

function isMetadata(value: unknown): boolean {
  return value === null || (typeof value === 'object' && !Array.isArray(value));
}
