/**
 * Seeded extras on the seeded users, so GraphiQL on the embedded default has something to show
 * for the support mutations: about one user in eight holds several e-mail addresses and several
 * phone numbers (a personal and a work one, not all verified), and about one in six that ever
 * signed in enrolled a trusted device or two in the mobile app (some since revoked). Drawn from
 * a source of their own, so adding them left every seeded user's other fields as they were.
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import type { UserRecord } from './records.js';
import type { ClerkState } from './state.js';

const DAY = 86_400_000;

const APPS = [
  { platform: 'ios', app_identifier: 'com.example.usergraph.ios', names: ['iPhone 15', 'iPad Air', null] },
  {
    platform: 'android',
    app_identifier: 'com.example.usergraph.android',
    names: ['Pixel 8', 'Galaxy S24', null],
  },
] as const;

export function seedUserExtras(state: ClerkState, seed: number): void {
  const random = new Random(seed ^ 0x0e87_7a55);
  let index = 0;
  for (const user of state.users.values()) {
    index++;
    if (random.chance(0.12)) addIdentifiers(state, random, user, index);
    if (user.last_sign_in_at !== null && random.chance(0.16)) addTrustedDevices(random, user);
  }
}

/** Tops the user up to two e-mail addresses and two or three phone numbers, each unique. */
function addIdentifiers(state: ClerkState, random: Random, user: UserRecord, index: number): void {
  const at = user.created_at + Math.floor(random.next() * (user.updated_at - user.created_at));
  const status = () => (random.chance(0.7) ? ('verified' as const) : ('reserved' as const));
  state.updateUser(user, (u) => {
    if (u.emails.length < 2) {
      const address = `${u.id.slice(-8).toLowerCase()}.${index}@work.example.com`;
      if (!state.userIdFor('email', address)) {
        u.emails.push({
          id: clerkId(random, 'idn'),
          email_address: address,
          status: status(),
          linkedTo: null,
          created_at: at,
          updated_at: at,
        });
      }
    }
    const wanted = random.pick([2, 2, 3]);
    for (let attempt = 0; u.phones.length < wanted && attempt < 5; attempt++) {
      const number = `+1555${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
      if (state.userIdFor('phone', number) || u.phones.some((p) => p.phone_number === number)) continue;
      u.phones.push({
        id: clerkId(random, 'idn'),
        phone_number: number,
        status: status(),
        created_at: at,
        updated_at: at,
      });
    }
    u.primary_phone_number_id ??= u.phones[0]?.id ?? null;
  });
}

function addTrustedDevices(random: Random, user: UserRecord): void {
  const signedIn = user.last_sign_in_at!;
  for (let i = random.pick([1, 1, 2]); i > 0; i--) {
    const app = random.pick(APPS);
    const created_at = Math.max(user.created_at, signedIn - random.int(1, 200) * DAY);
    const revoked = random.chance(0.25);
    const revoked_at = revoked ? created_at + random.int(1, 30) * DAY : null;
    user.trustedDevices.push({
      id: clerkId(random, 'td'),
      platform: app.platform,
      app_identifier: app.app_identifier,
      name: random.pick(app.names),
      status: revoked ? 'revoked' : 'active',
      created_at,
      updated_at: revoked_at ?? signedIn,
      last_used_at: revoked ? created_at : signedIn,
      revoked_at,
    });
  }
}
