/**
 * The request's DataLoaders, created fresh for every GraphQL request in yoga's context factory:
 * nothing cached here outlives the request that filled it. Each is made on first use, since an
 * operation needs one or two of them (making all five for every request was ~4 % of a one-user
 * read's CPU in-process).
 */
import type { ProviderRegistry } from '../providers/registry.js';
import type { UserChanges } from '../webhooks/user-changes.js';
import type { UserChangeType } from '../webhooks/user-events.js';
import type { CallOptions, ProviderName, User } from '../providers/types.js';
import { createDevicesLoader } from './devices.js';
import { createInvitationsLoader } from './invitations.js';
import { createMembershipsLoader } from './memberships.js';
import { createOAuthTokensLoader } from './oauth-tokens.js';
import { createSessionsLoader } from './sessions.js';
import { createTrustedDevicesLoader } from './trusted-devices.js';
import { createUserLoader } from './users.js';

export class Loaders {
  private userLoader?: ReturnType<typeof createUserLoader>;
  private devicesLoader?: ReturnType<typeof createDevicesLoader>;
  private membershipsLoader?: ReturnType<typeof createMembershipsLoader>;
  private invitationsLoader?: ReturnType<typeof createInvitationsLoader>;
  private oauthTokensLoader?: ReturnType<typeof createOAuthTokensLoader>;
  private sessionsLoader?: ReturnType<typeof createSessionsLoader>;
  private trustedDevicesLoader?: ReturnType<typeof createTrustedDevicesLoader>;

  /**
   * Users this request was given at once by the cross-request cache (`readUser`), so a second
   * read of one in the same request sees the same user, and the batching loader, once made,
   * starts with them.
   */
  private cachedUsers?: Map<string, User>;

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly call: CallOptions = {},
    /** The server's shared cache and change feed, told of every change a mutation makes. */
    private readonly changes?: UserChanges,
  ) {}

  get user() {
    if (this.userLoader) return this.userLoader;
    this.userLoader = createUserLoader(this.providers, this.call, this.changes?.userCache);
    for (const [id, user] of this.cachedUsers ?? []) this.userLoader.prime(id, user);
    return this.userLoader;
  }

  /**
   * A user by id: at once when the cross-request cache holds them in this process (no promise and
   * no loader, which a hot read's CPU was largely spent on), else through the batching loader.
   */
  readUser(id: string): User | Promise<User> {
    return this.cachedUser(id) ?? this.user.load(id);
  }

  private cachedUser(id: string): User | undefined {
    const given = this.cachedUsers?.get(id);
    if (given) return given;
    const cache = this.changes?.userCache;
    if (!cache?.peeks || this.userLoader?.has(id)) return undefined;
    // An id no provider owns is never cached; the loader reports it.
    const provider = this.providers.ownerOf(id);
    const user = provider && cache.peek(provider.name as ProviderName, id);
    if (!user) return undefined;
    (this.cachedUsers ??= new Map()).set(id, user);
    // A loader made already sees the same user from now on; one made later is primed with it.
    this.userLoader?.prime(id, user);
    return user;
  }

  get devices() {
    return (this.devicesLoader ??= createDevicesLoader(this.providers, this.call));
  }

  get memberships() {
    return (this.membershipsLoader ??= createMembershipsLoader(this.providers, this.call));
  }

  get invitations() {
    return (this.invitationsLoader ??= createInvitationsLoader(this.providers, this.call));
  }

  get oauthTokens() {
    return (this.oauthTokensLoader ??= createOAuthTokensLoader(this.providers, this.call));
  }

  get sessions() {
    return (this.sessionsLoader ??= createSessionsLoader(this.providers, this.call));
  }

  get trustedDevices() {
    return (this.trustedDevicesLoader ??= createTrustedDevicesLoader(this.providers, this.call));
  }

  /**
   * After a mutation changed a user: everything this request holds about them (the user, their
   * devices, memberships, invitations, OAuth tokens, sessions, trusted devices) is dropped, and the user the provider
   * answered, if any, is kept, so a field read later in the same operation sees the change. The
   * one hook for cache upkeep: mutations reach it through their declaration (`changes` in
   * src/schema/mutations/define.ts), never by hand. A loader not made yet holds nothing to drop.
   * The cross-request cache drops the user too, and `userChanged` subscribers hear of it.
   */
  async userChanged(userId: string, user?: User, type: UserChangeType = 'UPDATED'): Promise<void> {
    this.cachedUsers?.delete(userId);
    this.userLoader?.clear(userId);
    for (const loader of [
      this.devicesLoader,
      this.membershipsLoader,
      this.invitationsLoader,
      this.oauthTokensLoader,
      this.sessionsLoader,
      this.trustedDevicesLoader,
    ]) {
      loader?.forgetUser(userId);
    }
    if (user) this.user.prime(userId, user);
    if (this.changes) {
      await this.changes.changed({
        provider: this.providers.forUserId(userId).name,
        userId,
        type,
        source: 'mutation',
        version: user?.updatedAt.getTime(),
      });
    }
  }
}

export function createLoaders(
  providers: ProviderRegistry,
  call: CallOptions = {},
  changes?: UserChanges,
): Loaders {
  return new Loaders(providers, call, changes);
}
