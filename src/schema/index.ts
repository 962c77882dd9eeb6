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
import { builder } from './builder.js';

export const schema = builder.toSchema();
