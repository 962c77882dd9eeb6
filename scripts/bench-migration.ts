/**
 * `npm run bench:migration`: does a Passage → Clerk migration use the rate budget it is given,
 * without going over it? The emulator limits Clerk the way a development instance does (100
 * requests per 10 s, fixed windows, 429 + Retry-After past it); a migration of N Passage users
 * runs with a budget of the same size. Prints, and writes into BENCHMARKS.md between its markers:
 * Clerk requests accepted per 10 s on average and in the busiest 10 s, 429s received, users failed,
 * the time the run and its undo took, and the process's peak RSS. `--latency-ms` adds that much
 * to every Clerk call (a real create takes 150–300 ms), so the run must keep enough creates in
 * flight to use its rate. Target (issues 9, 20): no failed user, no 429, the rate within 10 % of
 * the limit.
 *
 *   npm run bench:migration [-- --users 300 --limit 100 --window-seconds 10 --latency-ms 0 --no-write]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';
import { startMigration } from '../src/migration/engine.js';
import { undoMigration } from '../src/migration/undo.js';
import { passageApiSource } from '../src/migration/sources.js';
import { createClerkProvider } from '../src/providers/clerk/index.js';
import { createPassageProvider } from '../src/providers/passage/index.js';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '300' },
    limit: { type: 'string', default: '100' },
    'window-seconds': { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '0' },
    'no-write': { type: 'boolean', default: false },
  },
});
const USERS = Number(args.users);
const LIMIT = Number(args.limit);
const WINDOW_MS = Number(args['window-seconds']) * 1000;
const LATENCY_MS = Number(args['latency-ms']);

const emulator = await startEmulator({
  users: { passage: USERS, clerk: 0 },
  rateLimits: { clerk: { limit: LIMIT, windowMs: WINDOW_MS } },
});
if (LATENCY_MS > 0) emulator.control.addFaults({ kind: 'latency', provider: 'clerk', ms: LATENCY_MS });
const directory = mkdtempSync(join(os.tmpdir(), 'usergraph-bench-migration-'));
const target = createClerkProvider({
  secretKey: emulator.keys.clerkSecretKey,
  apiUrl: emulator.clerkUrl,
  http: { rateLimit: undefined },
});
const passage = createPassageProvider({
  appId: emulator.keys.passageAppId,
  apiKey: emulator.keys.passageApiKey,
  apiUrl: emulator.passageUrl,
});

try {
  console.error(
    `migrating ${USERS} users with Clerk limited to ${LIMIT} per ${WINDOW_MS / 1000} s, ${LATENCY_MS} ms per call...`,
  );
  const startedAt = performance.now();
  const migration = startMigration({
    source: passageApiSource(passage, 'bench'),
    target,
    targetIdentity: 'bench',
    directory,
    settings: { rate: { requests: LIMIT, intervalMs: WINDOW_MS } },
  });
  const progress = await migration.finished;
  const runSeconds = (performance.now() - startedAt) / 1000;
  const clerk = emulator.control.requests({ provider: 'clerk' });
  const accepted = clerk.filter((r) => !r.rateLimited).map((r) => Date.parse(r.at));
  const refused = clerk.filter((r) => r.rateLimited).length;
  const spanMs = accepted.at(-1)! - accepted[0]!;
  // Requests after the first, over the time they took: the first only opens the first window.
  const perWindow = ((accepted.length - 1) / spanMs) * WINDOW_MS;
  let busiest = 0;
  for (let start = 0, end = 0; start < accepted.length; start += 1) {
    while (end < accepted.length && accepted[end]! - accepted[start]! < WINDOW_MS) end += 1;
    busiest = Math.max(busiest, end - start);
  }
  console.error('undoing it...');
  emulator.control.clearRequests();
  const undoStartedAt = performance.now();
  const undo = await undoMigration({
    directory,
    runId: migration.runId,
    target,
    rate: { requests: LIMIT, intervalMs: WINDOW_MS },
  });
  const undoSeconds = (performance.now() - undoStartedAt) / 1000;
  const undoRefused = emulator.control.requests({ provider: 'clerk' }).filter((r) => r.rateLimited).length;
  const held =
    progress.counts.FAILED === 0 &&
    progress.counts.CREATED === USERS &&
    refused === 0 &&
    perWindow >= LIMIT * 0.9;
  const usersPerSecond = USERS / runSeconds;
  const ratePerSecond = LIMIT / (WINDOW_MS / 1000);
  const rows = [
    `| Users migrated | ${progress.counts.CREATED} of ${USERS} (${progress.counts.FAILED} failed) |`,
    `| Clerk requests accepted | ${accepted.length} (lookups and creates) in ${(spanMs / 1000).toFixed(1)} s |`,
    `| Rate, average | ${perWindow.toFixed(1)} per ${WINDOW_MS / 1000} s (limit ${LIMIT}: ${((perWindow / LIMIT) * 100).toFixed(1)} %) |`,
    `| Rate, busiest ${WINDOW_MS / 1000} s | ${busiest} |`,
    `| 429s received | ${refused} |`,
    `| Latency added to each Clerk call | ${LATENCY_MS} ms |`,
    `| Run, start to end (reading Passage included) | ${runSeconds.toFixed(1)} s: ${usersPerSecond.toFixed(1)} users/s, ${((usersPerSecond / ratePerSecond) * 100).toFixed(1)} % of the rate |`,
    `| Undo | ${undo.deleted.length} deleted in ${undoSeconds.toFixed(1)} s, ${undoRefused} × 429 |`,
    `| Peak RSS of the process (emulator included) | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB |`,
    `| Target: no failed user, no 429, rate within 10 % of the limit | ${held ? 'held' : 'MISSED'} |`,
  ];
  const table = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.`,
    '',
    '| Measure | Value |',
    '|---|---|',
    ...rows,
  ].join('\n');
  console.log(table);
  if (!args['no-write']) {
    const file = new URL('../BENCHMARKS.md', import.meta.url);
    const begin = '<!-- bench:migration:begin -->';
    const end = '<!-- bench:migration:end -->';
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(begin);
    const until = text.indexOf(end);
    if (at === -1 || until === -1) throw new Error(`BENCHMARKS.md has no ${begin} … ${end} markers`);
    writeFileSync(file, `${text.slice(0, at + begin.length)}\n${table}\n${text.slice(until)}`);
  }
  process.exitCode = held ? 0 : 1;
} finally {
  await Promise.all([target.close(), passage.close()]);
  await emulator.stop();
  rmSync(directory, { recursive: true, force: true });
}
