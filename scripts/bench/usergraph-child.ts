/**
 * usergraph in a process of its own, so the benchmark can measure the server's CPU and memory
 * apart from the emulator and the load generator. Started by `scripts/bench.ts` with
 * `node --import tsx`; talks to its parent over IPC (see `ChildMessage`).
 *
 * With `loaders: 'off'` every DataLoader in src/loaders/ is built with `batch: false, cache:
 * false` (a resolve hook swaps the `dataloader` import of src/ for dataloader-off.ts): the same
 * schema and resolvers, one upstream call per field.
 */
import { createServer as createHttpServer } from 'node:http';
import { register } from 'node:module';
import type { AddressInfo } from 'node:net';

export interface ChildOptions {
  loaders: 'on' | 'off';
  /**
   * Variables for loadConfig: provider URLs and keys, USERGRAPH_AUTH, raised limits, and
   * USERGRAPH_UPSTREAM_CONNECTIONS for a pool other than the product's default.
   */
  env: Record<string, string>;
}

/** Parent → child. */
export type ParentMessage = { type: 'mark' } | { type: 'read' } | { type: 'stop' };

/** Child → parent. */
export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'marked' }
  | { type: 'stats'; cpuMs: number; peakRssBytes: number };

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
if (options.loaders === 'off') register('./loaders-off-hooks.ts', import.meta.url);

// Imported after the hook is registered, so src/loaders/ sees the swapped dataloader.
const { loadConfig } = await import('../../src/config.js');
const { createServer } = await import('../../src/server.js');

const config = loadConfig(options.env);
// Clerk's client-side budget (900 calls per 10 s, what a production key allows) is lifted: the
// benchmark measures the layer, not Clerk's rate limit. It has no environment variable.
const server = await createServer({
  ...config,
  clerk: config.clerk && { ...config.clerk, http: { ...config.clerk.http, rateLimit: undefined } },
});
const http = createHttpServer(server.yoga);
http.keepAliveTimeout = 30_000;
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

let cpuBase = process.cpuUsage();
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20);

const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (message: ParentMessage) => {
  switch (message.type) {
    case 'mark':
      cpuBase = process.cpuUsage();
      peakRss = process.memoryUsage.rss();
      send({ type: 'marked' });
      break;
    case 'read': {
      const cpu = process.cpuUsage(cpuBase);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      send({ type: 'stats', cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peakRss });
      break;
    }
    case 'stop':
      void stop();
      break;
  }
});
// The parent went away (crashed, or was interrupted): never outlive it.
process.on('disconnect', () => void stop());

async function stop() {
  clearInterval(sampler);
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await server.close();
  process.exit(0);
}

send({ type: 'ready', url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql` });
