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

export const passageTraits: ProviderTraits & { readonly name: 'passage' } = {
  name: 'passage',
  label: 'Passage',
  description: "Passage's Management API (shut down by its vendor on 2026-01-16).",
  limits: {
    maxPageSize: 500,
    // No batch read, and one value per filter parameter.
    maxUsersPerCall: 1,
    maxFilterValuesPerCall: 1,
    // Passage documents no limit; this bound keeps a user's metadata movable to another provider.
    maxMetadataBytes: 8 * 1024,
  },
  extraCalls: {
    // Its list answers with its total.
    listTotal: 0,
    // A listed user comes without devices: one call each, batched per request.
    devicesOfListedUser: 1,
    // It pages by number: a cursor inside one of its pages takes that page and the next.
    pageAtCursor: 1,
  },
  changeWebhooks: false,
  capabilities: new Set(CAPABILITIES),
  filters: new Set(PASSAGE_FILTERS),
};
