/**
 * A user's WebAuthn devices and sessions ([PS] `User Devices` and `Tokens` tags): list devices,
 * delete one (200, empty body), revoke all refresh tokens (200, empty body). Deleting a device
 * also changes the user's `webauthn` and `webauthn_types`, which serialize.ts derives from the
 * devices left. A device id of another user is `device_not_found`, as if it did not exist.
 * Revocations are counted per user and in `stats().refreshTokenRevocations`, since the API
 * itself shows nothing of them.
 */
import type { Route } from '../../provider.js';
import { deviceNotFound, userNotFound } from '../errors.js';
import { toDevice } from '../serialize.js';
import type { PassageState } from '../state.js';

export function deviceRoutes(state: PassageState): Route[] {
  const findUser = (params: Record<string, string>) => state.users.get(params.user_id ?? '');

  return [
    {
      method: 'GET',
      template: '/apps/{app_id}/users/{user_id}/devices',
      handle({ params }) {
        const user = findUser(params);
        if (!user) return userNotFound();
        return { status: 200, body: { devices: state.devicesOf(user.id).map(toDevice) } };
      },
    },
    {
      method: 'DELETE',
      template: '/apps/{app_id}/users/{user_id}/devices/{device_id}',
      handle({ params }) {
        const user = findUser(params);
        if (!user) return userNotFound();
        if (!state.removeDevice(user.id, params.device_id ?? '')) return deviceNotFound();
        user.updatedAt = Date.now();
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      template: '/apps/{app_id}/users/{user_id}/tokens',
      handle({ params }) {
        const user = findUser(params);
        if (!user) return userNotFound();
        state.revokeRefreshTokens(user, Date.now());
        return { status: 200 };
      },
    },
  ];
}
