/**
 * An operation's call options (src/budget/operation.ts): the deadline is armed by the first
 * upstream call and released by `end()`, which the deadline plugin calls once execution is done.
 * A released deadline must not fire later: it would abort nothing useful, and a timer and a
 * listener per finished operation would pile up on a busy server.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { upstreamCallOptions } from '../../src/budget/operation.js';
import type { Caller } from '../../src/plugins/use-caller-auth.js';

const budget = { callers: undefined, requestTimeoutMs: 40 };
const gateway: Caller = { kind: 'gateway', scopes: new Set() };

describe('an operation’s deadline', () => {
  it('aborts the calls of an operation still running when it passes, as a timeout', async () => {
    const { call, end } = upstreamCallOptions(budget, new Request('http://usergraph.test/graphql'), gateway);
    const signal = call.signal!;
    await sleep(80);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe('TimeoutError');
    end();
  });

  it('does not fire once the operation has ended', async () => {
    const { call, end } = upstreamCallOptions(budget, new Request('http://usergraph.test/graphql'), gateway);
    const signal = call.signal!;
    end();
    await sleep(80);
    expect(signal.aborted).toBe(false);
  });

  it('aborts the calls when the client goes away, before the deadline', () => {
    const client = new AbortController();
    const request = new Request('http://usergraph.test/graphql', { signal: client.signal });
    const { call, end } = upstreamCallOptions(budget, request, gateway);
    const signal = call.signal!;
    client.abort(new Error('gone'));
    expect(signal.aborted).toBe(true);
    end();
  });

  it('is never armed by an operation that makes no call, and ending it is harmless', () => {
    const { call, end } = upstreamCallOptions(budget, new Request('http://usergraph.test/graphql'), gateway);
    end();
    // A call after the end (none is expected) gets a signal that nothing will abort.
    expect(call.signal!.aborted).toBe(false);
  });
});
