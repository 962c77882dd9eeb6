/**
 * The run's share of the target's request budget: at most `requests` calls started in any
 * window of `intervalMs` (the sliding window the server's provider budget uses, so no fixed
 * window the provider counts in can see more), and a pause every caller waits out when the provider
 * answers 429 anyway (its budget is shared with other traffic). A 429 means the call was not
 * handled, so it is sent again after the pause, a create as much as a read: 429s slow a run
 * down, they do not fail it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SlidingWindow } from '../budget/provider-window.js';
import { ProviderError } from '../providers/errors.js';

/** Requests arrive a little after they start; a margin keeps a burst inside the provider's window. */
const ARRIVAL_MARGIN_MS = 250;
/** This many 429s in a row for one call means something else is wrong. */
const MAX_RATE_LIMITED_ATTEMPTS = 30;
const DEFAULT_RETRY_AFTER_MS = 10_000;

export class Pacer {
  private readonly window: SlidingWindow;
  private resumeAt = 0;
  /** Calls started through the pacer. */
  calls = 0;
  /** Told each call's time from sending to its answer. */
  onAnswer?: (ms: number) => void;

  // p-throttle's strict mode did this until it was measured: once saturated it spaces calls
  // ⌈interval / limit⌉ ms apart, 11 ms at 1,000 per 10.25 s, which held a run to 91 % of its rate.
  constructor(rate: { requests: number; intervalMs: number }) {
    this.window = new SlidingWindow({
      requests: rate.requests,
      intervalMs: rate.intervalMs + ARRIVAL_MARGIN_MS,
    });
  }

  /** Runs `call` once the budget and any pause allow, again after each 429. */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) {
        await sleep(wait, undefined, { signal });
      }
      // With no bound on the wait, every reservation is granted.
      const turn = await this.window.reserve(Number.POSITIVE_INFINITY);
      if (turn.granted && turn.waitMs > 0) await sleep(turn.waitMs, undefined, { signal });
      this.calls += 1;
      const sentAt = performance.now();
      try {
        const result = await call();
        this.onAnswer?.(performance.now() - sentAt);
        return result;
      } catch (error) {
        this.onAnswer?.(performance.now() - sentAt);
        const limited = error instanceof ProviderError && error.code === 'RATE_LIMITED';
        if (!limited || attempt >= MAX_RATE_LIMITED_ATTEMPTS) throw error;
        this.pause(
          error.retryAfterSeconds === undefined ? DEFAULT_RETRY_AFTER_MS : error.retryAfterSeconds * 1000,
        );
      }
    }
  }

  /** Every call waits `ms` from now (a 429's Retry-After). */
  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
  }
}

/** Latency is smoothed over about this many calls. */
const LATENCY_SMOOTHING = 0.1;
/** In flight beyond what the rate and latency need: latency varies, and the pacer holds any excess. */
const HEADROOM = 1.5;

/**
 * How many calls to keep in flight so the pacer, not the wait for answers, is what limits the
 * run: the rate in calls per millisecond times the observed latency (Little's law), with headroom,
 * between 1 and `max`. Before the first answer it assumes `initialLatencyMs`.
 */
export class AdaptiveConcurrency {
  private latencyMs: number;

  constructor(
    private readonly rate: { requests: number; intervalMs: number },
    private readonly max: number,
    initialLatencyMs = 200,
  ) {
    this.latencyMs = initialLatencyMs;
  }

  /** One call's time from sending to its answer (not its wait for the budget). */
  observe(ms: number): void {
    this.latencyMs += (ms - this.latencyMs) * LATENCY_SMOOTHING;
  }

  get value(): number {
    const needed = Math.ceil((this.rate.requests / this.rate.intervalMs) * this.latencyMs * HEADROOM);
    return Math.max(1, Math.min(this.max, needed));
  }
}
