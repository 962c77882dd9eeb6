/**
 * Reads straight from the emulator's own provider APIs, so a GraphQL answer can be compared with
 * what the emulator holds, and queries built from seeded ids.
 */
import type { RunningEmulator } from '../../src/emulator/index.js';

/** `GET` on the emulated Clerk Backend API, as an admin would call it. */
export async function clerkGet(emulator: RunningEmulator, path: string): Promise<any> {
  const response = await fetch(`${emulator.clerkUrl}${path}`, {
    headers: { authorization: `Bearer ${emulator.keys.clerkSecretKey}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The first `count` seeded Clerk users, as Clerk's JSON. */
export async function clerkUsers(emulator: RunningEmulator, count: number): Promise<any[]> {
  return clerkGet(emulator, `/users?limit=${count}`);
}

/** The id of a seeded Passage user. */
export async function passageUserId(emulator: RunningEmulator): Promise<string> {
  const { passageUrl, keys } = emulator;
  const response = await fetch(`${passageUrl}/apps/${keys.passageAppId}/users?limit=1`, {
    headers: { authorization: `Bearer ${keys.passageApiKey}` },
  });
  return ((await response.json()) as { users: { id: string }[] }).users[0]!.id;
}

/** Milliseconds since the epoch (Clerk's timestamps) as the DateTime scalar prints them. */
export const iso = (millis: number | null | undefined) =>
  millis === null || millis === undefined ? null : new Date(millis).toISOString();
