/**
 * What admin mutations answer. Each payload names the user it changed (`user` or `userId`), which
 * is how `defineMutation` keeps the request's cache true after the change.
 */
import type { User } from '../../providers/types.js';
import { builder } from '../builder.js';
import { upstreamCost } from '../cost.js';
import { UserRef } from '../user.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * A payload's `user`, read again only if the query asks for it: one more upstream call, which
 * the estimate counts. Nullable: the action succeeded even if reading the user back fails.
 */
export function userReadAgain<Parent extends { userId: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  description = 'The user after the change, read again when asked for (one more upstream call).',
) {
  return t.field({
    type: UserRef,
    nullable: true,
    description,
    ...upstreamCost({ weight: 1 }),
    resolve: (p, _args, ctx) => ctx.loaders.user.load(p.userId),
  });
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
      user: userReadAgain(t),
    }),
  });
}
