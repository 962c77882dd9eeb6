/**
 * Seeded instance-wide records for the Clerk emulator: invitations to sign up (pending, accepted,
 * revoked), so GraphiQL on the embedded default shows `invitations`. Drawn from a source of their
 * own, so adding them left every seeded user as it was.
 */
import { Random } from '../random.js';
import { clerkId } from './ids.js';
import type { InvitationStatus } from './records.js';
import type { ClerkState } from './state.js';

const DAY = 86_400_000;
const WINDOW_END = Date.UTC(2026, 5, 1);
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
