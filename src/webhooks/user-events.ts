/**
 * What changed about a user, as `userChanged` subscribers receive it, and the bus that carries
 * it. The bus is graphql-yoga's `createPubSub`, in-process here; a Redis deployment passes
 * `eventTarget: createRedisEventTarget(...)` from `@graphql-yoga/redis-event-target` (not built
 * yet) so every replica's subscribers see every change. An event is plain JSON for that reason.
 */
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { ProviderName } from '../providers/types.js';

export type UserChangeType = 'CREATED' | 'UPDATED' | 'DELETED';

export interface UserChangeEvent {
  type: UserChangeType;
  provider: ProviderName;
  userId: string;
  /** When usergraph learnt of the change, ISO 8601. */
  at: string;
}

export type UserEventBus = PubSub<{ userChanged: [UserChangeEvent] }>;

export function createUserEventBus(): UserEventBus {
  return createPubSub<{ userChanged: [UserChangeEvent] }>();
}
