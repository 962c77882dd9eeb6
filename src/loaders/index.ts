/**
 * The request's DataLoaders, created fresh for every GraphQL request in yoga's context factory:
 * nothing cached here outlives the request that filled it. Each is made on first use, since an
 * operation needs one or two of them (making all five for every request was ~4 % of a one-user
 * read's CPU in-process).
 */
import type { ProviderRegistry } from '../providers/registry.js';
import type { User } from '../providers/types.js';
import { createDevicesLoader } from './devices.js';
import { createInvitationsLoader } from './invitations.js';
import { createMembershipsLoader } from './memberships.js';
import { createOAuthTokensLoader } from './oauth-tokens.js';
import { createUserLoader } from './users.js';

export class Loaders {
  private userLoader?: ReturnType<typeof createUserLoader>;
  private devicesLoader?: ReturnType<typeof createDevicesLoader>;
  private membershipsLoader?: ReturnType<typeof createMembershipsLoader>;
  private invitationsLoader?: ReturnType<typeof createInvitationsLoader>;
  private oauthTokensLoader?: ReturnType<typeof createOAuthTokensLoader>;

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly signal?: AbortSignal,
  ) {}

  get user() {
    return (this.userLoader ??= createUserLoader(this.providers, this.signal));
  }

  get devices() {
    return (this.devicesLoader ??= createDevicesLoader(this.providers, this.signal));
  }

  get memberships() {
    return (this.membershipsLoader ??= createMembershipsLoader(this.providers, this.signal));
  }

  get invitations() {
    return (this.invitationsLoader ??= createInvitationsLoader(this.providers, this.signal));
  }

  get oauthTokens() {
    return (this.oauthTokensLoader ??= createOAuthTokensLoader(this.providers, this.signal));
  }

  /**
   * After a change that answered the user: the request's cached copy is replaced by what the
   * provider just answered, so a field read later in the same request never sees the user as
   * it was.
   */
  remember(user: User): User {
    this.forget(user.id);
    this.user.prime(user.id, user);
    return user;
  }

  /**
   * After a change that did not answer the user: what this request cached about them is dropped,
   * so a later field reads it again. Device lists are keyed by user, not id, and cost at most one
   * call to refill: all go. A loader not made yet holds nothing to drop.
   */
  forget(userId: string): void {
    this.userLoader?.clear(userId);
    this.devicesLoader?.clearAll();
  }
}

export function createLoaders(providers: ProviderRegistry, signal?: AbortSignal): Loaders {
  return new Loaders(providers, signal);
}
