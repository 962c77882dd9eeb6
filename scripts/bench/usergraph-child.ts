/**
 * usergraph in a process of its own, so the benchmark can measure the server's CPU and memory
 * apart from the emulator and the load generator. Bundled by `scripts/bench/bundle.ts` as
 * `npm run build` bundles src/main.ts, started by `scripts/bench/run.ts` with plain `node`, and
 * talks to its parent over IPC (child-ipc.ts).
 *
 * The "loaders off" bundle is the same file with every `dataloader` import of src/loaders/
 * resolved to dataloader-off.ts: the same schema and resolvers, one upstream call per field.
 */
import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from '../../src/config/server.js';
import { createServer } from '../../src/server.js';
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
const config = loadConfig(options.env);
// Clerk's client-side budget (900 calls per 10 s, what a production key allows) is lifted: the
// benchmark measures the layer, not Clerk's rate limit. It has no environment variable.
const server = await createServer({
  ...config,
  clerk: config.clerk && { ...config.clerk, http: { ...config.clerk.http, rateLimit: undefined } },
});
await serveToParent(createHttpServer(server.yoga), () => server.close());
