/**
 * Every request that reached an emulated provider, so a test can assert what a GraphQL query
 * cost upstream. Entries carry no credentials: no headers, and bodies only with secret-bearing
 * fields redacted. The newest `capacity` entries are kept; the counters are never truncated.
 */
import type { FaultKind } from './faults.js';
import type { ProviderName } from './provider.js';

export interface LoggedRequest {
  seq: number;
  at: string;
  provider: ProviderName;
  method: string;
  /** The path below the provider's mount point, as sent (percent-encoded). */
  path: string;
  /** The matched spec template, e.g. `/users/{user_id}`; absent when nothing matched. */
  route?: string;
  /** The raw query string without the leading `?`. */
  query: string;
  /** The JSON body, secrets redacted; absent for empty or non-JSON bodies. */
  body?: unknown;
  /** The status sent, or 0 when the connection was dropped or never answered. */
  status: number;
  durationMs: number;
  /** The injected fault that shaped this response, if any. */
  fault?: FaultKind;
  /** True when the emulator's rate limit refused the request. */
  rateLimited?: boolean;
  /** True when the client closed the connection while a latency fault held the answer back. */
  clientClosed?: boolean;
}

export interface RequestFilter {
  provider?: ProviderName;
  method?: string;
  route?: string;
}

const SECRET_FIELDS = new Set([
  'password',
  'code',
  'totp_secret',
  'backup_codes',
  'password_digest',
  'token',
]);

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private countsByRoute = new Map<string, number>();

  constructor(private readonly capacity = 50_000) {}

  record(entry: Omit<LoggedRequest, 'seq' | 'at'>): LoggedRequest {
    const logged: LoggedRequest = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.entries.push(logged);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    const key = counterKey(logged);
    this.countsByRoute.set(key, (this.countsByRoute.get(key) ?? 0) + 1);
    return logged;
  }

  list(filter: RequestFilter = {}): LoggedRequest[] {
    return this.entries.filter(
      (entry) =>
        (filter.provider === undefined || entry.provider === filter.provider) &&
        (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
        (filter.route === undefined || entry.route === filter.route),
    );
  }

  /** Requests per `provider METHOD route` (unrouted requests count under their raw path). */
  counts(): { total: number; byRoute: Record<string, number> } {
    return { total: this.seq, byRoute: Object.fromEntries(this.countsByRoute) };
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
    this.countsByRoute.clear();
  }
}

function counterKey(entry: LoggedRequest): string {
  return `${entry.provider} ${entry.method} ${entry.route ?? entry.path}`;
}

/** A deep copy of a JSON body with secret-bearing fields replaced, safe to keep in the log. */
/**
 * The most of `times` (epoch ms) inside any span of `intervalMs`: the busiest window of a sliding
 * limit, which is how a rate-limit test or benchmark reads the log against a provider's budget.
 */
export function busiestWindow(times: readonly number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= intervalMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [
        key,
        SECRET_FIELDS.has(key) ? '[redacted]' : redactBody(field),
      ]),
    );
  }
  return value;
}
