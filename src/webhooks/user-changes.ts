/**
 * The one place a user change is told to the rest of the server, whoever saw it (a provider's
 * webhook, or a mutation usergraph made): the shared cache drops the user, then subscribers hear
 * of it, so a subscriber that reads the user on the event reads it fresh.
 */
import type { UserCache } from '../cache/user-cache.js';
import type { ProviderName } from '../providers/types.js';
import type { UserChangeType, UserEventBus } from './user-events.js';

export class UserChanges {
  constructor(
    readonly events: UserEventBus,
    private readonly cache: UserCache | undefined,
  ) {}

  get userCache(): UserCache | undefined {
    return this.cache;
  }

  async changed(provider: ProviderName, userId: string, type: UserChangeType): Promise<void> {
    await this.cache?.forget(provider, userId);
    this.events.publish('userChanged', { type, provider, userId, at: new Date().toISOString() });
  }
}
