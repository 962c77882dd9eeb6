/**
 * yoga's logger. An upstream failure (a ProviderError, which by construction holds no header,
 * body, URL or key) is one line naming the provider, the code, the status, the provider's trace
 * id and where in the response it landed; anything else is logged whole, because it is a bug.
 */
import type { YogaLogger } from 'graphql-yoga';
import { ProviderError } from './providers/errors.js';

export function createLogger(write: Pick<Console, 'info' | 'warn' | 'error'> = console): YogaLogger {
  const describe = (value: unknown): unknown => {
    const located = value as { originalError?: unknown; path?: readonly (string | number)[] } | undefined;
    const original = located?.originalError ?? value;
    if (!(original instanceof ProviderError)) return value;
    const details = [
      original.status === undefined ? undefined : `status ${original.status}`,
      original.upstreamCode && `upstream ${original.upstreamCode}`,
      original.traceId && `trace ${original.traceId}`,
      located?.path && `at ${located.path.join('.')}`,
    ].filter(Boolean);
    return `${original.provider} ${original.code}: ${original.message}${details.length ? ` (${details.join(', ')})` : ''}`;
  };
  return {
    // yoga traces every request at debug level; that is for debugging yoga, not for operators.
    debug: () => undefined,
    info: (...args) => write.info(...args),
    warn: (...args) => write.warn(...args.map(describe)),
    error: (...args) => write.error(...args.map(describe)),
  };
}
