/**
 * The emulator's HTTP pipeline, built without listening: `createEmulator(options)` returns a
 * node:http handler and the control object; `startEmulator` (index.ts) listens.
 *
 * One request to a provider goes: latency faults → an outcome fault that replaces the answer
 * (status, reset, timeout) → the provider's auth check → the rate limit → routing (the
 * provider's own 404) → the handler → an outcome fault that mangles the answer (garbage,
 * slow body, reset after handling) → the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClerkEmulator } from './clerk/index.js';
import { createControl, type EmulatorControl } from './control.js';
import { FaultInjector, type FaultKind, type OutcomeFault } from './faults.js';
import type { MountedProvider, RequestTarget } from './mounted-provider.js';
import { createPassageEmulator } from './passage/index.js';
import {
  MalformedBodyError,
  type EmulatorKeys,
  type EmulatorRequest,
  type EmulatorResponse,
  type ProviderEmulator,
} from './provider.js';
import { DEMO_KEYS, type EmulatorOptions } from './options.js';
import { Random } from './random.js';
import { redactBody, RequestLog } from './request-log.js';
import { ProviderRouter } from './router.js';
import { WebhookSender } from './webhooks.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface Emulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  control: EmulatorControl;
  keys: EmulatorKeys;
  /** Where Clerk's webhooks go (`configure`), and `settled()` to wait for those sent. */
  webhooks: WebhookSender;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const keys: EmulatorKeys = { ...DEMO_KEYS, ...definedOnly(options.keys ?? {}) };
  const seed = options.seed ?? 1;
  const onError = options.onError ?? ((error) => console.error('[emulator] handler failed:', error));

  // Adding a provider: one folder implementing ProviderEmulator, and one line here.
  const providers: MountedProvider[] = [
    createClerkEmulator({ secretKey: keys.clerkSecretKey, environment: options.clerkEnvironment }),
    createPassageEmulator({ appId: keys.passageAppId, apiKey: keys.passageApiKey }),
  ].map((emulator) => ({
    emulator,
    mount: `/${emulator.name}/v1`,
    router: new ProviderRouter(emulator.routes),
    limiter: undefined,
  }));

  const faults = new FaultInjector(new Random(seed));
  const webhooks = new WebhookSender(faults, new Random(seed ^ 0x3eb_4001), onError);
  webhooks.configure(options.webhooks);
  const log = new RequestLog();
  const control = createControl({ providers, faults, log, options: { ...options, seed } });
  control.reset();

  async function handleProvider(
    provider: MountedProvider,
    req: IncomingMessage,
    res: ServerResponse,
    url: RequestTarget,
  ) {
    const started = performance.now();
    const path = url.pathname.slice(provider.mount.length) || '/';
    const { emulator } = provider;
    const body = await readBody(req);
    if (body === undefined) {
      return sendJson(res, { status: 413, body: { error: 'request body too large' } });
    }
    const base = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body };
    const match = provider.router.find(base.method, path);
    const entry = {
      provider: emulator.name,
      method: base.method,
      path,
      route: match?.route.template,
      query: url.search.slice(1),
      body: parseJsonQuietly(body),
    };
    const record = (
      status: number,
      extra: { fault?: FaultKind; rateLimited?: boolean; clientClosed?: boolean } = {},
    ) => log.record({ ...entry, status, durationMs: Math.round(performance.now() - started), ...extra });

    const decision = faults.decide({
      provider: emulator.name,
      method: base.method,
      route: match?.route.template,
      path,
    });
    if (decision.performIfClosed) await sleep(decision.delayMs);
    else if (decision.delayMs > 0 && !(await delayUnlessClosed(res, decision.delayMs))) {
      return record(0, { fault: 'latency', clientClosed: true });
    }
    const outcome = decision.outcome;

    if (outcome?.kind === 'status') {
      record(outcome.status, { fault: 'status' });
      return sendJson(res, emulator.errorFor(outcome.status, outcome.retryAfter));
    }
    if (outcome?.kind === 'timeout') {
      record(0, { fault: 'timeout' });
      return; // never answered; the socket is destroyed when the client gives up or on stop()
    }
    if (outcome?.kind === 'reset' && !outcome.afterHandler) {
      record(0, { fault: 'reset' });
      return req.socket.destroy();
    }

    let response = emulator.authenticate(base);
    if (!response && provider.limiter) {
      const decision = provider.limiter.take();
      if (!decision.allowed) {
        record(429, { rateLimited: true });
        return sendJson(res, emulator.errorFor(429, decision.retryAfterSeconds));
      }
    }
    if (!response && !match) response = emulator.notFound(base);
    if (!response && match) {
      response = await runHandler(emulator, match.route.handle, { ...base, params: match.params });
      // Sent whatever the answer's fate below: the change happened upstream either way.
      const events = emulator.userEvents?.(match.route.template, { ...base, params: match.params }, response);
      for (const event of events ?? []) webhooks.send(event);
    }
    const answer = response as EmulatorResponse;

    if (outcome?.kind === 'reset') {
      record(0, { fault: 'reset' });
      return req.socket.destroy();
    }
    if (outcome?.kind === 'garbage') {
      record(answer.status, { fault: 'garbage' });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      return res.end('{"errors":[{"message":"<html>502 Bad Gateway</html>'); // cut short: not JSON
    }
    if (outcome?.kind === 'slow_body') {
      record(answer.status, { fault: 'slow_body' });
      return sendSlowly(res, answer, outcome.chunkDelayMs);
    }
    // Performed after its client hung up (a latency fault's performIfClosed): nobody to answer.
    if (req.socket.destroyed) return record(answer.status, { fault: 'latency', clientClosed: true });
    record(answer.status);
    return sendJson(res, answer);
  }

  async function runHandler(
    emulator: ProviderEmulator,
    handle: (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>,
    base: Omit<EmulatorRequest, 'json'>,
  ): Promise<EmulatorResponse> {
    const request: EmulatorRequest = {
      ...base,
      json() {
        if (base.body.length === 0) return undefined;
        try {
          return JSON.parse(base.body.toString('utf8'));
        } catch {
          throw new MalformedBodyError('request body is not valid JSON');
        }
      },
    };
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof MalformedBodyError) return emulator.errorFor(400);
      onError(error);
      return emulator.errorFor(500);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = parseTarget(req.url ?? '/');
    const run = async () => {
      if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) {
        const body = await readBody(req);
        return sendJson(res, control.handleHttp(req.method ?? 'GET', url, body ?? Buffer.alloc(0)));
      }
      const provider = providers.find(
        (p) => url.pathname === p.mount || url.pathname.startsWith(`${p.mount}/`),
      );
      if (!provider) {
        return sendJson(res, {
          status: 404,
          body: {
            error: `no emulated provider at ${url.pathname}; try ${providers.map((p) => p.mount).join(' or ')}`,
          },
        });
      }
      return handleProvider(provider, req, res, url);
    };
    run().catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) sendJson(res, { status: 500, body: { error: 'emulator failure' } });
      else res.destroy();
    });
  }

  return { handle, control, keys, webhooks };
}

/**
 * Waits `ms` unless the client closes the connection first (false then), so a test can see that
 * a client gave up on a slow answer, and the emulator holds no timer for a request nobody awaits.
 */
async function delayUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  const closed = new AbortController();
  const onClose = () => closed.abort();
  res.once('close', onClose);
  try {
    await sleep(ms, undefined, { signal: closed.signal });
    return true;
  } catch {
    return false;
  } finally {
    res.off('close', onClose);
  }
}

/**
 * The request target exactly as sent. WHATWG URL parsing would resolve `..` and `%2E%2E`
 * segments, but a provider sees those as ids (and must answer 404 for them), so the path is
 * never normalized here.
 */
function parseTarget(raw: string): RequestTarget {
  const queryAt = raw.indexOf('?');
  const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const search = queryAt === -1 ? '' : raw.slice(queryAt);
  return { pathname, search, searchParams: new URLSearchParams(search) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJsonQuietly(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return redactBody(JSON.parse(body.toString('utf8')));
  } catch {
    return undefined;
  }
}

function encode(response: EmulatorResponse): {
  headers: Record<string, string>;
  payload: Buffer | undefined;
} {
  const headers = { ...response.headers };
  if (response.body === undefined) return { headers, payload: undefined };
  if (Buffer.isBuffer(response.body)) return { headers, payload: response.body };
  // Exactly `application/json`: @clerk/backend parses a body as JSON only on that exact value.
  headers['content-type'] ??= 'application/json';
  return { headers, payload: Buffer.from(JSON.stringify(response.body)) };
}

function sendJson(res: ServerResponse, response: EmulatorResponse): void {
  const { headers, payload } = encode(response);
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

async function sendSlowly(
  res: ServerResponse,
  response: EmulatorResponse,
  chunkDelayMs: number,
): Promise<void> {
  const { headers, payload } = encode(response);
  res.writeHead(response.status, headers);
  const bytes = payload ?? Buffer.alloc(0);
  const chunkSize = Math.max(1, Math.ceil(bytes.length / 8));
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    if (res.destroyed) return;
    res.write(bytes.subarray(offset, offset + chunkSize));
    await sleep(chunkDelayMs);
  }
  res.end();
}
