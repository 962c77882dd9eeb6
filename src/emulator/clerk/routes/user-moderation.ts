/**
 * Ban, unban, lock and unlock one user, and ban or unban up to 50 at once
 * (`POST /users/ban|unban`, body `{user_ids}` with 1–50 items, answering `User[]`).
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { notFound } from '../errors.js';
import { LOCKOUT_SECONDS, serializeUser } from '../serialize.js';
import type { UserRecord } from '../records.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';
import { revokeLiveSessions } from './sessions.js';

const bulkSchema = z.object({ user_ids: z.array(z.string()).min(1).max(50) });

export function userModerationRoutes({ state, now }: ClerkContext): Route[] {
  const actions: Record<'ban' | 'unban' | 'lock' | 'unlock', (user: UserRecord, at: number) => void> = {
    // A ban also revokes every session, as Clerk's does.
    ban: (user, at) => {
      user.banned = true;
      revokeLiveSessions(state, user.id, at);
    },
    unban: (user) => (user.banned = false),
    // A lock set through the API lasts Clerk's default lockout duration.
    lock: (user, at) => (user.lockedUntil = at + LOCKOUT_SECONDS * 1000),
    unlock: (user) => (user.lockedUntil = undefined),
  };

  const single = (action: keyof typeof actions): Route => ({
    method: 'POST',
    template: `/users/{user_id}/${action}`,
    handle: ({ params }) => {
      const user = requireUser(state, params.user_id!);
      const at = now();
      changeUser(user, at, (u) => actions[action](u, at));
      return ok(serializeUser(user));
    },
  });

  const bulk = (action: 'ban' | 'unban'): Route => ({
    method: 'POST',
    template: `/users/${action}`,
    handle: (req) => {
      const { user_ids } = readJsonBody(req, bulkSchema);
      // Every id is checked before any user changes, so a bad list changes nobody.
      const users = [...new Set(user_ids)].map((id) => {
        const user = state.users.get(id);
        if (!user) throw notFound('user', id);
        return user;
      });
      const at = now();
      for (const user of users) changeUser(user, at, (u) => actions[action](u, at));
      return { ...ok(users.map((user) => serializeUser(user))), changedUsers: users.map((user) => user.id) };
    },
  });

  return [single('ban'), single('unban'), single('lock'), single('unlock'), bulk('ban'), bulk('unban')];
}
