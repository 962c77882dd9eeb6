/**
 * A user's trusted devices (app installations enrolled with a device-bound key):
 * `GET /users/{user_id}/trusted_devices` answers the active ones as `{data, total_count}`, and
 * `DELETE /users/{user_id}/trusted_devices/{trusted_device_id}` revokes one and answers it. A
 * device already revoked is answered as it is, so a repeated DELETE changes nothing.
 */
import type { Route } from '../../provider.js';
import { notFound } from '../errors.js';
import type { TrustedDeviceRecord } from '../records.js';
import { ok, requireUser, type ClerkContext } from './context.js';

export function serializeTrustedDevice(device: TrustedDeviceRecord) {
  return {
    object: 'trusted_device',
    id: device.id,
    platform: device.platform,
    app_identifier: device.app_identifier,
    name: device.name,
    algorithm: 'ES256',
    status: device.status,
    created_at: device.created_at,
    updated_at: device.updated_at,
    last_used_at: device.last_used_at,
    revoked_at: device.revoked_at,
  };
}

export function trustedDeviceRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'GET',
      template: '/users/{user_id}/trusted_devices',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const data = user.trustedDevices.filter((d) => d.status === 'active').map(serializeTrustedDevice);
        return ok({ data, total_count: data.length });
      },
    },
    {
      method: 'DELETE',
      template: '/users/{user_id}/trusted_devices/{trusted_device_id}',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const id = params.trusted_device_id!;
        const device = user.trustedDevices.find((d) => d.id === id);
        if (!device) throw notFound('trusted device', id);
        if (device.status === 'active') {
          const at = now();
          device.status = 'revoked';
          device.revoked_at = at;
          device.updated_at = at;
        }
        return ok(serializeTrustedDevice(device));
      },
    },
  ];
}
