/**
 * The load pattern every mode shares: a fixed number of workers, each running operations back to
 * back until the time is up or the operation budget is spent, then waiting for what is in flight.
 * Latency is measured around each operation with a monotonic clock, in fractions of a millisecond
 * (autocannon's histogram counts whole milliseconds: too coarse for a 2 ms overhead target).
 */
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** A hard cap on operations, whatever the clock says. */
  maxOps: number;
  /** Index of the first operation (operations pick their ids by index). */
  startIndex: number;
  op(i: number): Promise<void>;
}

export interface LoadResult {
  completed: number;
  failed: number;
  firstError?: string;
  elapsedMs: number;
  /** Latencies of completed operations, ascending. */
  latenciesMs: number[];
  /** The index the next run should start from. */
  nextIndex: number;
}

export async function runLoad({
  concurrency,
  durationMs,
  maxOps,
  startIndex,
  op,
}: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + durationMs;
  const latenciesMs: number[] = [];
  let next = startIndex;
  let issued = 0;
  let failed = 0;
  let firstError: string | undefined;

  async function worker() {
    while (performance.now() < deadline && issued < maxOps) {
      const i = next++;
      issued += 1;
      const t0 = performance.now();
      try {
        await op(i);
        latenciesMs.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  latenciesMs.sort((a, b) => a - b);
  return {
    completed: latenciesMs.length,
    failed,
    firstError,
    elapsedMs: performance.now() - started,
    latenciesMs,
    nextIndex: next,
  };
}

/** The nearest-rank percentile of ascending values (NaN when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
