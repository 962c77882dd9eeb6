/**
 * Passage's state in memory: users by id with secondary indexes (e-mail → user, phone → user),
 * WebAuthn devices by user, and the refresh-token revocations `DELETE …/tokens` records.
 * Timestamps are milliseconds since the epoch; serialize.ts turns them into RFC 3339.
 */
import { Random } from '../random.js';
import { passageId } from './ids.js';

export type UserStatus = 'active' | 'inactive' | 'pending';
export type WebAuthnType = 'passkey' | 'platform' | 'security_key';
export type SocialProvider = 'apple' | 'github' | 'google';

/** Go's zero `time.Time` (0001-01-01T00:00:00Z): what a non-nullable `last_login_at` holds before any login. */
export const NEVER = Date.parse('0001-01-01T00:00:00Z');

export interface StoredDevice {
  id: string;
  credId: string;
  friendlyName: string;
  type: WebAuthnType;
  usageCount: number;
  icons: { light: string | null; dark: string | null };
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number;
}

export interface StoredEvent {
  id: string;
  type: string;
  action: 'register' | 'login' | 'other';
  status: 'complete' | 'incomplete';
  createdAt: number;
  completedAt: number | null;
  ipAddr: string;
  userAgent: string;
  userAgentDisplay: string;
  socialLoginType: SocialProvider | null;
}

export interface StoredSocialConnection {
  providerId: string;
  providerIdentifier: string;
  createdAt: number;
  lastLoginAt: number;
}

export interface StoredUser {
  id: string;
  /** Lowercase, or '' when the user has no e-mail (the spec's `email` is a non-nullable string). */
  email: string;
  emailVerified: boolean;
  /** E.164, or '' when the user has no phone. */
  phone: string;
  phoneVerified: boolean;
  externalId: string;
  status: UserStatus;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number;
  loginCount: number;
  userMetadata: Record<string, unknown> | null;
  recentEvents: StoredEvent[];
  socialConnections: Partial<Record<SocialProvider, StoredSocialConnection>>;
  refreshTokenRevocations: number;
  refreshTokensRevokedAt: number | null;
}

export class PassageState {
  readonly users = new Map<string, StoredUser>();
  private readonly byEmail = new Map<string, StoredUser>();
  private readonly byPhone = new Map<string, StoredUser>();
  private readonly devices = new Map<string, StoredDevice[]>();
  /** Draws ids for users created over HTTP, so a scripted test sees the same ids on every run. */
  random = new Random(1);
  /** Every `DELETE …/tokens` since the last reset, including those of users deleted since. */
  refreshTokenRevocations = 0;

  reset(seed: number): void {
    this.users.clear();
    this.byEmail.clear();
    this.byPhone.clear();
    this.devices.clear();
    this.random = new Random(seed ^ 0x9e3779b9);
    this.refreshTokenRevocations = 0;
  }

  revokeRefreshTokens(user: StoredUser, now: number): void {
    user.refreshTokenRevocations += 1;
    user.refreshTokensRevokedAt = now;
    this.refreshTokenRevocations += 1;
  }

  stats(): Record<string, number> {
    const counts = { users: this.users.size, activeUsers: 0, inactiveUsers: 0, pendingUsers: 0, devices: 0 };
    for (const user of this.users.values()) {
      counts[`${user.status}Users`] += 1;
      counts.devices += this.devicesOf(user.id).length;
    }
    return { ...counts, refreshTokenRevocations: this.refreshTokenRevocations };
  }

  insert(user: StoredUser, devices: StoredDevice[] = []): void {
    this.users.set(user.id, user);
    this.index(user);
    this.devices.set(user.id, devices);
  }

  delete(user: StoredUser): void {
    this.unindex(user);
    this.users.delete(user.id);
    this.devices.delete(user.id);
  }

  userByEmail(email: string): StoredUser | undefined {
    return this.byEmail.get(email);
  }

  userByPhone(phone: string): StoredUser | undefined {
    return this.byPhone.get(phone);
  }

  /** Applies a change to a user's identifiers, keeping the indexes in step. */
  setIdentifiers(user: StoredUser, change: { email?: string; phone?: string }): void {
    this.unindex(user);
    if (change.email !== undefined) user.email = change.email;
    if (change.phone !== undefined) user.phone = change.phone;
    this.index(user);
  }

  devicesOf(userId: string): StoredDevice[] {
    return this.devices.get(userId) ?? [];
  }

  removeDevice(userId: string, deviceId: string): boolean {
    const devices = this.devicesOf(userId);
    const kept = devices.filter((device) => device.id !== deviceId);
    this.devices.set(userId, kept);
    return kept.length !== devices.length;
  }

  /** A fresh 24-character alphanumeric id, the shape Passage's ids have. */
  newId(random = this.random): string {
    let id: string;
    do id = passageId(random);
    while (this.users.has(id));
    return id;
  }

  private index(user: StoredUser): void {
    if (user.email) this.byEmail.set(user.email, user);
    if (user.phone) this.byPhone.set(user.phone, user);
  }

  private unindex(user: StoredUser): void {
    if (user.email) this.byEmail.delete(user.email);
    if (user.phone) this.byPhone.delete(user.phone);
  }
}
