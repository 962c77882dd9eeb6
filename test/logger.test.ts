import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { ProviderError } from '../src/providers/errors.js';

describe('createLogger', () => {
  const capture = () => {
    const lines: unknown[][] = [];
    const write = {
      info: (...a: unknown[]) => lines.push(a),
      warn: (...a: unknown[]) => lines.push(a),
      error: (...a: unknown[]) => lines.push(a),
    };
    return { lines, logger: createLogger(write) };
  };

  it('logs an upstream failure as one line: provider, code, status, trace id and where it landed', () => {
    const { lines, logger } = capture();
    const upstream = new ProviderError({
      provider: 'clerk',
      code: 'UNAVAILABLE',
      message: 'Service unavailable',
      status: 503,
      upstreamCode: 'service_unavailable',
      traceId: 'trace_1',
    });
    logger.error({ originalError: upstream, path: ['users', 'edges', 2, 'node', 'devices'] });
    expect(lines).toEqual([
      [
        'clerk UNAVAILABLE: Service unavailable (status 503, upstream service_unavailable, trace trace_1, at users.edges.2.node.devices)',
      ],
    ]);
  });

  it('logs anything else whole, and nothing at debug level', () => {
    const { lines, logger } = capture();
    const bug = new TypeError('cannot read x of undefined');
    logger.debug('Parsing request');
    logger.error(bug);
    expect(lines).toEqual([[bug]]);
  });
});
