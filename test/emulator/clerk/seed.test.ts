import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_USERS } from '../../../src/config/seed-users.js';
import { createClerkEmulator } from '../../../src/emulator/clerk/index.js';
import { startEmulator } from '../../../src/emulator/index.js';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';
import { expectUserShape } from './spec-shapes.js';

describe('Clerk emulator: seeded data', () => {
  const emulator = useEmulator({ users: 200 });
  const api = clerkApi(emulator);

  it('is the same on every run with the same seed, and different with another seed', async () => {
    const other = await startEmulator({ users: 200 });
    try {
      const mine = await api.allUsers();
      const theirs = (await fetch(`${other.clerkUrl}/users?limit=500`, {
        headers: { authorization: `Bearer ${other.keys.clerkSecretKey}` },
      }).then((r) => r.json())) as any[];
      expect(theirs).toEqual(mine);
      other.control.reset({ seed: 2 });
      const reseeded = (await fetch(`${other.clerkUrl}/users?limit=500`, {
        headers: { authorization: `Bearer ${other.keys.clerkSecretKey}` },
      }).then((r) => r.json())) as any[];
      expect(reseeded.map((u) => u.id)).not.toEqual(mine.map((u) => u.id));
    } finally {
      await other.stop();
    }
  });

  it('holds a realistic mix, every user in the shape of the spec', async () => {
    const users = await api.allUsers();
    expect(users).toHaveLength(200);
    users.forEach(expectUserShape);
    const share = (predicate: (u: any) => boolean) => users.filter(predicate).length / users.length;
    expect(share((u) => u.email_addresses.length === 2)).toBeGreaterThan(0.05);
    expect(share((u) => u.email_addresses.some((e: any) => e.reserved))).toBeGreaterThan(0.03);
    expect(share((u) => u.phone_numbers.length > 0)).toBeGreaterThan(0.2);
    // Support's "add my new e-mail / remove the old phone" needs users with several of both.
    expect(share((u) => u.email_addresses.length >= 2 && u.phone_numbers.length >= 2)).toBeGreaterThan(0.05);
    expect(
      share(
        (u) =>
          u.phone_numbers.some((p: any) => p.id === u.primary_phone_number_id) || !u.phone_numbers.length,
      ),
    ).toBe(1);
    expect(share((u) => u.username !== null)).toBeGreaterThan(0.5);
    expect(share((u) => u.external_id !== null)).toBeGreaterThan(0.1);
    expect(share((u) => u.password_enabled)).toBeGreaterThan(0.7);
    expect(share((u) => u.totp_enabled)).toBeGreaterThan(0.05);
    expect(share((u) => u.passkeys.length > 0)).toBeGreaterThan(0.2);
    expect(share((u) => u.external_accounts.length > 0)).toBeGreaterThan(0.2);
    expect(new Set(users.flatMap((u) => u.external_accounts.map((a: any) => a.provider)))).toEqual(
      new Set(['oauth_google', 'oauth_github']),
    );
    for (const user of users) {
      expect(user.id).toMatch(/^user_[0-9A-Za-z]{27}$/);
      expect(user.created_at).toBeLessThan(Date.UTC(2026, 5, 1));
      for (const phone of user.phone_numbers) expect(phone.phone_number).toMatch(/^\+[1-9]\d{6,14}$/);
    }
    expect(emulator().control.stats().clerk).toMatchObject({ users: 200, organizations: 10 });
    expect(emulator().control.stats().clerk!.memberships).toBeGreaterThan(100);
    expect(emulator().control.stats().clerk!.invitations).toBeGreaterThan(10);
  });

  it('keeps every identifier unique', async () => {
    const users = await api.allUsers();
    const emails = users.flatMap((u) => u.email_addresses.map((e: any) => e.email_address.toLowerCase()));
    const usernames = users.map((u) => u.username).filter(Boolean);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  // How fast is the benchmark's business; this only catches a step that grows out of proportion
  // (~0.1-0.3 s here; a quadratic one would take ~100× that), with room for a busy CI machine.
  it('seeds the 10,000 users of a benchmark in seconds, not minutes', () => {
    const clerk = createClerkEmulator({ secretKey: 'sk_test_x' });
    clerk.reset(1000, 3); // warm up the code paths
    const started = performance.now();
    clerk.reset(10_000, 1);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(clerk.stats().users).toBe(10_000);
  });
});

describe('Clerk emulator: what the embedded default seeds for the support desk', () => {
  const emulator = useEmulator({ users: DEFAULT_SEED_USERS });
  const api = clerkApi(emulator);

  it('has users with active and ended sessions, several e-mails and phones, trusted devices; pending invitations; listed identifiers', async () => {
    const users = await api.allUsers();
    expect(users).toHaveLength(DEFAULT_SEED_USERS);
    const perUser = await Promise.all(
      users.map(async (user) => ({
        user,
        sessions: (await api.get(`/sessions?user_id=${user.id}&limit=500`)).body as any[],
        devices: (await api.get(`/users/${user.id}/trusted_devices`)).body.data as any[],
      })),
    );
    const some = (predicate: (row: (typeof perUser)[number]) => boolean) => perUser.filter(predicate).length;
    expect(
      some(
        ({ sessions }) =>
          sessions.some((s) => s.status === 'active') && sessions.some((s) => s.status !== 'active'),
      ),
    ).toBeGreaterThan(0);
    expect(
      some(({ user }) => user.email_addresses.length >= 2 && user.phone_numbers.length >= 2),
    ).toBeGreaterThan(0);
    expect(some(({ devices }) => devices.length > 0)).toBeGreaterThan(0);
    expect((await api.get('/invitations?status=pending')).body.length).toBeGreaterThan(0);
    expect((await api.get('/allowlist_identifiers')).body.length).toBeGreaterThan(0);
    expect((await api.get('/blocklist_identifiers')).body.total_count).toBeGreaterThan(0);
  });
});
