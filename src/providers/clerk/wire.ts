/**
 * The JSON Clerk's Backend API answers, as zod schemas written from `shared/specs/
 * clerk-backend-api.yml` (`components.schemas`). Only the fields usergraph reads are declared;
 * `z.object` drops the rest, so a field Clerk adds later is never an error. A field the spec
 * marks optional is optional here even where Clerk always sends it.
 */
import * as z from 'zod';
import { jsonObjectSchema } from '../wire.js';

/** int64 Unix milliseconds, Clerk's timestamp everywhere in responses. */
const millis = z.int();
const metadata = jsonObjectSchema;

/** Every verification object (`verification_otp`, `verification_admin`, ...) has a status. */
const verification = z.object({ status: z.string() }).nullable();

export const emailAddressSchema = z.object({
  id: z.string().optional(),
  email_address: z.string(),
  verification,
});

export const phoneNumberSchema = z.object({
  id: z.string().optional(),
  phone_number: z.string(),
  verification,
});

export const web3WalletSchema = z.object({
  id: z.string(),
  web3_wallet: z.string(),
  verification,
});

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  last_used_at: millis.nullable(),
});

export const externalAccountSchema = z.object({
  id: z.string(),
  /** `oauth_google`, `oauth_github`... */
  provider: z.string(),
  provider_user_id: z.string(),
  email_address: z.string().nullable(),
  username: z.string().nullish(),
  created_at: millis,
});

export const userSchema = z.object({
  id: z.string(),
  external_id: z.string().nullable(),
  primary_email_address_id: z.string().nullable(),
  primary_phone_number_id: z.string().nullable(),
  primary_web3_wallet_id: z.string().nullable(),
  username: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string().optional(),
  has_image: z.boolean(),
  public_metadata: metadata,
  private_metadata: metadata.nullish(),
  unsafe_metadata: metadata.optional(),
  email_addresses: z.array(emailAddressSchema),
  phone_numbers: z.array(phoneNumberSchema),
  web3_wallets: z.array(web3WalletSchema),
  passkeys: z.array(passkeySchema),
  external_accounts: z.array(externalAccountSchema),
  password_enabled: z.boolean(),
  two_factor_enabled: z.boolean(),
  totp_enabled: z.boolean(),
  backup_code_enabled: z.boolean(),
  /** Absent from the spec's User; unset_compromised's description says the answer carries it. */
  requires_password_reset: z.boolean().optional(),
  banned: z.boolean(),
  locked: z.boolean(),
  lockout_expires_in_seconds: z.int().nullable(),
  last_sign_in_at: millis.nullable(),
  last_active_at: millis.nullish(),
  created_at: millis,
  updated_at: millis,
});
export type ClerkUser = z.output<typeof userSchema>;

/** `GET /users` answers a bare array (the count is a separate call). */
export const userListSchema = z.array(userSchema);

export const totalCountSchema = z.object({ total_count: z.int().nonnegative() });

/** `GET /instance`: only what a migration reads of it. */
export const instanceSchema = z.object({ id: z.string(), environment_type: z.string() });

/** The organization and invitation lists' envelope. */
export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), total_count: z.int().nonnegative() });

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  image_url: z.string().optional(),
  members_count: z.int().optional(),
  created_at: millis,
});

export const organizationMembershipSchema = z.object({
  id: z.string(),
  role: z.string(),
  role_name: z.string().optional(),
  permissions: z.array(z.string()),
  organization: organizationSchema,
  created_at: millis,
  updated_at: millis,
});
export type ClerkOrganizationMembership = z.output<typeof organizationMembershipSchema>;

/** `OrganizationInvitationWithPublicOrganizationData`, what the per-user list answers. */
export const organizationInvitationSchema = z.object({
  id: z.string(),
  email_address: z.string(),
  role: z.string(),
  /** Optional in the spec, but always sent; the list filter takes these four values. */
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  public_organization_data: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    image_url: z.string().optional(),
  }),
  expires_at: millis.nullable(),
  created_at: millis,
  updated_at: millis,
});
export type ClerkOrganizationInvitation = z.output<typeof organizationInvitationSchema>;

export const oauthAccessTokenSchema = z.object({
  external_account_id: z.string(),
  /** `oauth_google`... */
  provider: z.string(),
  token: z.string(),
  expires_at: millis.nullable(),
  scopes: z.array(z.string()).optional(),
  label: z.string().nullable(),
});
export type ClerkOAuthAccessToken = z.output<typeof oauthAccessTokenSchema>;

/**
 * The spec documents a bare array; @clerk/backend asks with `paginated=true` and expects the
 * `{data, total_count}` envelope. Which one the live API sends was not verified, so both parse.
 */
export const oauthAccessTokensSchema = z.union([
  z.array(oauthAccessTokenSchema),
  paginated(oauthAccessTokenSchema).transform((page) => page.data),
]);

export const sessionSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  client_id: z.string(),
  status: z.enum(['active', 'pending', 'revoked', 'ended', 'expired', 'removed', 'abandoned', 'replaced']),
  last_active_at: millis,
  expire_at: millis,
  abandon_at: millis,
  created_at: millis,
  updated_at: millis,
  latest_activity: z
    .object({
      device_type: z.string().optional(),
      is_mobile: z.boolean(),
      browser_name: z.string().optional(),
      browser_version: z.string().optional(),
      ip_address: z.string().optional(),
      city: z.string().optional(),
      country: z.string().optional(),
    })
    .nullish(),
});
export type ClerkSession = z.output<typeof sessionSchema>;

/**
 * `GET /sessions` is documented as a bare array; asked with `paginated=true` (as @clerk/backend
 * does) it answers the `{data, total_count}` envelope. Both parse.
 */
export const sessionListSchema = z.union([
  z.array(sessionSchema).transform((data) => ({ data, total_count: undefined })),
  paginated(sessionSchema),
]);

export const instanceInvitationSchema = z.object({
  id: z.string(),
  email_address: z.string(),
  public_metadata: metadata,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  url: z.string().optional(),
  expires_at: millis.nullish(),
  created_at: millis,
  updated_at: millis,
});
export type ClerkInstanceInvitation = z.output<typeof instanceInvitationSchema>;

/** `GET /invitations`: a bare array as documented, or the envelope with `paginated=true`. */
export const instanceInvitationListSchema = z.union([
  z.array(instanceInvitationSchema).transform((data) => ({ data, total_count: undefined })),
  paginated(instanceInvitationSchema),
]);

const identifierType = z.enum(['email_address', 'phone_number', 'web3_wallet']);

/** `AllowlistIdentifier`; `BlocklistIdentifier` is the same without `invitation_id`. */
export const listedIdentifierSchema = z.object({
  id: z.string(),
  identifier: z.string(),
  identifier_type: identifierType,
  invitation_id: z.string().nullish(),
  created_at: millis,
  updated_at: millis,
});
export type ClerkListedIdentifier = z.output<typeof listedIdentifierSchema>;

/**
 * `GET /allowlist_identifiers` is a bare array, or the envelope with `paginated=true`;
 * `GET /blocklist_identifiers` is always the envelope. Either parses for both.
 */
export const listedIdentifierListSchema = z.union([
  z.array(listedIdentifierSchema).transform((data) => ({ data, total_count: undefined })),
  paginated(listedIdentifierSchema),
]);

export const trustedDeviceSchema = z.object({
  id: z.string(),
  platform: z.enum(['ios', 'android']),
  app_identifier: z.string(),
  name: z.string().nullish(),
  status: z.enum(['active', 'revoked']),
  created_at: millis,
  updated_at: millis,
  last_used_at: millis.nullish(),
  revoked_at: millis.nullish(),
});
export type ClerkTrustedDevice = z.output<typeof trustedDeviceSchema>;

export const actorTokenSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  actor: z.looseObject({ sub: z.string() }),
  status: z.enum(['pending', 'accepted', 'revoked']),
  /** Only when it is created. */
  token: z.string().optional(),
  url: z.string().optional(),
  created_at: millis,
  updated_at: millis,
});
export type ClerkActorToken = z.output<typeof actorTokenSchema>;

/** `POST /users/{id}/totp`: the Frontend API's TOTP object (the Backend API spec has none). */
export const totpSchema = z.object({
  secret: z.string(),
  uri: z.string(),
  backup_codes: z.array(z.string()).nullish(),
});

/** What `POST /email_addresses` and `/phone_numbers` answer, as far as usergraph reads it. */
export const identificationSchema = z.object({ id: z.string() });

export const deletedObjectSchema = z.object({ object: z.string(), deleted: z.boolean() });

/** `DELETE /users/{id}/totp`, `/backup_code` and `/mfa` answer the user's id, not a DeletedObject. */
export const userIdSchema = z.object({ user_id: z.string() });

export const verifyPasswordSchema = z.object({ verified: z.boolean() });

export const verifyTotpSchema = z.object({
  verified: z.boolean(),
  code_type: z.enum(['totp', 'backup_code']).nullish(),
});

/** `ClerkErrors`: every error body, whatever the status. */
export const clerkErrorsSchema = z.object({
  errors: z.array(
    z.object({
      code: z.string(),
      message: z.string().optional(),
      long_message: z.string().optional(),
      meta: z.object({ param_name: z.string().optional() }).nullish(),
    }),
  ),
  clerk_trace_id: z.string().optional(),
});
