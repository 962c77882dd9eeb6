/**
 * State → the exact wire shapes of Passage's spec ([PS] `components.schemas`): the full
 * `UserInfo` (17 fields), the slim `ListPaginatedUsersItem` (12 fields) lists return, and
 * `WebAuthnDevices` (9 fields). Every field is required there, so every field is always sent.
 */
import type { StoredDevice, StoredEvent, StoredSocialConnection, StoredUser, WebAuthnType } from './state.js';

/** RFC 3339 in UTC; Go's zero time comes out as `0001-01-01T00:00:00.000Z`. */
export const timestamp = (ms: number) => new Date(ms).toISOString();

export function toListItem(user: StoredUser) {
  return {
    id: user.id,
    email: user.email,
    email_verified: user.emailVerified,
    phone: user.phone,
    phone_verified: user.phoneVerified,
    external_id: user.externalId,
    status: user.status,
    created_at: timestamp(user.createdAt),
    updated_at: timestamp(user.updatedAt),
    last_login_at: timestamp(user.lastLoginAt),
    login_count: user.loginCount,
    user_metadata: user.userMetadata,
  };
}

export function toUserInfo(user: StoredUser, devices: readonly StoredDevice[]) {
  return {
    ...toListItem(user),
    webauthn: devices.length > 0,
    webauthn_devices: devices.map(toDevice),
    webauthn_types: webauthnTypes(devices),
    recent_events: user.recentEvents.map(toEvent),
    social_connections: toSocialConnections(user.socialConnections),
  };
}

export function toDevice(device: StoredDevice) {
  return {
    id: device.id,
    cred_id: device.credId,
    friendly_name: device.friendlyName,
    type: device.type,
    usage_count: device.usageCount,
    icons: { light: device.icons.light, dark: device.icons.dark },
    created_at: timestamp(device.createdAt),
    updated_at: timestamp(device.updatedAt),
    last_login_at: timestamp(device.lastLoginAt),
  };
}

/** Derived from the devices the user holds now, so revoking the last passkey drops `passkey`. */
function webauthnTypes(devices: readonly StoredDevice[]): WebAuthnType[] {
  return [...new Set(devices.map((device) => device.type))];
}

function toEvent(event: StoredEvent) {
  return {
    id: event.id,
    type: event.type,
    action: event.action,
    status: event.status,
    created_at: timestamp(event.createdAt),
    completed_at: event.completedAt === null ? null : timestamp(event.completedAt),
    ip_addr: event.ipAddr,
    user_agent: event.userAgent,
    user_agent_display: event.userAgentDisplay,
    social_login_type: event.socialLoginType,
  };
}

/** Only the providers a user has connected appear; all three keys are optional in the spec. */
function toSocialConnections(connections: StoredUser['socialConnections']) {
  const out: Record<string, ReturnType<typeof toSocialConnection>> = {};
  for (const provider of ['apple', 'github', 'google'] as const) {
    const connection = connections[provider];
    if (connection) out[provider] = toSocialConnection(connection);
  }
  return out;
}

function toSocialConnection(connection: StoredSocialConnection) {
  return {
    provider_id: connection.providerId,
    provider_identifier: connection.providerIdentifier,
    created_at: timestamp(connection.createdAt),
    last_login_at: timestamp(connection.lastLoginAt),
  };
}
