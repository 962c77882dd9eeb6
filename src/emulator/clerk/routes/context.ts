/** What every Clerk route handler is given, and the lookups they all start with. */
import type { EmulatorResponse } from '../../provider.js';
import { notFound } from '../errors.js';
import type { UserRecord } from '../records.js';
import type { ClerkState } from '../state.js';

export interface ClerkContext {
  state: ClerkState;
  /** The clock for new records; seeded records never read it. */
  now(): number;
}

export function requireUser(state: ClerkState, userId: string): UserRecord {
  const user = state.users.get(userId);
  if (!user) throw notFound('user', userId);
  return user;
}

export const ok = (body: unknown): EmulatorResponse => ({ status: 200, body });
