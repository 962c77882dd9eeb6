/**
 * A fixed-window request budget per provider, the way Clerk documents its limits ("100 requests
 * per 10 seconds" on development instances, 1000 in production): once the window's budget is
 * spent, every request is refused with 429 and `Retry-After` until the window ends.
 */
import * as z from 'zod';

export const rateLimitSpecSchema = z.strictObject({
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive().max(3_600_000),
});

export type RateLimitSpec = z.infer<typeof rateLimitSpecSchema>;

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class FixedWindowLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    readonly spec: RateLimitSpec,
    private readonly now: () => number = Date.now,
  ) {}

  take(): RateLimitDecision {
    const now = this.now();
    if (now - this.windowStart >= this.spec.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < this.spec.limit) {
      this.used += 1;
      return { allowed: true };
    }
    const remainingMs = this.windowStart + this.spec.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }
}
