/**
 * A user's trusted devices, once per user per request; distinct users are one call each, all
 * concurrent. A provider without them (Passage) answers null without a call.
 */
import { perKeyLoader } from './per-key.js';
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { CallOptions, TrustedDevice, User } from '../providers/types.js';

export function createTrustedDevicesLoader(providers: ProviderRegistry, call: CallOptions = {}) {
  return perKeyLoader<User, TrustedDevice[] | null>(
    'trustedDevices',
    call,
    async (user) => {
      const provider = providers.forUserId(user.id);
      return supports(provider, 'listTrustedDevices')
        ? operation(provider, 'listTrustedDevices')(user.id, call)
        : null;
    },
    (user) => user,
  );
}
