/**
 * A Passage → Clerk migration against one emulator: both providers over real HTTP, a fresh run
 * folder per test, and readers of what each emulated provider holds, straight from its REST API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startMigration, type MigrationOptions } from '../../src/migration/engine.js';
import { passageApiSource } from '../../src/migration/sources.js';
import type { MigrationSettings, MigrationSource } from '../../src/migration/types.js';
import { createClerkProvider } from '../../src/providers/clerk/index.js';
import { createPassageProvider } from '../../src/providers/passage/index.js';
import type { Provider } from '../../src/providers/types.js';
import { call } from './emulator.js';

export const clerkOf = (
  emulator: RunningEmulator,
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number },
): Provider =>
  createClerkProvider({
    secretKey: emulator.keys.clerkSecretKey,
    apiUrl: emulator.clerkUrl,
    // The run paces itself; the provider's own budget would only add a second queue.
    http: { rateLimit: undefined, timeouts },
  });

export const passageOf = (emulator: RunningEmulator): Provider =>
  createPassageProvider({
    appId: emulator.keys.passageAppId,
    apiKey: emulator.keys.passageApiKey,
    apiUrl: emulator.passageUrl,
  });

/** Clerk refuses the next ban (403), as an instance without the ban feature would. */
export const BAN_REFUSED_ONCE = {
  kind: 'status',
  provider: 'clerk',
  method: 'POST',
  route: '/users/{user_id}/ban',
  status: 403,
  times: 1,
} as const;

/** A temporary run folder, removed after the test. */
export function useRunDirectory(): () => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'usergraph-migration-')));
}

/** Runs a migration to its end with fast defaults (no rate budget to speak of). */
export async function migrate(
  emulator: RunningEmulator,
  directory: string,
  settings: Partial<MigrationSettings> = {},
  source?: MigrationSource,
  extra: Partial<MigrationOptions> = {},
) {
  const target = clerkOf(emulator);
  const passage = passageOf(emulator);
  try {
    const migration = startMigration({
      source: source ?? passageApiSource(passage, 'emulator-app'),
      target,
      targetIdentity: 'emulator-clerk',
      directory,
      settings: { rate: { requests: 100_000, intervalMs: 1_000 }, concurrency: 8, ...settings },
      ...extra,
    });
    const progress = await migration.finished;
    return { migration, progress, users: migration.users(), files: migration.files };
  } finally {
    await Promise.all([target.close(), passage.close()]);
  }
}

const auth = (emulator: RunningEmulator) => ({ authorization: `Bearer ${emulator.keys.clerkSecretKey}` });

/** Every Clerk user as the emulator serialises it (Clerk's wire JSON). */
export async function clerkWireUsers(emulator: RunningEmulator): Promise<any[]> {
  const users: any[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(`${emulator.clerkUrl}/users?limit=500&offset=${offset}&order_by=created_at`, {
      headers: auth(emulator),
    });
    users.push(...page.body);
    if (page.body.length < 500) return users;
  }
}

/** Every Passage user in full (devices, social connections), as Passage's wire JSON. */
export async function passageWireUsers(emulator: RunningEmulator): Promise<any[]> {
  const base = `${emulator.passageUrl}/apps/${emulator.keys.passageAppId}/users`;
  const headers = { authorization: `Bearer ${emulator.keys.passageApiKey}` };
  const listed: any[] = [];
  for (let page = 1; ; page += 1) {
    const body = (await call(`${base}?limit=500&page=${page}`, { headers })).body;
    listed.push(...body.users);
    if (body.users.length < 500) break;
  }
  // 2,000 reads at once overflow the emulator's listen backlog on a busy machine (ECONNRESET).
  const users: any[] = [];
  for (let start = 0; start < listed.length; start += 50) {
    const batch = listed.slice(start, start + 50);
    users.push(
      ...(await Promise.all(
        batch.map(async (item) => (await call(`${base}/${item.id}`, { headers })).body.user),
      )),
    );
  }
  return users;
}

/** Creates a Clerk user straight through the emulator's REST API. */
export async function createClerkWireUser(emulator: RunningEmulator, body: object): Promise<any> {
  const response = await call(`${emulator.clerkUrl}/users`, {
    method: 'POST',
    headers: auth(emulator),
    body,
  });
  if (response.status !== 200) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body;
}

/** A user as Passage's Management API returns it: active, no identifier verified, unless `extra` says. */
export function passageUserJson(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    email: '',
    email_verified: false,
    phone: '',
    phone_verified: false,
    external_id: '',
    status: 'active',
    created_at: '2024-01-02T03:04:05Z',
    updated_at: '2024-01-02T03:04:05Z',
    last_login_at: '0001-01-01T00:00:00Z',
    login_count: 0,
    user_metadata: null,
    ...extra,
  };
}

/** A Passage user with a verified e-mail (`<id>@example.com`), so Clerk has an identifier to create it with. */
export const verifiedPassageUser = (id: string, extra: Record<string, unknown> = {}) =>
  passageUserJson(id, { email: `${id}@example.com`, email_verified: true, ...extra });
