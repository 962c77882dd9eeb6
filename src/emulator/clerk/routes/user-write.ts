/**
 * `POST /users` (200, not 201) and `PATCH /users/{user_id}`. Both validate the whole body first
 * and answer every problem in one 422; only then is anything written.
 */
import type { EmulatorRequest, Route } from '../../provider.js';
import { apiVersionOf, patchUserTakesMetadata } from '../api-version.js';
import { readJsonBody } from '../body.js';
import { paramError, unprocessable, type ClerkErrorItem } from '../errors.js';
import { hashPassword } from '../password.js';
import { LOCKOUT_SECONDS, serializeUser } from '../serialize.js';
import type { PasswordRecord, UserRecord } from '../records.js';
import { changeUser, newUserRecord } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';
import {
  checkExternalId,
  checkIdentifiers,
  checkMetadata,
  checkPassword,
  checkPasswordDigest,
  checkTotpSecret,
  checkUsername,
  createUserSchema,
  legacyUpdateUserSchema,
  parseTime,
  updateUserSchema,
  type UpdateUserBody,
} from './user-input.js';

export function userWriteRoutes({ state, now }: ClerkContext): Route[] {
  function createUser(req: EmulatorRequest) {
    const body = readJsonBody(req, createUserSchema);
    const emails = body.email_address ?? [];
    const phones = body.phone_number ?? [];
    const wallets = body.web3_wallet ?? [];
    const errors: ClerkErrorItem[] = [
      ...checkIdentifiers(state, 'email_address', emails),
      ...checkIdentifiers(state, 'phone_number', phones),
      ...checkIdentifiers(state, 'web3_wallet', wallets),
      ...lengthMismatch(
        'email_address_identification_status',
        body.email_address_identification_status,
        emails.length,
      ),
      ...lengthMismatch(
        'phone_number_identification_status',
        body.phone_number_identification_status,
        phones.length,
      ),
      ...(body.username ? checkUsername(state, body.username) : []),
      ...(body.external_id ? checkExternalId(state, body.external_id) : []),
      ...(body.password ? checkPassword(body.password, body.skip_password_checks === true) : []),
      ...checkPasswordDigest(body),
      ...(body.totp_secret ? checkTotpSecret(body.totp_secret) : []),
      ...checkMetadata(body),
    ];
    if (!body.password && !body.password_digest && body.skip_password_requirement !== true) {
      errors.push(
        paramError(
          'form_param_missing',
          'password',
          'missing required parameter',
          'password must be included.',
        ),
      );
    }
    if (
      !body.skip_user_requirement &&
      emails.length + phones.length + wallets.length === 0 &&
      !body.username
    ) {
      errors.push(
        paramError(
          'form_data_missing',
          'email_address',
          'missing data',
          'At least one identifier (email_address, phone_number, web3_wallet or username) must be included.',
        ),
      );
    }
    const createdAt = parseTime('created_at', body.created_at, errors);
    const legalAcceptedAt = parseTime('legal_accepted_at', body.legal_accepted_at, errors);
    if (errors.length > 0) throw unprocessable(errors);

    const at = now();
    const user = newUserRecord(state.newId('user'), createdAt ?? at);
    user.updated_at = at;
    const stamp = createdAt ?? at;
    user.emails = emails.map((email_address, i) => ({
      id: state.newId('idn'),
      email_address,
      status: body.email_address_identification_status?.[i] ?? 'verified',
      linkedTo: null,
      created_at: stamp,
      updated_at: stamp,
    }));
    user.phones = phones.map((phone_number, i) => ({
      id: state.newId('idn'),
      phone_number,
      status: body.phone_number_identification_status?.[i] ?? 'verified',
      created_at: stamp,
      updated_at: stamp,
    }));
    user.web3Wallets = wallets.map((wallet) => ({
      id: state.newId('idn'),
      web3_wallet: wallet.toLowerCase(),
      strategy: 'admin',
      created_at: stamp,
      updated_at: stamp,
    }));
    user.primary_email_address_id = user.emails[0]?.id ?? null;
    user.primary_phone_number_id = user.phones[0]?.id ?? null;
    user.primary_web3_wallet_id = user.web3Wallets[0]?.id ?? null;
    user.public_metadata = body.public_metadata ?? {};
    user.private_metadata = body.private_metadata ?? {};
    user.unsafe_metadata = body.unsafe_metadata ?? {};
    user.banned = body.banned === true;
    user.lockedUntil = body.locked === true ? at + LOCKOUT_SECONDS * 1000 : undefined;
    changeUser(user, at, (u) => applyCommonFields(u, body, legalAcceptedAt, at));
    state.addUser(user);
    return ok(serializeUser(user));
  }

  function updateUser(req: EmulatorRequest) {
    const user = requireUser(state, req.params.user_id!);
    const legacy = patchUserTakesMetadata(apiVersionOf(req.headers, req.query));
    const body: UpdateUserBody = readJsonBody(req, legacy ? legacyUpdateUserSchema : updateUserSchema);
    const errors: ClerkErrorItem[] = [
      ...(body.username ? checkUsername(state, body.username, user.id) : []),
      ...(body.external_id ? checkExternalId(state, body.external_id, user.id) : []),
      ...(body.password ? checkPassword(body.password, body.skip_password_checks === true) : []),
      ...checkPasswordDigest(body),
      ...(body.totp_secret ? checkTotpSecret(body.totp_secret) : []),
      ...checkMetadata(body),
      ...ownedId('primary_email_address_id', body.primary_email_address_id, user.emails),
      ...ownedId('primary_phone_number_id', body.primary_phone_number_id, user.phones),
      ...ownedId('primary_web3_wallet_id', body.primary_web3_wallet_id, user.web3Wallets),
    ];
    const createdAt = parseTime('created_at', body.created_at, errors);
    const legalAcceptedAt = parseTime('legal_accepted_at', body.legal_accepted_at, errors);
    if (errors.length > 0) throw unprocessable(errors);

    const at = now();
    state.updateUser(user, (u) =>
      changeUser(u, at, () => {
        applyCommonFields(u, body, legalAcceptedAt, at);
        if (body.primary_email_address_id) u.primary_email_address_id = body.primary_email_address_id;
        if (body.primary_phone_number_id) u.primary_phone_number_id = body.primary_phone_number_id;
        if (body.primary_web3_wallet_id) u.primary_web3_wallet_id = body.primary_web3_wallet_id;
        if (createdAt) u.created_at = createdAt;
        // Before 2026-05-12 a metadata field sent here replaced the stored one.
        if (body.public_metadata !== undefined) u.public_metadata = body.public_metadata;
        if (body.private_metadata !== undefined) u.private_metadata = body.private_metadata;
        if (body.unsafe_metadata !== undefined) u.unsafe_metadata = body.unsafe_metadata;
      }),
    );
    return ok(serializeUser(user));
  }

  return [
    { method: 'POST', template: '/users', handle: createUser },
    { method: 'PATCH', template: '/users/{user_id}', handle: updateUser },
  ];
}

type CommonFields = Omit<UpdateUserBody, 'public_metadata' | 'private_metadata' | 'unsafe_metadata'>;

/** Fields both bodies share: `null` clears a nullable string, an absent field changes nothing. */
function applyCommonFields(
  user: UserRecord,
  body: CommonFields,
  legalAcceptedAt: number | null | undefined,
  at: number,
): void {
  for (const field of ['external_id', 'first_name', 'last_name', 'locale'] as const) {
    if (body[field] !== undefined) user[field] = body[field] || null;
  }
  if (body.username !== undefined) user.username = body.username ? body.username.toLowerCase() : null;
  const password: PasswordRecord | undefined = body.password
    ? hashPassword(body.password)
    : body.password_digest && body.password_hasher
      ? { kind: 'digest', hasher: body.password_hasher, digest: body.password_digest }
      : undefined;
  if (password) {
    user.password = password;
    user.password_last_updated_at = at;
  }
  if (body.totp_secret)
    user.totp = { id: `totp_${user.id.slice(5)}`, secret: body.totp_secret.toUpperCase(), created_at: at };
  if (body.backup_codes !== undefined)
    user.backupCodes = body.backup_codes.length > 0 ? [...body.backup_codes] : null;
  for (const field of [
    'delete_self_enabled',
    'create_organization_enabled',
    'bypass_client_trust',
  ] as const) {
    if (typeof body[field] === 'boolean') user[field] = body[field];
  }
  if (body.create_organizations_limit !== undefined)
    user.create_organizations_limit = body.create_organizations_limit;
  if (legalAcceptedAt !== undefined) user.legal_accepted_at = legalAcceptedAt;
}

function lengthMismatch(
  param: string,
  statuses: readonly string[] | undefined,
  expected: number,
): ClerkErrorItem[] {
  if (!statuses || statuses.length === 0 || statuses.length === expected) return [];
  return [
    paramError(
      'form_param_array_length_mismatch',
      param,
      'length mismatch',
      `${param} must have exactly one item per value (${expected}), got ${statuses.length}.`,
    ),
  ];
}

function ownedId(
  param: string,
  id: string | null | undefined,
  owned: readonly { id: string }[],
): ClerkErrorItem[] {
  if (!id || owned.some((item) => item.id === id)) return [];
  return [
    paramError(
      'form_param_value_invalid',
      param,
      'is invalid',
      `${param} must be the id of one of this user's identifiers, got ${id}.`,
    ),
  ];
}
