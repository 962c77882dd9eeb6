/**
 * Sessions: `GET /sessions` (by `user_id` or `client_id`, `status`, newest first; a bare array,
 * or `{data, total_count}` with `paginated=true` as @clerk/backend asks), `GET /sessions/{id}`,
 * `POST /sessions/{id}/revoke`, and `POST /sessions` `{user_id}`, which Clerk offers development
 * instances for tests: a new active session.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { formParamInvalid, notFound } from '../errors.js';
import { paginate, readBoolean, readPage, readString } from '../query-params.js';
import type { SessionRecord, SessionStatus } from '../records.js';
import { sessionRecord } from '../seed-sessions.js';
import { serializeSession } from '../serialize-sessions.js';
import type { ClerkState } from '../state.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const createSchema = z.strictObject({ user_id: z.string(), active_organization_id: z.string().nullish() });

const STATUSES: readonly SessionStatus[] = [
  'abandoned',
  'active',
  'ended',
  'expired',
  'removed',
  'replaced',
  'revoked',
];

export function sessionRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'GET',
      template: '/sessions',
      handle: ({ query }) => {
        const page = readPage(query);
        const paginated = readBoolean(query, 'paginated') ?? false;
        const userId = readString(query, 'user_id');
        const clientId = readString(query, 'client_id');
        const status = readString(query, 'status');
        if (status !== undefined && !STATUSES.includes(status as SessionStatus)) {
          throw formParamInvalid('status', `status must be one of ${STATUSES.join(', ')}, got ${status}.`);
        }
        // The spec deprecated listing without either: every session of the instance.
        const candidates = userId !== undefined ? state.sessionsOfUser(userId) : [...state.sessions.values()];
        const matches = candidates
          .filter((s) => clientId === undefined || s.clientId === clientId)
          .filter((s) => status === undefined || s.status === status)
          .sort(newestFirst);
        const data = paginate(matches, page).map(serializeSession);
        return ok(paginated ? { data, total_count: matches.length } : data);
      },
    },
    {
      method: 'POST',
      template: '/sessions',
      handle: (req) => {
        const user = requireUser(state, readJsonBody(req, createSchema).user_id);
        const at = now();
        const session = sessionRecord(state.random, user.id, 'active', at, at);
        state.addSession(session);
        return ok(serializeSession(session));
      },
    },
    {
      method: 'GET',
      template: '/sessions/{session_id}',
      handle: ({ params }) => ok(serializeSession(requireSession(state, params.session_id!))),
    },
    {
      method: 'POST',
      template: '/sessions/{session_id}/revoke',
      handle: ({ params }) => {
        const session = requireSession(state, params.session_id!);
        // Only a live session changes; one that already ended keeps how it ended.
        if (session.status === 'active' || session.status === 'pending') {
          session.status = 'revoked';
          session.updated_at = now();
        }
        return ok(serializeSession(session));
      },
    },
  ];
}

function requireSession(state: ClerkState, id: string): SessionRecord {
  const session = state.sessions.get(id);
  if (!session) throw notFound('session', id);
  return session;
}

const newestFirst = (a: SessionRecord, b: SessionRecord) =>
  b.created_at - a.created_at || (a.id < b.id ? 1 : -1);

/** What a ban does to sessions: every live session of the user is revoked. */
export function revokeLiveSessions(state: ClerkState, userId: string, at: number): void {
  for (const session of state.sessionsOfUser(userId)) {
    if (session.status === 'active' || session.status === 'pending') {
      session.status = 'revoked';
      session.updated_at = at;
    }
  }
}
