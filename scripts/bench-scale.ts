/**
 * `npm run bench:scale`: does adding replicas add throughput, and never more than the provider
 * allows? For 1, 2 and 3 replicas (`npm run build`'s bundle, each a child process, one
 * `REDIS_URL`), a few lines of node:http round-robin in front, one emulator whose Clerk limit is
 * 1,000 per 10 s (fixed windows, 429 past them) with 20 ms ± 5 ms on every call, and
 * `USERGRAPH_CLERK_RATE_LIMIT=1000/10s`. Load: one-user reads (one Clerk call each, no cache)
 * from `--concurrency` loops for `--seconds`; a loop refused RATE_LIMITED waits what
 * `Retry-After` says, capped at 250 ms, as a polite client would. Prints throughput, p50/p99 of
 * the reads served, RATE_LIMITED answers, 429s at the emulator and the busiest 10 s of Clerk
 * calls (from the emulator's log), and writes them into BENCHMARKS.md between its markers.
 *
 *   npm run bench:scale [-- --seconds 20 --concurrency 32 --no-write]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { buildBundle } from './build.js';
import { busiestWindow } from '../src/emulator/request-log.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '32' },
    'no-write': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const LIMIT = { limit: 1_000, windowMs: 10_000 };
const REPLICA_COUNTS = [1, 2, 3];
const BEGIN = '<!-- bench:scale:begin -->';
const END = '<!-- bench:scale:end -->';

const watchdog = setTimeout(() => {
  console.error('bench:scale: over its 10-minute budget, stopping');
  process.exit(2);
}, 600_000);
watchdog.unref();

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A redis-server of its own, nothing persisted, stopped with the round. */
async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  await new Promise<void>((ready, failed) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) ready();
    });
    child.once('exit', (code) => failed(new Error(`redis-server exited with ${code}`)));
  });
  return { url: `redis://127.0.0.1:${port}/0`, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function startReplica(
  main: string,
  env: Record<string, string>,
): Promise<{ url: URL; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      USERGRAPH_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = new URL(`http://127.0.0.1:${port}/graphql`);
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`a replica exited with ${child.exitCode}`);
    const up = await fetch(new URL('/health', url)).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    if (tries > 300) throw new Error('a replica did not start within 30 s');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Round-robin over the replicas: each request goes whole to the next one. */
function balancer(targets: URL[]): Server {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  return createServer((incoming, outgoing) => {
    const target = targets[next++ % targets.length]!;
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
}

interface Round {
  replicas: number;
  served: number;
  seconds: number;
  p50: number;
  p99: number;
  rateLimited: number;
  otherErrors: number;
  upstream: number;
  upstream429: number;
  busiest: number;
}

async function load(
  url: string,
  ids: string[],
): Promise<Omit<Round, 'replicas' | 'upstream' | 'upstream429' | 'busiest'>> {
  const latencies: number[] = [];
  let rateLimited = 0;
  let otherErrors = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const id = ids[n++ % ids.length]!;
        const sent = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'query($id: ID!) { user(id: $id) { id email } }',
            variables: { id },
          }),
        }).catch(() => undefined);
        const body = ((await response?.json().catch(() => undefined)) ?? {}) as {
          data?: { user?: { id: string } };
          errors?: { extensions?: { code?: string } }[];
        };
        if (body.data?.user?.id === id) {
          latencies.push(performance.now() - sent);
        } else if (body.errors?.every((error) => error.extensions?.code === 'RATE_LIMITED')) {
          rateLimited += 1;
          const wait = Number(response?.headers.get('retry-after') ?? '1') * 1000;
          await new Promise((done) => setTimeout(done, Math.min(wait, 250)));
        } else {
          otherErrors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { served: latencies.length, seconds, p50: at(0.5), p99: at(0.99), rateLimited, otherErrors };
}

async function round(
  emulator: RunningEmulator,
  main: string,
  replicas: number,
  ids: string[],
): Promise<Round> {
  const redis = await startRedis();
  const children: ChildProcess[] = [redis.child];
  try {
    const env = {
      CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
      CLERK_API_URL: emulator.clerkUrl,
      USERGRAPH_AUTH: 'none',
      USERGRAPH_CLERK_RATE_LIMIT: '1000/10s',
      REDIS_URL: redis.url,
      USERGRAPH_REPLICAS: String(replicas),
    };
    const started = await Promise.all(Array.from({ length: replicas }, () => startReplica(main, env)));
    children.push(...started.map((replica) => replica.child));
    const front = balancer(started.map((replica) => replica.url));
    await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(front.address() as { port: number }).port}/graphql`;
    emulator.control.setRateLimit('clerk', LIMIT);
    emulator.control.clearRequests();
    const measured = await load(url, ids);
    front.close();
    front.closeAllConnections();
    const upstream = emulator.control.requests({ provider: 'clerk' });
    return {
      replicas,
      ...measured,
      upstream: upstream.length,
      upstream429: upstream.filter((entry) => entry.status === 429).length,
      busiest: busiestWindow(
        upstream.map((entry) => Date.parse(entry.at)),
        10_000,
      ),
    };
  } finally {
    await Promise.all(children.reverse().map(stop));
  }
}

function render(rounds: Round[]): string {
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, as \`npm run bench:scale -- --seconds ${SECONDS} --concurrency ${CONCURRENCY}\`.`,
    '',
    '| Replicas | Reads served/s | p50 ms | p99 ms | RATE_LIMITED answers | Other errors | Clerk calls | 429s at Clerk | Busiest 10 s of Clerk calls (limit 1000) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rounds.map(
      (r) =>
        `| ${r.replicas} | ${(r.served / r.seconds).toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rateLimited} | ${r.otherErrors} | ${r.upstream} | ${r.upstream429} | ${r.busiest} |`,
    ),
  ];
  return lines.join('\n');
}

function write(markdown: string): void {
  const file = resolve('BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`BENCHMARKS.md has lost its markers: put back ${BEGIN} and ${END}`);
  writeFileSync(file, `${current.slice(0, start + BEGIN.length)}\n${markdown}\n${current.slice(end)}`);
  console.log('\nwritten to BENCHMARKS.md');
}

// `npm run build`'s own bundle, into a folder of this script's.
mkdirSync('dist', { recursive: true });
const build = mkdtempSync(join('dist', 'bench-scale-'));
await buildBundle(build);
const emulator = await startEmulator({
  users: { clerk: 500, passage: 0 },
  seed: 1,
  faults: [{ kind: 'latency', provider: 'clerk', ms: 15, jitterMs: 10 }],
});
const rounds: Round[] = [];
try {
  const listed = await fetch(`${emulator.clerkUrl}/users?limit=500`, {
    headers: { authorization: `Bearer ${emulator.keys.clerkSecretKey}` },
  });
  const ids = ((await listed.json()) as { id: string }[]).map((user) => user.id);
  for (const replicas of REPLICA_COUNTS) {
    const result = await round(emulator, join(resolve(build), 'main.js'), replicas, ids);
    rounds.push(result);
    console.log(
      `${replicas} replica(s): ${(result.served / result.seconds).toFixed(1)} reads/s, busiest 10 s ${result.busiest}, 429s ${result.upstream429}`,
    );
  }
} finally {
  await emulator.stop();
  rmSync(build, { recursive: true, force: true });
}
const markdown = render(rounds);
console.log(`\n${markdown}`);
if (!args['no-write']) write(markdown);
const overrun = rounds.some((r) => r.upstream429 > 0 || r.busiest > LIMIT.limit);
process.exit(overrun ? 1 : 0);
