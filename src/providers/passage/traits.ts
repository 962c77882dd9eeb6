/** What Passage's Management API bounds and offers, as data (see `ProviderTraits`). */
import type { OptionalOperation, ProviderTraits, UserFilterField } from '../types.js';

/** The `UserFilter` fields `GET /users` can express, one value and one operator each. */
export const PASSAGE_FILTERS = [
  'ids',
  'emails',
  'phones',
  'query',
  'identifier',
  'idCondition',
  'status',
  'emailVerified',
  'loginCount',
  'createdAt',
  'updatedAt',
  'lastSignInAt',
] as const satisfies readonly UserFilterField[];

/** Passage blocks sign-in by deactivating, and ends sessions by revoking refresh tokens. */
const CAPABILITIES: readonly OptionalOperation[] = ['activateUser', 'deactivateUser', 'signOutUser'];

export const passageTraits: ProviderTraits = {
  name: 'passage',
  label: 'Passage',
  limits: {
    maxPageSize: 500,
    // No batch read, and one value per filter parameter.
    maxUsersPerCall: 1,
    maxFilterValuesPerCall: 1,
    // Passage documents no limit; this bound keeps a user's metadata movable to another provider.
    maxMetadataBytes: 8 * 1024,
  },
  capabilities: new Set(CAPABILITIES),
  filters: new Set(PASSAGE_FILTERS),
};
