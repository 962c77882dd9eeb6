/** Loads every type file for its side effects, then builds the schema. */
import './scalars.js';
import './errors.js';
import './provider.js';
import './device.js';
import './user.js';
import './user-filter.js';
import './user-list.js';
import './organization.js';
import './membership.js';
import './invitation.js';
import './oauth.js';
import './session.js';
import './instance-invitation.js';
import './user-security.js';
import './trusted-device.js';
import './access-list.js';
import './mutations/users.js';
import './mutations/metadata.js';
import './mutations/moderation.js';
import './mutations/devices.js';
import './mutations/profile-image.js';
import './mutations/mfa.js';
import './mutations/credentials.js';
import './mutations/verification.js';
import './mutations/sessions.js';
import './mutations/identifiers.js';
import './mutations/password.js';
import './mutations/bulk-moderation.js';
import './mutations/invitations.js';
import './mutations/actor-tokens.js';
import './mutations/trusted-devices.js';
import './mutations/access-lists.js';
import './migration.js';
import './mutations/migration.js';
import './user-changed.js';
import { costEntities, requireReadForService, toSubgraphSchema } from './federation.js';
import { syncNodeIds } from './node-ids.js';

/**
 * The schema served: the API plus what a Federation v2 gateway asks of a subgraph (`_service`,
 * `_entities`). Federation 2.9 is the first to import the cost spec's `@cost` and `@listSize`,
 * which carry each field's upstream cost to a router's demand control (cost.ts).
 */
export const schema = syncNodeIds(
  costEntities(
    requireReadForService(
      toSubgraphSchema({
        url: 'https://specs.apollo.dev/federation/v2.9',
        import: ['@cost', '@key', '@listSize', '@shareable'],
      }),
    ),
  ),
);
