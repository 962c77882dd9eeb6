/**
 * The bodies of `POST /users` and `PATCH /users/{user_id}` ([CS] CreateUser, UpdateUser; both
 * `additionalProperties: false`) and the checks Clerk runs on their values. Every check only
 * collects errors: a route mutates nothing until the whole body has passed.
 */
import * as z from 'zod';
// The emulator reads usergraph's own identifier rules: both providers document the same formats
// (an address, E.164), and a copy per provider is how the two emulated providers came to disagree.
import { isE164PhoneNumber, isEmailAddress, isWeb3Wallet } from '../../../input-rules.js';
import { metadataSchema, metadataTooLarge } from '../body.js';
import { identifierExists, paramError, type ClerkErrorItem } from '../errors.js';
import { BREACHED_PASSWORDS } from '../password.js';
import type { Metadata } from '../records.js';
import type { ClerkState } from '../state.js';
import { isBase32Secret } from '../totp.js';

const text = z.string().nullable().optional();
const flag = z.boolean().nullable().optional();
const strings = z.array(z.string()).optional();
const statuses = z.array(z.enum(['verified', 'reserved'])).optional();

const shared = {
  external_id: text,
  first_name: text,
  last_name: text,
  locale: text,
  username: text,
  password: text,
  password_digest: text,
  password_hasher: z.string().optional(),
  skip_password_checks: flag,
  totp_secret: text,
  backup_codes: strings,
  delete_self_enabled: flag,
  create_organization_enabled: flag,
  create_organizations_limit: z.number().int().nullable().optional(),
  legal_accepted_at: text,
  skip_legal_checks: flag,
  created_at: text,
  bypass_client_trust: flag,
};

const metadataFields = {
  public_metadata: metadataSchema.optional(),
  private_metadata: metadataSchema.optional(),
  unsafe_metadata: metadataSchema.optional(),
};

export const createUserSchema = z.strictObject({
  ...shared,
  ...metadataFields,
  email_address: strings,
  email_address_identification_status: statuses,
  phone_number: strings,
  phone_number_identification_status: statuses,
  web3_wallet: strings,
  skip_password_requirement: flag,
  skip_user_requirement: flag,
  banned: flag,
  locked: flag,
});

const updateFields = {
  ...shared,
  primary_email_address_id: text,
  notify_primary_email_address_changed: flag,
  primary_phone_number_id: text,
  primary_web3_wallet_id: text,
  profile_image_id: text,
  sign_out_of_other_sessions: flag,
};
/** Since 2026-05-12 metadata is not part of this body (unknown field → 422). */
export const updateUserSchema = z.strictObject(updateFields);
/** Older API versions still take the three metadata fields, replacing each one sent. */
export const legacyUpdateUserSchema = z.strictObject({ ...updateFields, ...metadataFields });
export type UpdateUserBody = z.output<typeof legacyUpdateUserSchema>;

const USERNAME = /^[a-z0-9_-]+$/i;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Checks one kind of identifier: format, duplicates inside the request, and uniqueness across
 * the instance (a value the same user already holds is not a conflict).
 */
export function checkIdentifiers(
  state: ClerkState,
  kind: 'email_address' | 'phone_number' | 'web3_wallet',
  values: readonly string[],
  ownerId?: string,
): ClerkErrorItem[] {
  const rules = {
    email_address: {
      index: 'email',
      valid: isEmailAddress,
      message: 'email_address must be a valid email address.',
    },
    phone_number: {
      index: 'phone',
      valid: isE164PhoneNumber,
      message: 'phone_number must be a valid phone number according to E.164 international standard.',
    },
    web3_wallet: {
      index: 'web3',
      valid: isWeb3Wallet,
      message: 'web3_wallet must be a valid Ethereum address (0x followed by 40 hex digits).',
    },
  } as const;
  const rule = rules[kind];
  const errors: ClerkErrorItem[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (!rule.valid(value))
      errors.push(paramError('form_param_format_invalid', kind, 'is invalid', rule.message));
    else if (seen.has(key))
      errors.push(
        paramError(
          'form_param_duplicate',
          kind,
          'is duplicated',
          `${kind} contains ${value} more than once.`,
        ),
      );
    else {
      const holder = state.userIdFor(rule.index, value);
      if (holder !== undefined && holder !== ownerId) errors.push(identifierExists(kind));
    }
    seen.add(key);
  }
  return errors;
}

export function checkUsername(state: ClerkState, username: string, ownerId?: string): ClerkErrorItem[] {
  if (username.length < 4 || username.length > 64) {
    return [
      paramError(
        'form_username_invalid_length',
        'username',
        'is invalid',
        'Username must be between 4 and 64 characters long.',
      ),
    ];
  }
  if (!USERNAME.test(username)) {
    return [
      paramError(
        'form_username_invalid_character',
        'username',
        'is invalid',
        'Username can only contain letters, numbers and - or _.',
      ),
    ];
  }
  if (isE164PhoneNumber(username)) {
    return [
      paramError(
        'form_username_cannot_be_phone_number',
        'username',
        'is invalid',
        'Username cannot be a phone number.',
      ),
    ];
  }
  const holder = state.userIdFor('username', username);
  return holder !== undefined && holder !== ownerId ? [identifierExists('username')] : [];
}

export function checkExternalId(state: ClerkState, externalId: string, ownerId?: string): ClerkErrorItem[] {
  const holder = state.userIdFor('externalId', externalId);
  return holder !== undefined && holder !== ownerId ? [identifierExists('external_id')] : [];
}

export function checkPassword(password: string, skipChecks: boolean): ClerkErrorItem[] {
  if (skipChecks) return [];
  if (password.length < 8) {
    return [
      paramError(
        'form_password_length_too_short',
        'password',
        'Passwords must be 8 characters or more.',
        'Passwords must be 8 characters or more.',
      ),
    ];
  }
  if (BREACHED_PASSWORDS.has(password.toLowerCase())) {
    const text =
      'Password has been found in an online data breach. For account safety, please use a different password.';
    return [paramError('form_password_pwned', 'password', text, text)];
  }
  return [];
}

export function checkPasswordDigest(body: {
  password_digest?: string | null;
  password_hasher?: string;
}): ClerkErrorItem[] {
  if (body.password_digest && !body.password_hasher) {
    return [
      paramError(
        'form_param_missing',
        'password_hasher',
        'missing required parameter',
        'password_hasher must be included when password_digest is given.',
      ),
    ];
  }
  return [];
}

export function checkTotpSecret(secret: string): ClerkErrorItem[] {
  return isBase32Secret(secret)
    ? []
    : [
        paramError(
          'form_param_format_invalid',
          'totp_secret',
          'is invalid',
          'totp_secret must be a base32-encoded secret of at least 16 characters.',
        ),
      ];
}

/** RFC 3339 in, milliseconds out; `undefined` when the value is absent. */
export function parseTime(
  param: string,
  value: string | null | undefined,
  errors: ClerkErrorItem[],
): number | null | undefined {
  if (value === undefined || value === null) return value;
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) {
    errors.push(
      paramError(
        'form_param_invalid_time',
        param,
        'is invalid',
        `${param} must be a valid RFC 3339 date-time, such as 2012-10-20T07:15:20.902Z.`,
      ),
    );
    return undefined;
  }
  return ms;
}

export function checkMetadata(
  fields: Partial<Record<'public_metadata' | 'private_metadata' | 'unsafe_metadata', Metadata | null>>,
): ClerkErrorItem[] {
  return Object.entries(fields).flatMap(([param, value]) => {
    const error = value === undefined ? undefined : metadataTooLarge(param, value);
    return error ? [error] : [];
  });
}
