import { describe, expect, it } from 'vitest';
import { SlidingWindow } from '../../src/budget/provider-window.js';
import { parseRate } from '../../src/budget/rate.js';

describe('SlidingWindow', () => {
  it('starts no more than the budget in any span of the interval, wherever the span begins', async () => {
    let now = 0;
    const window = new SlidingWindow({ requests: 5, intervalMs: 1000 }, () => now);
    const starts: number[] = [];
    // Bursts at uneven moments, as a fixed window would allow twice over across its boundary.
    for (const at of [0, 0, 0, 900, 900, 990, 1000, 1001, 1500, 1500, 1999, 2000, 2000, 2000]) {
      now = at;
      const turn = await window.reserve(60_000);
      if (!turn.granted) throw new Error('refused within a minute');
      starts.push(at + turn.waitMs);
    }
    starts.sort((a, b) => a - b);
    for (let i = 5; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 5]!).toBeGreaterThanOrEqual(1000);
    }
  });

  it('refuses at once, with the wait, a call whose turn is further off than the bound, and keeps no slot for it', async () => {
    let now = 0;
    const window = new SlidingWindow({ requests: 2, intervalMs: 1000 }, () => now);
    await window.reserve(0);
    await window.reserve(0);
    expect(await window.reserve(500)).toEqual({ granted: false, retryAfterMs: 1000 });
    now = 600;
    expect(await window.reserve(500)).toEqual({ granted: true, waitMs: 400, left: 0 });
    expect(await window.reserve(500)).toEqual({ granted: true, waitMs: 400, left: 0 });
    // Both slots now start at 1000: the next free one is a whole interval later.
    expect(await window.reserve(500)).toEqual({ granted: false, retryAfterMs: 1400 });
  });

  it('reserves no earlier than asked, for a call that must wait anyway (a Retry-After)', async () => {
    const window = new SlidingWindow({ requests: 1, intervalMs: 1000 }, () => 0);
    expect(await window.reserve(0, 3000)).toEqual({ granted: true, waitMs: 3000, left: 0 });
    // The window counts from when that call will start, not from when it asked.
    expect(await window.reserve(3500)).toEqual({ granted: false, retryAfterMs: 4000 });
  });
});

describe('SlidingWindow: what is left', () => {
  it('counts the calls that could start now, as each turn is taken and as the window moves on', async () => {
    let now = 0;
    const window = new SlidingWindow({ requests: 3, intervalMs: 1000 }, () => now);
    expect(await window.remaining()).toBe(3);
    expect(await window.reserve(0)).toEqual({ granted: true, waitMs: 0, left: 2 });
    now = 400;
    expect(await window.reserve(0)).toEqual({ granted: true, waitMs: 0, left: 1 });
    expect(await window.reserve(0)).toEqual({ granted: true, waitMs: 0, left: 0 });
    // A turn in the future holds its slot until a whole interval after it starts.
    expect(await window.reserve(1000)).toEqual({ granted: true, waitMs: 600, left: 0 });
    now = 1000;
    expect(await window.remaining()).toBe(0);
    now = 1400;
    expect(await window.remaining()).toBe(2);
    now = 2000;
    expect(await window.remaining()).toBe(3);
  });

  it('counts a call asked to start later and the earlier calls after it, whatever their order', async () => {
    let now = 0;
    const window = new SlidingWindow({ requests: 4, intervalMs: 1000 }, () => now);
    expect(await window.reserve(0, 3000)).toEqual({ granted: true, waitMs: 3000, left: 3 });
    expect(await window.reserve(0)).toEqual({ granted: true, waitMs: 0, left: 2 });
    now = 1500;
    // The call at 0 no longer counts; the one starting at 3000 does, though reserved first.
    expect(await window.remaining()).toBe(3);
    now = 4000;
    expect(await window.remaining()).toBe(4);
  });

  it('counts what a scan of every reservation counts, with calls asked to start later mixed in', async () => {
    let now = 0;
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const rate = { requests: 16, intervalMs: 1000 };
    const window = new SlidingWindow(rate, () => now);
    const starts: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      now += Math.floor(random() * 120);
      // One call in ten waits out a Retry-After first: its start is later than the next call's.
      const afterMs = random() < 0.1 ? Math.floor(random() * 3000) : 0;
      const turn = await window.reserve(10_000, afterMs);
      if (!turn.granted) continue;
      starts.push(now + turn.waitMs);
      const counting = starts.slice(-rate.requests);
      const free = rate.requests - counting.filter((start) => start > now - rate.intervalMs).length;
      expect(turn.left, `call ${i}`).toBe(free);
    }
  });
});

describe('parseRate', () => {
  it.each([
    ['900/10s', { requests: 900, intervalMs: 10_000 }],
    ['100/10s', { requests: 100, intervalMs: 10_000 }],
    ['60/2s', { requests: 60, intervalMs: 2_000 }],
  ])('reads %s', (text, rate) => expect(parseRate(text)).toEqual(rate));

  it.each(['900', '900/10', '0/10s', '10/0s', '9.5/10s', '900/10ms', ' 900/10s', '1/1s '.repeat(10)])(
    'refuses %j',
    (text) => expect(parseRate(text)).toBeUndefined(),
  );
});
