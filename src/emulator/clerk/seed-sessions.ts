/**
 * Seeded sessions for the Clerk emulator: most users who ever signed in have an active session
 * or two (a laptop, a phone) and some that ended, were revoked or expired, so GraphiQL on the
 * embedded default shows `User.sessions` and `signOutUser` doing something. Drawn from a source
 * of their own, so adding them left every seeded user as it was.
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import type { SessionRecord, SessionStatus } from './records.js';
import type { ClerkState } from './state.js';

const DAY = 86_400_000;
/** Clerk's default session lifetime: a session is abandoned this long after sign-in. */
const LIFETIME = 7 * DAY;

const CLIENTS = [
  { device_type: 'Macintosh', is_mobile: false, browser_name: 'Chrome', browser_version: '126.0.0.0' },
  { device_type: 'Windows', is_mobile: false, browser_name: 'Edge', browser_version: '125.0.0.0' },
  { device_type: 'iPhone', is_mobile: true, browser_name: 'Safari', browser_version: '17.5' },
  { device_type: 'Android', is_mobile: true, browser_name: 'Chrome Mobile', browser_version: '126.0.0.0' },
] as const;
const PLACES = [
  ['Lisbon', 'PT'],
  ['Berlin', 'DE'],
  ['Austin', 'US'],
  ['Osaka', 'JP'],
  ['Nairobi', 'KE'],
] as const;
const ENDED: readonly SessionStatus[] = ['ended', 'ended', 'revoked', 'expired', 'removed'];

export function seedSessions(state: ClerkState, seed: number): void {
  const random = new Random(seed ^ 0x5e55_1011);
  for (const user of state.users.values()) {
    if (user.last_sign_in_at === null) continue;
    const active = user.banned ? 0 : random.pick([0, 1, 1, 2]);
    const ended = random.pick([0, 1, 2]);
    for (let i = 0; i < active + ended; i++) {
      const isActive = i < active;
      // Active sessions started at the last sign-in; ended ones before it.
      const created_at = isActive
        ? user.last_sign_in_at - i * 3_600_000
        : Math.max(user.created_at, user.last_sign_in_at - random.int(2, 120) * DAY);
      const last_active_at = isActive ? user.last_sign_in_at : created_at + random.int(1, 48) * 3_600_000;
      const status = isActive ? 'active' : random.pick(ENDED);
      state.addSession(sessionRecord(random, user.id, status, created_at, last_active_at));
    }
  }
}

/** One session of `userId`, its client and activity drawn from `random`. */
export function sessionRecord(
  random: Random,
  userId: string,
  status: SessionStatus,
  created_at: number,
  last_active_at: number,
): SessionRecord {
  const client = random.pick(CLIENTS);
  const [city, country] = random.pick(PLACES);
  return {
    id: clerkId(random, 'sess'),
    userId,
    clientId: clerkId(random, 'client'),
    status,
    last_active_at,
    expire_at: last_active_at + LIFETIME,
    abandon_at: created_at + 30 * DAY,
    created_at,
    updated_at: last_active_at,
    activity: {
      id: clerkId(random, 'sess_activity'),
      ...client,
      ip_address: `203.0.113.${random.int(1, 254)}`,
      city,
      country,
    },
  };
}
