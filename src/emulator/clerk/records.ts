/**
 * The records the Clerk emulator keeps: what Clerk stores about a user, an organization, a
 * membership and an invitation (a password hash, a TOTP secret), not what it answers.
 * serialize.ts turns them into the wire shapes.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Metadata = Record<string, Json>;

/** `verified` identifiers were verified (or created by an admin); `reserved` ones are not. */
export type IdentificationStatus = 'verified' | 'reserved';

export interface EmailRecord {
  id: string;
  email_address: string;
  status: IdentificationStatus;
  /** The external account this address came from (`oauth_google`), if any. */
  linkedTo: { type: string; id: string } | null;
  created_at: number;
  updated_at: number;
}

export interface PhoneRecord {
  id: string;
  phone_number: string;
  status: IdentificationStatus;
  created_at: number;
  updated_at: number;
}

export interface Web3WalletRecord {
  id: string;
  web3_wallet: string;
  /** `admin` when created through the Backend API, a signature strategy when the user signed. */
  strategy: string;
  created_at: number;
  updated_at: number;
}

export interface PasskeyRecord {
  id: string;
  name: string;
  last_used_at: number;
  created_at: number;
}

export interface ExternalAccountRecord {
  id: string;
  /** `oauth_google`, `oauth_github`... */
  provider: string;
  identification_id: string;
  provider_user_id: string;
  approved_scopes: string;
  email_address: string;
  first_name: string;
  last_name: string;
  username: string | null;
  image_url: string | null;
  created_at: number;
  updated_at: number;
  accessToken: { token: string; expires_at: number | null; scopes: string[] };
}

/** A password as Clerk keeps it: never the plaintext. */
export type PasswordRecord =
  { kind: 'scrypt'; salt: string; hash: string } | { kind: 'digest'; hasher: string; digest: string };

/** A phone or tablet app installation the user enrolled as trusted (its key never leaves it). */
export interface TrustedDeviceRecord {
  id: string;
  platform: 'ios' | 'android';
  app_identifier: string;
  name: string | null;
  status: 'active' | 'revoked';
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface UserRecord {
  id: string;
  external_id: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  /** Set by a profile image upload; null shows Clerk's default avatar. */
  imageId: string | null;
  public_metadata: Metadata | null;
  private_metadata: Metadata | null;
  unsafe_metadata: Metadata | null;
  emails: EmailRecord[];
  phones: PhoneRecord[];
  web3Wallets: Web3WalletRecord[];
  passkeys: PasskeyRecord[];
  externalAccounts: ExternalAccountRecord[];
  /** Revoked ones are kept: Clerk lists only the active ones but answers a revoked one's id. */
  trustedDevices: TrustedDeviceRecord[];
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password: PasswordRecord | null;
  password_last_updated_at: number | null;
  /** Set by an admin (`password/set_compromised`): the user must reset it at the next sign-in. */
  passwordCompromised?: boolean;
  totp: { id: string; secret: string; created_at: number } | null;
  backupCodes: string[] | null;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  banned: boolean;
  /** When the lock ends (ms), or null for a lock that never expires; undefined when not locked. */
  lockedUntil: number | null | undefined;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  legal_accepted_at: number | null;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number | null;
  bypass_client_trust: boolean;
  created_at: number;
  updated_at: number;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface MembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_at: number;
  updated_at: number;
}

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface InvitationRecord {
  id: string;
  organizationId: string;
  email_address: string;
  role: string;
  inviterId: string | null;
  status: InvitationStatus;
  public_metadata: Metadata;
  private_metadata: Metadata;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export type SessionStatus =
  'active' | 'pending' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced';

export interface SessionRecord {
  id: string;
  userId: string;
  clientId: string;
  status: SessionStatus;
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
  /** The browser and place of the last request, as Clerk records it. */
  activity: {
    id: string;
    device_type: string;
    is_mobile: boolean;
    browser_name: string;
    browser_version: string;
    ip_address: string;
    city: string;
    country: string;
  } | null;
}

/** An invitation to sign up to the application (not to an organization). */
export interface InstanceInvitationRecord {
  id: string;
  email_address: string;
  public_metadata: Metadata;
  status: InvitationStatus;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A token an admin creates to sign in as a user (impersonation); the token is kept for its URL. */
export interface ActorTokenRecord {
  id: string;
  userId: string;
  actor: Metadata & { sub: string };
  status: 'pending' | 'accepted' | 'revoked';
  token: string;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** An entry of the sign-up allowlist or blocklist. */
export interface ListedIdentifierRecord {
  id: string;
  identifier: string;
  identifier_type: 'email_address' | 'phone_number' | 'web3_wallet';
  /** Allowlist only: the invitation sent when it was created with `notify`. */
  invitation_id: string | null;
  created_at: number;
  updated_at: number;
}
