/**
 * Trusted devices (Clerk): installations of the application's mobile app a user enrolled with a
 * key bound to the device, and `User.trustedDevices`. Not passkeys, which are `Device`s. Passage
 * has no equivalent.
 */
import type { TrustedDevice } from '../providers/types.js';
import { builder } from './builder.js';
import { oneCallWhereOffered, upstreamCost } from './cost.js';
import { lackedBy, offeredBy, withoutEquivalent } from './support.js';
import { UserRef } from './user.js';

const TrustedDevicePlatform = builder.enumType('TrustedDevicePlatform', {
  description: 'The mobile platform a trusted device runs.',
  values: { IOS: { description: 'iOS or iPadOS.' }, ANDROID: { description: 'Android.' } } as const,
});

const TrustedDeviceStatus = builder.enumType('TrustedDeviceStatus', {
  description: 'Whether a trusted device can still sign in.',
  values: {
    ACTIVE: { description: 'It can sign in with its device-bound key.' },
    REVOKED: { description: 'Revoked (`revokeTrustedDevice`): its key no longer signs in.' },
  } as const,
});

export const TrustedDeviceRef = builder.objectRef<TrustedDevice>('TrustedDevice').implement({
  description:
    "An installation of the application's mobile app that a user enrolled as trusted, signing in with a key bound to the device (Clerk only). Not a passkey (`Device`).",
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's id of the trusted device." }),
    userId: t.exposeID('userId', { description: 'The user who enrolled it.' }),
    platform: t.field({
      type: TrustedDevicePlatform,
      description: 'The platform it runs.',
      resolve: (d) => d.platform,
    }),
    appIdentifier: t.exposeString('appIdentifier', {
      description: "The app's bundle or package id, e.g. `com.example.app`.",
    }),
    name: t.exposeString('name', { nullable: true, description: 'The name the device gave, if any.' }),
    status: t.field({
      type: TrustedDeviceStatus,
      description: 'Whether it can still sign in.',
      resolve: (d) => d.status,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was enrolled.',
      resolve: (d) => d.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (d) => d.updatedAt,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last signed in, if it has.',
      resolve: (d) => d.lastUsedAt,
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked, if it was.',
      resolve: (d) => d.revokedAt,
    }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  trustedDevices: t.field({
    type: [TrustedDeviceRef],
    nullable: true,
    description: `The user's active trusted devices (${offeredBy('listTrustedDevices')} only; null, with no upstream call, for ${lackedBy('listTrustedDevices')} users: ${withoutEquivalent('listTrustedDevices')}). All of them at once (Clerk does not page them): one call per user, all users' calls concurrent. \`revokeTrustedDevice\` revokes one.`,
    ...upstreamCost({ weight: 1, calls: oneCallWhereOffered('listTrustedDevices') }),
    resolve: (user, _args, ctx) => ctx.loaders.trustedDevices.load(user),
  }),
}));
