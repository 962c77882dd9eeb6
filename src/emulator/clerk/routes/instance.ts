/**
 * `GET /instance`: the instance's id and `environment_type`, the fields a migration reads before
 * it writes (a development instance holds at most 100 users). The emulator is a production
 * instance unless started with `clerkEnvironment: 'development'`, whatever its demo key's prefix,
 * so runs of any size can be rehearsed on it.
 */
import type { Route } from '../../provider.js';
import { ok } from './context.js';

export type ClerkEnvironment = 'development' | 'production';

export function instanceRoutes(environment: ClerkEnvironment): Route[] {
  return [
    {
      method: 'GET',
      template: '/instance',
      handle: () =>
        ok({
          object: 'instance',
          id: 'ins_usergraph_emulator',
          environment_type: environment,
          allowed_origins: null,
          workspace_id: null,
        }),
    },
  ];
}
