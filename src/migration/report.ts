/**
 * The files a run leaves in its folder, rewritten at every end (a dry run's carry a `dry-run-`
 * prefix, so they never replace a real run's; an attempt that ends before it has planned every
 * user leaves an earlier attempt's files as they were, see engine.ts):
 *
 * - `report.json`: state, counts by outcome and by code, warnings, when;
 * - `users.csv`: every user's outcome, code and follow-up;
 * - `id-map.csv` and `id-map.json`: source id → target id, for every user now in the target;
 * - `passkey-reenrolment.csv`: users who had passkeys, which cannot move;
 * - `social-relink.csv`: users who signed in with a social provider, to link again.
 *
 * Ids, codes and counts only: never an e-mail address, a phone number or a metadata value.
 *
 * The per-user files are written as the run goes, a row at a time in source order, into
 * temporary files renamed over the old ones at the end: each is replaced whole or not at all,
 * and no report is ever held in memory. A real run's id map comes from its journal, which
 * outlives any one end of the run: a re-run that ends before it knows every user (a failure
 * while planning) keeps the ids an earlier run mapped, dropping only those undo has deleted.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { OWN_OUTCOMES, type RunStore } from './journal.js';
import { OUTCOMES, type MigrationProgress, type Outcome, type UserReport } from './types.js';

const USERS_HEADER = [
  'source_id',
  'position',
  'outcome',
  'target_id',
  'code',
  'follow_up',
  'passkeys',
  'social_providers',
  'message',
];
const FLUSH_CHARS = 1 << 16;

/** One report file being written: buffered, then renamed into place at the end. */
class RowFile {
  private readonly fd: number;
  private buffer = '';
  readonly temporary: string;

  constructor(readonly path: string) {
    this.temporary = `${path}.${process.pid}.partial`;
    this.fd = openSync(this.temporary, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  commit(): string {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
    return this.path;
  }

  discard(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** Writes one pass's per-user rows in source order; `finish` puts them and the summary in place. */
export class ReportWriter {
  private readonly files: Record<string, RowFile> = {};
  private readonly codes: Record<string, number> = {};
  private idMapRows = 0;
  private readonly prefix: string;

  constructor(
    private readonly store: RunStore,
    private readonly dryRun: boolean,
  ) {
    this.prefix = dryRun ? 'dry-run-' : '';
    const open = (name: string, header?: string[]) => {
      const file = new RowFile(join(store.dir, this.prefix + name));
      if (header) file.write(csvRow(header));
      this.files[name] = file;
    };
    open('users.csv', USERS_HEADER);
    open('passkey-reenrolment.csv', ['source_id', 'target_id', 'passkeys']);
    open('social-relink.csv', ['source_id', 'target_id', 'social_providers']);
    // A dry run's id map is what it found; a real run's comes from the journal at the end.
    if (dryRun) {
      open('id-map.csv', ['source_id', 'target_id', 'outcome']);
      open('id-map.json');
      this.files['id-map.json']!.write('{');
    }
  }

  write(u: UserReport): void {
    if (u.code) this.codes[u.code] = (this.codes[u.code] ?? 0) + 1;
    this.files['users.csv']!.write(
      csvRow([
        u.sourceId,
        u.position,
        u.outcome,
        u.targetId,
        u.code,
        u.followUp,
        u.passkeys,
        u.socialProviders.join(' '),
        u.message,
      ]),
    );
    if (u.passkeys > 0)
      this.files['passkey-reenrolment.csv']!.write(csvRow([u.sourceId, u.targetId, u.passkeys]));
    if (u.socialProviders.length > 0) {
      this.files['social-relink.csv']!.write(csvRow([u.sourceId, u.targetId, u.socialProviders.join(' ')]));
    }
    if (this.dryRun && u.sourceId !== null && u.targetId !== null)
      this.mapped(u.sourceId, u.targetId, u.outcome);
  }

  /** Puts every file in place; returns them by name. */
  finish(progress: MigrationProgress): Record<string, string> {
    if (!this.dryRun) {
      this.files['id-map.csv'] = new RowFile(join(this.store.dir, 'id-map.csv'));
      this.files['id-map.csv'].write(csvRow(['source_id', 'target_id', 'outcome']));
      this.files['id-map.json'] = new RowFile(join(this.store.dir, 'id-map.json'));
      this.files['id-map.json'].write('{');
      for (const row of journaledIdMap(this.store)) this.mapped(row.sourceId, row.targetId, row.outcome);
    }
    this.files['id-map.json']!.write(this.idMapRows > 0 ? '\n}\n' : '}\n');
    const written: Record<string, string> = {
      'report.json': this.store.writeFile(
        `${this.prefix}report.json`,
        `${JSON.stringify({ ...progress, codes: this.codes }, null, 2)}\n`,
      ),
    };
    for (const [name, file] of Object.entries(this.files)) written[name] = file.commit();
    return written;
  }

  /** Drops what was written: another pass writes the report. */
  discard(): void {
    for (const file of Object.values(this.files)) file.discard();
  }

  private mapped(sourceId: string, targetId: string, outcome: string): void {
    this.files['id-map.csv']!.write(csvRow([sourceId, targetId, outcome]));
    const entry = `${JSON.stringify(sourceId)}: ${JSON.stringify(targetId)}`;
    this.files['id-map.json']!.write(`${this.idMapRows > 0 ? ',' : ''}\n  ${entry}`);
    this.idMapRows += 1;
  }
}

/** Every source user the journal knows in the target and not deleted since, with how it got there. */
function* journaledIdMap(
  store: RunStore,
): Generator<{ sourceId: string; targetId: string; outcome: Outcome }> {
  for (const [sourceId, user] of store.users()) {
    if (user.deleted) continue;
    const outcome = user.finished?.outcome;
    if (user.targetId && outcome && (OWN_OUTCOMES.has(outcome) || outcome === 'ADOPTED')) {
      yield { sourceId, targetId: user.targetId, outcome };
    } else if (user.lookup?.existing) {
      yield { sourceId, targetId: user.lookup.existing, outcome: user.lookup.ours ? 'CREATED' : 'ADOPTED' };
    } else if (user.targetId && user.createSent) {
      yield { sourceId, targetId: user.targetId, outcome: 'CREATED' };
    }
  }
}

/** The per-user report a run wrote, read back from its `users.csv`. */
export function readUserReports(file: string | undefined): UserReport[] {
  if (!file) return [];
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
  } catch {
    return [];
  }
  const orNull = (value: string | undefined) => (value ? value : null);
  return rows.map((row) => ({
    sourceId: orNull(row.source_id),
    position: Number(row.position),
    outcome: (OUTCOMES as readonly string[]).includes(row.outcome ?? '')
      ? (row.outcome as Outcome)
      : 'PENDING',
    targetId: orNull(row.target_id),
    code: orNull(row.code),
    followUp: orNull(row.follow_up),
    passkeys: Number(row.passkeys),
    socialProviders: row.social_providers ? row.social_providers.split(' ') : [],
    message: orNull(row.message),
  }));
}

function csvRow(row: (string | number | null)[]): string {
  return `${row.map(cell).join(',')}\n`;
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
