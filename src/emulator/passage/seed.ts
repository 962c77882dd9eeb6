/**
 * Deterministic demo users: the same `seed` gives the same users, ids and timestamps on every
 * run, because everything comes from `Random(seed)` and times fall in a fixed window (never
 * `Date.now()`). Fast enough for benchmarks: 10,000 users take a few tens of milliseconds.
 *
 * The mix: about 55% e-mail only, 15% phone only (E.164), 30% both; most e-mails and phones
 * verified; 85% active, 11% inactive, 4% pending (pending users never logged in and hold no
 * device); 0–3 WebAuthn devices; up to 3 recent events; some Google, GitHub or Apple
 * connections; user_metadata on about 40%.
 */
import type { Random } from '../random.js';
import { credentialId, digits, passageId } from './ids.js';
import {
  AUTHENTICATORS,
  BROWSERS,
  FIRST_NAMES,
  IP_PREFIXES,
  LAST_NAMES,
  LOGIN_EVENT_TYPES,
  MAIL_DOMAINS,
  PHONE_PREFIXES,
  PLANS,
  REGISTER_EVENT_TYPES,
} from './seed-catalog.js';
import {
  NEVER,
  type PassageState,
  type SocialProvider,
  type StoredDevice,
  type StoredEvent,
  type StoredUser,
  type UserStatus,
} from './state.js';

export const SEED_WINDOW_START = Date.parse('2023-01-15T00:00:00.000Z');
export const SEED_WINDOW_END = Date.parse('2026-01-15T00:00:00.000Z');

export function seedUsers(state: PassageState, count: number, random: Random): void {
  for (let serial = 0; serial < count; serial++) {
    const user = seedUser(random, serial, state.newId(random));
    state.insert(user, user.status === 'pending' ? [] : seedDevices(random, user));
  }
}

function seedUser(random: Random, serial: number, id: string): StoredUser {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const kind = random.next();
  const hasEmail = kind < 0.85;
  const hasPhone = kind >= 0.55;
  const status = pickStatus(random);
  const createdAt = between(random, SEED_WINDOW_START, SEED_WINDOW_END);
  const neverLoggedIn = status === 'pending' || random.chance(0.05);
  const lastLoginAt = neverLoggedIn ? NEVER : between(random, createdAt, SEED_WINDOW_END);
  const email = hasEmail ? `${first}.${last}${serial}@${random.pick(MAIL_DOMAINS)}` : '';
  const user: StoredUser = {
    id,
    email,
    emailVerified: hasEmail && status !== 'pending' && random.chance(0.8),
    // The serial keeps seeded phones unique without a lookup.
    phone: hasPhone ? `${random.pick(PHONE_PREFIXES)}${String(serial).padStart(4, '0')}` : '',
    phoneVerified: hasPhone && status !== 'pending' && random.chance(0.75),
    externalId: '', // "Only set if the user was created in a Flex app."
    status,
    createdAt,
    updatedAt: between(random, Math.max(createdAt, neverLoggedIn ? createdAt : lastLoginAt), SEED_WINDOW_END),
    lastLoginAt,
    loginCount: neverLoggedIn ? 0 : 1 + Math.floor(random.next() ** 3 * 250),
    userMetadata: random.chance(0.4) ? seedMetadata(random, first) : null,
    recentEvents: [],
    socialConnections: {},
    refreshTokenRevocations: 0,
    refreshTokensRevokedAt: null,
  };
  if (!neverLoggedIn) {
    if (email) user.socialConnections = seedSocialConnections(random, user);
    user.recentEvents = seedEvents(random, user);
  }
  return user;
}

function pickStatus(random: Random): UserStatus {
  const roll = random.next();
  return roll < 0.85 ? 'active' : roll < 0.96 ? 'inactive' : 'pending';
}

function seedMetadata(random: Random, first: string): Record<string, unknown> {
  const metadata: Record<string, unknown> = { plan: random.pick(PLANS), newsletter: random.chance(0.5) };
  if (random.chance(0.5)) metadata.nickname = first[0]?.toUpperCase() + first.slice(1);
  return metadata;
}

function seedDevices(random: Random, user: StoredUser): StoredDevice[] {
  const roll = random.next();
  const count = roll < 0.3 ? 0 : roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
  const devices: StoredDevice[] = [];
  for (let i = 0; i < count; i++) {
    const authenticator = random.pick(AUTHENTICATORS);
    const createdAt = between(random, user.createdAt, SEED_WINDOW_END);
    const lastLoginAt = between(random, createdAt, SEED_WINDOW_END);
    devices.push({
      id: passageId(random),
      credId: credentialId(random),
      friendlyName: authenticator.friendlyName,
      type: authenticator.type,
      usageCount: random.int(1, 120),
      icons: authenticator.icons,
      createdAt,
      updatedAt: lastLoginAt,
      lastLoginAt,
    });
  }
  return devices;
}

function seedSocialConnections(random: Random, user: StoredUser): StoredUser['socialConnections'] {
  const connections: StoredUser['socialConnections'] = {};
  const odds: [SocialProvider, number][] = [
    ['google', 0.2],
    ['github', 0.08],
    ['apple', 0.06],
  ];
  for (const [provider, probability] of odds) {
    if (!random.chance(probability)) continue;
    const createdAt = between(random, user.createdAt, SEED_WINDOW_END);
    connections[provider] = {
      providerId: provider === 'github' ? String(random.int(100_000, 99_999_999)) : digits(random, 21),
      providerIdentifier: user.email,
      createdAt,
      lastLoginAt: between(random, createdAt, SEED_WINDOW_END),
    };
  }
  return connections;
}

/** Newest first, as a "recent events" list reads. */
function seedEvents(random: Random, user: StoredUser): StoredEvent[] {
  const social = Object.keys(user.socialConnections) as SocialProvider[];
  const events: StoredEvent[] = [];
  const count = random.int(0, 3);
  for (let i = 0; i < count; i++) {
    const register = random.chance(0.15);
    const socialLoginType = !register && social.length > 0 && random.chance(0.3) ? random.pick(social) : null;
    const complete = random.chance(0.9);
    const createdAt = between(random, user.createdAt, SEED_WINDOW_END);
    const browser = random.pick(BROWSERS);
    events.push({
      id: passageId(random),
      type: socialLoginType
        ? 'social_login'
        : random.pick(register ? REGISTER_EVENT_TYPES : LOGIN_EVENT_TYPES),
      action: register ? 'register' : 'login',
      status: complete ? 'complete' : 'incomplete',
      createdAt,
      completedAt: complete ? createdAt + random.int(800, 45_000) : null,
      ipAddr: `${random.pick(IP_PREFIXES)}${random.int(1, 254)}`,
      userAgent: browser.userAgent,
      userAgentDisplay: browser.display,
      socialLoginType,
    });
  }
  return events.sort((a, b) => b.createdAt - a.createdAt);
}

const between = (random: Random, from: number, to: number) => from + Math.floor(random.next() * (to - from));
