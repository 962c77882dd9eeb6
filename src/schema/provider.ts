import { PROVIDER_TRAITS } from '../providers/catalog.js';
import type { ProviderName } from '../providers/types.js';
import { builder } from './builder.js';

/** One value per provider usergraph knows (`CLERK`, `PASSAGE`), from its traits. */
export const Provider = builder.enumType('Provider', {
  description: 'An identity provider usergraph talks to.',
  values: Object.fromEntries(
    PROVIDER_TRAITS.map((traits) => [
      traits.name.toUpperCase(),
      { value: traits.name, description: traits.description },
    ]),
  ) as Record<Uppercase<ProviderName>, { value: ProviderName; description: string }>,
});
