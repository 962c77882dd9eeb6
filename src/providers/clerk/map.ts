/**
 * Clerk's responses → domain objects, parsed with the schemas of wire.ts (see `parseWire`).
 */
import * as z from 'zod';
import { parseWire } from '../wire.js';
import type {
  ActorToken,
  Device,
  IssuedActorToken,
  InstanceInvitation,
  Invitation,
  InvitationStatus,
  JsonObject,
  ListedIdentifier,
  ListedIdentifierType,
  Membership,
  OAuthAccessToken,
  Page,
  Session,
  SessionStatus,
  TotpEnrollment,
  TrustedDevice,
  User,
  InstanceLimits,
} from '../types.js';
import { domainUser } from '../types.js';
import {
  actorTokenSchema,
  deletedObjectSchema,
  identificationSchema,
  instanceInvitationListSchema,
  instanceSchema,
  instanceInvitationSchema,
  listedIdentifierListSchema,
  listedIdentifierSchema,
  oauthAccessTokensSchema,
  organizationInvitationSchema,
  organizationMembershipSchema,
  paginated,
  sessionListSchema,
  sessionSchema,
  totalCountSchema,
  totpSchema,
  trustedDeviceSchema,
  userIdSchema,
  userListSchema,
  userSchema,
  verifyPasswordSchema,
  verifyTotpSchema,
  type ClerkActorToken,
  type ClerkInstanceInvitation,
  type ClerkListedIdentifier,
  type ClerkOAuthAccessToken,
  type ClerkOrganizationInvitation,
  type ClerkOrganizationMembership,
  type ClerkSession,
  type ClerkTrustedDevice,
  type ClerkUser,
} from './wire.js';

// Built once: zod compiles a schema on its first parse, which costs far more than the parse.
const membershipPageSchema = paginated(organizationMembershipSchema);
const invitationPageSchema = paginated(organizationInvitationSchema);
const instanceInvitationArraySchema = z.array(instanceInvitationSchema);

const date = (millis: number | null | undefined) => (millis == null ? null : new Date(millis));
const isVerified = (verification: { status: string } | null) => verification?.status === 'verified';
/** Clerk names identity providers `oauth_google`; the domain says `google`. */
export const withoutOAuthPrefix = (provider: string) => provider.replace(/^oauth_/, '');

export const toUser = (body: unknown): User => userFromWire(parseWire('clerk', userSchema, body, 'a user'));
export const toUsers = (body: unknown): User[] =>
  parseWire('clerk', userListSchema, body, 'a user list').map(userFromWire);
export const toCount = (body: unknown): number =>
  parseWire('clerk', totalCountSchema, body, 'a count').total_count;
export const toDevices = (body: unknown): Device[] => toUser(body).devices ?? [];

/** A development instance holds at most this many users (Clerk's documented cap); production none. */
export const DEVELOPMENT_INSTANCE_USER_CAP = 100;

export function toInstanceLimits(body: unknown): InstanceLimits {
  const { environment_type: environment } = parseWire('clerk', instanceSchema, body, 'an instance');
  return { environment, maxUsers: environment === 'development' ? DEVELOPMENT_INSTANCE_USER_CAP : null };
}

function userFromWire(user: ClerkUser): User {
  const emailAddresses = user.email_addresses.map((email) => ({
    id: email.id ?? null,
    address: email.email_address,
    verified: isVerified(email.verification),
    primary: email.id !== undefined && email.id === user.primary_email_address_id,
  }));
  const phoneNumbers = user.phone_numbers.map((phone) => ({
    id: phone.id ?? null,
    number: phone.phone_number,
    verified: isVerified(phone.verification),
    primary: phone.id !== undefined && phone.id === user.primary_phone_number_id,
  }));
  return domainUser({
    provider: 'clerk',
    id: user.id,
    externalId: user.external_id,
    email: emailAddresses.find((email) => email.primary)?.address ?? null,
    phone: phoneNumbers.find((phone) => phone.primary)?.number ?? null,
    emailAddresses,
    phoneNumbers,
    username: user.username,
    firstName: user.first_name,
    lastName: user.last_name,
    imageUrl: user.image_url ?? null,
    hasImage: user.has_image,
    status: user.banned ? 'BANNED' : user.locked ? 'LOCKED' : 'ACTIVE',
    banned: user.banned,
    locked: user.locked,
    lockoutExpiresInSeconds: user.lockout_expires_in_seconds,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
    lastSignInAt: date(user.last_sign_in_at),
    lastActiveAt: date(user.last_active_at),
    publicMetadata: user.public_metadata as JsonObject,
    privateMetadata: (user.private_metadata as JsonObject | null | undefined) ?? null,
    unsafeMetadata: (user.unsafe_metadata as JsonObject | undefined) ?? null,
    mfa: {
      passwordEnabled: user.password_enabled,
      totpEnabled: user.totp_enabled,
      backupCodesEnabled: user.backup_code_enabled,
      twoFactorEnabled: user.two_factor_enabled,
    },
    passwordCompromised: user.requires_password_reset ?? null,
    devices: user.passkeys.map((passkey) => ({
      provider: 'clerk',
      id: passkey.id,
      userId: user.id,
      name: passkey.name,
      kind: 'PASSKEY',
      // Clerk's passkey object has no creation or update time, and counts no uses.
      createdAt: null,
      updatedAt: null,
      lastUsedAt: date(passkey.last_used_at),
      usageCount: null,
    })),
    web3Wallets: user.web3_wallets.map((wallet) => ({
      id: wallet.id,
      address: wallet.web3_wallet,
      verified: isVerified(wallet.verification),
      primary: wallet.id === user.primary_web3_wallet_id,
    })),
    externalAccounts: user.external_accounts.map((account) => ({
      id: account.id,
      provider: withoutOAuthPrefix(account.provider),
      providerUserId: account.provider_user_id,
      emailAddress: account.email_address || null,
      username: account.username ?? null,
      createdAt: new Date(account.created_at),
      lastSignInAt: null,
    })),
  });
}

export function toMembershipPage(userId: string, body: unknown): Page<Membership> {
  const page = parseWire('clerk', membershipPageSchema, body, 'a membership page');
  return { items: page.data.map((m) => membershipFromWire(userId, m)), totalCount: page.total_count };
}

function membershipFromWire(userId: string, membership: ClerkOrganizationMembership): Membership {
  const org = membership.organization;
  return {
    id: membership.id,
    userId,
    role: membership.role,
    roleName: membership.role_name ?? null,
    permissions: membership.permissions,
    organization: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      imageUrl: org.image_url ?? null,
      membersCount: org.members_count ?? null,
      createdAt: new Date(org.created_at),
    },
    createdAt: new Date(membership.created_at),
    updatedAt: new Date(membership.updated_at),
  };
}

export function toInvitationPage(body: unknown): Page<Invitation> {
  const page = parseWire('clerk', invitationPageSchema, body, 'an invitation page');
  return { items: page.data.map(invitationFromWire), totalCount: page.total_count };
}

function invitationFromWire(invitation: ClerkOrganizationInvitation): Invitation {
  const org = invitation.public_organization_data;
  return {
    id: invitation.id,
    emailAddress: invitation.email_address,
    role: invitation.role,
    status: invitation.status.toUpperCase() as InvitationStatus,
    organization: { id: org.id, name: org.name, slug: org.slug, imageUrl: org.image_url ?? null },
    createdAt: new Date(invitation.created_at),
    updatedAt: new Date(invitation.updated_at),
    expiresAt: date(invitation.expires_at),
  };
}

export const toInstanceInvitation = (body: unknown): InstanceInvitation =>
  instanceInvitationFromWire(parseWire('clerk', instanceInvitationSchema, body, 'an invitation'));
export const toInstanceInvitations = (body: unknown): InstanceInvitation[] =>
  parseWire('clerk', instanceInvitationArraySchema, body, 'invitations').map(instanceInvitationFromWire);

export const toInstanceInvitationPage = (body: unknown): Page<InstanceInvitation> =>
  pageOf(body, instanceInvitationListSchema, 'an invitation list', instanceInvitationFromWire);

function instanceInvitationFromWire(invitation: ClerkInstanceInvitation): InstanceInvitation {
  return {
    id: invitation.id,
    emailAddress: invitation.email_address,
    status: invitation.status.toUpperCase() as InvitationStatus,
    publicMetadata: invitation.public_metadata as JsonObject,
    url: invitation.url ?? null,
    createdAt: new Date(invitation.created_at),
    updatedAt: new Date(invitation.updated_at),
    expiresAt: date(invitation.expires_at),
  };
}

export const toListedIdentifier = (body: unknown): ListedIdentifier =>
  listedIdentifierFromWire(
    parseWire('clerk', listedIdentifierSchema, body, 'an allowlist or blocklist entry'),
  );

export const toListedIdentifierPage = (body: unknown): Page<ListedIdentifier> =>
  pageOf(body, listedIdentifierListSchema, 'an allowlist or blocklist', listedIdentifierFromWire);

function listedIdentifierFromWire(entry: ClerkListedIdentifier): ListedIdentifier {
  return {
    id: entry.id,
    identifier: entry.identifier,
    type: entry.identifier_type.toUpperCase() as ListedIdentifierType,
    invitationId: entry.invitation_id ?? null,
    createdAt: new Date(entry.created_at),
    updatedAt: new Date(entry.updated_at),
  };
}

export const toTrustedDevice = (userId: string, body: unknown): TrustedDevice =>
  trustedDeviceFromWire(userId, parseWire('clerk', trustedDeviceSchema, body, 'a trusted device'));

export const toTrustedDevices = (userId: string, body: unknown): TrustedDevice[] =>
  parseWire('clerk', paginated(trustedDeviceSchema), body, 'trusted devices').data.map((device) =>
    trustedDeviceFromWire(userId, device),
  );

function trustedDeviceFromWire(userId: string, device: ClerkTrustedDevice): TrustedDevice {
  return {
    id: device.id,
    userId,
    platform: device.platform.toUpperCase() as TrustedDevice['platform'],
    appIdentifier: device.app_identifier,
    name: device.name ?? null,
    status: device.status.toUpperCase() as TrustedDevice['status'],
    createdAt: new Date(device.created_at),
    updatedAt: new Date(device.updated_at),
    lastUsedAt: date(device.last_used_at),
    revokedAt: date(device.revoked_at),
  };
}

export const toActorToken = (body: unknown): ActorToken =>
  actorTokenFromWire(parseWire('clerk', actorTokenSchema, body, 'an actor token'));

export function toIssuedActorToken(body: unknown): IssuedActorToken {
  const wire = parseWire('clerk', actorTokenSchema.required({ token: true }), body, 'a new actor token');
  return { ...actorTokenFromWire(wire), token: wire.token, url: wire.url ?? null };
}

function actorTokenFromWire(token: ClerkActorToken): ActorToken {
  return {
    id: token.id,
    userId: token.user_id,
    actorId: token.actor.sub,
    status: token.status.toUpperCase() as ActorToken['status'],
    createdAt: new Date(token.created_at),
    updatedAt: new Date(token.updated_at),
  };
}

export const toOAuthAccessTokens = (body: unknown): OAuthAccessToken[] =>
  parseWire('clerk', oauthAccessTokensSchema, body, 'OAuth access tokens').map(oauthAccessTokenFromWire);

function oauthAccessTokenFromWire(token: ClerkOAuthAccessToken): OAuthAccessToken {
  return {
    provider: withoutOAuthPrefix(token.provider),
    externalAccountId: token.external_account_id,
    token: token.token,
    expiresAt: date(token.expires_at),
    scopes: token.scopes ?? [],
    label: token.label,
  };
}

export const toSession = (body: unknown): Session =>
  sessionFromWire(parseWire('clerk', sessionSchema, body, 'a session'));

export const toSessionPage = (body: unknown): Page<Session> =>
  pageOf(body, sessionListSchema, 'a session list', sessionFromWire);

function sessionFromWire(session: ClerkSession): Session {
  const activity = session.latest_activity;
  return {
    id: session.id,
    userId: session.user_id,
    clientId: session.client_id,
    status: session.status.toUpperCase() as SessionStatus,
    lastActiveAt: new Date(session.last_active_at),
    expireAt: new Date(session.expire_at),
    abandonAt: new Date(session.abandon_at),
    createdAt: new Date(session.created_at),
    updatedAt: new Date(session.updated_at),
    latestActivity: activity
      ? {
          browserName: activity.browser_name ?? null,
          browserVersion: activity.browser_version ?? null,
          deviceType: activity.device_type ?? null,
          isMobile: activity.is_mobile,
          ipAddress: activity.ip_address ?? null,
          city: activity.city ?? null,
          country: activity.country ?? null,
        }
      : null,
  };
}

export function toTotpEnrollment(body: unknown): TotpEnrollment {
  const totp = parseWire('clerk', totpSchema, body, 'a TOTP enrolment');
  return { secret: totp.secret, uri: totp.uri, backupCodes: totp.backup_codes ?? [] };
}

export const toPasswordVerified = (body: unknown): boolean =>
  parseWire('clerk', verifyPasswordSchema, body, 'a password verification').verified;

export function toTotpVerified(body: unknown): {
  verified: boolean;
  codeType: 'TOTP' | 'BACKUP_CODE' | null;
} {
  const result = parseWire('clerk', verifyTotpSchema, body, 'a TOTP verification');
  const codeType =
    result.code_type === 'totp' ? 'TOTP' : result.code_type === 'backup_code' ? 'BACKUP_CODE' : null;
  return { verified: result.verified, codeType };
}

/** A created or changed e-mail address or phone number: its id. */
export const toIdentificationId = (body: unknown): string =>
  parseWire('clerk', identificationSchema, body, 'an identification').id;

/** A DELETE answered as documented: a DeletedObject, or `{user_id}` for the MFA deletes. */
export const expectDeleted = (body: unknown): void =>
  void parseWire('clerk', deletedObjectSchema, body, 'a deletion');
export const expectUserId = (body: unknown): void =>
  void parseWire('clerk', userIdSchema, body, 'a deletion');

/** A list answer as a page: its items mapped, and its total when Clerk sent one. */
function pageOf<Wire, Item>(
  body: unknown,
  schema: z.ZodType<{ data: Wire[]; total_count?: number }>,
  what: string,
  fromWire: (item: Wire) => Item,
): Page<Item> {
  const page = parseWire('clerk', schema, body, what);
  const items = page.data.map(fromWire);
  return page.total_count === undefined ? { items } : { items, totalCount: page.total_count };
}
