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

  it('tracks a bounded number of users, dropping the oldest', () => {
    const budget = new AttemptBudget({ attempts: 1, windowMs: 60_000, maxTracked: 2 }, () => 0);
    budget.take('user_1');
    budget.take('user_2');
    budget.take('user_3'); // user_1's window is dropped
    expect(budget.take('user_1')).toEqual({ allowed: true });
    expect(budget.take('user_3')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });
});
