/**
 * `npm run bench`: what usergraph costs, measured against what it must not exceed.
 *
 * Starts the emulator in-process (2,000 users per provider, 20 ms ± 5 ms on every upstream call),
 * usergraph in two child processes against it (loaders on, and loaders off: one upstream call
 * per field), and runs each scenario of scenarios.ts three ways with the same load pattern
 * (load.ts: 10 operations in flight for 5 s): the floor (hand-written REST calls straight to the
 * emulator, as concurrent as possible), usergraph, and usergraph without loaders. Then an
 * autocannon run against usergraph per scenario, as a cross-check of the home-made load loop; and
 * before all of it, the production build's start-up and idle memory (startup.ts). Prints the table
 * and every target with PASS or MISS, and writes them into BENCHMARKS.md between its markers.
 * Every loop stops on its own clock and count; all traffic stays on 127.0.0.1.
 *
 *   npm run bench [-- --seconds 5 --concurrency 10 --users 2000 --no-write --no-startup --only 6]
 *
 * `--only 1,6` runs those scenarios alone (no diagnostics unless 1, 2 and 3 are all in), starts
 * only their servers, skips the production process and writes nothing to BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../src/emulator/index.js';
import { render, writeBenchmarks } from './bench/report.js';
import { listClerkIds, runBenchmark, type Measured } from './bench/run.js';
import { cpuTimes, stolenPercent } from './bench/host.js';
import { floorAgent } from './bench/scenarios.js';
import { args, BUDGET_MS, LATENCY, ONLY, USERS } from './bench/settings.js';
import { buildProduction, measureStartup, type Startup } from './bench/startup.js';
import { checkTargets } from './bench/targets.js';

const watchdog = setTimeout(() => {
  console.error(`bench: over its ${BUDGET_MS / 60_000}-minute budget, stopping`);
  process.exit(2);
}, BUDGET_MS);
watchdog.unref();

const startedAt = performance.now();
const cpuAtStart = cpuTimes();
// Scenario 1's modes idle 4 s between their slices: with the default 5 s keep-alive (which undici
// trims to 3 s), every slice would reopen its upstream connections.
const emulator = await startEmulator({
  users: USERS,
  seed: 1,
  faults: [{ kind: 'latency', ...LATENCY }],
  keepAliveTimeoutMs: 30_000,
});
const agent = floorAgent();
const clerkIds = await listClerkIds(emulator, agent);
let measured: Measured;
let startup: Startup | undefined;
try {
  // First, on a machine the benchmark's own servers do not load yet.
  if (!args['no-startup'] && ONLY === undefined) {
    buildProduction();
    startup = await measureStartup(emulator, clerkIds[0]!);
    console.log(
      `node dist/main.js: first answer ${startup.firstAnswerMs.toFixed(0)} ms after spawn, RSS ${startup.idleRssMb.toFixed(1)} MiB idle after it`,
    );
  }
  measured = await runBenchmark(emulator, agent, clerkIds);
} finally {
  await agent.close();
  await emulator.stop();
}
const { rows, diagnostics, cannonRows, warmUpCpu, idleRss } = measured;

const duration = {
  seconds: (performance.now() - startedAt) / 1000,
  stolenPercent: stolenPercent(cpuAtStart, cpuTimes()),
};
// A partial run checks only the targets its scenarios measure.
const targets = checkTargets(rows, diagnostics, startup).filter(
  (target) => ONLY === undefined || !target.detail.includes('—'),
);
const markdown = render(rows, diagnostics, cannonRows, idleRss, startup, targets, duration, warmUpCpu);
console.log(`\n${markdown}`);
console.log(`\n${targets.map((target) => `${target.held ? 'PASS' : 'MISS'}  ${target.name}`).join('\n')}`);
if (!args['no-write'] && ONLY === undefined) writeBenchmarks(markdown);
const failures = [...rows, ...diagnostics].filter((row) => row.failed > 0);
for (const row of failures) {
  console.error(
    `scenario ${row.scenario.id}, ${row.mode}: ${row.failed} failed operations (${row.firstError})`,
  );
}
const cannonFailures = cannonRows.filter((row) => row.non2xx + row.errors > 0);
for (const row of cannonFailures) {
  console.error(
    `autocannon, scenario ${row.scenario.id}: ${row.non2xx} non-2xx answers, ${row.errors} errors`,
  );
}
process.exit(failures.length + cannonFailures.length > 0 ? 1 : 0);
