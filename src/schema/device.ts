import type { Device } from '../providers/types.js';
import { builder } from './builder.js';
import { Provider } from './provider.js';

const DeviceKind = builder.enumType('DeviceKind', {
  description: 'What kind of WebAuthn authenticator a device is.',
  values: {
    PASSKEY: { description: 'A synced passkey (Clerk passkeys are always this).' },
    PLATFORM: { description: "An authenticator built into the user's device (Touch ID, Windows Hello...)." },
    SECURITY_KEY: { description: 'A roaming security key (YubiKey...).' },
  } as const,
});

export const DeviceRef = builder.objectRef<Device>('Device').implement({
  description: 'A WebAuthn credential a user signs in with: a Passage device or a Clerk passkey.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: "The provider's id of the device (Clerk: the passkey's identification id).",
    }),
    provider: t.field({
      type: Provider,
      description: 'Where the device is registered.',
      resolve: (d) => d.provider,
    }),
    name: t.exposeString('name', { description: 'The name the user or the authenticator gave it.' }),
    kind: t.field({
      type: DeviceKind,
      description: 'What kind of authenticator it is.',
      resolve: (d) => d.kind,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was registered.',
      resolve: (d) => d.createdAt,
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was last used to sign in.',
      resolve: (d) => d.lastUsedAt,
    }),
    usageCount: t.int({
      nullable: true,
      description: 'How many sign-ins it made (Passage only; null on Clerk).',
      resolve: (d) => d.usageCount,
    }),
  }),
});
