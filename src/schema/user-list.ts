/**
 * Lists of users: `users` (a Relay connection), `userCount` and `userByIdentifier`. Every user a
 * list returns primes the request's user loader. Many users by id is `nodes(ids:)` (node-ids.ts).
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { Context } from '../context.js';
import { PROVIDER_TRAITS, traitsOf } from '../providers/catalog.js';
import { refusedInput } from '../providers/errors.js';
import type { Provider, ProviderName, User } from '../providers/types.js';
import { builder } from './builder.js';
import { SLICING_ARGUMENTS, upstreamCost, type FieldArgs } from './cost.js';
import { connectionFor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRequest } from './pagination.js';
import { Provider as ProviderEnum } from './provider.js';
import { UserRef } from './user.js';
import { toUserFilter, toUserOrder, UserFilterInput, UserOrderInput } from './user-filter.js';

const UserConnection = builder.connectionObject(
  {
    type: UserRef,
    name: 'UserConnection',
    description: 'A page of users.',
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description:
          'How many users match in all (on Clerk it costs one more upstream call, made only when asked).',
        ...upstreamCost({ weight: 1, calls: (provider) => traitsOf(provider).extraCalls.listTotal }),
        resolve: (connection) => (connection as { totalCount?: number }).totalCount ?? null,
      }),
    }),
  },
  { name: 'UserEdge', description: 'A user in a page, with its cursor.' },
);

builder.queryFields((t) => ({
  users: t.field({
    type: UserConnection,
    description:
      'Users of one provider as a Relay connection, filtered and ordered. Bad arguments are an `INVALID_INPUT` error naming the argument, before any upstream call. For many users by id, `nodes(ids:)`.',
    args: {
      provider: t.arg({
        type: ProviderEnum,
        description: 'Which provider to list. Required when both are configured.',
      }),
      filter: t.arg({ type: UserFilterInput, description: 'Which users.' }),
      orderBy: t.arg({
        type: UserOrderInput,
        description: 'In which order (default: oldest first on Passage, newest first on Clerk).',
      }),
      first: t.arg.int({
        description: `Page size from the start or after \`after\` (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
      }),
      after: t.arg.string({ description: 'The cursor after which the page starts.' }),
      last: t.arg.int({ description: `Page size before \`before\` (1–${MAX_PAGE_SIZE}).` }),
      before: t.arg.string({ description: 'The cursor before which the page ends.' }),
    },
    ...upstreamCost({
      weight: 2,
      calls: (provider, args) =>
        1 + (args.after || args.before ? traitsOf(provider).extraCalls.pageAtCursor : 0),
      provider: listedProvider,
      size: { assumedSize: DEFAULT_PAGE_SIZE, slicingArguments: SLICING_ARGUMENTS, sizedFields: ['edges'] },
    }),
    resolve: async (_root, args, ctx, info) => {
      const provider = pickProvider(ctx, args.provider);
      const request = pageRequest(args, provider.limits.maxPageSize);
      const page = await provider.listUsers(toUserFilter(args.filter), request, toUserOrder(args.orderBy), {
        ...ctx.call,
        withTotal: selects(info, 'totalCount'),
      });
      for (const user of page.items) ctx.loaders.user.prime(user.id, user);
      return connectionFor(request, page);
    },
  }),

  userCount: t.field({
    type: 'Int',
    nullable: true,
    description: 'How many users of one provider match a filter; null, with a located error, on a failure.',
    args: {
      provider: t.arg({
        type: ProviderEnum,
        description: 'Which provider. Required when both are configured.',
      }),
      filter: t.arg({ type: UserFilterInput, description: 'Which users.' }),
    },
    ...upstreamCost({ weight: 1 }),
    resolve: (_root, args, ctx) =>
      pickProvider(ctx, args.provider).countUsers(toUserFilter(args.filter), ctx.call),
  }),

  userByIdentifier: t.field({
    type: UserRef,
    nullable: true,
    description:
      'The user with this e-mail address or E.164 phone number, or null when no provider has one. Without `provider`, every configured provider is asked at once and the first that has it (Clerk, then Passage) answers.',
    args: {
      identifier: t.arg.string({
        required: true,
        description: 'An e-mail address or an E.164 phone number.',
      }),
      provider: t.arg({ type: ProviderEnum, description: 'Ask only this provider.' }),
    },
    // One call to each provider asked.
    ...upstreamCost({
      weight: PROVIDER_TRAITS.length,
      calls: (_provider, args, configured) => (args.provider ? 1 : configured.length),
      provider: (args) => args.provider as ProviderName | undefined,
    }),
    resolve: async (_root, { identifier, provider }, ctx) => {
      const providers = provider ? [pickProvider(ctx, provider)] : ctx.providers.all;
      const found = await Promise.all(providers.map((p) => p.findUserByIdentifier(identifier, ctx.call)));
      const user = found.find((candidate): candidate is User => candidate !== null);
      if (user) ctx.loaders.user.prime(user.id, user);
      return user ?? null;
    },
  }),
}));

/** Where a list's users live, for its cost: the provider asked for, or the only one configured. */
function listedProvider(args: FieldArgs, configured: readonly ProviderName[]): ProviderName | undefined {
  return (args.provider as ProviderName | undefined) ?? (configured.length === 1 ? configured[0] : undefined);
}

/** The provider a list is about: the one asked for, or the only one configured. */
function pickProvider(ctx: Context, name: ProviderName | null | undefined): Provider {
  if (name) {
    const provider = ctx.providers.get(name);
    if (!provider) throw refusedInput('provider', `${name} is not configured on this server`);
    return provider;
  }
  const [only, ...others] = ctx.providers.all;
  if (!only || others.length > 0)
    throw refusedInput('provider', 'provider is required when more than one provider is configured');
  return only;
}

/** Whether the field's selection asks for `name`, directly or through fragments. */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name;
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
