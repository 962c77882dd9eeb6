/** The User type, served for both providers, and the reads of one user. */
import type { EmailAddress, ExternalAccount, PhoneNumber, User, Web3Wallet } from '../providers/types.js';
import { ProviderError } from '../providers/errors.js';
import { traitsOf } from '../providers/catalog.js';
import { builder } from './builder.js';
import { upstreamCost } from './cost.js';
import { DeviceRef } from './device.js';
import { Provider } from './provider.js';

const UserStatus = builder.enumType('UserStatus', {
  description: 'Whether a user can sign in, and why not.',
  values: {
    ACTIVE: { description: 'The user can sign in.' },
    INACTIVE: { description: 'Passage: deactivated by an admin; the account exists but cannot sign in.' },
    PENDING: { description: 'Passage: registration not completed.' },
    BANNED: { description: 'Clerk: banned by an admin; every session was revoked.' },
    LOCKED: { description: 'Clerk: locked after too many failed attempts, or by an admin.' },
  } as const,
});

export const EmailAddressRef = builder.objectRef<EmailAddress>('EmailAddress').implement({
  description: 'An e-mail address of a user.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: "Clerk's identification id; null on Passage." }),
    address: t.exposeString('address', { description: 'The address.' }),
    verified: t.exposeBoolean('verified', { description: 'Whether the user proved they own it.' }),
    primary: t.exposeBoolean('primary', { description: "Whether it is the user's primary address." }),
  }),
});

export const PhoneNumberRef = builder.objectRef<PhoneNumber>('PhoneNumber').implement({
  description: 'A phone number of a user.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: "Clerk's identification id; null on Passage." }),
    number: t.exposeString('number', { description: 'The number in E.164, e.g. `+15005550006`.' }),
    verified: t.exposeBoolean('verified', { description: 'Whether the user proved they own it.' }),
    primary: t.exposeBoolean('primary', { description: "Whether it is the user's primary number." }),
  }),
});

const Web3WalletRef = builder.objectRef<Web3Wallet>('Web3Wallet').implement({
  description: 'A web3 wallet a user signs in with (Clerk only).',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's identification id of the wallet." }),
    address: t.exposeString('address', { description: 'The wallet address.' }),
    verified: t.exposeBoolean('verified', { description: 'Whether the user proved they own it.' }),
    primary: t.exposeBoolean('primary', { description: "Whether it is the user's primary wallet." }),
  }),
});

const ExternalAccountRef = builder.objectRef<ExternalAccount>('ExternalAccount').implement({
  description:
    'A sign-in through another identity provider: a Clerk external account or a Passage social connection.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: "Clerk's external account id; null on Passage." }),
    provider: t.exposeString('provider', {
      description: 'The identity provider: `google`, `github`, `apple`...',
    }),
    providerUserId: t.exposeString('providerUserId', { description: "The user's id at that provider." }),
    emailAddress: t.exposeString('emailAddress', {
      nullable: true,
      description: 'The e-mail address it carries.',
    }),
    username: t.exposeString('username', { nullable: true, description: 'The username at that provider.' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was linked.',
      resolve: (a) => a.createdAt,
    }),
    lastSignInAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was last used to sign in (Passage only).',
      resolve: (a) => a.lastSignInAt,
    }),
  }),
});

export const UserRef = builder.node(builder.objectRef<User>('User'), {
  description:
    'A user of either provider. Common fields are plain fields; fields only one provider has are nullable and say which.',
  id: {
    description:
      "The provider's own user id, as applications store it; also its Node id. Clerk ids start with `user_`.",
    resolve: (u) => u.id,
  },
  // Through the request's user loader: `nodes(ids:)` costs what the same users cost anywhere.
  // Any other Error stays in its slot: graphql-js raises it there, failing that position alone.
  loadMany: async (ids, ctx) =>
    (await ctx.loaders.user.loadMany(ids)).map((user) =>
      user instanceof ProviderError && user.code === 'NOT_FOUND' ? null : user,
    ) as (User | null)[],
  fields: (t) => ({
    provider: t.field({ type: Provider, description: 'Where the user lives.', resolve: (u) => u.provider }),
    externalId: t.exposeString('externalId', {
      nullable: true,
      description: 'An id from another system, if set.',
    }),
    email: t.exposeString('email', { nullable: true, description: 'The primary e-mail address.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'The primary phone number, in E.164.' }),
    emailAddresses: t.field({
      type: [EmailAddressRef],
      description: 'Every e-mail address.',
      resolve: (u) => u.emailAddresses,
    }),
    phoneNumbers: t.field({
      type: [PhoneNumberRef],
      description: 'Every phone number.',
      resolve: (u) => u.phoneNumbers,
    }),
    username: t.exposeString('username', { nullable: true, description: 'Clerk only.' }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'Clerk only.' }),
    lastName: t.exposeString('lastName', { nullable: true, description: 'Clerk only.' }),
    imageUrl: t.exposeString('imageUrl', { nullable: true, description: 'The profile image (Clerk only).' }),
    status: t.field({
      type: UserStatus,
      description: 'Whether the user can sign in.',
      resolve: (u) => u.status,
    }),
    banned: t.exposeBoolean('banned', { nullable: true, description: 'Clerk only.' }),
    locked: t.exposeBoolean('locked', { nullable: true, description: 'Clerk only.' }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the user was created.',
      resolve: (u) => u.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the user last changed.',
      resolve: (u) => u.updatedAt,
    }),
    lastSignInAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the user last signed in.',
      resolve: (u) => u.lastSignInAt,
    }),
    lastActiveAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the user was last active, to the day (Clerk only).',
      resolve: (u) => u.lastActiveAt,
    }),
    loginCount: t.exposeInt('loginCount', {
      nullable: true,
      description: 'How many times the user signed in (Passage only).',
    }),
    publicMetadata: t.field({
      type: 'JSONObject',
      nullable: true,
      description: "Clerk `public_metadata`; Passage's `user_metadata`, its only metadata.",
      resolve: (u) => u.publicMetadata,
    }),
    privateMetadata: t.field({
      type: 'JSONObject',
      nullable: true,
      // Apps keep what the user must not see here, often tokens or internal notes.
      authScopes: { secrets: true },
      description: 'Clerk only: metadata the user never sees. Needs the `secrets` scope.',
      resolve: (u) => u.privateMetadata,
    }),
    unsafeMetadata: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'Clerk only: metadata the user can edit.',
      resolve: (u) => u.unsafeMetadata,
    }),
    web3Wallets: t.field({
      type: [Web3WalletRef],
      description: 'Clerk only.',
      resolve: (u) => u.web3Wallets,
    }),
    externalAccounts: t.field({
      type: [ExternalAccountRef],
      description: 'Sign-ins through other identity providers.',
      resolve: (u) => u.externalAccounts,
    }),
    devices: t.field({
      type: [DeviceRef],
      nullable: true,
      description:
        "The user's WebAuthn devices (Passage devices, Clerk passkeys). Free on Clerk; one call per user on Passage, batched per request.",
      ...upstreamCost({
        weight: 1,
        calls: (provider) => traitsOf(provider).extraCalls.devicesOfListedUser,
      }),
      resolve: (u, _args, ctx) => ctx.loaders.devices.load(u),
    }),
  }),
});

builder.queryFields((t) => ({
  user: t.field({
    type: UserRef,
    // Nullable so a provider outage fails this field alone, not the whole response.
    nullable: true,
    description:
      'One user by id, from whichever provider holds it; null when no provider has it. A provider failure is a located error (the field null); the same user as `node(id:)` returns.',
    args: { id: t.arg.id({ required: true, description: 'The id `User.id` returns.' }) },
    ...upstreamCost({ weight: 1, readsUsers: (args) => [String(args.id)] }),
    resolve: (_root, { id }, ctx) => ctx.loaders.readUser(String(id)),
  }),
}));
