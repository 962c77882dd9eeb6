/** What `npm run bench` prints: one line per run, and the tables and targets BENCHMARKS.md holds. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  ALONE_SECONDS,
  AUTOCANNON_SECONDS,
  CONCURRENCY,
  DIAGNOSTIC_SECONDS,
  JIT_WARMUP_MS,
  LATENCY,
  LONG_WARMUP,
  NARROW_POOL,
  SECONDS,
  SLICE_MS,
  USERS,
  WARMUP_MS,
  type CannonRow,
  type Mode,
  type Row,
} from './settings.js';
import type { Startup } from './startup.js';

/** A target, as checked (targets.ts) and printed. */
export interface Target {
  name: string;
  held: boolean;
  detail: string;
}

const TABLE_HEAD =
  '| Scenario | Mode | Upstream calls / op | p50 (ms) | p99 (ms) | Ops / s | Server CPU (ms / op) | Server CPU (% of a core) | Peak RSS (MB) |';
const TABLE_RULE = '|---|---|--:|--:|--:|--:|--:|--:|--:|';

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

export function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

export function describe(row: Row): string {
  const server =
    row.cpuMsPerOp === undefined
      ? ''
      : `, CPU ${fixed(row.cpuMsPerOp, 2)} ms/op (${fixed(row.cpuPercent, 0)}% of a core), peak RSS ${fixed(row.peakRssMb, 0)} MB`;
  const failed = row.failed > 0 ? `, ${row.failed} FAILED (${row.firstError})` : '';
  return `${row.scenario.id} ${row.mode.padEnd(11)} ${fixed(row.opsPerSecond, 1)} ops/s, p50 ${fixed(row.p50, 1)} ms, p99 ${fixed(row.p99, 1)} ms, ${fixed(row.upstreamPerOp, 2)} upstream/op${server}${failed}`;
}

export function render(
  results: Row[],
  diagnostic: Row[],
  cannon: CannonRow[],
  idleRss: [Mode, number][],
  startup: Startup | undefined,
  targets: Target[],
  duration: { seconds: number; stolenPercent: number | undefined },
  warmUpCpu: Map<Mode, number[]>,
): string {
  const cpus = os.cpus();
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}` +
      `, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB memory, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}.`,
    `Emulator: ${USERS.toLocaleString('en')} users per provider, ${LATENCY.ms + LATENCY.jitterMs / 2} ms ± ${LATENCY.jitterMs / 2} ms on every upstream call. ` +
      `Load: ${CONCURRENCY} operations in flight, ${SECONDS} s per run after ${WARMUP_MS / 1000} s of warm-up; scenario 1's modes take turns in ${SLICE_MS / 1000} s slices until each has had its ${SECONDS} s. ` +
      `Before any run, each server ran each of its scenarios for ${JIT_WARMUP_MS / 1000} s, and scenario 1 for ${(LONG_WARMUP.steps * LONG_WARMUP.opsPerStep).toLocaleString('en')} operations if it is compared on it (${LONG_WARMUP.concurrency} in flight); the two cached servers ran scenario 6 for as many operations right before it, and its modes take turns like scenario 1's. The whole benchmark took ${fixed(duration.seconds, 0)} s${duration.stolenPercent === undefined ? '' : `, and the host took ${fixed(duration.stolenPercent, 1)} % of this machine's CPU time for others meanwhile (steal)`}.`,
    '',
    `CPU per operation over the warm-up on scenario 1 (scenario 6 for the cached servers), ${LONG_WARMUP.opsPerStep.toLocaleString('en')} operations per step, ${LONG_WARMUP.concurrency} in flight (V8 compiling the request path): ` +
      `${[...warmUpCpu].map(([mode, steps]) => `${mode} ${steps.map((ms) => fixed(ms, 2)).join(' → ')} ms`).join('; ')}.`,
    '',
    TABLE_HEAD,
    TABLE_RULE,
    ...results.map((row) =>
      tableRow(row, row.mode === 'floor' ? `${row.scenario.id}. ${row.scenario.title}` : ''),
    ),
    '',
    `Diagnostics: scenario 1 with one operation in flight (${ALONE_SECONDS} s, the floor, the two reference servers and usergraph taking turns), and scenarios 2 and 3 with ${NARROW_POOL} upstream connections per provider instead of the default 256 (${DIAGNOSTIC_SECONDS} s each):`,
    '',
    TABLE_HEAD,
    TABLE_RULE,
    ...diagnostic.map((row) => tableRow(row, `${row.scenario.id}, ${row.concurrency} in flight`)),
    '',
    `Cross-check with autocannon (usergraph with loaders, ${CONCURRENCY} connections, about ${AUTOCANNON_SECONDS} s of requests at the main table's rate, sent as a count so every request is answered and counted; autocannon counts whole milliseconds):`,
    '',
    '| Scenario | Requests | Upstream calls / request | p50 (ms) | p99 (ms) | Requests / s | Non-2xx | Errors |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...cannon.map(
      (row) =>
        `| ${row.scenario.id} | ${row.requests} | ${fixed(row.upstreamPerOp, 2)} | ${row.p50} | ${row.p99} | ${fixed(row.rps, 1)} | ${row.non2xx} | ${row.errors} |`,
    ),

    '',
    `Idle RSS of the benchmark's servers (usergraph from its bundle, the references under tsx; started, nothing served yet, after a garbage collection): ${idleRss.map(([mode, mb]) => `${mode} ${fixed(mb, 0)} MB`).join('; ')}.`,
    '',
    startup
      ? `The production process (\`npm run build\`, then \`node dist/main.js\`, both providers configured): first answer ${fixed(startup.firstAnswerMs, 0)} ms after spawn; RSS ${fixed(startup.idleRssMb, 1)} MiB after that answer and one idle second.`
      : 'The production process was not measured (--no-startup).',
    '',
    `Targets: ${targets.filter((target) => target.held).length} of ${targets.length} held.`,
    '',
    ...targets.map((target) => `- **${target.held ? 'PASS' : 'MISS'}**: ${target.name} (${target.detail}).`),
  ];
  return lines.join('\n');
}

function tableRow(row: Row, label: string): string {
  const failed = row.failed > 0 ? ` **${row.failed} failed**` : '';
  return `| ${label} | ${row.mode} | ${fixed(row.upstreamPerOp, 2)} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${fixed(row.opsPerSecond, 1)} | ${fixed(row.cpuMsPerOp, 2)} | ${fixed(row.cpuPercent, 0)} | ${fixed(row.peakRssMb, 0)} |${failed}`;
}

/** Replaces what lies between the markers of BENCHMARKS.md, keeping the prose around them. */
export function writeBenchmarks(generated: string): void {
  const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`BENCHMARKS.md has lost its markers: put back ${BEGIN} and ${END}`);
  writeFileSync(file, `${current.slice(0, start + BEGIN.length)}\n${generated}\n${current.slice(end)}`);
  console.log('\nwritten to BENCHMARKS.md');
}
