/**
 * Which provider an action on the instance goes to when its input names no user (a session id,
 * an invitation, an allowlist entry): the configured provider that has the operation, read from
 * the traits, or `UnsupportedError` from the first configured one when none has it.
 */
import { operation, supports, type ProviderRegistry } from '../providers/registry.js';
import type { OptionalOperation, OptionalOperations } from '../providers/types.js';

export function instanceOperation<K extends OptionalOperation>(
  providers: ProviderRegistry,
  name: K,
): OptionalOperations[K] {
  const provider = providers.all.find((candidate) => supports(candidate, name)) ?? providers.all[0];
  if (!provider) throw new Error('no provider is configured');
  return operation(provider, name);
}
