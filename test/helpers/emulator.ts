/**
 * One emulator per test file, on a free port, reset to its seeded state before every test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type RunningEmulator, type StartOptions } from '../../src/emulator/index.js';

export function useEmulator(options: StartOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ users: 20, ...options });
  });
  afterAll(async () => {
    await running?.stop();
  });
  beforeEach(() => {
    running?.control.reset();
  });
  return () => {
    if (!running)
      throw new Error('the emulator is not running: call useEmulator() at the top of a describe block');
    return running;
  };
}

/** A JSON request to the emulator, returning status, headers and the parsed body (or the raw text). */
export async function call(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    rawBody?: string | Uint8Array;
  } = {},
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  // Bytes are copied into a plain ArrayBuffer, the only kind fetch's body type takes.
  let body =
    typeof init.rawBody === 'string' || init.rawBody === undefined
      ? init.rawBody
      : new Uint8Array(init.rawBody);
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // leave the raw text: some tests assert on non-JSON bodies
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
