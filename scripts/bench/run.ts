/**
 * Running `npm run bench`: usergraph and the reference servers in child processes against the
 * emulator, each warmed up, then every scenario measured in every mode, the diagnostics, and the
 * autocannon cross-check. Each measured run prints its line as it ends.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Pool, request, type Agent } from 'undici';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { bundleChildren, type ChildBundles } from './bundle.js';
import type { ChildMessage, ParentMessage } from './child-ipc.js';
import { percentile, runLoad } from './load.js';
import type { ReferenceOptions } from './reference-child.js';
import { describe, fixed } from './report.js';
import { scenarios, type Scenario } from './scenarios.js';
import {
  ALONE_SECONDS,
  AUTOCANNON_SECONDS,
  CACHE_MODES,
  CHILD_LOG_LINES,
  CONCURRENCY,
  DIAGNOSTIC_SECONDS,
  JIT_WARMUP_MS,
  LOG_LEVEL,
  LONG_WARMUP,
  MAX_OPS_PER_RUN,
  MODES,
  NARROW_POOL,
  ONLY,
  QUIET,
  REFERENCES,
  PRODUCTION_NODE_FLAGS,
  SCENARIO_1_COMPARED,
  SECONDS,
  SLICE_MS,
  USERS,
  WARMUP_MS,
  type CannonRow,
  type Mode,
  type Row,
} from './settings.js';
import type { ChildOptions } from './usergraph-child.js';

export interface Measured {
  rows: Row[];
  diagnostics: Row[];
  cannonRows: CannonRow[];
  /** Scenario 1's CPU per operation over each step of its warm-up, per compared server. */
  warmUpCpu: Map<Mode, number[]>;
  /** Each server's RSS after start-up, before any request. */
  idleRss: [Mode, number][];
}

/** Every measurement, with every server stopped at the end whatever happened. */
export async function runBenchmark(
  emulator: RunningEmulator,
  agent: Agent,
  clerkIds: string[],
): Promise<Measured> {
  const children = new Map<Exclude<Mode, 'floor'>, Child>();
  const rows: Row[] = [];
  const diagnostics: Row[] = [];
  const cannonRows: CannonRow[] = [];
  const warmUpCpu = new Map<Mode, number[]>();
  const bundles = await bundleChildren();
  try {
    await startServers(emulator, children, bundles);
    const run = createRunner(emulator, agent, clerkIds, children);
    await run.warmUp(warmUpCpu);
    rows.push(...(await run.mainTable(warmUpCpu)));
    if (selected(1) && selected(2) && selected(3)) diagnostics.push(...(await run.diagnostics()));
    cannonRows.push(...(await run.crossCheck(rows)));
    await run.close();
  } finally {
    await Promise.all([...children.values()].map((child) => child.stop()));
    await bundles.remove();
  }
  const idleRss = [...children].map(([mode, child]): [Mode, number] => [mode, child.idleRssMb]);
  return { rows, diagnostics, cannonRows, warmUpCpu, idleRss };
}

/** Whether a scenario runs (`--only` selects some). */
const selected = (id: number) => ONLY === undefined || ONLY.has(id);

/** Which scenarios each server is measured on (the diagnostics included), so `--only` starts no other. */
const SERVED: Record<Exclude<Mode, 'floor'>, number[]> = {
  usergraph: [1, 2, 3, 4, 5, 6],
  'loaders off': [1, 2, 3, 4],
  'usergraph, 64 connections': [2, 3],
  'usergraph, cached': [6],
  'usergraph, warn logs': [1],
  'proxy, no GraphQL': [1],
  'yoga, one resolver': [1],
  'yoga, cached': [6],
};

/** usergraph (loaders on, off, on a narrower pool, cached) and the reference servers. */
async function startServers(
  emulator: RunningEmulator,
  children: Map<Exclude<Mode, 'floor'>, Child>,
  bundles: ChildBundles,
): Promise<void> {
  const env = {
    CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
    CLERK_API_URL: emulator.clerkUrl,
    PASSAGE_APP_ID: emulator.keys.passageAppId,
    PASSAGE_API_KEY: emulator.keys.passageApiKey,
    PASSAGE_API_URL: emulator.passageUrl,
    // A gateway in front authenticates callers: no tokens to mint, every scope.
    USERGRAPH_AUTH: 'none',
    // Scenario 3 asks for 100 users × 10 memberships; the defaults are for the open internet.
    USERGRAPH_MAX_COMPLEXITY: '1000000',
    USERGRAPH_MAX_REQUEST_BYTES: '1000000',
    LOG_LEVEL,
  };
  const usergraphChild = (options: ChildOptions) => [bundles.entry[options.loaders], options] as const;
  const referenceChild = (kind: ReferenceOptions['kind']) =>
    [
      'reference-child.ts',
      { kind, clerkUrl: emulator.clerkUrl, clerkSecretKey: emulator.keys.clerkSecretKey },
    ] as const;
  const started: [Exclude<Mode, 'floor'>, readonly [string, ChildOptions | ReferenceOptions]][] = [
    ['usergraph', usergraphChild({ loaders: 'on', env })],
    ['loaders off', usergraphChild({ loaders: 'off', env })],
    [
      'usergraph, 64 connections',
      usergraphChild({ loaders: 'on', env: { ...env, USERGRAPH_UPSTREAM_CONNECTIONS: String(NARROW_POOL) } }),
    ],
    // Webhooks on (a made-up secret, no sender): the cross-request user cache serves hot reads.
    [
      'usergraph, cached',
      usergraphChild({
        loaders: 'on',
        env: { ...env, CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${randomBytes(32).toString('base64')}` },
      }),
    ],
    [QUIET as Exclude<Mode, 'floor'>, usergraphChild({ loaders: 'on', env: { ...env, LOG_LEVEL: 'warn' } })],
    ['proxy, no GraphQL', referenceChild('proxy')],
    ['yoga, one resolver', referenceChild('yoga')],
    ['yoga, cached', referenceChild('yoga, cached')],
  ];
  // Started together: one after another, seven servers' start-ups took a good part of the budget.
  const running = await Promise.allSettled(
    started
      .filter(([mode]) => SERVED[mode].some(selected))
      .map(async ([mode, [script, options]]) => [mode, await startChild(mode, script, options)] as const),
  );
  for (const result of running) if (result.status === 'fulfilled') children.set(...result.value);
  const failed = running.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The measurements, sharing the servers, their clients and the running operation index. */
function createRunner(
  emulator: RunningEmulator,
  agent: Agent,
  clerkIds: string[],
  children: Map<Exclude<Mode, 'floor'>, Child>,
) {
  const clients = new Map(
    [...children].map(([mode, child]) => [
      mode,
      // As many connections as the most operations any run keeps in flight (the long warm-up's):
      // with fewer, the rest would queue behind them and the warm-up would run at CONCURRENCY.
      new Pool(new URL(child.url).origin, { connections: Math.max(CONCURRENCY, LONG_WARMUP.concurrency) }),
    ]),
  );
  const all = scenarios({ emulator, clerkIds }, agent).filter((scenario) => selected(scenario.id));
  let index = 0;

  /** The server a mode runs on; the floor has none. */
  const childOf = (mode: Mode) => (mode === 'floor' ? undefined : children.get(mode));
  const opFor = (scenario: Scenario, mode: Mode) => {
    const child = childOf(mode);
    const client = clients.get(mode as Exclude<Mode, 'floor'>);
    return child && client
      ? (i: number) => graphqlOp(client, child, scenario, i)
      : (i: number) => scenario.floor(i);
  };

  /** Every server runs its scenarios until V8 has compiled their path. */
  async function warmUp(warmUpCpu: Map<Mode, number[]>): Promise<void> {
    // usergraph is measured first, so it is warmed last; every server ends its warm-up on
    // scenario 1, the one whose overhead is measured to a fraction of a millisecond.
    // The cached servers are warmed right before scenario 6 (mainTable): warmed here, they idled
    // through every other scenario and met scenario 6 with their compiled path gone cold.
    const backwards = [...all].reverse();
    const cacheScenario = (scenario: Scenario) => scenario.id === 6;
    const warmUps: [Exclude<Mode, 'floor'>, Scenario[]][] = [
      ['usergraph, 64 connections', backwards.filter((scenario) => scenario.id === 2 || scenario.id === 3)],
      ...[...REFERENCES, QUIET].map((mode): [Exclude<Mode, 'floor'>, Scenario[]] => [
        mode as Exclude<Mode, 'floor'>,
        all.filter((scenario) => scenario.id === 1),
      ]),
      ['loaders off', backwards.filter((scenario) => !cacheScenario(scenario))],
      // Scenario 6 runs scenario 1's path, which usergraph is warmed on for longer.
      ['usergraph', backwards.filter((scenario) => !(cacheScenario(scenario) && selected(1)))],
    ];
    console.log(
      `warming up each server on its scenarios (${JIT_WARMUP_MS / 1000} s each, scenario 1 ${(LONG_WARMUP.steps * LONG_WARMUP.opsPerStep).toLocaleString('en')} operations)`,
    );
    for (const [mode, list] of warmUps) {
      if (!children.has(mode)) continue;
      for (const scenario of list) {
        const compared = SCENARIO_1_COMPARED.includes(mode) || mode === QUIET;
        // Scenario 6 runs scenario 1's path: without scenario 1, usergraph warms as long on 6.
        const long = compared && (scenario.id === 1 || (scenario.id === 6 && !selected(1)));
        await warmServer(mode, scenario, long, warmUpCpu);
      }
    }
  }

  /**
   * One server runs one scenario for JIT_WARMUP_MS, or when `long` for LONG_WARMUP's operations in
   * steps whose CPU per operation is printed and kept.
   */
  async function warmServer(
    mode: Exclude<Mode, 'floor'>,
    scenario: Scenario,
    long: boolean,
    warmUpCpu: Map<Mode, number[]>,
  ): Promise<void> {
    const child = children.get(mode) as Child;
    const cpuMsPerOp: number[] = [];
    // A long step ends on its count, the time only a bound; a short one ends on its time.
    const plan = long
      ? {
          steps: LONG_WARMUP.steps,
          concurrency: LONG_WARMUP.concurrency,
          durationMs: LONG_WARMUP.maxStepMs,
          maxOps: LONG_WARMUP.opsPerStep,
        }
      : { steps: 1, concurrency: CONCURRENCY, durationMs: JIT_WARMUP_MS, maxOps: MAX_OPS_PER_RUN };
    for (let step = 0; step < plan.steps; step += 1) {
      await child.mark();
      const warm = await runLoad({
        concurrency: plan.concurrency,
        durationMs: plan.durationMs,
        maxOps: plan.maxOps,
        startIndex: index,
        op: opFor(scenario, mode),
      });
      index = warm.nextIndex;
      if (warm.failed > 0)
        throw new Error(`warm-up of scenario ${scenario.id}, ${mode}: ${warm.firstError ?? 'failed'}`);
      cpuMsPerOp.push((await child.read()).cpuMs / Math.max(1, warm.completed));
      if (long && warm.completed < plan.maxOps) {
        console.warn(
          `  ${mode}, scenario ${scenario.id}: a warm-up step ran out of time after ${warm.completed} of ${plan.maxOps} operations`,
        );
      }
    }
    if (long) {
      warmUpCpu.set(mode, cpuMsPerOp);
      console.log(
        `  ${mode}, scenario ${scenario.id}: CPU per op ${cpuMsPerOp.map((ms) => fixed(ms, 2)).join(' → ')} ms`,
      );
    }
  }

  /** One warm-up, then one measured run of a scenario in a mode. */
  async function measure(scenario: Scenario, mode: Mode, concurrency: number, seconds: number): Promise<Row> {
    const [row] = await measureInTurns(scenario, [mode], concurrency, seconds, seconds * 1000);
    return row!;
  }

  /**
   * Several modes of one scenario taking turns in slices of `sliceMs` until each has had
   * `seconds`, after a warm-up of WARMUP_MS each. Upstream calls, CPU and peak RSS are counted per
   * slice, so each mode is charged only its own.
   */
  async function measureInTurns(
    scenario: Scenario,
    modes: Mode[],
    concurrency: number,
    seconds: number,
    sliceMs: number,
  ): Promise<Row[]> {
    const totals = modes.map(() => ({
      latenciesMs: [] as number[],
      completed: 0,
      failed: 0,
      firstError: undefined as string | undefined,
      elapsedMs: 0,
      upstream: 0,
      cpuMs: 0,
      peakRssBytes: 0,
    }));
    const slice = async (turn: number, durationMs: number, counted: boolean) => {
      const mode = modes[turn]!;
      const child = childOf(mode);
      const total = totals[turn]!;
      emulator.control.clearRequests();
      await child?.mark();
      const run = await runLoad({
        concurrency,
        durationMs,
        maxOps: MAX_OPS_PER_RUN,
        startIndex: index,
        op: opFor(scenario, mode),
      });
      index = run.nextIndex;
      total.failed += run.failed;
      total.firstError ??= run.firstError;
      if (!counted) return;
      const upstream = emulator.control.counters().total;
      const stats = await child?.read();
      total.latenciesMs.push(...run.latenciesMs);
      total.completed += run.completed;
      total.elapsedMs += run.elapsedMs;
      total.upstream += upstream;
      total.cpuMs += stats?.cpuMs ?? 0;
      total.peakRssBytes = Math.max(total.peakRssBytes, stats?.peakRssBytes ?? 0);
    };
    for (const turn of modes.keys()) await slice(turn, WARMUP_MS, false);
    for (let round = 0; round < Math.ceil((seconds * 1000) / sliceMs); round += 1) {
      for (const turn of modes.keys()) await slice(turn, sliceMs, true);
    }
    return modes.map((mode, turn) => {
      const total = totals[turn]!;
      const server = mode !== 'floor';
      const latencies = total.latenciesMs.sort((a, b) => a - b);
      const row: Row = {
        scenario,
        mode,
        concurrency,
        ops: total.completed,
        failed: total.failed,
        firstError: total.firstError,
        opsPerSecond: total.completed / (total.elapsedMs / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        upstreamPerOp: total.upstream / Math.max(1, total.completed + total.failed),
        cpuMsPerOp: server ? total.cpuMs / Math.max(1, total.completed) : undefined,
        cpuPercent: server ? (total.cpuMs / total.elapsedMs) * 100 : undefined,
        peakRssMb: server ? total.peakRssBytes / 2 ** 20 : undefined,
      };
      console.log(describe(row));
      return row;
    });
  }

  /**
   * One operation in flight, the modes taking turns operation by operation, so all of them meet
   * the same machine (a shared one drifts over seconds). Each operation's upstream calls are
   * counted on their own; each server's CPU accrues only in its turns.
   */
  async function measureAlone(scenario: Scenario, modes: Mode[]): Promise<Row[]> {
    const fresh = () => modes.map(() => ({ latenciesMs: [] as number[], upstream: 0, failed: 0, error: '' }));
    let runs = fresh();
    const ops = modes.map((mode) => opFor(scenario, mode));
    const op = async (i: number) => {
      const turn = i % modes.length;
      const run = runs[turn]!;
      const before = emulator.control.counters().total;
      const t0 = performance.now();
      try {
        await ops[turn]!(i);
        run.latenciesMs.push(performance.now() - t0);
      } catch (error) {
        run.failed += 1;
        run.error ||= error instanceof Error ? error.message : String(error);
      }
      run.upstream += emulator.control.counters().total - before;
    };
    const base = { concurrency: 1, maxOps: MAX_OPS_PER_RUN, op };
    const warm = await runLoad({ ...base, durationMs: WARMUP_MS, startIndex: index });
    const warmFailure = runs.find((run) => run.failed > 0);
    if (warmFailure)
      throw new Error(`warm-up of scenario ${scenario.id}, one in flight: ${warmFailure.error}`);
    runs = fresh();
    const servers = modes.map(childOf);
    await Promise.all(servers.map((child) => child?.mark()));
    const done = await runLoad({ ...base, durationMs: ALONE_SECONDS * 1000, startIndex: warm.nextIndex });
    index = done.nextIndex;
    const stats = await Promise.all(servers.map((child) => child?.read()));
    return modes.map((mode, turn) => {
      const run = runs[turn]!;
      const server = stats[turn];
      const latencies = run.latenciesMs.sort((a, b) => a - b);
      const busyMs = latencies.reduce((sum, ms) => sum + ms, 0);
      const row: Row = {
        scenario,
        mode,
        concurrency: 1,
        ops: latencies.length,
        failed: run.failed,
        firstError: run.error || undefined,
        // What one operation in flight achieves: its operations over its own time.
        opsPerSecond: latencies.length / (busyMs / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        upstreamPerOp: run.upstream / Math.max(1, latencies.length + run.failed),
        // No CPU figures: each server idles through the other modes' turns, and what it spends
        // idle would be charged to its few operations. CPU per operation is in the main table.
        peakRssMb: server && server.peakRssBytes / 2 ** 20,
      };
      console.log(describe(row));
      return row;
    });
  }

  /**
   * The main table: every scenario in every mode, scenario 1 with the reference servers, scenario
   * 6 with the cached ones.
   */
  async function mainTable(warmUpCpu: Map<Mode, number[]>): Promise<Row[]> {
    const rows: Row[] = [];
    for (const scenario of all) {
      if (scenario.id === 6) {
        // Compared on throughput to a factor: warmed now, for as many operations as usergraph on this path,
        // and taking turns with the uncached read, so a drift of the machine is not a speed-up.
        for (const mode of ['usergraph, cached', 'yoga, cached'] as const) {
          await warmServer(mode, scenario, true, warmUpCpu);
        }
        rows.push(...(await measureInTurns(scenario, CACHE_MODES, CONCURRENCY, SECONDS, SLICE_MS)));
      } else if (scenario.id === 1) {
        rows.push(
          ...(await measureInTurns(
            scenario,
            [...MODES, QUIET, ...REFERENCES],
            CONCURRENCY,
            SECONDS,
            SLICE_MS,
          )),
        );
      } else {
        // Loaders have nothing to batch in one mutation: scenario 5 runs without the loaders-off mode.
        const modes = scenario.id === 5 ? MODES.slice(0, 2) : MODES;
        for (const mode of modes) rows.push(await measure(scenario, mode, CONCURRENCY, SECONDS));
      }
    }
    return rows;
  }

  /**
   * Scenario 1 with one operation in flight (the layer's cost without queueing behind other
   * requests on a busy CPU), and scenarios 2 and 3 with a narrower upstream pool.
   */
  async function diagnostics(): Promise<Row[]> {
    const diagnostics: Row[] = [];
    const [one, two, three] = all as [Scenario, Scenario, Scenario];
    diagnostics.push(...(await measureAlone(one, ['floor', ...REFERENCES, 'usergraph'])));
    for (const scenario of [two, three]) {
      diagnostics.push(await measure(scenario, 'usergraph, 64 connections', CONCURRENCY, DIAGNOSTIC_SECONDS));
    }
    return diagnostics;
  }

  /**
   * The same operations through autocannon, against usergraph with its loaders. autocannon sends a
   * fixed number of requests (about AUTOCANNON_SECONDS at the main table's rate) and waits for every
   * answer, so the upstream calls counted are those of the requests counted; and the emulator's
   * counter is emptied only once no call of the previous run is still arriving.
   */
  async function crossCheck(mainRows: Row[]): Promise<CannonRow[]> {
    const cannonRows: CannonRow[] = [];
    const usergraph = children.get('usergraph') as Child;
    // Scenario 6 is the cache's, and this usergraph runs without it: its line would repeat scenario 1.
    for (const scenario of all.filter((s) => s.id !== 6)) {
      const rate = mainRows.find(
        (row) => row.scenario.id === scenario.id && row.mode === 'usergraph',
      )?.opsPerSecond;
      const amount = Math.max(CONCURRENCY * 2, Math.round((rate ?? 50) * AUTOCANNON_SECONDS));
      let i = index;
      await upstreamQuiet(emulator);
      emulator.control.clearRequests();
      const result = await autocannon({
        url: usergraph.url,
        method: 'POST',
        connections: CONCURRENCY,
        amount,
        // A bound, not the measure: an answer this late is an error in the row.
        timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(scenario.graphql(i++)) }) }],
      });
      index = i;
      await upstreamQuiet(emulator);
      const requests = result['2xx'] + result.non2xx;
      const row: CannonRow = {
        scenario,
        requests,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        upstreamPerOp: emulator.control.counters().total / Math.max(1, requests),
      };
      cannonRows.push(row);
      console.log(
        `autocannon  ${scenario.id}: ${requests} requests, ${fixed(row.rps, 1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${fixed(row.upstreamPerOp, 2)} upstream/op, ${row.non2xx} non-2xx, ${row.errors} errors`,
      );
    }
    return cannonRows;
  }

  const close = () => Promise.all([...clients.values()].map((client) => client.close()));

  return { warmUp, mainTable, diagnostics, crossCheck, close };
}

// ---- usergraph, in its own process ----------------------------------------------------------

interface Child {
  url: string;
  /** RSS after start-up and a garbage collection, before any request. */
  idleRssMb: number;
  mark(): Promise<void>;
  read(): Promise<{ cpuMs: number; peakRssBytes: number }>;
  stop(): Promise<void>;
}

/** `script`: a bundle's entry file (usergraph), or a TypeScript file of this folder run under tsx. */
async function startChild(mode: Mode, script: string, options: unknown): Promise<Child> {
  const bundled = script.endsWith('.js');
  const child: ChildProcess = fork(
    bundled ? script : fileURLToPath(new URL(`./${script}`, import.meta.url)),
    [JSON.stringify(options)],
    {
      execArgv: [...PRODUCTION_NODE_FLAGS, ...(bundled ? [] : ['--import', 'tsx']), '--expose-gc'],
      // As `npm start` runs it (src/main.ts): graphql-js without its development checks.
      env: { ...process.env, NODE_ENV: 'production' },
      // The log (stdout) goes to /dev/null: the child formats and writes every line, as in
      // production, and the benchmark spends no CPU of the shared machine reading them.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  // stderr is for what goes wrong outside the log: show the first few lines, count the rest.
  let logged = 0;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    logged += 1;
    if (logged <= CHILD_LOG_LINES) console.error(`  [${mode}] ${line}`);
  });
  // Seven servers start at once on a shared machine: start-up gets longer than any answer.
  const next = <T extends ChildMessage['type']>(type: T, send?: ParentMessage) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const seconds = type === 'ready' ? 120 : 30;
      const timer = setTimeout(
        () => reject(new Error(`usergraph child: no "${type}" within ${seconds} s`)),
        seconds * 1000,
      );
      const onExit = (code: number | null) =>
        reject(new Error(`usergraph child exited (${code}) before "${type}"`));
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage).off('exit', onExit);
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage).once('exit', onExit);
      if (send) child.send(send);
    });
  child.on('error', (error) => console.error(`  [${mode}] ${error.message}`));
  const { url, idleRssBytes } = await next('ready');
  return {
    url,
    idleRssMb: idleRssBytes / 2 ** 20,
    mark: async () => {
      await next('marked', { type: 'mark' });
    },
    read: async () => {
      const { cpuMs, peakRssBytes } = await next('stats', { type: 'read' });
      return { cpuMs, peakRssBytes };
    },
    stop: async () => {
      // Already gone (exited, killed, or its channel closed): nothing to ask.
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
      if (logged > CHILD_LOG_LINES)
        console.error(`  [${mode}] ${logged - CHILD_LOG_LINES} more stderr lines not shown`);
    },
  };
}

/** One GraphQL operation: a 200 with data that passes the scenario's check, or it throws. */
async function graphqlOp(client: Pool, child: Child, scenario: Scenario, i: number): Promise<void> {
  const response = await request(child.url, {
    dispatcher: client,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(scenario.graphql(i)),
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const body = (await response.body.json()) as { data?: unknown; errors?: { message: string }[] };
  if (response.statusCode !== 200 || body.errors) {
    throw new Error(
      `usergraph answered ${response.statusCode}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`,
    );
  }
  const problem = scenario.check(body.data, i);
  if (problem) throw new Error(`usergraph answered an unexpected result: ${problem}`);
}

// ---- set-up ---------------------------------------------------------------------------------

/** Resolves once the emulator has seen no new request for a quarter of a second (at most 10 s). */
async function upstreamQuiet(emulator: RunningEmulator): Promise<void> {
  let last = emulator.control.counters().total;
  for (let waited = 0; waited < 10_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = emulator.control.counters().total;
    if (now === last) return;
    last = now;
  }
}

/** The Clerk ids scenarios pick their users from. */
export async function listClerkIds(emulator: RunningEmulator, agent: Agent): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < USERS; offset += 500) {
    const response = await request(`${emulator.clerkUrl}/users?limit=500&offset=${offset}`, {
      headers: { authorization: `Bearer ${emulator.keys.clerkSecretKey}` },
      dispatcher: agent,
    });
    ids.push(...((await response.body.json()) as { id: string }[]).map((user) => user.id));
  }
  if (ids.length < 200)
    throw new Error(`the benchmark needs at least 200 Clerk users, the emulator has ${ids.length}`);
  return ids;
}
