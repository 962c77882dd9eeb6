/** What `npm run bench` runs with: its flags, its fixed durations and limits, and the modes it compares. */
import { parseArgs } from 'node:util';
import type { Scenario } from './scenarios.js';

export const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    users: { type: 'string', default: '2000' },
    'no-write': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    /** Scenario ids to run, comma-separated (`--only 6`); implies --no-write and --no-startup. */
    only: { type: 'string' },
    /** `npm run bench:startup` only: how many starts of the production process it measures. */
    starts: { type: 'string', default: '5' },
  },
});
/** The scenarios selected with `--only`, or undefined for all of them. */
export const ONLY = args.only === undefined ? undefined : new Set(args.only.split(',').map(Number));
export const SECONDS = Number(args.seconds);
export const CONCURRENCY = Number(args.concurrency);
export const USERS = Number(args.users);
export const WARMUP_MS = 1_000;
/** The Node flags production runs with (the Dockerfile's `NODE_OPTIONS`), for every server measured. */
export const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=64'];
/**
 * Before anything is measured, each server runs every scenario it will be measured on for this
 * long: V8 compiles a request's path over the first thousands of requests, and a server that has
 * just started is not the server that runs in production.
 */
export const JIT_WARMUP_MS = 1_500;
/**
 * Scenario 1 is compared to a fraction of a millisecond, so the servers in that comparison (and
 * the cached servers, on scenario 6) are warmed for a count of operations, not a time: V8 compiles
 * a function once it has run enough bytecode, so a longer request path needs more requests, and
 * a time at CONCURRENCY in flight left usergraph measured while V8 was still compiling it
 * (BENCHMARKS.md has the figures). The steps run with more in flight to get there sooner; each
 * step's CPU per operation is printed. A step that cannot finish in `maxStepMs` ends there, and
 * says so.
 */
export const LONG_WARMUP = { steps: 4, opsPerStep: 3_000, concurrency: 4 * CONCURRENCY, maxStepMs: 60_000 };
/**
 * Scenario 1 with ten in flight: the modes take turns in slices of this length until each has had
 * its seconds, so each meets the same machine (a shared one drifts over seconds).
 */
export const SLICE_MS = 1_000;
/**
 * autocannon sends about this many seconds of requests, as a count (the main table's rate), so
 * every request it sends is answered and counted: a run cut off by a clock leaves requests running
 * whose upstream calls the next count would see.
 */
export const AUTOCANNON_SECONDS = 2;
export const DIAGNOSTIC_SECONDS = 3;
/** Scenario 1 with one operation in flight, the floor, the reference servers and usergraph taking turns. */
export const ALONE_SECONDS = 8;
/** Lines a child writes to stderr shown before they are only counted (its stdout log is not read). */
export const CHILD_LOG_LINES = 5;
/**
 * The usergraph servers log as production does (`LOG_LEVEL` info, one line per operation) into
 * /dev/null: the child pays for every line, the benchmark reads none. One more server logs at
 * `warn` on scenario 1, to show what the operation lines cost.
 */
export const LOG_LEVEL = 'info';
/** No run may go on for ever, whatever the clock says. */
export const MAX_OPS_PER_RUN = 200_000;
/** The budget for the whole benchmark on a 2-core machine; a run takes well under it. */
export const BUDGET_MS = 5 * 60_000;
export const LATENCY = { ms: 15, jitterMs: 10 }; // 20 ms ± 5 ms: the emulator adds 0..jitterMs

export type Mode =
  | 'floor'
  | 'usergraph'
  | 'loaders off'
  | 'usergraph, 64 connections'
  | 'usergraph, cached'
  | 'usergraph, warn logs'
  | 'proxy, no GraphQL'
  | 'yoga, one resolver'
  | 'yoga, cached';
export const MODES: Mode[] = ['floor', 'usergraph', 'loaders off'];
/**
 * Scenario 1 only: servers with nothing of usergraph in them (reference-child.ts), to split the
 * overhead over the floor into the hop, the GraphQL framework, and usergraph's own part.
 */
export const REFERENCES: Mode[] = ['proxy, no GraphQL', 'yoga, one resolver'];
/** The servers whose scenario 1 figures the overhead target compares. */
export const SCENARIO_1_COMPARED: Mode[] = ['usergraph', ...REFERENCES];
/** Scenario 1 only: usergraph without its per-operation log line, to show what logging costs. */
export const QUIET: Mode = 'usergraph, warn logs';
/**
 * The cache's scenario (6) only: the same read from usergraph with the cross-request user cache
 * off (the default without a webhook secret) and on, against the floor and against the empty
 * yoga keeping its users in a Map (what a cached read costs with nothing of usergraph in it).
 */
export const CACHE_MODES: Mode[] = ['floor', 'usergraph', 'usergraph, cached', 'yoga, cached'];
/** Distinct users scenario 6 reads over and over. */
export const HOT_SET = 20;
/** Upstream connections per provider for the diagnostic mode (the product's default is 256). */
export const NARROW_POOL = 64;

export interface Row {
  scenario: Scenario;
  mode: Mode;
  concurrency: number;
  ops: number;
  failed: number;
  firstError?: string;
  opsPerSecond: number;
  p50: number;
  p99: number;
  upstreamPerOp: number;
  /** Server CPU (ms per operation, and % of one core); undefined for the floor, which has no server. */
  cpuMsPerOp?: number;
  cpuPercent?: number;
  peakRssMb?: number;
}

export interface CannonRow {
  scenario: Scenario;
  requests: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  upstreamPerOp: number;
}
