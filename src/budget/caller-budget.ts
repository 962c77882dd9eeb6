/**
 * Each caller's share of the upstream budget: so many upstream calls per window, counted as the
 * calls are made (rate-limiter-flexible keeps the counts; its Redis limiter has the same API, so
 * replicas can share them). A caller whose window is spent is refused new operations, and the
 * calls its running operations still try are refused too, until the window ends; other callers
 * are not touched.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ProviderError } from '../providers/errors.js';
import { formatRate, type Rate } from './rate.js';

export interface CallerBudget {
  readonly rate: Rate;
  /** Milliseconds until `caller` may call upstream again; 0 while its window has calls left. */
  retryAfterMs(caller: string): Promise<number>;
  /** Counts one upstream call; RATE_LIMITED, with the wait, when the window was already spent. */
  spend(caller: string): Promise<void>;
}

export class LimiterCallerBudget implements CallerBudget {
  constructor(
    readonly rate: Rate,
    private readonly limiter: RateLimiterAbstract = new RateLimiterMemory({
      points: rate.requests,
      duration: rate.intervalMs / 1000,
    }),
  ) {}

  async retryAfterMs(caller: string): Promise<number> {
    const counted = await this.limiter.get(caller);
    return counted && counted.remainingPoints <= 0 ? Math.max(1, counted.msBeforeNext) : 0;
  }

  async spend(caller: string): Promise<void> {
    try {
      await this.limiter.consume(caller);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw callerBudgetSpent(this.rate, refusal.msBeforeNext);
    }
  }
}

/** RATE_LIMITED decided here, not by a provider: the call never left. */
export function callerBudgetSpent(rate: Rate, waitMs: number): ProviderError {
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ProviderError({
    provider: 'usergraph',
    code: 'RATE_LIMITED',
    message: `this caller's budget of ${formatRate(rate)} upstream calls is spent; retry in ${retryAfterSeconds} s`,
    retryAfterSeconds,
  });
}
