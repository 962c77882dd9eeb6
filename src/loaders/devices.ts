/**
 * A user's devices, once per user per request. Where the provider's user object already carries
 * them (a Clerk user's passkeys, a Passage user fetched by id) no call is made; otherwise one
 * call per distinct user, all concurrent (the provider client bounds connections).
 */
import { perKeyLoader } from './per-key.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, Device, User } from '../providers/types.js';

export function createDevicesLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<User, Device[]>(
    'devices',
    call,
    async (user) => user.devices ?? providers.forUserId(user.id).listDevices(user.id, call),
    (user) => user,
  );
}
