/**
 * The Passage Management API emulator (`https://api.passage.id/v1`, mounted at `/passage/v1`):
 * the user, device and token operations of [PS] under `/apps/{app_id}`, on in-memory state.
 *
 * Before routing: `Authorization: Bearer <apiKey>` must carry the configured key (else 401
 * `invalid_access_token`, the live body), then the path's app id must be the configured one
 * (else 404 `app_not_found`). A path it does not serve is 404 `not_found` (errors.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest, ProviderEmulator } from '../provider.js';
import { Random } from '../random.js';
import { appNotFound, errorForStatus, invalidAccessToken, routeNotFound } from './errors.js';
import { deviceRoutes } from './routes/devices.js';
import { listUsersRoute } from './routes/list-users.js';
import { userRoutes } from './routes/users.js';
import { seedUsers } from './seed.js';
import { PassageState } from './state.js';

type IncomingRequest = Omit<EmulatorRequest, 'params' | 'json'>;

export function createPassageEmulator(options: { appId: string; apiKey: string }): ProviderEmulator {
  const state = new PassageState();
  const expectedAuthorization = Buffer.from(`Bearer ${options.apiKey}`);

  function hasApiKey(req: IncomingRequest): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expectedAuthorization.length && timingSafeEqual(given, expectedAuthorization);
  }

  return {
    name: 'passage',
    routes: [listUsersRoute(state), ...userRoutes(state), ...deviceRoutes(state)],
    authenticate(req) {
      if (!hasApiKey(req)) return invalidAccessToken();
      const appId = appIdOf(req.path);
      if (appId !== undefined && appId !== options.appId) return appNotFound();
      return undefined;
    },
    notFound: (req) => routeNotFound(req.method, req.path),
    errorFor: errorForStatus,
    reset(users, seed) {
      state.reset(seed);
      seedUsers(state, users, new Random(seed));
    },
    stats: () => state.stats(),
  };
}

/** The `{app_id}` of `/apps/{app_id}/…`, percent-decoded; undefined for any other path. */
function appIdOf(path: string): string | undefined {
  const match = /^\/apps\/([^/]*)/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return match[1];
  }
}
