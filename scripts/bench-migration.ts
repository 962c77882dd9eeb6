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
 * `--from dump` migrates a JSON dump of the same users instead of reading the Passage emulator,
 * so the time measured is Clerk's and the run's.
 *
 * `--memory` measures instead what a run holds: a dry run (and, with `--real`, a run and its
 * resume) over generated dumps of 10,000 and 100,000 users, each in a child process of its own
 * whose peak RSS is the run's alone; and `--big-dump-mb` decodes a dump of that size (more than
 * one string can hold) a user at a time. Target (issue 20): 100,000 users within 60 MB of
 * 10,000. Written into BENCHMARKS.md between the `bench:migration-memory` markers.
 *
 *   npm run bench:migration [-- --users 300 --limit 100 --window-seconds 10 --latency-ms 0 --from api --no-write]
 *   npm run bench:migration -- --memory [--sizes 10000,100000 --real --big-dump-mb 600 --no-write]
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';
import { busiestWindow } from '../src/emulator/request-log.js';
import { startMigration } from '../src/migration/engine.js';
import { undoMigration } from '../src/migration/undo.js';
import { fileSource, passageApiSource } from '../src/migration/sources.js';
import { streamPassageDump } from '../src/providers/passage/export.js';
import { createClerkProvider } from '../src/providers/clerk/index.js';
import { createPassageProvider } from '../src/providers/passage/index.js';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '300' },
    limit: { type: 'string', default: '100' },
    'window-seconds': { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '0' },
    from: { type: 'string', default: 'api' },
    'no-write': { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10000,100000' },
    real: { type: 'boolean', default: false },
    'big-dump-mb': { type: 'string', default: '0' },
    child: { type: 'string' },
    'child-dir': { type: 'string' },
    'child-clerk-url': { type: 'string' },
    'child-clerk-key': { type: 'string' },
    'child-dry-run': { type: 'boolean', default: false },
    'child-big-dump': { type: 'boolean', default: false },
  },
});
if (args.child) {
  await measureChild(args.child);
  process.exit(0);
}
if (args.memory) {
  process.exitCode = await memoryBench();
  process.exit();
}
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
  let source = passageApiSource(passage, 'bench');
  if (args.from === 'dump') {
    const dump = join(directory, 'dump.json');
    await writeDump(dump, USERS);
    source = fileSource(dump);
  }
  const startedAt = performance.now();
  const migration = startMigration({
    source,
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
  const busiest = busiestWindow(accepted, WINDOW_MS);
  // An undo is a process of its own with a budget of its own: it starts once the run's last
  // calls have left Clerk's window, or they would count against it.
  await sleep(Math.max(0, accepted.at(-1)! + WINDOW_MS + 250 - Date.now()));
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
    `| Clerk calls per user | ${(progress.targetCalls / USERS).toFixed(3)} (creates, lookups, the first read) |`,
    `| Clerk requests accepted | ${accepted.length} (lookups and creates) in ${(spanMs / 1000).toFixed(1)} s |`,
    `| Rate, average | ${perWindow.toFixed(1)} per ${WINDOW_MS / 1000} s (limit ${LIMIT}: ${((perWindow / LIMIT) * 100).toFixed(1)} %) |`,
    `| Rate, busiest ${WINDOW_MS / 1000} s | ${busiest} |`,
    `| 429s received | ${refused} |`,
    `| Latency added to each Clerk call | ${LATENCY_MS} ms |`,
    `| Run, start to end (${args.from === 'dump' ? 'from a JSON dump' : 'reading Passage included'}) | ${runSeconds.toFixed(1)} s: ${usersPerSecond.toFixed(1)} users/s, ${((usersPerSecond / ratePerSecond) * 100).toFixed(1)} % of the rate |`,
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

/** A Passage dump of `count` users like the emulator's, written a user at a time. */
async function writeDump(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(`{"total_users": ${count}, "users": [\n`);
  for (let i = 0; i < count; i += 1) await write(`${i > 0 ? ',\n' : ''}${JSON.stringify(dumpUser(i))}`);
  await write('\n]}\n');
  out.end();
  await finished(out);
}

function dumpUser(i: number) {
  const at = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString();
  return {
    id: `bench${String(i).padStart(8, '0')}`,
    email: i % 5 === 4 ? '' : `user${i}@bench.example.com`,
    email_verified: i % 3 !== 0,
    phone: i % 5 >= 3 ? `+1555${String(1_000_000 + i).slice(-7)}` : '',
    phone_verified: i % 2 === 0,
    external_id: '',
    status: i % 17 === 0 ? 'inactive' : 'active',
    created_at: at,
    updated_at: at,
    last_login_at: i % 4 === 0 ? '0001-01-01T00:00:00Z' : at,
    login_count: i % 40,
    user_metadata: i % 3 === 0 ? { plan: 'pro', seats: i % 12, tags: ['a', 'b'] } : null,
    webauthn_devices: [],
  };
}

interface ChildResult {
  peakRssMiB: number;
  seconds: number;
  users: number;
  targetCalls: number;
  state: string;
  counts: Record<string, number>;
}

/** Runs `--child` in a process of its own, so its peak RSS is the run's alone. */
async function inChild(extra: string[]): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...extra], {
    maxBuffer: 1 << 20,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** The child's side: one run (or one decode of a dump), then its figures on stdout as JSON. */
async function measureChild(file: string): Promise<void> {
  const startedAt = performance.now();
  if (args['child-big-dump']) {
    let users = 0;
    const { createReadStream } = await import('node:fs');
    for await (const event of streamPassageDump(createReadStream(file, { encoding: 'utf8' }))) {
      if ('record' in event && 'user' in event.record) users += 1;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ peakRssMiB, seconds, users, targetCalls: 0, state: 'DECODED', counts: {} }));
    return;
  }
  const target = createClerkProvider({
    secretKey: args['child-clerk-key']!,
    apiUrl: args['child-clerk-url']!,
    http: { rateLimit: undefined },
  });
  try {
    const migration = startMigration({
      source: fileSource(file),
      target,
      targetIdentity: 'bench-memory',
      directory: args['child-dir']!,
      settings: {
        dryRun: args['child-dry-run'],
        rate: { requests: 1_000_000, intervalMs: 1_000 },
        concurrency: 64,
      },
    });
    const progress = await migration.finished;
    const seconds = (performance.now() - startedAt) / 1000;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(
      JSON.stringify({
        peakRssMiB,
        seconds,
        users: progress.total,
        targetCalls: progress.targetCalls,
        state: progress.state,
        counts: Object.fromEntries(Object.entries(progress.counts).filter(([, n]) => n > 0)),
      }),
    );
  } finally {
    await target.close();
  }
}

async function memoryBench(): Promise<number> {
  const sizes = args.sizes ? args.sizes.split(',').map(Number) : [];
  const bigDumpMb = Number(args['big-dump-mb']);
  const work = mkdtempSync(join(os.tmpdir(), 'usergraph-bench-memory-'));
  const emulator = await startEmulator({
    users: { passage: 0, clerk: 0 },
    // Time compressed: no limit here, the run's own rate set far above what the machine does.
    rateLimits: { clerk: { limit: 1_000_000_000, windowMs: 1_000 } },
  });
  const child = (file: string, runDir: string, dryRun: boolean) =>
    inChild([
      '--child',
      file,
      '--child-dir',
      runDir,
      '--child-clerk-url',
      emulator.clerkUrl,
      '--child-clerk-key',
      emulator.keys.clerkSecretKey,
      ...(dryRun ? ['--child-dry-run'] : []),
    ]);
  const rows: string[] = [];
  const dry: number[] = [];
  try {
    for (const size of sizes) {
      const file = join(work, `dump-${size}.json`);
      await writeDump(file, size);
      const mb = statSync(file).size / 1e6;
      const runDir = mkdtempSync(join(work, 'runs-'));
      emulator.control.reset({ users: { passage: 0, clerk: 0 } });
      console.error(`dry run over ${size} users (${mb.toFixed(0)} MB)...`);
      const result = await child(file, runDir, true);
      dry.push(result.peakRssMiB);
      rows.push(row(`Dry run, ${size.toLocaleString('en')} users (${mb.toFixed(0)} MB dump)`, result, size));
      if (args.real) {
        console.error(`run over ${size} users...`);
        const run = await child(file, runDir, false);
        rows.push(row(`Run, ${size.toLocaleString('en')} users`, run, size));
        console.error(`resume of the finished run over ${size} users...`);
        const resume = await child(file, runDir, false);
        rows.push(row(`Resume of that run (nothing left)`, resume, size));
      }
      rmSync(file, { force: true });
    }
    if (bigDumpMb > 0) {
      // A generated user takes some 350 bytes of JSON.
      const size = Math.ceil((bigDumpMb * 1e6) / 340);
      const file = join(work, 'big.json');
      console.error(`writing a dump of ${size} users (~${bigDumpMb} MB)...`);
      await writeDump(file, size);
      const mb = statSync(file).size / 1e6;
      console.error(`decoding it...`);
      const decoded = await inChild(['--child', file, '--child-big-dump']);
      rows.push(
        `| Decoding a ${mb.toFixed(0)} MB dump (${decoded.users.toLocaleString('en')} users), no target | ` +
          `${decoded.peakRssMiB.toFixed(0)} MiB | ${decoded.seconds.toFixed(1)} s | – | decoded |`,
      );
      rmSync(file, { force: true });
    }
  } finally {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const spread = dry.length >= 2 ? dry.at(-1)! - dry[0]! : NaN;
  const held = dry.length < 2 || spread <= 60;
  const load = os.loadavg()[0]!.toFixed(1);
  const table = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${load}; each run in a child process of its own (node + tsx), against the Clerk emulator in the parent with its limit lifted.`,
    '',
    '| Run | Peak RSS | Time | Clerk calls per user | Outcome |',
    '|---|---|---|---|---|',
    ...rows,
    ...(dry.length >= 2
      ? [
          '',
          `Target: a dry run over ${sizes.at(-1)!.toLocaleString('en')} users within 60 MB of one over ${sizes[0]!.toLocaleString('en')}: ${spread.toFixed(1)} MiB apart, **${held ? 'PASS' : 'MISS'}**.`,
        ]
      : []),
  ].join('\n');
  console.log(table);
  if (!args['no-write']) writeSection('bench:migration-memory', table);
  return held ? 0 : 1;
}

function row(name: string, result: ChildResult, users: number): string {
  const counts = Object.entries(result.counts)
    .map(([outcome, n]) => `${n} ${outcome.toLowerCase()}`)
    .join(', ');
  return (
    `| ${name} | ${result.peakRssMiB.toFixed(0)} MiB | ${result.seconds.toFixed(1)} s | ` +
    `${(result.targetCalls / users).toFixed(3)} | ${result.state.toLowerCase()}: ${counts} |`
  );
}

function writeSection(marker: string, table: string): void {
  const file = new URL('../BENCHMARKS.md', import.meta.url);
  const begin = `<!-- ${marker}:begin -->`;
  const end = `<!-- ${marker}:end -->`;
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(begin);
  const until = text.indexOf(end);
  if (at === -1 || until === -1) throw new Error(`BENCHMARKS.md has no ${begin} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, at + begin.length)}\n${table}\n${text.slice(until)}`);
}
