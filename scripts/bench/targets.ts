/** The targets of issue 7, checked against the measured rows. */
import { fixed, type Target } from './report.js';
import { CONCURRENCY, NARROW_POOL, type Mode, type Row } from './settings.js';

export function checkTargets(results: Row[], diagnostic: Row[]): Target[] {
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
  const s2 = {
    floor: p50(2, 'floor'),
    ug: p50(2, 'usergraph'),
    narrow: p50(2, 'usergraph, 64 connections', diagnostic),
  };
  const s2limit = s2.floor + roundTrip + 5;
  targets.push({
    name: "Scenario 2's p50 within one upstream round trip + 5 ms of the floor",
    held: s2.ug <= s2limit,
    detail:
      `${fixed(s2.ug, 1)} ms vs ${fixed(s2.floor, 1)} ms + ${fixed(roundTrip, 1)} ms (scenario 1's floor p50) + 5 ms = ${fixed(s2limit, 1)} ms; ` +
      `with ${NARROW_POOL} upstream connections instead of 256: ${fixed(s2.narrow, 1)} ms, ${s2.narrow <= s2limit ? 'within' : 'over'}`,
  });
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
      `and ${fixed(find(6, 'floor')?.opsPerSecond ?? Number.NaN, 1)} for the REST floor; ${fixed(cached?.upstreamPerOp ?? Number.NaN, 3)} upstream calls per cached op`,
  });
  return targets;
}
