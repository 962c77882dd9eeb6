/**
 * The targets `npm run bench` checks: issue 7's (upstream calls at the floor, the layer's own
 * overhead on one user), issue 18's (the user cache) and issue 23's (CPU per operation, p50 near
 * the floor in scenarios 1–4, the production process's memory and start-up).
 */
import { fixed, type Target } from './report.js';
import { CONCURRENCY, NARROW_POOL, type Mode, type Row } from './settings.js';
import type { Startup } from './startup.js';

/** Issue 23: server CPU per operation, ms, per scenario. */
const CPU_TARGETS: [number, number][] = [
  [1, 0.7],
  [2, 5],
  [3, 15],
  [4, 2.5],
];
const MAX_IDLE_RSS_MB = 100;
const MAX_FIRST_ANSWER_MS = 1_000;

export function checkTargets(results: Row[], diagnostic: Row[], startup: Startup | undefined): Target[] {
  const find = (id: number, mode: Mode, rowsToSearch = results) =>
    rowsToSearch.find((row) => row.scenario.id === id && row.mode === mode) as Row | undefined;
  const p50 = (id: number, mode: Mode, rowsToSearch = results) =>
    find(id, mode, rowsToSearch)?.p50 ?? Number.NaN;
  const targets: Target[] = [];
  const calls = [1, 2, 3, 4, 5].map((id) => ({
    id,
    floor: find(id, 'floor')?.upstreamPerOp ?? Number.NaN,
    ug: find(id, 'usergraph')?.upstreamPerOp ?? Number.NaN,
  }));
  targets.push({
    name: 'Upstream calls per operation equal to the floor in every scenario',
    held: calls.every(({ floor, ug }) => Math.abs(floor - ug) < 0.005),
    detail: calls.map(({ id, floor, ug }) => `${id}: ${fixed(ug, 2)} vs ${fixed(floor, 2)}`).join('; '),
  });
  // One upstream round trip, as measured under the same load: the floor's one-call scenario.
  const roundTrip = p50(1, 'floor');
  for (const id of [1, 2, 3, 4]) {
    const floor = p50(id, 'floor');
    const ug = p50(id, 'usergraph');
    const limit = floor + roundTrip + 5;
    const narrow = id === 2 || id === 3 ? p50(id, 'usergraph, 64 connections', diagnostic) : undefined;
    targets.push({
      name: `Scenario ${id}'s p50 within the floor + one upstream round trip + 5 ms`,
      held: ug <= limit,
      detail:
        `${fixed(ug, 1)} ms vs ${fixed(floor, 1)} ms + ${fixed(roundTrip, 1)} ms (scenario 1's floor p50) + 5 ms = ${fixed(limit, 1)} ms` +
        (narrow === undefined
          ? ''
          : `; with ${NARROW_POOL} upstream connections instead of 256: ${fixed(narrow, 1)} ms, ${narrow <= limit ? 'within' : 'over'}`),
    });
  }
  for (const [id, limit] of CPU_TARGETS) {
    const row = find(id, 'usergraph');
    const perCall = (row?.cpuMsPerOp ?? Number.NaN) / (row?.upstreamPerOp || Number.NaN);
    targets.push({
      name: `Scenario ${id}'s server CPU per operation at most ${limit} ms`,
      held: (row?.cpuMsPerOp ?? Number.POSITIVE_INFINITY) <= limit,
      detail: `${fixed(row?.cpuMsPerOp, 2)} ms per operation, ${fixed(perCall, 3)} ms per upstream call`,
    });
  }
  // Scenario 1: the layer's own overhead is usergraph over the bare hop (a proxy with no
  // GraphQL), because any process between a client and the provider pays that hop; the split and
  // the overhead over the floor itself are printed with it.
  for (const [label, rowsToSearch] of [
    [`${CONCURRENCY} operations in flight`, results],
    ['one operation in flight', diagnostic],
  ] as const) {
    const at = (mode: Mode) => p50(1, mode, rowsToSearch);
    const own = at('usergraph') - at('proxy, no GraphQL');
    targets.push({
      name: `The layer's own overhead on scenario 1 under 2 ms at p50, with ${label}`,
      held: own < 2,
      detail:
        `usergraph ${fixed(at('usergraph'), 2)} ms − proxy ${fixed(at('proxy, no GraphQL'), 2)} ms = ${fixed(own, 2)} ms. ` +
        `Over the floor (${fixed(at('floor'), 2)} ms): ${fixed(at('usergraph') - at('floor'), 2)} ms, of which the hop ` +
        `${fixed(at('proxy, no GraphQL') - at('floor'), 2)} ms, yoga with one resolver ` +
        `${fixed(at('yoga, one resolver') - at('proxy, no GraphQL'), 2)} ms, usergraph's schema, plugins and providers ` +
        `${fixed(at('usergraph') - at('yoga, one resolver'), 2)} ms`,
    });
  }
  const uncached = find(6, 'usergraph');
  const cached = find(6, 'usergraph, cached');
  const speedup = (cached?.opsPerSecond ?? Number.NaN) / (uncached?.opsPerSecond ?? Number.NaN);
  targets.push({
    name: 'Scenario 6 with the user cache: at least 10× the uncached throughput, 0 upstream calls after warm-up',
    held: speedup >= 10 && cached?.upstreamPerOp === 0,
    detail:
      `${fixed(cached?.opsPerSecond ?? Number.NaN, 1)} ops/s cached vs ${fixed(uncached?.opsPerSecond ?? Number.NaN, 1)} uncached (${fixed(speedup, 1)}×) ` +
      `and ${fixed(find(6, 'floor')?.opsPerSecond ?? Number.NaN, 1)} for the REST floor; ${fixed(cached?.upstreamPerOp ?? Number.NaN, 3)} upstream calls per cached op, ` +
      `${fixed(cached?.cpuMsPerOp, 3)} ms of server CPU per cached op, ` +
      `against ${fixed(find(6, 'yoga, cached')?.cpuMsPerOp, 3)} ms and ${fixed(find(6, 'yoga, cached')?.opsPerSecond, 1)} ops/s for the empty yoga serving from a Map`,
  });
  if (startup) {
    targets.push({
      name: `\`node dist/main.js\` with both providers configured: idle RSS at most ${MAX_IDLE_RSS_MB} MiB`,
      held: startup.idleRssMb <= MAX_IDLE_RSS_MB,
      detail: `${fixed(startup.idleRssMb, 1)} MiB after its first answer and one idle second`,
    });
    targets.push({
      name: `\`node dist/main.js\`: first answer within ${MAX_FIRST_ANSWER_MS} ms of start`,
      held: startup.firstAnswerMs <= MAX_FIRST_ANSWER_MS,
      detail: `${fixed(startup.firstAnswerMs, 0)} ms from spawn to the answer of a one-user read`,
    });
  }
  return targets;
}
