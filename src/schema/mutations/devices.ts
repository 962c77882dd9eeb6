/** WebAuthn credentials: one mutation for Passage devices and Clerk passkeys, which mean the same. */
import { defineSubResourceDelete } from './define.js';

defineSubResourceDelete({
  name: 'deleteDevice',
  input: 'DeleteDeviceInput',
  payload: 'DeleteDevicePayload',
  result: 'DeleteDeviceResult',
  description:
    'Remove a WebAuthn credential from a user (both providers: a Passage device or a Clerk passkey). The user can no longer sign in with it.',
  things: 'devices',
  idField: 'deviceId',
  idDescription: 'The device: the id `Device.id` returns.',
  run: (provider, userId, id, call) => provider.deleteDevice(userId, id, call),
});
