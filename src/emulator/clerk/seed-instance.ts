/**
 * Seeded instance-wide records for the Clerk emulator: invitations to sign up (pending, accepted,
 * revoked) and a few allowlist and blocklist entries (an address, a whole domain, a number, a
 * wallet), so GraphiQL on the embedded default shows `invitations`, `allowlistIdentifiers` and
 * `blocklistIdentifiers`. Each drawn from a source of its own, so adding them left every seeded
 * user, and the invitations, as they were.
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import type { InvitationStatus, ListedIdentifierRecord } from './records.js';
import type { ClerkState } from './state.js';

const DAY = 86_400_000;
const WINDOW_END = Date.UTC(2026, 5, 1);
const ALLOWED: readonly [string, ListedIdentifierRecord['identifier_type']][] = [
  ['*@partner.example.com', 'email_address'],
  ['*@acme.test', 'email_address'],
  ['board.member@example.org', 'email_address'],
  ['+15005550006', 'phone_number'],
];
const BLOCKED: readonly [string, ListedIdentifierRecord['identifier_type']][] = [
  ['*@spam.example.net', 'email_address'],
  ['fraud@example.com', 'email_address'],
  ['+15005550009', 'phone_number'],
  ['0x000000000000000000000000000000000000dead', 'web3_wallet'],
];
const INVITEES = [
  'new.hire',
  'contractor',
  'auditor',
  'partner',
  'intern',
  'advisor',
  'beta.tester',
  'support',
];

export function seedInstance(state: ClerkState, seed: number): void {
  const random = new Random(seed ^ 0x1a7e_5eed);
  INVITEES.forEach((name, i) => {
    const created_at = WINDOW_END - random.int(1, 90) * DAY;
    const status: InvitationStatus = i < 4 ? 'pending' : random.pick(['accepted', 'revoked', 'expired']);
    const id = clerkId(random, 'inv');
    state.instanceInvitations.set(id, {
      id,
      email_address: `${name}@invited.example.com`,
      public_metadata: i % 2 === 0 ? { team: random.pick(['sales', 'support', 'engineering']) } : {},
      status,
      expires_at: created_at + 30 * DAY,
      created_at,
      updated_at: created_at,
    });
  });
}

/** Oldest first, so the lists (newest first) start with the last of each. */
export function seedAccessLists(state: ClerkState, seed: number): void {
  const random = new Random(seed ^ 0x0a11_0b10);
  const seedList = (list: Map<string, ListedIdentifierRecord>, prefix: string, entries: typeof ALLOWED) => {
    let created_at = WINDOW_END - 200 * DAY;
    for (const [identifier, identifier_type] of entries) {
      created_at += random.int(1, 40) * DAY;
      const id = clerkId(random, prefix);
      list.set(id, {
        id,
        identifier,
        identifier_type,
        invitation_id: null,
        created_at,
        updated_at: created_at,
      });
    }
  };
  seedList(state.allowlist, 'alid', ALLOWED);
  seedList(state.blocklist, 'blid', BLOCKED);
}
