/**
 * A provider's outbound budget as a sliding window: at most `requests` calls start in any span of
 * `intervalMs`, whichever span the provider counts in. Each call reserves its start time when it
 * asks (first come, first served), so one that would have to wait past the queue bound is told
 * at once how long, instead of queueing for minutes. Reservations are a log of start times (in
 * process a ring; a Redis sorted set can hold the same log for many replicas).
 */
import type { Rate } from './rate.js';

export type Reservation =
  /** `left`: the calls that could start at once after this one took its turn, when known. */
  { granted: true; waitMs: number; left?: number } | { granted: false; retryAfterMs: number };

/** What the HTTP client asks of a provider budget; the in-process one is `SlidingWindow`. */
export interface ProviderBudget {
  /**
   * A start time no earlier than `afterMs` from now and no more than `maxWaitMs` past that, or
   * the wait the next free one needs. `waitMs` and `retryAfterMs` count from now.
   */
  reserve(maxWaitMs: number, afterMs?: number): Promise<Reservation>;
  /** The calls that could start now without waiting (a gauge for operators); absent if unknown. */
  remaining?(): Promise<number>;
}

export class SlidingWindow implements ProviderBudget {
  /**
   * The last `requests` reserved start times, oldest at `oldest`. A Float64Array, not an array of
   * numbers: reading a double out of a plain array boxed it, and `freeAt` reads every slot on
   * every call (900 allocations per Clerk call at the default budget).
   */
  private readonly starts: Float64Array;
  private oldest = 0;
  /**
   * Writes left before the ring reads in time order again from `oldest`. A start earlier than
   * the one before it (a call asked to start later, `afterMs`, then one that was not) breaks the
   * order until every slot has been written since; while the ring is in order, `freeAt` is a
   * binary search instead of a scan of every slot on every call (BENCHMARKS.md, the third round).
   */
  private writesUntilOrdered = 0;

  constructor(
    readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.starts = new Float64Array(rate.requests).fill(Number.NEGATIVE_INFINITY);
  }

  async reserve(maxWaitMs: number, afterMs = 0): Promise<Reservation> {
    const now = this.now();
    // The call `requests` places back must start a whole interval before this one.
    const start = Math.max(now + afterMs, this.starts[this.oldest]! + this.rate.intervalMs);
    if (start - now - afterMs > maxWaitMs) return { granted: false, retryAfterMs: start - now };
    const newest = this.starts[(this.oldest + this.starts.length - 1) % this.starts.length]!;
    if (start < newest) this.writesUntilOrdered = this.starts.length;
    else if (this.writesUntilOrdered > 0) this.writesUntilOrdered -= 1;
    this.starts[this.oldest] = start;
    this.oldest = (this.oldest + 1) % this.starts.length;
    return { granted: true, waitMs: start - now, left: this.freeAt(now) };
  }

  async remaining(): Promise<number> {
    return this.freeAt(this.now());
  }

  /** Reservations that no longer count against a call starting at `now`. */
  private freeAt(now: number): number {
    const { starts } = this;
    const last = now - this.rate.intervalMs;
    if (this.writesUntilOrdered > 0) {
      let free = 0;
      for (let i = 0; i < starts.length; i += 1) if (starts[i]! <= last) free += 1;
      return free;
    }
    // In order from `oldest`: the free slots are the ones before the first start after `last`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[(this.oldest + middle) % starts.length]! <= last) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
