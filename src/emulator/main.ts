/**
 * `npm run emulator`: both providers' admin APIs on one local port, configured from the
 * environment (see the README), printing the base URLs and the keys to use.
 */
import { ConfigError, loadEmulatorConfig } from './config.js';
import { DEMO_KEYS, startEmulator } from './index.js';

async function main(): Promise<void> {
  const config = loadEmulatorConfig();
  const emulator = await startEmulator(config);
  const keyNote = (configured: string | undefined, demo: string) =>
    configured ? '(from the environment)' : demo; // never echo a key the operator supplied
  const lines = [
    `usergraph emulator listening on ${emulator.url} (${config.users} seeded users per provider, seed ${config.seed})`,
    '',
    `  CLERK_API_URL=${emulator.clerkUrl}`,
    `  CLERK_SECRET_KEY=${keyNote(config.keys?.clerkSecretKey, DEMO_KEYS.clerkSecretKey)}`,
    `  PASSAGE_API_URL=${emulator.passageUrl}`,
    `  PASSAGE_APP_ID=${emulator.keys.passageAppId}`,
    `  PASSAGE_API_KEY=${keyNote(config.keys?.passageApiKey, DEMO_KEYS.passageApiKey)}`,
    '',
    `  control plane: ${emulator.url}/__emulator (reset, seed, requests, counters, faults, rate-limits)`,
  ];
  if (config.faults?.length) lines.push(`  faults at start: ${JSON.stringify(config.faults)}`);
  if (config.rateLimits && Object.keys(config.rateLimits).length) {
    lines.push(`  rate limits: ${JSON.stringify(config.rateLimits)}`);
  }
  console.log(lines.join('\n'));

  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `usergraph emulator: ${error.message}` : error);
  process.exit(1);
});
