/**
 * Deterministic demo data for the Clerk emulator: the same seed gives the same users, ids and
 * timestamps on every run (all times fall in a fixed window ending 2026-06-01, never `Date.now()`).
 *
 * Demo password: every seeded user that has a password has `correct-horse-battery-staple`.
 *
 * Mix: names, 1–2 e-mail addresses (some unverified), phones in E.164 on ~40%, usernames on
 * ~70%, external ids on ~30%, passwords on ~85%, TOTP + backup codes on ~15% (secrets from the
 * seeded PRNG), 0–2 passkeys, Web3 wallets on ~5%, Google/GitHub accounts with OAuth access
 * tokens on ~35%, a few banned or locked users; ten organizations with 0–3 memberships per user
 * (org:admin or org:member), pending or accepted organization invitations, sessions
 * (seed-sessions.ts), several e-mail addresses and phone numbers on some users and trusted
 * devices (seed-user-extras.ts), invitations to sign up and allowlist and blocklist entries
 * (seed-instance.ts).
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import { hashPassword } from './password.js';
import { seedAccessLists, seedInstance } from './seed-instance.js';
import { seedSessions } from './seed-sessions.js';
import { seedUserExtras } from './seed-user-extras.js';
import type { EmailRecord, ExternalAccountRecord, PasswordRecord, UserRecord } from './records.js';
import type { ClerkState } from './state.js';
import { newBackupCodes, newTotpSecret } from './totp.js';

export const DEMO_PASSWORD = 'correct-horse-battery-staple';

const WINDOW_END = Date.UTC(2026, 5, 1);
const WINDOW_START = Date.UTC(2024, 5, 1);
const DAY = 86_400_000;

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Tim',
  'Frances',
  'John',
  'Katherine',
  'Edsger',
  'Hedy',
  'Donald',
  'Sophie',
  'Guido',
  'Annie',
  'Bjarne',
  'Karen',
  'Niklaus',
  'Shafi',
  'Leslie',
  'Mary',
  'Yukihiro',
  'Jean',
  'Brendan',
  'Lynn',
  'Anders',
  'Ruth',
  'James',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Berners-Lee',
  'Allen',
  'McCarthy',
  'Johnson',
  'Dijkstra',
  'Lamarr',
  'Knuth',
  'Wilson',
  'van Rossum',
  'Easley',
  'Stroustrup',
  'Jones',
  'Wirth',
  'Goldwasser',
  'Lamport',
  'Keller',
  'Matsumoto',
  'Sammet',
  'Eich',
  'Conway',
  'Hejlsberg',
  'Teitelbaum',
  'Gosling',
];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'acme.test'];
const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', null, null];
const PASSKEY_NAMES = ['MacBook Pro Touch ID', 'iPhone', 'YubiKey 5C', 'Pixel 8', 'Windows Hello'];
const ORGANIZATIONS = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Wonka Industries',
  'Cyberdyne Systems',
  'Soylent',
];
const OAUTH = {
  oauth_google: {
    scopes: [
      'email',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/userinfo.profile',
      'openid',
      'profile',
    ],
  },
  oauth_github: { scopes: ['read:user', 'user:email'] },
} as const;

/** Hashed once per process (fixed salt): scrypt per seeded user would make big seeds slow. */
let demoPasswordHash: PasswordRecord | undefined;
const demoPassword = () => (demoPasswordHash ??= hashPassword(DEMO_PASSWORD, 'usergraph-emulator-demo-salt'));

export function seedClerk(state: ClerkState, users: number, seed: number): void {
  const random = new Random(seed);
  const id = (prefix: string) => clerkId(random, prefix);
  const between = (from: number, to: number) => from + Math.floor(random.next() * Math.max(1, to - from));

  for (let i = 0; i < users; i++) state.addUser(seedUser(state, random, id, between, i));

  const userList = [...state.users.values()];
  const orgs = ORGANIZATIONS.map((name, i) => {
    const created_at = between(WINDOW_START - 180 * DAY, WINDOW_START);
    const org = {
      id: id('org'),
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      max_allowed_memberships: i % 3 === 0 ? 0 : 50 * (1 + (i % 4)),
      admin_delete_enabled: true,
      public_metadata: { plan: random.pick(['free', 'pro', 'enterprise']) },
      private_metadata: {},
      created_by: userList.length > 0 ? random.pick(userList).id : null,
      created_at,
      updated_at: between(created_at, WINDOW_END),
    };
    state.addOrganization(org);
    return org;
  });

  // The first admin of each organization invites the others.
  const firstAdmin = new Map<string, string>();
  for (const user of userList) {
    const memberOf = new Set<string>();
    const count = random.int(0, 3);
    for (let m = 0; m < count; m++) {
      const org = random.pick(orgs);
      if (memberOf.has(org.id)) continue;
      memberOf.add(org.id);
      const created_at = between(Math.max(user.created_at, org.created_at), WINDOW_END);
      const role = random.chance(0.2) ? 'org:admin' : 'org:member';
      state.addMembership({
        id: id('orgmem'),
        organizationId: org.id,
        userId: user.id,
        role,
        public_metadata: {},
        private_metadata: {},
        created_at,
        updated_at: created_at,
      });
      if (random.chance(0.3)) addInvitation(user, org.id, role, 'accepted', created_at - DAY);
      if (role === 'org:admin' && !firstAdmin.has(org.id)) firstAdmin.set(org.id, user.id);
    }
    if (random.chance(0.15)) {
      const org = random.pick(orgs);
      if (!memberOf.has(org.id))
        addInvitation(
          user,
          org.id,
          'org:member',
          random.chance(0.8) ? 'pending' : 'revoked',
          between(user.created_at, WINDOW_END),
        );
    }
  }

  seedUserExtras(state, seed);
  seedSessions(state, seed);
  seedInstance(state, seed);
  seedAccessLists(state, seed);

  function addInvitation(
    user: UserRecord,
    organizationId: string,
    role: string,
    status: 'pending' | 'accepted' | 'revoked',
    created_at: number,
  ) {
    const email = user.emails[0];
    if (!email) return;
    const inviterId = firstAdmin.get(organizationId);
    state.addInvitation({
      id: id('orginv'),
      organizationId,
      email_address: email.email_address,
      role,
      inviterId: inviterId !== undefined && inviterId !== user.id ? inviterId : null,
      status,
      public_metadata: {},
      private_metadata: {},
      expires_at: created_at + 30 * DAY,
      created_at,
      updated_at: created_at,
    });
  }
}

function seedUser(
  state: ClerkState,
  random: Random,
  id: (prefix: string) => string,
  between: (from: number, to: number) => number,
  index: number,
): UserRecord {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const created_at = between(WINDOW_START, WINDOW_END - DAY);
  const signedIn = random.chance(0.8) ? between(created_at, WINDOW_END) : null;
  const unique = (value: string, kind: 'email' | 'phone' | 'username') =>
    state.userIdFor(kind, value) ? null : value;

  const emails: EmailRecord[] = [];
  const primary =
    unique(`${handle}@${random.pick(DOMAINS)}`, 'email') ?? `${handle}${index}@${random.pick(DOMAINS)}`;
  emails.push({
    id: id('idn'),
    email_address: primary,
    status: random.chance(0.9) ? 'verified' : 'reserved',
    linkedTo: null,
    created_at,
    updated_at: created_at,
  });
  if (random.chance(0.2)) {
    emails.push({
      id: id('idn'),
      email_address: `${handle.replace('.', '')}${index}@work.example.com`,
      status: random.chance(0.5) ? 'verified' : 'reserved',
      linkedTo: null,
      created_at,
      updated_at: created_at,
    });
  }

  const phones = [];
  if (random.chance(0.4)) {
    const number =
      unique(`+1555${String(random.int(0, 9_999_999)).padStart(7, '0')}`, 'phone') ??
      `+4420${String(index).padStart(8, '0')}`;
    phones.push({
      id: id('idn'),
      phone_number: number,
      status: random.chance(0.85) ? ('verified' as const) : ('reserved' as const),
      created_at,
      updated_at: created_at,
    });
  }

  const web3Wallets = random.chance(0.05)
    ? [
        {
          id: id('idn'),
          web3_wallet: `0x${random.token(40, '0123456789abcdef')}`,
          strategy: 'web3_metamask_signature',
          created_at,
          updated_at: created_at,
        },
      ]
    : [];

  const passkeys = Array.from({ length: random.pick([0, 0, 0, 1, 1, 2]) }, () => ({
    id: id('idn'),
    name: random.pick(PASSKEY_NAMES),
    last_used_at: signedIn ?? created_at,
    created_at,
  }));

  const externalAccounts: ExternalAccountRecord[] = [];
  if (random.chance(0.35)) {
    const provider = random.chance(0.6) ? 'oauth_google' : 'oauth_github';
    const account: ExternalAccountRecord = {
      id: id('eac'),
      provider,
      identification_id: id('idn'),
      provider_user_id:
        provider === 'oauth_google'
          ? random.token(21, '0123456789')
          : String(random.int(1_000_000, 99_999_999)),
      approved_scopes: OAUTH[provider].scopes.join(' '),
      email_address: primary,
      first_name: first,
      last_name: last,
      username: provider === 'oauth_github' ? handle.replace('.', '-') : null,
      image_url:
        provider === 'oauth_google'
          ? `https://lh3.googleusercontent.com/a/${random.token(24)}`
          : `https://avatars.githubusercontent.com/u/${random.int(1, 9_999_999)}`,
      created_at,
      updated_at: created_at,
      accessToken: {
        token: provider === 'oauth_google' ? `ya29.${random.token(64)}` : `gho_${random.token(36)}`,
        expires_at: provider === 'oauth_google' ? (signedIn ?? created_at) + 3_600_000 : null,
        scopes: [...OAUTH[provider].scopes],
      },
    };
    externalAccounts.push(account);
    emails[0]!.linkedTo = { type: provider, id: account.identification_id };
    emails[0]!.status = 'verified';
  }

  const hasTotp = random.chance(0.15);
  const username = random.chance(0.7)
    ? (unique(handle.replace('.', '_'), 'username') ?? `${handle.replace('.', '_')}${index}`)
    : null;
  const lockRoll = random.next();
  const updated_at = between(created_at, WINDOW_END);
  const password = random.chance(0.85) ? demoPassword() : null;
  return {
    id: id('user'),
    external_id: random.chance(0.3) ? `ext-${String(100_000 + index)}` : null,
    username,
    first_name: first,
    last_name: last,
    locale: random.pick(LOCALES),
    imageId: null,
    public_metadata: random.chance(0.5) ? { role: random.pick(['reader', 'editor', 'admin']) } : {},
    private_metadata: random.chance(0.3) ? { crm_id: `crm_${random.int(1000, 9999)}` } : {},
    unsafe_metadata: {},
    emails,
    phones,
    web3Wallets,
    passkeys,
    externalAccounts,
    trustedDevices: [],
    primary_email_address_id: emails[0]!.id,
    primary_phone_number_id: phones[0]?.id ?? null,
    primary_web3_wallet_id: web3Wallets[0]?.id ?? null,
    password,
    password_last_updated_at: password ? created_at : null,
    totp: hasTotp ? { id: id('totp'), secret: newTotpSecret(random), created_at } : null,
    backupCodes: hasTotp ? newBackupCodes(random) : null,
    mfa_enabled_at: hasTotp ? created_at : null,
    mfa_disabled_at: null,
    banned: random.chance(0.03),
    // Seeded locks never expire, so the seeded state does not depend on the clock.
    lockedUntil: lockRoll < 0.02 ? null : undefined,
    last_sign_in_at: signedIn,
    last_active_at: signedIn === null ? null : Math.floor(signedIn / DAY) * DAY,
    legal_accepted_at: random.chance(0.5) ? created_at : null,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    bypass_client_trust: false,
    created_at,
    updated_at,
  };
}
