/**
 * How many password or TOTP guesses one user may be checked against, per window, across all
 * requests to this process: a fixed window per user id. Clerk locks a user out after its own
 * number of failed attempts; this budget stops usergraph from being the fast path to that
 * lockout (or to a lucky guess) however the guesses are spread over requests.
 */
export interface AttemptBudgetOptions {
  /** @default 5 */
  attempts: number;
  /** @default 900_000 (15 minutes) */
  windowMs: number;
  /** Users tracked at once; the oldest window is dropped beyond it. @default 100_000 */
  maxTracked?: number;
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class AttemptBudget {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly options: AttemptBudgetOptions = { attempts: 5, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): AttemptDecision {
    const now = this.now();
    let window = this.windows.get(userId);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, used: 0 };
      this.windows.delete(userId); // re-inserted last: Map order is the eviction order
      this.windows.set(userId, window);
      this.evict();
    }
    if (window.used >= this.options.attempts) {
      return {
        allowed: false,
        retryAfterSeconds: Math.ceil((window.start + this.options.windowMs - now) / 1000),
      };
    }
    window.used += 1;
    return { allowed: true };
  }

  private evict(): void {
    const max = this.options.maxTracked ?? 100_000;
    for (const key of this.windows.keys()) {
      if (this.windows.size <= max) break;
      this.windows.delete(key);
    }
  }
}
