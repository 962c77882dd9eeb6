/**
 * How many password or TOTP guesses one user may be checked against, per window, across all
 * requests to this process: a fixed window per user id. Clerk locks a user out after its own
 * number of failed attempts; this budget stops usergraph from being the fast path to that
 * lockout (or to a lucky guess) however the guesses are spread over requests.
 *
 * A live window is never dropped: if a flood of ids could push a victim's window out, the
 * victim's count would start again. When the table is full of live windows, a guess for a user
 * not yet in it is refused (fail closed) until windows expire.
 */
export interface AttemptBudgetOptions {
  /** @default 5 */
  attempts: number;
  /** @default 900_000 (15 minutes) */
  windowMs: number;
  /** Users tracked at once; callers only reach it with well-formed ids. @default 100_000 */
  maxTracked?: number;
}

export type AttemptDecision =
  | { allowed: true }
  /** `unavailable`: the shared count could not be reached, so the guess is refused (fail closed). */
  | { allowed: false; retryAfterSeconds: number; unavailable?: true };

/** What the verify mutations ask: this process's `AttemptBudget`, or one shared through Redis. */
export interface GuessBudget {
  take(userId: string): AttemptDecision | Promise<AttemptDecision>;
}

export class AttemptBudget implements GuessBudget {
  /** Insertion order is window-start order, so expired windows are always at the front. */
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly options: AttemptBudgetOptions = { attempts: 5, windowMs: 15 * 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  take(userId: string): AttemptDecision {
    const now = this.now();
    this.dropExpired(now);
    let window = this.windows.get(userId);
    if (!window) {
      if (this.windows.size >= (this.options.maxTracked ?? 100_000)) {
        const oldest = this.windows.values().next().value!;
        return { allowed: false, retryAfterSeconds: this.secondsLeft(oldest.start, now) };
      }
      window = { start: now, used: 0 };
      this.windows.set(userId, window);
    }
    if (window.used >= this.options.attempts) {
      return { allowed: false, retryAfterSeconds: this.secondsLeft(window.start, now) };
    }
    window.used += 1;
    return { allowed: true };
  }

  private dropExpired(now: number): void {
    for (const [userId, window] of this.windows) {
      if (now - window.start < this.options.windowMs) break;
      this.windows.delete(userId);
    }
  }

  private secondsLeft(start: number, now: number): number {
    return Math.max(1, Math.ceil((start + this.options.windowMs - now) / 1000));
  }
}
