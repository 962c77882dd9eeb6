/**
 * The Clerk Backend API emulator (mounted at `/clerk/v1`): stateful, hand-written, checked
 * against Clerk's OpenAPI file. Requests are authenticated (secret key, then API version) before
 * routing; handlers throw `ClerkApiError`, which becomes Clerk's own error envelope.
 */
import type { EmulatorResponse, ProviderEmulator, Route, RouteHandler } from '../provider.js';
import { apiVersionOf } from './api-version.js';
import {
  authorizationHeaderInvalid,
  ClerkApiError,
  errorForStatus,
  pathNotFound,
  secretKeyInvalid,
} from './errors.js';
import type { ClerkContext } from './routes/context.js';
import { organizationRoutes } from './routes/organizations.js';
import { profileImageRoutes } from './routes/profile-image.js';
import { userCredentialRoutes } from './routes/user-credentials.js';
import { userMetadataRoutes } from './routes/user-metadata.js';
import { userMfaRoutes } from './routes/user-mfa.js';
import { userModerationRoutes } from './routes/user-moderation.js';
import { userWriteRoutes } from './routes/user-write.js';
import { userReadRoutes } from './routes/users.js';
import { accessListRoutes } from './routes/access-lists.js';
import { actorTokenRoutes } from './routes/actor-tokens.js';
import { identifierRoutes } from './routes/identifiers.js';
import { instanceRoutes, type ClerkEnvironment } from './routes/instance.js';
import { instanceInvitationRoutes } from './routes/invitations.js';
import { sessionRoutes } from './routes/sessions.js';
import { trustedDeviceRoutes } from './routes/trusted-devices.js';
import { userPasswordRoutes } from './routes/user-password.js';
import { seedClerk } from './seed.js';
import { ClerkState } from './state.js';
import { clerkUserEvents } from './webhook-events.js';

export function createClerkEmulator(options: {
  secretKey: string;
  environment?: ClerkEnvironment;
}): ProviderEmulator {
  const state = new ClerkState();
  const context: ClerkContext = { state, now: () => Date.now() };
  const routes: Route[] = [
    ...userReadRoutes(context),
    ...userWriteRoutes(context),
    ...userModerationRoutes(context),
    ...userMetadataRoutes(context),
    ...profileImageRoutes(context),
    ...userMfaRoutes(context),
    ...userCredentialRoutes(context),
    ...organizationRoutes(context),
    ...sessionRoutes(context),
    ...identifierRoutes(context),
    ...userPasswordRoutes(context),
    ...instanceInvitationRoutes(context),
    ...actorTokenRoutes(context),
    ...accessListRoutes(context),
    ...trustedDeviceRoutes(context),
    ...instanceRoutes(options.environment ?? 'production'),
  ].map((route) => ({ ...route, handle: answeringClerkErrors(route.handle) }));

  return {
    name: 'clerk',
    routes,
    authenticate({ headers, query }) {
      return answerOf(() => {
        const header = headers.authorization;
        const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header.trim()) : null;
        if (!match) throw authorizationHeaderInvalid();
        if (match[1] !== options.secretKey) throw secretKeyInvalid();
        apiVersionOf(headers, query);
      });
    },
    notFound: () => pathNotFound().toResponse(),
    errorFor: errorForStatus,
    reset(users, seed) {
      state.reset(seed);
      seedClerk(state, users, seed);
    },
    userEvents: (route, req, answer) => clerkUserEvents(state, route, req, answer),
    stats: () => ({
      users: state.users.size,
      organizations: state.organizations.size,
      memberships: state.memberships.size,
      invitations: state.invitations.size,
      sessions: state.sessions.size,
    }),
  };
}

/** Runs a check that throws `ClerkApiError`; its envelope, or undefined when it passed. */
function answerOf(check: () => void): EmulatorResponse | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof ClerkApiError) return error.toResponse();
    throw error;
  }
}

function answeringClerkErrors(handle: RouteHandler): RouteHandler {
  return async (req) => {
    try {
      return await handle(req);
    } catch (error) {
      if (error instanceof ClerkApiError) return error.toResponse();
      throw error; // MalformedBodyError → the pipeline's 400; anything else → its 500
    }
  };
}
