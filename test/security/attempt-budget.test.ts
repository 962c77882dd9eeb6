import { describe, expect, it } from 'vitest';
import { AttemptBudget } from '../../src/security/attempt-budget.js';

describe('AttemptBudget', () => {
  it('allows the budget per user per window, then refuses with the seconds left', () => {
    let now = 0;
    const budget = new AttemptBudget({ attempts: 2, windowMs: 60_000 }, () => now);
    expect(budget.take('user_a')).toEqual({ allowed: true });
    expect(budget.take('user_a')).toEqual({ allowed: true });
    expect(budget.take('user_b')).toEqual({ allowed: true });
    now = 15_000;
    expect(budget.take('user_a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    now = 60_000;
    expect(budget.take('user_a')).toEqual({ allowed: true });
  });

  it("never drops a live window: a flood of other ids cannot reset a victim's count", () => {
    let now = 0;
    const budget = new AttemptBudget({ attempts: 1, windowMs: 60_000, maxTracked: 2 }, () => now);
    expect(budget.take('user_victim')).toEqual({ allowed: true });
    expect(budget.take('user_junk1')).toEqual({ allowed: true });
    // Full of live windows: a new id is refused, the victim's window stays.
    expect(budget.take('user_junk2')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(budget.take('user_victim')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    now = 60_000;
    // Expired windows make room again.
    expect(budget.take('user_junk2')).toEqual({ allowed: true });
    expect(budget.take('user_victim')).toEqual({ allowed: true });
  });
});
