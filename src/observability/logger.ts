/**
 * The server's logger: pino, JSON on stdout, one object a line (`LOG_LEVEL`). Every line is built
 * from named fields usergraph chose (ids, codes, counts, route templates), never from a request
 * or response body, so no e-mail, phone, metadata, password, code or key can reach it.
 *
 * `yogaLogger` is what yoga logs through: an upstream failure (a ProviderError, which holds no
 * header, body, URL or key) is one line naming the provider, the code, the status, the
 * provider's trace id and where in the response it landed; anything else is logged whole, with
 * its stack, because it is a bug.
 */
import type { YogaLogger } from 'graphql-yoga';
import { destination as fileDestination, pino, type DestinationStream, type Logger } from 'pino';
import type { ObservabilityConfig } from '../config/observability.js';
import { ProviderError } from '../providers/errors.js';

export type { Logger } from 'pino';

export function createLogger(
  level: ObservabilityConfig['logLevel'],
  destination: DestinationStream = fileDestination({
    dest: 1,
    sync: false,
    // Lines are written a few KB at a time, or at the latest a quarter of a second after they
    // are logged (and at exit): one write per operation line was a system call per request.
    minLength: 4096,
    periodicFlush: 250,
  }),
): Logger {
  return pino({ level, base: { service: 'usergraph' } }, destination);
}

export function yogaLogger(log: Logger): YogaLogger {
  const write = (level: 'info' | 'warn' | 'error', args: unknown[]) => {
    for (const value of args) {
      const upstream = describeUpstream(value);
      if (upstream) log[level](upstream, upstream.message);
      else if (value instanceof Error) log[level]({ err: value }, value.message);
      else log[level](String(value));
    }
  };
  return {
    // yoga traces every request at debug level; that is for debugging yoga, not for operators.
    debug: () => undefined,
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
  };
}

function describeUpstream(value: unknown) {
  const located = value as { originalError?: unknown; path?: readonly (string | number)[] } | undefined;
  const original = located?.originalError ?? value;
  if (!(original instanceof ProviderError)) return undefined;
  return {
    provider: original.provider,
    code: original.code,
    status: original.status,
    upstreamCode: original.upstreamCode,
    upstreamTraceId: original.traceId,
    at: located?.path?.join('.'),
    message: `${original.provider} ${original.code}: ${original.message}`,
  };
}
