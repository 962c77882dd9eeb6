/** Session records → Clerk's `Session` ([CS] `components.schemas.Session`, `additionalProperties: false`). */
import type { SessionRecord } from './records.js';

export function serializeSession(session: SessionRecord) {
  return {
    object: 'session',
    id: session.id,
    user_id: session.userId,
    client_id: session.clientId,
    actor: null,
    status: session.status,
    last_active_organization_id: null,
    last_active_at: session.last_active_at,
    latest_activity: session.activity && { object: 'session_activity', ...session.activity },
    expire_at: session.expire_at,
    abandon_at: session.abandon_at,
    updated_at: session.updated_at,
    created_at: session.created_at,
    tasks: null,
  };
}
