/**
 * The emulator's public face: `startEmulator(options)` listens on a port (0 picks a free one) and
 * returns where each provider is served, the keys it accepts, the control object and `stop()`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorControl } from './control.js';
import type { EmulatorOptions } from './options.js';
import type { EmulatorKeys } from './provider.js';
import { createEmulator } from './server.js';
import type { WebhookSender } from './webhooks.js';

export type { EmulatorControl } from './control.js';
export type { Fault, FaultSpec } from './faults.js';
export { DEFAULT_SEED_USERS, DEMO_KEYS, type EmulatorOptions } from './options.js';
export type { EmulatorKeys, ProviderName } from './provider.js';
export type { RateLimitSpec } from './rate-limit.js';
export type { LoggedRequest } from './request-log.js';
export { createEmulator } from './server.js';
export type { WebhookSender, WebhookTarget } from './webhooks.js';

export interface StartOptions extends EmulatorOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * How long an idle keep-alive connection stays open. The benchmark raises it, so a client that
   * pauses a few seconds between runs finds its connections still open. @default 5000
   */
  keepAliveTimeoutMs?: number;
}

export interface RunningEmulator {
  /** The origin, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Clerk's Backend API base, the value for `CLERK_API_URL`. */
  clerkUrl: string;
  /** Passage's Management API base, the value for `PASSAGE_API_URL`. */
  passageUrl: string;
  keys: EmulatorKeys;
  control: EmulatorControl;
  /** Where Clerk's webhooks go (`configure`), and `settled()` to wait for those sent. */
  webhooks: WebhookSender;
  stop(): Promise<void>;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const server: Server = createServer(emulator.handle);
  // Answers held open by a `timeout` fault would otherwise keep the process alive.
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  return {
    url,
    clerkUrl: `${url}/clerk/v1`,
    passageUrl: `${url}/passage/v1`,
    keys: emulator.keys,
    control: emulator.control,
    webhooks: emulator.webhooks,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
