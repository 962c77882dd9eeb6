/**
 * The traits of every provider usergraph knows, configured or not: the schema is built once, before
 * any provider is created, and describes itself (page sizes, limits, who supports what) from these.
 */
import { clerkTraits } from './clerk/traits.js';
import { passageTraits } from './passage/traits.js';
import type { OptionalOperation, ProviderLimits, ProviderTraits } from './types.js';

export const PROVIDER_TRAITS: readonly ProviderTraits[] = [clerkTraits, passageTraits];

/** The largest value of a limit across providers: what the API as a whole may be asked for. */
export function largestLimit(limit: keyof ProviderLimits): number {
  return Math.max(...PROVIDER_TRAITS.map((traits) => traits.limits[limit] ?? 0));
}

/** The labels of the providers that have (or, with `false`, lack) an optional operation. */
export function providersWith(operation: OptionalOperation, has = true): string[] {
  return PROVIDER_TRAITS.filter((traits) => traits.capabilities.has(operation) === has).map(
    (traits) => traits.label,
  );
}
