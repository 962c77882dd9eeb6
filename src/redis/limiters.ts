/**
 * The caller budget and the guess budget in Redis, through rate-limiter-flexible's
 * `RateLimiterRedis` (one atomic script per count, keys that expire with their window).
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { LimiterCallerBudget } from '../budget/caller-budget.js';
import type { Rate } from '../budget/rate.js';
import type { AttemptBudgetOptions, AttemptDecision, GuessBudget } from '../security/attempt-budget.js';

/**
 * Every caller's window counted in Redis; while Redis is lost, counted here against the caller's
 * share (`requests ÷ replicas`): the provider budget, not this one, is what keeps the provider
 * from being overrun in the switch.
 */
export function sharedCallerBudget(client: Redis, rate: Rate, replicas: number): LimiterCallerBudget {
  const duration = Math.max(1, Math.round(rate.intervalMs / 1000));
  return new LimiterCallerBudget(
    rate,
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: 'usergraph:caller',
      points: rate.requests,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({
        points: Math.max(1, Math.floor(rate.requests / replicas)),
        duration,
      }),
    }),
  );
}

/** How long a caller refused because Redis is lost is told to wait. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * Each user's guesses in one Redis key that lives exactly as long as its window, so no flood of
 * other ids can push it out (unless Redis itself evicts: run it with `noeviction`). Redis lost:
 * every guess is refused, since a count that cannot be read may be spent.
 */
export class SharedGuessBudget implements GuessBudget {
  private readonly limiter: RateLimiterRedis;

  constructor(client: Redis, options: AttemptBudgetOptions) {
    this.limiter = new RateLimiterRedis({
      storeClient: client,
      keyPrefix: 'usergraph:guess',
      points: options.attempts,
      duration: Math.max(1, Math.round(options.windowMs / 1000)),
      rejectIfRedisNotReady: true,
    });
  }

  async take(userId: string): Promise<AttemptDecision> {
    try {
      await this.limiter.consume(userId);
      return { allowed: true };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      }
      return { allowed: false, retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS, unavailable: true };
    }
  }
}
