/**
 * `npm run bench:migration`: does a Passage → Clerk migration use the rate budget it is given,
 * without going over it? The emulator limits Clerk the way a development instance does (100
 * requests per 10 s, fixed windows, 429 + Retry-After past it); a migration of N Passage users
 * runs with a budget of the same size, then a resume of the finished run, then its undo, each a
 * child process of its own so its peak RSS and CPU are its own, not the emulator's. Prints, and
 * writes into BENCHMARKS.md between its markers (`--section`, `migration` by default): for each
 * phase its time, users/s as a fraction of the rate, Clerk calls, lookups and creates per user
 * (from the emulator's log), 429s, peak RSS and CPU; and for the run, Clerk requests accepted
 * per window on average and in the busiest one. `--latency-ms` adds that much to every Clerk
 * call (a real create takes 150–300 ms), so the run must keep enough creates in flight to use
 * its rate. Time is compressed by raising `--limit` with the window kept and dividing the
 * latency by the same factor: a shorter window would give the pacer's fixed arrival margin a
 * larger share of it, and a production latency at a compressed rate would need more creates in flight
 * than the run's cap. Target (issues 9, 20): no failed user, no 429, the rate within 10 % of
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
 * `--journal-index` prints what the journal's index holds a user.
 *
 *   npm run bench:migration [-- --users 300 --limit 100 --window-seconds 10 --latency-ms 0 --from api --no-write]
 *   npm run bench:migration -- --users 100000 --limit 5000 --latency-ms 30 --from dump --section migration-scale
 *   npm run bench:migration -- --memory [--sizes 10000,100000 --real --big-dump-mb 600 --no-write]
 *   npm run bench:migration -- --journal-index [--sizes 10000,100000]
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { busiestWindow } from '../src/emulator/request-log.js';
import { startMigration } from '../src/migration/engine.js';
import { RunStore } from '../src/migration/journal.js';
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
    section: { type: 'string', default: 'migration' },
    child: { type: 'string' },
    'child-dir': { type: 'string' },
    'child-clerk-url': { type: 'string' },
    'child-passage-url': { type: 'string' },
    'child-passage-app': { type: 'string' },
    'child-rate': { type: 'string' },
    'child-undo': { type: 'string' },
    'child-journal': { type: 'string' },
    'journal-index': { type: 'boolean', default: false },
    'child-dry-run': { type: 'boolean', default: false },
    'child-big-dump': { type: 'boolean', default: false },
  },
});
if (args.child !== undefined || args['child-dir'] !== undefined) {
  await measureChild();
  process.exit(0);
}
if (args['child-journal']) {
  journalIndexChild(args['child-journal']);
  process.exit(0);
}
if (args['journal-index']) {
  await journalIndexBench();
  process.exit(0);
}
if (args.memory) {
  process.exitCode = await memoryBench();
  process.exit();
}
process.exitCode = await rateBench();
process.exit();

/** A phase of the rate bench, measured in its child and in the emulator's log. */
interface Phase extends ClerkTally {
  name: string;
  child: ChildResult;
  emulatorCpuSeconds: number;
}

/** A phase's Clerk requests, as the emulator's log shows them. */
interface ClerkTally {
  /** When each accepted request arrived (what the limit counts), epoch ms, in the order answered. */
  accepted: number[];
  /** When the first create arrived: the run plans every user before it. */
  firstCreateAt?: number;
  creates: number;
  lookups: number;
  refused: number;
}

/**
 * Tallies the Clerk requests logged from now until `stop()`. The log keeps only its newest
 * entries (a run at scale makes more), so it is read every second, not once at the end.
 */
function tallyClerk(emulator: RunningEmulator): { stop(): ClerkTally } {
  const tally: ClerkTally = { accepted: [], creates: 0, lookups: 0, refused: 0 };
  let seen = 0;
  const read = () => {
    for (const request of emulator.control.requests({ provider: 'clerk' })) {
      if (request.seq <= seen) continue;
      seen = request.seq;
      if (request.rateLimited) {
        tally.refused += 1;
        continue;
      }
      // The log has the time of the answer; the limit counts arrivals.
      const arrivedAt = Date.parse(request.at) - request.durationMs;
      tally.accepted.push(arrivedAt);
      if (request.path === '/users' && request.method === 'POST') {
        tally.firstCreateAt ??= arrivedAt;
        tally.creates += 1;
      }
      if (request.path === '/users' && request.method === 'GET') tally.lookups += 1;
    }
  };
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      return tally;
    },
  };
}

async function rateBench(): Promise<number> {
  const users = Number(args.users);
  const limit = Number(args.limit);
  const windowMs = Number(args['window-seconds']) * 1000;
  const latencyMs = Number(args['latency-ms']);
  const emulator = await startEmulator({
    users: { passage: args.from === 'dump' ? 0 : users, clerk: 0 },
    rateLimits: { clerk: { limit, windowMs } },
  });
  if (latencyMs > 0) emulator.control.addFaults({ kind: 'latency', provider: 'clerk', ms: latencyMs });
  const directory = mkdtempSync(join(os.tmpdir(), 'usergraph-bench-migration-'));
  const startLoad = os.loadavg();
  try {
    let source = [
      '--child-passage-url',
      emulator.passageUrl,
      '--child-passage-app',
      emulator.keys.passageAppId,
    ];
    if (args.from === 'dump') {
      const dump = join(directory, 'dump.json');
      await writeDump(dump, users);
      source = ['--child', dump];
    }
    const common = [
      ...source,
      '--child-dir',
      directory,
      '--child-clerk-url',
      emulator.clerkUrl,
      '--child-rate',
      `${limit}/${windowMs}`,
    ];
    const keys = {
      BENCH_CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
      BENCH_PASSAGE_API_KEY: emulator.keys.passageApiKey,
    };
    /** One phase in a child of its own, so its peak RSS and CPU are its own, not the emulator's. */
    const phase = async (name: string, extra: string[]): Promise<Phase> => {
      // Each phase is a process with a budget of its own: it starts once the last one's calls
      // have left Clerk's window, or they would count against it.
      const last = emulator.control.requests({ provider: 'clerk' }).at(-1);
      if (last) await sleep(Math.max(0, Date.parse(last.at) + windowMs + 250 - Date.now()));
      emulator.control.clearRequests();
      console.error(`${name}...`);
      const tally = tallyClerk(emulator);
      const cpuBefore = process.cpuUsage();
      const child = await inChild([...common, ...extra], keys);
      const cpu = process.cpuUsage(cpuBefore);
      return { name, child, ...tally.stop(), emulatorCpuSeconds: (cpu.user + cpu.system) / 1e6 };
    };
    console.error(
      `migrating ${users} users with Clerk limited to ${limit} per ${windowMs / 1000} s, ${latencyMs} ms per call...`,
    );
    const run = await phase('run', []);
    const accepted = [...run.accepted].sort((a, b) => a - b);
    const spanMs = accepted.at(-1)! - accepted[0]!;
    // Requests after the first, over the time they took: the first only opens the first window.
    const perWindow = ((accepted.length - 1) / spanMs) * windowMs;
    const busiest = busiestWindow(accepted, windowMs);
    const creating = accepted.filter((at) => at >= (run.firstCreateAt ?? Infinity));
    const perWindowCreating = ((creating.length - 1) / (creating.at(-1)! - creating[0]!)) * windowMs;
    const resume = await phase('resume of the finished run', []);
    const undo = await phase('undo', ['--child-undo', run.child.runId!]);
    const endLoad = os.loadavg();
    const ratePerSecond = limit / (windowMs / 1000);
    const created = run.child.counts.CREATED ?? 0;
    const held =
      created === users &&
      run.refused + resume.refused + undo.refused === 0 &&
      perWindow >= limit * 0.9 &&
      undo.child.counts.DELETED === users;
    const phaseRow = (p: Phase) => {
      const perSecond = users / p.child.seconds;
      const outcome = Object.entries(p.child.counts)
        .map(([what, n]) => `${n} ${what.toLowerCase()}`)
        .join(', ');
      return (
        `| ${p.name} | ${p.child.seconds.toFixed(1)} s | ${perSecond.toFixed(1)} (${((perSecond / ratePerSecond) * 100).toFixed(1)} %) | ` +
        `${(p.accepted.length / users).toFixed(3)} | ${(p.lookups / users).toFixed(3)} | ${(p.creates / users).toFixed(3)} | ${p.refused} | ` +
        `${p.child.peakRssMiB.toFixed(0)} MiB | ${p.child.cpuSeconds.toFixed(1)} s / ${p.emulatorCpuSeconds.toFixed(1)} s | ${outcome} |`
      );
    };
    const command = `npm run bench:migration -- ${process.argv.slice(2).join(' ')}`;
    const table = [
      `Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${startLoad[0]!.toFixed(1)} at the start and ${endLoad[0]!.toFixed(1)} at the end (1-minute), as \`${command}\`: ${users.toLocaleString('en')} users ${args.from === 'dump' ? 'from a JSON dump' : 'read from Passage'}, Clerk limited to ${limit} per ${windowMs / 1000} s (fixed windows, 429 past them) with ${latencyMs} ms added to each call, the run's budget the same. Each phase is a child process of its own (node + tsx), so its peak RSS and CPU are its own; the emulator's CPU is the parent's.`,
      '',
      '| Phase | Time | Users/s (of the rate) | Clerk calls per user | Lookups per user | Creates per user | 429s | Peak RSS | CPU: phase / emulator | Outcome |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|',
      phaseRow(run),
      phaseRow(resume),
      phaseRow(undo),
      '',
      `The run's Clerk calls: ${accepted.length.toLocaleString('en')} accepted in ${(spanMs / 1000).toFixed(1)} s, ` +
        `${perWindow.toFixed(1)} per ${windowMs / 1000} s on average (limit ${limit}: ${((perWindow / limit) * 100).toFixed(1)} %), ` +
        `${perWindowCreating.toFixed(1)} (${((perWindowCreating / limit) * 100).toFixed(1)} %) from the first create on ` +
        `(${((creating[0]! - accepted[0]!) / 1000).toFixed(1)} s in, after the planning pass), ` +
        `${busiest} in the busiest ${windowMs / 1000} s. Lookups are \`GET /users\` (the first read included), creates \`POST /users\`, ` +
        `an undo's deletes \`DELETE /users/{id}\`. Target: every user created and deleted, no 429, the rate within 10 % of the limit: ` +
        `**${held ? 'held' : 'MISSED'}**.`,
    ].join('\n');
    console.log(table);
    if (!args['no-write']) writeSection(`bench:${args.section}`, table);
    return held ? 0 : 1;
  } finally {
    await emulator.stop();
    rmSync(directory, { recursive: true, force: true });
  }
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
  /** User and system CPU the child used. */
  cpuSeconds: number;
  runId?: string;
  users: number;
  targetCalls: number;
  state: string;
  counts: Record<string, number>;
}

/** Runs `--child` in a process of its own, so its peak RSS is the run's alone. */
async function inChild<Result = ChildResult>(
  extra: string[],
  keys: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<Result> {
  const script = fileURLToPath(import.meta.url);
  // Keys go by the environment, not the command line, which `ps` shows.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', script, ...extra],
    { maxBuffer: 1 << 20, env: { ...process.env, ...keys, LOG_LEVEL: 'silent' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Result;
}

/**
 * `--journal-index`: what the journal's index holds a user, in the heap after a full GC, once a
 * journal of `--sizes` users (a lookup that found nobody, `creating`, `created` and `finished`
 * each, one in 17 with a follow-up) is folded into a RunStore, each size in a child of its own.
 */
async function journalIndexBench(): Promise<void> {
  for (const size of args.sizes.split(',').map(Number)) {
    const root = mkdtempSync(join(os.tmpdir(), 'usergraph-bench-journal-'));
    try {
      const at = new Date().toISOString();
      const lines: string[] = [];
      for (let i = 0; i < size; i += 1) {
        const id = `bench${String(i).padStart(8, '0')}`;
        // A Clerk-looking id: `user_` and 27 characters.
        const target = `user_${createHash('sha256').update(id).digest('base64url').slice(0, 27)}`;
        lines.push(
          JSON.stringify({ at, id, step: 'looked-up' }),
          JSON.stringify({ at, id, step: 'creating' }),
          JSON.stringify({ at, id, step: 'created', target }),
          JSON.stringify({
            at,
            id,
            step: 'finished',
            outcome: 'CREATED',
            target,
            ...(i % 17 === 0 ? { followUp: 'BANNED' } : {}),
          }),
        );
      }
      mkdirSync(join(root, 'run'));
      writeFileSync(join(root, 'run', 'journal.ndjson'), `${lines.join('\n')}\n`);
      const { bytes, users, peakRssMiB } = await inChild<{
        bytes: number;
        users: number;
        peakRssMiB: number;
      }>(['--child-journal', root], {}, ['--expose-gc']);
      console.log(
        `${users.toLocaleString('en')} users: ${(bytes / users).toFixed(0)} bytes a user, ` +
          `${(bytes / 2 ** 20).toFixed(1)} MiB; the child's peak RSS ${peakRssMiB.toFixed(0)} MiB`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

function journalIndexChild(root: string): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const store = RunStore.open(root, 'run', {});
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  let users = 0;
  for (const _ of store.users()) users += 1;
  store.close();
  console.log(JSON.stringify({ bytes, users, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * The child's side: one run of a dump (`--child`) or of the Passage emulator, one undo
 * (`--child-undo`), or one decode of a dump; then its figures on stdout as JSON.
 */
async function measureChild(): Promise<void> {
  const startedAt = performance.now();
  const file = args.child;
  const done = (result: Omit<ChildResult, 'peakRssMiB' | 'seconds' | 'cpuSeconds'>) => {
    const usage = process.resourceUsage();
    const figures = {
      peakRssMiB: usage.maxRSS / 1024,
      seconds: (performance.now() - startedAt) / 1000,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    };
    console.log(JSON.stringify({ ...figures, ...result }));
  };
  if (args['child-big-dump']) {
    let users = 0;
    const { createReadStream } = await import('node:fs');
    for await (const event of streamPassageDump(createReadStream(file!, { encoding: 'utf8' }))) {
      if ('record' in event && 'user' in event.record) users += 1;
    }
    done({ users, targetCalls: 0, state: 'DECODED', counts: {} });
    return;
  }
  const target = createClerkProvider({
    secretKey: process.env.BENCH_CLERK_SECRET_KEY!,
    apiUrl: args['child-clerk-url']!,
    http: { rateLimit: undefined },
  });
  const passage = args['child-passage-url']
    ? createPassageProvider({
        appId: args['child-passage-app']!,
        apiKey: process.env.BENCH_PASSAGE_API_KEY!,
        apiUrl: args['child-passage-url'],
      })
    : undefined;
  // Without a rate, time is compressed: the run's budget far above what the machine does.
  const [requests, intervalMs] = (args['child-rate'] ?? '1000000/1000').split('/').map(Number);
  const rate = { requests: requests!, intervalMs: intervalMs! };
  try {
    if (args['child-undo']) {
      const undo = await undoMigration({
        directory: args['child-dir']!,
        runId: args['child-undo'],
        target,
        rate,
      });
      const counts = {
        DELETED: undo.deleted.length,
        ALREADY_GONE: undo.alreadyGone.length,
        SIGNED_IN: undo.signedIn.length,
        FAILED: undo.failed.length,
      };
      done({
        users: undo.deleted.length + undo.alreadyGone.length + undo.signedIn.length + undo.failed.length,
        targetCalls: 0,
        state: 'UNDONE',
        counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
      });
      return;
    }
    const migration = startMigration({
      source: passage ? passageApiSource(passage, 'bench') : fileSource(file!),
      target,
      targetIdentity: 'bench',
      directory: args['child-dir']!,
      settings: {
        dryRun: args['child-dry-run'],
        rate,
        ...(args['child-rate'] ? {} : { concurrency: 64 }),
      },
    });
    const progress = await migration.finished;
    done({
      runId: migration.runId,
      users: progress.total,
      targetCalls: progress.targetCalls,
      state: progress.state,
      counts: Object.fromEntries(Object.entries(progress.counts).filter(([, n]) => n > 0)),
    });
  } finally {
    await Promise.all([target.close(), passage?.close()]);
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
    inChild(
      [
        '--child',
        file,
        '--child-dir',
        runDir,
        '--child-clerk-url',
        emulator.clerkUrl,
        ...(dryRun ? ['--child-dry-run'] : []),
      ],
      { BENCH_CLERK_SECRET_KEY: emulator.keys.clerkSecretKey },
    );
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
