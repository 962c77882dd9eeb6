/**
 * The one HTTP client every provider uses, and the only file that imports undici.
 *
 * - A keep-alive Pool per provider with bounded connections and explicit connect, headers and
 *   body timeouts.
 * - undici's retry interceptor with our own decision function: only calls marked safe to
 *   repeat are retried (never a create), on 429/502/503/504 and dropped connections, with
 *   exponential backoff and full jitter, honouring `Retry-After`, and within a retry budget so
 *   retries cannot snowball when the provider is down.
 * - A client-side rate budget (a sliding window), so a wide query waits its turn instead of
 *   running into 429s, but never longer than `maxQueueMs`: past it the call fails RATE_LIMITED
 *   at once with the wait it would have needed.
 * - Each call is first charged to whoever asked (`charge`), so a caller's budget sees every call.
 * - Responses decoded in one place: JSON or a typed ProviderError that carries no header, body
 *   or key.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { interceptors, Pool, type Dispatcher } from 'undici';
import { SlidingWindow, type ProviderBudget } from '../budget/provider-window.js';
import { codeForStatus, ProviderError, type FieldProblem, type ProviderErrorCode } from './errors.js';

/** What a provider's error body says, decoded by the provider's own folder. */
export interface DecodedUpstreamError {
  code?: ProviderErrorCode;
  message?: string;
  upstreamCode?: string;
  fields?: FieldProblem[];
  traceId?: string;
}

export interface HttpClientOptions {
  provider: string;
  /** e.g. `https://api.clerk.com/v1`; paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (auth, API version). Never copied into an error or a log. */
  headers: Record<string, string>;
  /** Reads the provider's error envelope; `body` is undefined when it was not JSON. */
  decodeError: (status: number, body: unknown) => DecodedUpstreamError;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /**
   * Keep-alive connections to the provider, opened as needed; calls past them wait for a free
   * one. Generous because a provider with no batch read needs one call per user side by side.
   * @default 256
   */
  connections?: number;
  retry?: RetryPolicy;
  /**
   * At most `requests` calls start in any `intervalMs` (a sliding window); `undefined` for no
   * client-side budget.
   */
  rateLimit?: { requests: number; intervalMs: number };
  /** The longest a call waits for the rate budget before failing RATE_LIMITED. @default 2000 */
  maxQueueMs?: number;
  /** Replaces the in-process window built from `rateLimit` (one shared by many replicas). */
  budget?: ProviderBudget;
  /** Told of every finished call (logs, metrics, traces); it must not throw. */
  observe?: (call: UpstreamCall) => void;
  /** Given the rate budget once, when there is one, so what is left of it can be read (metrics). */
  observeBudget?: (provider: string, budget: ProviderBudget) => void;
}

/** One finished upstream call: labels only, never an id, key, query or body. */
export interface UpstreamCall {
  provider: string;
  method: HttpRequest['method'];
  /** The path template (`/users/{id}/ban`), so a label never holds an id. */
  route: string;
  /** The last response's status; undefined when none came (timeout, reset, cancelled). */
  status: number | undefined;
  /** From the call's start, waiting for the rate budget included, to its end. */
  durationMs: number;
  /** How long it waited for its turn in the provider's rate budget; undefined with no budget. */
  budgetWaitMs: number | undefined;
  /** Calls the rate budget could start at once, as it took its turn, when the budget can tell. */
  budgetLeft: number | undefined;
  retries: number;
  /** `ok`, or the code of the ProviderError the call failed with. */
  outcome: 'ok' | ProviderErrorCode;
}

export const DEFAULT_MAX_QUEUE_MS = 2_000;

/**
 * Requests arrive a little after they start; widening the window by this much keeps calls that
 * started inside one window from arriving inside a shorter one at the provider.
 */
export const ARRIVAL_MARGIN_MS = 250;

export interface RetryPolicy {
  /** @default 3 */
  maxRetries?: number;
  /** First backoff ceiling; doubles per attempt, full jitter. @default 100 */
  minDelayMs?: number;
  /** @default 2000 */
  maxDelayMs?: number;
  /** A longer `Retry-After` is not waited out: the call fails RATE_LIMITED at once. @default 10000 */
  maxRetryAfterMs?: number;
  /** Retries allowed per request sent, over time (a token bucket). @default 0.2 */
  budgetRatio?: number;
  /** Retries the budget holds when idle. @default 10 */
  budgetBurst?: number;
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Built with `path```; never from string concatenation of ids. */
  path: string;
  /** The path's template (`/users/{id}`), for observers; `endpoint``` gives both. */
  route?: string;
  /** Arrays become repeated keys (`user_id=a&user_id=b`), as both providers expect. */
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data. */
  form?: FormData;
  signal?: AbortSignal;
  /** Runs before the call waits or is sent; what it throws fails the call (a caller's budget). */
  charge?: () => Promise<void>;
  /** The request the call serves, told of it when it ends, after the provider's own `observe`. */
  observer?: { call(call: UpstreamCall): void };
  /** Safe to send twice. Defaults to true for GET, PUT and DELETE, false otherwise. */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** What one call went through on its way: retries, and its wait for the rate budget (first try). */
interface Attempt {
  retries: number;
  budgetWaitMs: number | undefined;
  budgetLeft: number | undefined;
}

const RETRY_STATUSES = [429, 502, 503, 504];
const RETRY_ERROR_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_REQ_RETRY'];

export class HttpClient {
  private readonly pool: Pool;
  private readonly dispatcher: Dispatcher;
  private readonly rateBudget: ProviderBudget | undefined;
  private readonly maxQueueMs: number;
  private readonly budget: RetryBudget;
  private readonly decide: RetryFn;
  private readonly base: URL;

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.replace(/\/+$/, ''));
    const timeouts = options.timeouts ?? {};
    this.pool = new Pool(this.base.origin, {
      connections: options.connections ?? 256,
      connect: { timeout: timeouts.connectMs ?? 5_000 },
      headersTimeout: timeouts.headersMs ?? 10_000,
      bodyTimeout: timeouts.bodyMs ?? 10_000,
    });
    const retry = {
      maxRetries: 3,
      minDelayMs: 100,
      maxDelayMs: 2_000,
      maxRetryAfterMs: 10_000,
      ...options.retry,
    };
    this.budget = new RetryBudget(retry.budgetRatio ?? 0.2, retry.budgetBurst ?? 10);
    this.rateBudget =
      options.budget ??
      (options.rateLimit &&
        new SlidingWindow({
          requests: options.rateLimit.requests,
          intervalMs: options.rateLimit.intervalMs + ARRIVAL_MARGIN_MS,
        }));
    this.maxQueueMs = options.maxQueueMs ?? DEFAULT_MAX_QUEUE_MS;
    if (this.rateBudget) options.observeBudget?.(options.provider, this.rateBudget);
    this.decide = decideRetry(
      retry,
      this.budget,
      this.rateBudget && { window: this.rateBudget, maxWaitMs: this.maxQueueMs },
    );
    this.dispatcher = this.pool.compose(
      interceptors.retry({
        maxRetries: retry.maxRetries,
        throwOnError: false, // the last failed response keeps its body, so the error can be decoded
        methods: ['GET', 'PUT', 'DELETE', 'POST', 'PATCH'], // whether a call may repeat is decided per request
        statusCodes: RETRY_STATUSES,
        errorCodes: RETRY_ERROR_CODES,
        retry: this.decide,
      }),
    );
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const idempotent =
      req.idempotent ?? (req.method === 'GET' || req.method === 'PUT' || req.method === 'DELETE');
    const started = performance.now();
    const attempt: Attempt = { retries: 0, budgetWaitMs: undefined, budgetLeft: undefined };
    try {
      await req.charge?.();
      if (this.rateBudget) await this.waitForTurn(req.signal, attempt);
      const response = await this.send(req, idempotent, attempt);
      this.observed(req, started, attempt, response.status, 'ok');
      return response;
    } catch (error) {
      const failure = this.toProviderError(error, req.signal);
      this.observed(req, started, attempt, failure.status, failure.code);
      throw failure;
    }
  }

  private observed(
    req: HttpRequest,
    started: number,
    attempt: Attempt,
    status: number | undefined,
    outcome: UpstreamCall['outcome'],
  ): void {
    if (!this.options.observe && !req.observer) return;
    const call: UpstreamCall = {
      provider: this.options.provider,
      method: req.method,
      route: req.route ?? 'unnamed',
      status,
      durationMs: performance.now() - started,
      budgetWaitMs: attempt.budgetWaitMs,
      budgetLeft: attempt.budgetLeft,
      retries: attempt.retries,
      outcome,
    };
    this.options.observe?.(call);
    req.observer?.call(call);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Waits for the call's slot in the rate budget; a caller that goes away stops waiting at once. */
  private async waitForTurn(signal: AbortSignal | undefined, attempt: Attempt): Promise<void> {
    signal?.throwIfAborted();
    const turn = await (this.rateBudget as ProviderBudget).reserve(this.maxQueueMs);
    attempt.budgetWaitMs = turn.granted ? turn.waitMs : 0;
    if (turn.granted) attempt.budgetLeft = turn.left;
    if (!turn.granted) {
      const retryAfterSeconds = Math.max(1, Math.ceil(turn.retryAfterMs / 1000));
      throw new ProviderError({
        provider: 'usergraph',
        code: 'RATE_LIMITED',
        message: `no turn in ${this.options.provider}'s request budget within ${this.maxQueueMs} ms; retry in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      });
    }
    if (turn.waitMs > 0) await sleep(turn.waitMs, undefined, { signal });
  }

  private async send(req: HttpRequest, idempotent: boolean, attempt: Attempt): Promise<HttpResponse> {
    this.budget.deposit();
    const { body, contentType } = await encodeBody(req);
    const response = await this.dispatcher.request({
      origin: this.base.origin,
      method: req.method,
      path: this.base.pathname + req.path + queryString(req.query),
      headers: {
        accept: 'application/json',
        ...this.options.headers,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body,
      signal: req.signal,
      // Per request: a call that is not safe to repeat gets no retries at all.
      retryOptions: idempotent ? { retry: this.counted(attempt) } : { maxRetries: 0 },
    } as Dispatcher.RequestOptions);
    const text = await response.body.text();
    const parsed = parseJson(text);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (parsed.ok) return { status: response.statusCode, body: parsed.value };
      throw this.error(
        'UPSTREAM_INVALID',
        `${this.options.provider} answered ${response.statusCode} with a body that is not JSON`,
        {
          status: response.statusCode,
        },
      );
    }
    const decoded = this.options.decodeError(response.statusCode, parsed.ok ? parsed.value : undefined);
    throw this.error(
      decoded.code ?? codeForStatus(response.statusCode),
      decoded.message ?? `${this.options.provider} answered ${response.statusCode}`,
      {
        status: response.statusCode,
        upstreamCode: decoded.upstreamCode,
        fields: decoded.fields,
        traceId: decoded.traceId,
        retryAfterSeconds: parseRetryAfterSeconds(response.headers['retry-after']),
      },
    );
  }

  /** The retry decision, counting the retries it allows for this one call. */
  private counted(attempt: Attempt): RetryFn {
    return (err, context, callback) =>
      this.decide(err, context, (retryError) => {
        if (retryError == null) attempt.retries += 1;
        return callback(retryError);
      });
  }

  private error(
    code: ProviderErrorCode,
    message: string,
    extra: Partial<ConstructorParameters<typeof ProviderError>[0]> = {},
  ) {
    return new ProviderError({ provider: this.options.provider, code, message, ...extra });
  }

  /** Maps transport failures to codes; the message names the failure, never the URL or headers. */
  private toProviderError(error: unknown, signal: AbortSignal | undefined): ProviderError {
    if (error instanceof ProviderError) return error;
    const code = (error as { code?: string }).code ?? '';
    const name = (error as { name?: string }).name ?? '';
    if (signal?.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError') {
      return new ProviderError({
        provider: 'usergraph',
        code: 'TIMEOUT',
        message: `the operation's deadline passed before ${this.options.provider} answered`,
      });
    }
    if (signal?.aborted || name === 'AbortError' || code === 'UND_ERR_ABORTED') {
      return this.error('ABORTED', `${this.options.provider} call cancelled by the caller`);
    }
    if (
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    ) {
      return this.error('TIMEOUT', `${this.options.provider} did not answer in time (${code})`);
    }
    return this.error(
      'UNAVAILABLE',
      `${this.options.provider} could not be reached (${code || name || 'connection failed'})`,
    );
  }
}

/**
 * A URL path whose interpolated values are each encoded as one segment, so an id such as
 * `../x`, `a/b` or `a?b` can never change which endpoint is called. Empty values are refused.
 */
export function path(strings: TemplateStringsArray, ...values: readonly string[]): string {
  return strings.reduce((out, literal, i) => {
    if (i === 0) return literal;
    const value = values[i - 1] ?? '';
    if (value.trim() === '') {
      throw new ProviderError({
        provider: 'usergraph',
        code: 'INVALID_INPUT',
        message: 'an id must not be empty',
      });
    }
    // encodeURIComponent leaves dots alone; a `.` or `..` segment would be resolved away.
    const encoded = /^\.+$/.test(value) ? value.replace(/\./g, '%2E') : encodeURIComponent(value);
    return out + encoded + literal;
  }, '');
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function encodeBody(req: HttpRequest): Promise<{ body?: string | Buffer; contentType?: string }> {
  if (req.form) {
    // Serialized once up front so a retry can replay it.
    const encoded = new Response(req.form);
    return {
      body: Buffer.from(await encoded.arrayBuffer()),
      contentType: encoded.headers.get('content-type') ?? undefined,
    };
  }
  if (req.json !== undefined) return { body: JSON.stringify(req.json), contentType: 'application/json' };
  return {};
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseRetryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Each request deposits `ratio` tokens (up to `burst`); each retry spends one. */
class RetryBudget {
  private tokens: number;

  constructor(
    private readonly ratio: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  deposit(): void {
    this.tokens = Math.min(this.burst, this.tokens + this.ratio);
  }

  trySpend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

type RetryFn = NonNullable<NonNullable<Parameters<typeof interceptors.retry>[0]>['retry']>;

function decideRetry(
  policy: Required<Omit<RetryPolicy, 'budgetRatio' | 'budgetBurst'>>,
  budget: RetryBudget,
  /** A retry is a call too: it takes its own turn in the provider's window. */
  rate: { window: ProviderBudget; maxWaitMs: number } | undefined,
): RetryFn {
  return (err, { state, opts }, callback) => {
    const { statusCode, code, headers } = err as Error & {
      statusCode?: number;
      code?: string;
      headers?: Record<string, string>;
    };
    const maxRetries = opts.retryOptions?.maxRetries ?? policy.maxRetries;
    const retryable =
      state.counter <= maxRetries &&
      (statusCode === undefined
        ? RETRY_ERROR_CODES.includes(code ?? '')
        : RETRY_STATUSES.includes(statusCode));
    if (!retryable) return callback(err);
    const retryAfterSeconds = parseRetryAfterSeconds(headers?.['retry-after']);
    const retryAfterMs = retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000;
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return callback(err);
    if (!budget.trySpend()) return callback(err);
    const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (state.counter - 1));
    const delay = retryAfterMs ?? Math.round(Math.random() * ceiling);
    if (!rate) {
      setTimeout(() => callback(null), delay);
      return null;
    }
    rate.window.reserve(rate.maxWaitMs, delay).then(
      (turn) => (turn.granted ? setTimeout(() => callback(null), turn.waitMs) : callback(err)),
      () => callback(err),
    );
    return null;
  };
}
