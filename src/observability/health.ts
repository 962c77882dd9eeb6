/**
 * Liveness, readiness and draining.
 *
 * - `GET /health` (yoga's health check) answers 200 while the process serves.
 * - `GET /ready` answers 200 when every configured provider answered a cheap authenticated call
 *   (`countUsers`: Clerk `GET /users/count`, Passage a one-user list) within `maxAgeMs`, and 503
 *   with the reasons otherwise; `{"status":"degraded"}` (still 200) while a shared store (Redis)
 *   is lost and the replica runs on its own share. The calls run in the background every `checkMs` from the first
 *   probe on, not per probe, so a probe costs the provider budget nothing.
 * - From the first shutdown signal `/ready` answers 503 and every new request is refused with
 *   503, while requests already in flight finish (`drain`).
 */
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Plugin } from 'graphql-yoga';
import { ProviderError } from '../providers/errors.js';
import type { Provider } from '../providers/types.js';
import type { Logger } from './logger.js';

interface ProviderHealth {
  lastOk?: number;
  lastError?: string;
}

export class Health {
  private readonly state = new Map<string, ProviderHealth>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  draining = false;

  constructor(
    private readonly providers: readonly Provider[],
    private readonly options: {
      checkMs: number;
      maxAgeMs: number;
      log: Logger;
      /** Why the replica serves in a degraded way (Redis lost); undefined when it does not. */
      degraded?: () => string | undefined;
    },
  ) {
    for (const provider of providers) this.state.set(provider.name, {});
  }

  /**
   * Starts the checks on the first probe, so a replica nobody probes spends no provider budget,
   * and answers when the first round is done, so the first probe is not refused for nothing.
   */
  private started: Promise<void> | undefined;

  start(): Promise<void> {
    if (this.started) return this.started;
    this.timer = setInterval(() => void this.check(), this.options.checkMs);
    // The checks never keep a process alive that has nothing else to do.
    this.timer.unref();
    return (this.started = this.check());
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Asks every provider once; each answer or failure is remembered with its time. */
  async check(): Promise<void> {
    await Promise.all(
      this.providers.map(async (provider) => {
        const health = this.state.get(provider.name)!;
        try {
          await provider.countUsers({}, { signal: AbortSignal.timeout(this.options.checkMs) });
          if (health.lastError !== undefined) {
            this.options.log.info({ provider: provider.name }, 'provider answers again');
          }
          health.lastOk = Date.now();
          health.lastError = undefined;
        } catch (error) {
          const code = error instanceof ProviderError ? error.code : 'UNAVAILABLE';
          if (health.lastError === undefined) {
            this.options.log.warn({ provider: provider.name, code }, 'provider readiness check failed');
          }
          health.lastError = code;
        }
      }),
    );
  }

  /** Why this replica should not get traffic; empty when it is ready. */
  reasons(now = Date.now()): string[] {
    if (this.draining) return ['shutting down'];
    const reasons: string[] = [];
    for (const [name, health] of this.state) {
      if (health.lastOk !== undefined && now - health.lastOk <= this.options.maxAgeMs) continue;
      const last =
        health.lastOk === undefined
          ? 'has not answered yet'
          : `last answered ${Math.round((now - health.lastOk) / 1000)} s ago`;
      reasons.push(`${name} ${last}${health.lastError ? ` (${health.lastError})` : ''}`);
    }
    return reasons;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  private async answerReady(endResponse: (response: Response) => void): Promise<void> {
    if (!this.draining) await this.start();
    const reasons = this.reasons();
    // Degraded still takes traffic: every replica loses Redis together, and each still serves.
    const degraded = this.options.degraded?.();
    const ready = degraded === undefined ? { status: 'ready' } : { status: 'degraded', degraded: [degraded] };
    const notReady = {
      status: 'not ready',
      reasons,
      ...(degraded === undefined ? {} : { degraded: [degraded] }),
    };
    endResponse(
      Response.json(reasons.length === 0 ? ready : notReady, {
        status: reasons.length === 0 ? 200 : 503,
      }),
    );
  }

  /** Answers `/ready`, refuses new requests while draining, and counts the ones in flight. */
  plugin(paths: { ready: string; health: string }): Plugin {
    return {
      instrumentation: {
        request: (_payload, wrapped) => {
          this.inFlight += 1;
          let result;
          try {
            result = wrapped();
          } catch (error) {
            this.inFlight -= 1;
            throw error;
          }
          if (result && typeof (result as PromiseLike<void>).then === 'function') {
            return Promise.resolve(result).finally(() => {
              this.inFlight -= 1;
            });
          }
          this.inFlight -= 1;
          return result;
        },
      },
      onRequest: ({ url, endResponse }) => {
        // Synchronous for every other request: only a probe waits.
        if (url.pathname === paths.ready) return this.answerReady(endResponse);
        if (this.draining && url.pathname !== paths.health) {
          endResponse(
            Response.json(
              { errors: [{ message: 'the server is shutting down', extensions: { code: 'SHUTTING_DOWN' } }] },
              { status: 503, headers: { connection: 'close', 'retry-after': '1' } },
            ),
          );
        }
        return undefined;
      },
    };
  }
}

/**
 * Graceful shutdown: `/ready` turns 503, the listener stops accepting, idle connections close,
 * new requests on open ones are refused, and requests in flight get up to `graceMs` to finish.
 * Resolves whether they all did.
 */
export async function drain(http: Server, health: Health, graceMs: number): Promise<boolean> {
  health.draining = true;
  health.stop();
  http.close();
  http.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (health.requestsInFlight > 0 && Date.now() < deadline) await sleep(20);
  const drained = health.requestsInFlight === 0;
  http.closeAllConnections();
  return drained;
}
