/** Revoking a user's trusted device (Clerk; Passage has no equivalent). */
import type { TrustedDevice } from '../../providers/types.js';
import { operation } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { offeredBy, unsupportedOn, withoutEquivalent } from '../support.js';
import { TrustedDeviceRef } from '../trusted-device.js';
import { userReadAgain } from './payloads.js';
import { defineMutation } from './define.js';
import { requireId } from './validate.js';

const RevokeTrustedDeviceInput = builder.inputType('RevokeTrustedDeviceInput', {
  description: 'Which user, and which of their trusted devices, `revokeTrustedDevice` revokes.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    trustedDeviceId: t.id({
      required: true,
      description: 'The device: the id `User.trustedDevices` returns.',
    }),
  }),
});

const RevokeTrustedDevicePayload = builder
  .objectRef<{ userId: string; trustedDevice: TrustedDevice }>('RevokeTrustedDevicePayload')
  .implement({
    description: 'The result of `revokeTrustedDevice`.',
    fields: (t) => ({
      trustedDevice: t.field({
        type: TrustedDeviceRef,
        description: 'The device after the change (`REVOKED`).',
        resolve: (p) => p.trustedDevice,
      }),
      userId: t.exposeID('userId', { description: 'The user who had enrolled it.' }),
      user: userReadAgain(t, 'The user, read again when asked for (one more upstream call).'),
    }),
  });

defineMutation({
  name: 'revokeTrustedDevice',
  result: 'RevokeTrustedDeviceResult',
  description: `Revoke one of a user's trusted devices (${offeredBy('revokeTrustedDevice')}): its device-bound key no longer signs in, so a lost or sold phone stops being a way into the account. Revoking one already revoked answers it as it is. One upstream call. ${unsupportedOn('revokeTrustedDevice')} (${withoutEquivalent('revokeTrustedDevice')}).`,
  input: RevokeTrustedDeviceInput,
  payload: RevokeTrustedDevicePayload,
  changes: 'user',
  resolve: async (input, ctx) => {
    const userId = requireId('userId', input.userId);
    const deviceId = requireId('trustedDeviceId', input.trustedDeviceId);
    const revoke = operation(ctx.providers.forUserId(userId), 'revokeTrustedDevice');
    return { userId, trustedDevice: await revoke(userId, deviceId, ctx.call) };
  },
});
