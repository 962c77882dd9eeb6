/**
 * State records → the exact JSON shapes of Clerk's spec ([CS] `components.schemas`): every
 * required field present, timestamps as int64 milliseconds, `object` discriminators set. Secrets
 * (password hashes, TOTP secrets, backup codes) never pass through here.
 */
import type { EmailRecord, ExternalAccountRecord, PhoneRecord, UserRecord } from './records.js';

/** Clerk's default lockout duration; a lock set through the API lasts this long. */
export const LOCKOUT_SECONDS = 3600;
/** Clerk's default number of sign-in attempts before a lockout. */
const VERIFICATION_ATTEMPTS = 100;

const adminVerification = {
  object: 'verification_admin',
  status: 'verified',
  strategy: 'admin',
  attempts: null,
  expire_at: null,
};
const unverified = (strategy: string) => ({
  object: 'verification_otp',
  status: 'unverified',
  strategy,
  attempts: 0,
  expire_at: null,
});

/** Clerk's image URLs are img.clerk.com proxies of a base64url JSON descriptor. */
export function imageUrls(user: Pick<UserRecord, 'id' | 'imageId'>) {
  const source = user.imageId ? `https://images.clerk.dev/uploaded/${user.imageId}` : null;
  const descriptor = source
    ? { type: 'proxy', src: source }
    : { type: 'default', iid: 'ins_emulator', rid: user.id };
  return {
    profile_image_url: source ?? 'https://www.gravatar.com/avatar?d=mp',
    image_url: `https://img.clerk.com/${Buffer.from(JSON.stringify(descriptor)).toString('base64url')}`,
    has_image: source !== null,
  };
}

/** A lock set through the API ends on its own; `locked` reads false once it has. */
export function isLocked(user: UserRecord, now = Date.now()): boolean {
  return user.lockedUntil === null || (user.lockedUntil !== undefined && user.lockedUntil > now);
}

export function serializeUser(user: UserRecord, now = Date.now()) {
  const locked = isLocked(user, now);
  const totpEnabled = user.totp !== null;
  const backupCodeEnabled = (user.backupCodes?.length ?? 0) > 0;
  return {
    id: user.id,
    object: 'user',
    external_id: user.external_id,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: user.primary_phone_number_id,
    primary_web3_wallet_id: user.primary_web3_wallet_id,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    locale: user.locale,
    ...imageUrls(user),
    public_metadata: user.public_metadata,
    private_metadata: user.private_metadata,
    unsafe_metadata: user.unsafe_metadata,
    email_addresses: user.emails.map(serializeEmail),
    phone_numbers: user.phones.map(serializePhone),
    web3_wallets: user.web3Wallets.map((wallet) => ({
      id: wallet.id,
      object: 'web3_wallet',
      web3_wallet: wallet.web3_wallet,
      verification:
        wallet.strategy === 'admin'
          ? adminVerification
          : {
              object: 'verification_web3',
              status: 'verified',
              strategy: wallet.strategy,
              nonce: null,
              message: null,
              attempts: null,
              expire_at: null,
            },
      created_at: wallet.created_at,
      updated_at: wallet.updated_at,
    })),
    passkeys: user.passkeys.map((passkey) => ({
      id: passkey.id,
      object: 'passkey',
      name: passkey.name,
      last_used_at: passkey.last_used_at,
      verification: {
        object: 'verification_passkey',
        status: 'verified',
        strategy: 'passkey',
        nonce: 'nonce',
        message: null,
        attempts: null,
        expire_at: null,
      },
    })),
    password_enabled: user.password !== null,
    two_factor_enabled: totpEnabled || backupCodeEnabled,
    totp_enabled: totpEnabled,
    backup_code_enabled: backupCodeEnabled,
    mfa_enabled_at: user.mfa_enabled_at,
    mfa_disabled_at: user.mfa_disabled_at,
    password_last_updated_at: user.password_last_updated_at,
    // Not in the spec's User, but unset_compromised's description says the answer carries it.
    requires_password_reset: user.password !== null && user.passwordCompromised === true,
    external_accounts: user.externalAccounts.map(serializeExternalAccount),
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.last_sign_in_at,
    banned: user.banned,
    locked,
    deprovisioned: false,
    lockout_expires_in_seconds:
      locked && user.lockedUntil !== null && user.lockedUntil !== undefined
        ? Math.ceil((user.lockedUntil - now) / 1000)
        : null,
    verification_attempts_remaining: locked ? 0 : VERIFICATION_ATTEMPTS,
    created_at: user.created_at,
    updated_at: user.updated_at,
    delete_self_enabled: user.delete_self_enabled,
    create_organization_enabled: user.create_organization_enabled,
    create_organizations_limit: user.create_organizations_limit,
    last_active_at: user.last_active_at,
    legal_accepted_at: user.legal_accepted_at,
    bypass_client_trust: user.bypass_client_trust,
    scim: null,
  };
}

export function serializeEmail(email: EmailRecord) {
  const fromOauth = email.linkedTo && email.status === 'verified';
  return {
    id: email.id,
    object: 'email_address',
    email_address: email.email_address,
    reserved: email.status === 'reserved',
    verification: fromOauth
      ? {
          object: 'verification_from_oauth',
          status: 'verified',
          strategy: `from_${email.linkedTo!.type}`,
          attempts: null,
          expire_at: null,
        }
      : email.status === 'verified'
        ? adminVerification
        : unverified('email_code'),
    linked_to: email.linkedTo ? [email.linkedTo] : [],
    matches_sso_connection: false,
    created_at: email.created_at,
    updated_at: email.updated_at,
  };
}

export function serializePhone(phone: PhoneRecord) {
  return {
    id: phone.id,
    object: 'phone_number',
    phone_number: phone.phone_number,
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: phone.status === 'reserved',
    verification: phone.status === 'verified' ? adminVerification : unverified('phone_code'),
    linked_to: [],
    backup_codes: null,
    created_at: phone.created_at,
    updated_at: phone.updated_at,
  };
}

function serializeExternalAccount(account: ExternalAccountRecord) {
  return {
    object: 'external_account',
    id: account.id,
    provider: account.provider,
    identification_id: account.identification_id,
    provider_user_id: account.provider_user_id,
    approved_scopes: account.approved_scopes,
    email_address: account.email_address,
    email_address_verified: true,
    first_name: account.first_name,
    last_name: account.last_name,
    avatar_url: account.image_url ?? '',
    image_url: account.image_url,
    username: account.username,
    phone_number: null,
    public_metadata: {},
    label: null,
    created_at: account.created_at,
    updated_at: account.updated_at,
    verification: {
      object: 'verification_oauth',
      status: 'verified',
      strategy: account.provider,
      attempts: null,
      expire_at: account.created_at + 600_000,
    },
  };
}

export function serializeOAuthAccessToken(account: ExternalAccountRecord) {
  return {
    object: 'oauth_access_token',
    external_account_id: account.id,
    provider_user_id: account.provider_user_id,
    token: account.accessToken.token,
    expires_at: account.accessToken.expires_at,
    provider: account.provider,
    public_metadata: {},
    label: null,
    scopes: account.accessToken.scopes,
  };
}

export const deletedObject = (object: string, id: string) => ({ object, id, deleted: true });
