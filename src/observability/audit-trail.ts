/**
 * Where audit lines go: the log on stdout and, with `USERGRAPH_AUDIT_LOG`, appended to that file
 * too, one JSON object a line with `"audit": true`. The server (audit.ts) and the migration CLI
 * write through it; it loads nothing but pino.
 */
import { destination, pino, type Logger } from 'pino';

export type AuditEntry = Record<string, unknown>;

export interface AuditTrail {
  write(entry: AuditEntry): void;
}

export function createAuditTrail(log: Logger, file: string | undefined): AuditTrail {
  // Synchronous appends: an audit line is rare and must not be lost with the process.
  const fileLog =
    file === undefined
      ? undefined
      : pino(
          { base: { service: 'usergraph' } },
          destination({ dest: file, append: true, sync: true, mkdir: true }),
        );
  return {
    write(entry) {
      const line = { audit: true, ...entry };
      log.info(line, 'audit');
      fileLog?.info(line, 'audit');
    },
  };
}
