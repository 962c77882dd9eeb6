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
import './mutations/users.js';
import './mutations/metadata.js';
import './mutations/moderation.js';
import './mutations/devices.js';
import './mutations/profile-image.js';
import './mutations/mfa.js';
import './mutations/credentials.js';
import './mutations/verification.js';
import './migration.js';
import './mutations/migration.js';
import './user-changed.js';
import { requireReadForService } from './federation.js';
import { builder } from './builder.js';

/**
 * The schema served: the API plus what a Federation v2 gateway asks of a subgraph (`_service`,
 * `_entities`). Federation 2.3 has every directive used here and composes with any Fed 2 gateway
 * or router of the last years; raise it only for a directive that needs it.
 */
export const schema = requireReadForService(
  builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.3' }),
);
