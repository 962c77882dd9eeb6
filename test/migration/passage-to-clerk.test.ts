import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { clerkWireUsers, migrate, passageWireUsers, useRunDirectory } from '../helpers/migration.js';

const isVerified = (identifier: any) => identifier.verification?.status === 'verified';

describe('Passage → Clerk: a whole user base', () => {
  const emulator = useEmulator({ users: { passage: 2_000, clerk: 0 } });
  const runDirectory = useRunDirectory();

  it('moves 2,000 Passage users into Clerk exactly once, fields as mapped, verification honest', async () => {
    const passage = await passageWireUsers(emulator());
    expect(passage).toHaveLength(2_000);
    // The seeded mix this test relies on: without it, "honest" would prove nothing.
    expect(passage.some((u) => u.email && !u.email_verified)).toBe(true);
    expect(passage.some((u) => u.phone && !u.phone_verified)).toBe(true);
    expect(passage.some((u) => u.status === 'inactive')).toBe(true);
    expect(passage.some((u) => u.webauthn_devices.length > 0)).toBe(true);
    expect(passage.some((u) => u.user_metadata)).toBe(true);

    const { progress, users, files } = await migrate(emulator(), runDirectory());
    expect(progress).toMatchObject({ state: 'COMPLETED', total: 2_000, done: 2_000, error: null });
    expect(progress.counts).toMatchObject({ CREATED: 2_000, FAILED: 0, SKIPPED: 0, CONFLICT: 0, PENDING: 0 });

    const clerk = await clerkWireUsers(emulator());
    expect(clerk).toHaveLength(2_000);
    const byExternalId = new Map(clerk.map((u) => [u.external_id, u]));
    expect(byExternalId.size).toBe(2_000);
    for (const source of passage) {
      const target = byExternalId.get(source.id);
      expect(target, source.id).toBeDefined();
      expect(target.created_at).toBe(Date.parse(source.created_at));
      expect(target.password_enabled).toBe(false);
      const email = target.email_addresses.find((e: any) => e.email_address === source.email);
      if (source.email) {
        expect(email, `${source.id} e-mail`).toBeDefined();
        expect(isVerified(email)).toBe(source.email_verified);
        expect(target.primary_email_address_id).toBe(email.id);
      } else {
        expect(target.email_addresses).toEqual([]);
      }
      const phone = target.phone_numbers.find((p: any) => p.phone_number === source.phone);
      if (source.phone) {
        expect(phone, `${source.id} phone`).toBeDefined();
        expect(isVerified(phone)).toBe(source.phone_verified);
      } else {
        expect(target.phone_numbers).toEqual([]);
      }
      expect(target.public_metadata).toEqual(source.user_metadata ?? {});
      expect(target.private_metadata.passage).toMatchObject({
        id: source.id,
        status: source.status,
        login_count: source.login_count,
        webauthn_devices: source.webauthn_devices.length,
      });
      // Inactive users stay usable unless a ban or lock was asked for.
      expect(target.banned).toBe(false);
    }

    const withPasskeys = passage.filter((u) => u.webauthn_devices.length > 0);
    const inactive = passage.filter((u) => u.status === 'inactive');
    expect(progress.warnings).toEqual([
      expect.stringMatching(new RegExp(`^${withPasskeys.length} users had passkeys, which cannot move`)),
      expect.stringMatching(/users signed in with a social provider/),
      `${inactive.length} inactive Passage users become ordinary Clerk users (ban or lock them with the inactive-users option)`,
    ]);
    const listed = users.filter((u) => u.passkeys > 0);
    expect(listed.map((u) => u.sourceId).sort()).toEqual(withPasskeys.map((u) => u.id).sort());
    const reenrolment = readFileSync(files['passkey-reenrolment.csv']!, 'utf8').trim().split('\n');
    expect(reenrolment).toHaveLength(withPasskeys.length + 1);
    const idMap = JSON.parse(readFileSync(files['id-map.json']!, 'utf8'));
    expect(Object.keys(idMap)).toHaveLength(2_000);
    for (const [sourceId, targetId] of Object.entries(idMap))
      expect(byExternalId.get(sourceId).id).toBe(targetId);
  }, 120_000);

  it('bans or locks inactive users only when asked', async () => {
    emulator().control.reset({ users: { passage: 150, clerk: 0 } });
    const inactive = new Set(
      (await passageWireUsers(emulator())).filter((u) => u.status === 'inactive').map((u) => u.id),
    );
    expect(inactive.size).toBeGreaterThan(0);
    const { progress, users } = await migrate(emulator(), runDirectory(), { inactiveUsers: 'ban' });
    expect(progress.state).toBe('COMPLETED');
    for (const target of await clerkWireUsers(emulator()))
      expect(target.banned).toBe(inactive.has(target.external_id));
    expect(
      users
        .filter((u) => u.followUp === 'BANNED')
        .map((u) => u.sourceId)
        .sort(),
    ).toEqual([...inactive].sort());
  });

  it('puts the source metadata where it is asked to go', async () => {
    emulator().control.reset({ users: { passage: 40, clerk: 0 } });
    const passage = await passageWireUsers(emulator());
    await migrate(emulator(), runDirectory(), { metadata: 'unsafe' });
    const byExternalId = new Map((await clerkWireUsers(emulator())).map((u) => [u.external_id, u]));
    for (const source of passage) {
      const target = byExternalId.get(source.id);
      expect(target.public_metadata).toEqual({});
      expect(target.unsafe_metadata).toEqual(source.user_metadata ?? {});
    }
  });

  it('a dry run makes every check against the target and writes nothing to it', async () => {
    emulator().control.reset({ users: { passage: 300, clerk: 0 } });
    emulator().control.clearRequests();
    const { progress, files } = await migrate(emulator(), runDirectory(), { dryRun: true });
    expect(progress).toMatchObject({ state: 'COMPLETED', dryRun: true });
    expect(progress.counts).toMatchObject({ WOULD_CREATE: 300, CREATED: 0 });
    const clerkCalls = emulator().control.requests({ provider: 'clerk' });
    // 300 users: 3 external-id lookups, 3 e-mail lookups and up to 3 phone lookups, all reads.
    expect(clerkCalls.length).toBeGreaterThanOrEqual(6);
    expect(clerkCalls.length).toBeLessThanOrEqual(9);
    expect(clerkCalls.every((r) => r.method === 'GET')).toBe(true);
    expect(await clerkWireUsers(emulator())).toEqual([]);
    expect(Object.keys(files).every((name) => files[name]!.includes('dry-run-'))).toBe(true);
    expect(existsSync(files['report.json']!)).toBe(true);
  });
});
