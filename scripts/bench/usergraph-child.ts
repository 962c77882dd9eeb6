/**
 * usergraph in a process of its own, so the benchmark can measure the server's CPU and memory
 * apart from the emulator and the load generator. Started by `scripts/bench/run.ts` with
 * `node --import tsx`; talks to its parent over IPC (child-ipc.ts).
 *
 * With `loaders: 'off'` every DataLoader in src/loaders/ is built with `batch: false, cache:
 * false` (a resolve hook swaps the `dataloader` import of src/ for dataloader-off.ts): the same
 * schema and resolvers, one upstream call per field.
 */
import { createServer as createHttpServer } from 'node:http';
import { register } from 'node:module';
import { serveToParent } from './child-ipc.js';

export interface ChildOptions {
  loaders: 'on' | 'off';
  /**
   * Variables for loadConfig: provider URLs and keys, USERGRAPH_AUTH, raised limits, and
   * USERGRAPH_UPSTREAM_CONNECTIONS for a pool other than the product's default.
   */
  env: Record<string, string>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
if (options.loaders === 'off') register('./loaders-off-hooks.ts', import.meta.url);

// Imported after the hook is registered, so src/loaders/ sees the swapped dataloader.
const { loadConfig } = await import('../../src/config/server.js');
const { createServer } = await import('../../src/server.js');

const config = loadConfig(options.env);
// Clerk's client-side budget (900 calls per 10 s, what a production key allows) is lifted: the
// benchmark measures the layer, not Clerk's rate limit. It has no environment variable.
const server = await createServer({
  ...config,
  clerk: config.clerk && { ...config.clerk, http: { ...config.clerk.http, rateLimit: undefined } },
});
await serveToParent(createHttpServer(server.yoga), () => server.close());
