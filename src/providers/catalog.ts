/**
 * Every provider usergraph knows, configured or not: the configuration reads their variables,
 * the server creates the configured ones, and the schema (built once, before any provider is
 * created) describes itself from their traits. Adding a provider: its folder, and one line here.
 */
import { clerk } from './clerk/index.js';
import type { ProviderModule } from './module.js';
import { passage } from './passage/index.js';
import type { OptionalOperation, ProviderLimits, ProviderName, ProviderTraits } from './types.js';

export const PROVIDER_MODULES: readonly ProviderModule[] = [clerk, passage] as ProviderModule[];

export const PROVIDER_TRAITS: readonly ProviderTraits[] = PROVIDER_MODULES.map((module) => module.traits);

/** The traits of a provider by name (every `ProviderName` is in the catalog). */
export function traitsOf(name: ProviderName): ProviderTraits {
  return PROVIDER_TRAITS.find((traits) => traits.name === name)!;
}

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
