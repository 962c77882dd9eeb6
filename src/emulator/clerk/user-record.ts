/**
 * Rules about a user record that more than one route applies: what a new user starts with, and
 * the MFA timestamps Clerk keeps (`mfa_enabled_at` / `mfa_disabled_at` record the last switch
 * and are never cleared).
 */
import type { UserRecord } from './records.js';

export function newUserRecord(id: string, now: number): UserRecord {
  return {
    id,
    external_id: null,
    username: null,
    first_name: null,
    last_name: null,
    locale: null,
    imageId: null,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    emails: [],
    phones: [],
    web3Wallets: [],
    passkeys: [],
    externalAccounts: [],
    trustedDevices: [],
    primary_email_address_id: null,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password: null,
    password_last_updated_at: null,
    totp: null,
    backupCodes: null,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    banned: false,
    lockedUntil: undefined,
    last_sign_in_at: null,
    last_active_at: null,
    legal_accepted_at: null,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    bypass_client_trust: false,
    created_at: now,
    updated_at: now,
  };
}

const mfaOn = (user: UserRecord) => user.totp !== null || (user.backupCodes?.length ?? 0) > 0;

/** Applies `mutate`, then stamps the MFA switch and `updated_at`. */
export function changeUser(user: UserRecord, now: number, mutate: (user: UserRecord) => void): void {
  const before = mfaOn(user);
  mutate(user);
  const after = mfaOn(user);
  if (!before && after) user.mfa_enabled_at = now;
  if (before && !after) user.mfa_disabled_at = now;
  user.updated_at = now;
}
