/**
 * What admin mutations answer, and keeping the request's user cache true after a change: a
 * mutation that answers the user primes the loader with it, one that does not drops the entry,
 * so a field read later in the same request never sees the user as it was.
 */
import type { Context } from '../../context.js';
import type { User } from '../../providers/types.js';
import { builder } from '../builder.js';
import { UserRef } from '../user.js';

/** The request's cached copy of a user is replaced by what the provider just answered. */
export function remember(ctx: Context, user: User): User {
  forget(ctx, user.id);
  ctx.loaders.user.prime(user.id, user);
  return user;
}

/** The request's cached copy of a user is dropped after a change (see Loaders.forget). */
export function forget(ctx: Context, userId: string): void {
  ctx.loaders.forget(userId);
}

/** `<Name>Payload { user: User! }`: the user as the provider left it. */
export function userPayload(typeName: string, description: string) {
  return builder.objectRef<{ user: User }>(typeName).implement({
    description,
    fields: (t) => ({
      user: t.field({ type: UserRef, description: 'The user after the change.', resolve: (p) => p.user }),
    }),
  });
}

/**
 * `<Name>Payload { userId, [deletedId], user }` for actions whose upstream answer carries no user:
 * `user` is read again only if the query asks for it.
 */
export function userEffectPayload(
  typeName: string,
  description: string,
  deleted?: { field: string; description: string },
) {
  return builder.objectRef<{ userId: string; deletedId?: string }>(typeName).implement({
    description,
    fields: (t) => ({
      userId: t.exposeID('userId', { description: 'The user that was changed.' }),
      ...(deleted && {
        [deleted.field]: t.id({ description: deleted.description, resolve: (p) => p.deletedId ?? '' }),
      }),
      user: t.field({
        type: UserRef,
        // Nullable: the action succeeded even if reading the user back afterwards fails.
        nullable: true,
        description: 'The user after the change, read again when asked for (one more upstream call).',
        resolve: (p, _args, ctx) => ctx.loaders.user.load(p.userId),
      }),
    }),
  });
}
