/**
 * `userChanged`: a live feed of user changes over SSE, fed by Clerk's webhooks and by the
 * mutations usergraph itself makes (src/webhooks/). Each event reads the user again, after the
 * shared cache dropped them, so `user` is the user as the provider has them now.
 */
import { filter, pipe } from 'graphql-yoga';
import { ProviderError, refusedField } from '../providers/errors.js';
import type { User } from '../providers/types.js';
import type { UserChangeEvent } from '../webhooks/user-events.js';
import { builder } from './builder.js';
import { Provider } from './provider.js';
import { UserRef } from './user.js';

/** Ids one subscription may follow, like `nodes(ids:)`. */
const MAX_IDS = 100;

const UserChangeType = builder.enumType('UserChangeType', {
  description: 'What happened to a user.',
  values: {
    CREATED: { value: 'CREATED', description: 'The user was created.' },
    UPDATED: {
      value: 'UPDATED',
      description: 'Something about the user changed (profile, metadata, ban, lock, MFA...).',
    },
    DELETED: { value: 'DELETED', description: 'The user no longer exists.' },
  } as const,
});

const UserChangeRef = builder.objectRef<UserChangeEvent>('UserChange').implement({
  description: 'One change to one user, as `userChanged` sends it.',
  fields: (t) => ({
    type: t.field({ type: UserChangeType, description: 'What happened.', resolve: (e) => e.type }),
    userId: t.exposeID('userId', { description: 'The user that changed: the id `User.id` returns.' }),
    provider: t.field({
      type: Provider,
      description: 'Where the user lives.',
      resolve: (e) => e.provider,
    }),
    user: t.field({
      type: UserRef,
      nullable: true,
      description:
        'The user as the provider has them now, read after the change; null once deleted (or gone by the time it is read).',
      resolve: (e, _args, ctx) => currentUser(e, ctx.loaders.user),
    }),
    at: t.field({
      type: 'DateTime',
      description: 'When usergraph learnt of the change.',
      resolve: (e) => new Date(e.at),
    }),
  }),
});

builder.subscriptionField('userChanged', (t) =>
  t.field({
    type: UserChangeRef,
    description: `Every change to the users given (every user when \`ids\` is omitted), as it happens: from the provider's webhooks (Clerk) and from this API's own mutations. Served over SSE. At most ${MAX_IDS} ids.`,
    args: {
      ids: t.arg.idList({
        required: false,
        description: 'The users to follow (`User.id`); omitted, every user.',
      }),
    },
    subscribe: (_root, args, ctx) => {
      const ids = args.ids?.map(String);
      if (ids && ids.length > MAX_IDS) {
        throw refusedField('ids', `at most ${MAX_IDS} ids, got ${ids.length}`);
      }
      const wanted = ids && new Set(ids);
      return pipe(
        ctx.changes.events.subscribe('userChanged'),
        filter((event: UserChangeEvent) => !wanted || wanted.has(event.userId)),
      );
    },
    resolve: (event: UserChangeEvent) => event,
  }),
);

/** A subscription's loaders live as long as it does, so each event reads past what they hold. */
async function currentUser(
  event: UserChangeEvent,
  loader: { clear(id: string): unknown; load(id: string): Promise<User> },
): Promise<User | null> {
  if (event.type === 'DELETED') return null;
  loader.clear(event.userId);
  try {
    return await loader.load(event.userId);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
