/**
 * Passage's responses → `User`/`Device`, parsed with the schemas of wire.ts (see `parseWire`).
 */
import { parseWire } from '../wire.js';
import type { Device, DeviceKind, ExternalAccount, Page, User, UserStatus } from '../types.js';
import { domainUser } from '../types.js';
import {
  listDevicesResponseSchema,
  listUsersResponseSchema,
  userResponseSchema,
  type ListPaginatedUsersItem,
  type SocialConnection,
  type UserInfo,
  type WebAuthnDevice,
  type WebAuthnType,
} from './wire.js';

export function toUser(body: unknown): User {
  return fromUserInfo(parseWire('passage', userResponseSchema, body, 'a user').user);
}

/** A page of slim list items: their `devices` stay undefined (lists do not carry them). */
export function toUserPage(body: unknown): Page<User> & { totalCount: number; anchor: number } {
  const page = parseWire('passage', listUsersResponseSchema, body, 'a user list');
  return {
    items: page.users.map((item) => fromListItem(item, undefined, [])),
    totalCount: page.total_users,
    anchor: page.created_before,
  };
}

export function toDevices(userId: string, body: unknown): Device[] {
  return parseWire('passage', listDevicesResponseSchema, body, 'a device list').devices.map((device) =>
    fromDevice(userId, device),
  );
}

const STATUSES: Record<ListPaginatedUsersItem['status'], UserStatus> = {
  active: 'ACTIVE',
  inactive: 'INACTIVE',
  pending: 'PENDING',
};

const DEVICE_KINDS: Record<WebAuthnType, DeviceKind> = {
  passkey: 'PASSKEY',
  platform: 'PLATFORM',
  security_key: 'SECURITY_KEY',
};

/** A full user; also how export.ts maps the users of a saved dump or a dashboard CSV. */
export function fromUserInfo(user: UserInfo): User {
  return fromListItem(
    user,
    user.webauthn_devices.map((device) => fromDevice(user.id, device)),
    Object.entries(user.social_connections).map(([provider, connection]) =>
      fromSocialConnection(provider, connection),
    ),
  );
}

function fromListItem(
  user: ListPaginatedUsersItem,
  devices: Device[] | undefined,
  externalAccounts: ExternalAccount[],
): User {
  const email = user.email || null;
  const phone = user.phone || null;
  return domainUser({
    provider: 'passage',
    id: user.id,
    externalId: user.external_id || null,
    email,
    phone,
    emailAddresses: email ? [{ id: null, address: email, verified: user.email_verified, primary: true }] : [],
    phoneNumbers: phone ? [{ id: null, number: phone, verified: user.phone_verified, primary: true }] : [],
    status: STATUSES[user.status],
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
    lastSignInAt: dateOrNever(user.last_login_at),
    loginCount: user.login_count,
    publicMetadata: user.user_metadata,
    devices,
    externalAccounts,
  });
}

function fromDevice(userId: string, device: WebAuthnDevice): Device {
  return {
    provider: 'passage',
    id: device.id,
    userId,
    name: device.friendly_name,
    kind: DEVICE_KINDS[device.type],
    createdAt: dateOrNever(device.created_at),
    updatedAt: dateOrNever(device.updated_at),
    lastUsedAt: dateOrNever(device.last_login_at),
    usageCount: device.usage_count,
  };
}

function fromSocialConnection(provider: string, connection: SocialConnection): ExternalAccount {
  return {
    id: null,
    provider,
    providerUserId: connection.provider_id,
    emailAddress: connection.provider_identifier || null,
    username: null,
    createdAt: dateOrNever(connection.created_at),
    lastSignInAt: dateOrNever(connection.last_login_at),
  };
}

/** Go's zero time: Passage's timestamps cannot be null, so "never" is year 1. */
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

function dateOrNever(rfc3339: string): Date | null {
  const date = new Date(rfc3339);
  return date.getTime() <= GO_ZERO_TIME ? null : date;
}
