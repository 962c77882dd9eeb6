/**
 * What changed about a user, as `userChanged` subscribers receive it, and the bus that carries
 * it. The bus is graphql-yoga's `createPubSub`, in process; with `REDIS_URL` it is given
 * `createRedisEventTarget(...)` from `@graphql-yoga/redis-event-target`, so every replica's
 * subscribers see every change. An event is plain JSON for that reason.
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

type UserEvents = { userChanged: [UserChangeEvent] };

/** What carries the events between replicas (`createRedisEventTarget`). */
export type UserEventTarget = NonNullable<
  NonNullable<Parameters<typeof createPubSub<UserEvents>>[0]>['eventTarget']
>;

/** In process, or across replicas through `eventTarget`. */
export function createUserEventBus(eventTarget?: UserEventTarget): UserEventBus {
  return createPubSub<UserEvents>(eventTarget ? { eventTarget } : undefined);
}
