/**
 * The files a run leaves in its folder, rewritten at every end (a dry run's carry a `dry-run-`
 * prefix, so they never replace a real run's):
 *
 * - `report.json`: state, counts by outcome and by code, warnings, when;
 * - `users.csv`: every user's outcome, code and follow-up;
 * - `id-map.csv` and `id-map.json`: source id → target id, for every user now in the target;
 * - `passkey-reenrolment.csv`: users who had passkeys, which cannot move;
 * - `social-relink.csv`: users who signed in with a social provider, to link again.
 *
 * Ids, codes and counts only: never an e-mail address, a phone number or a metadata value.
 * Each file is replaced whole (journal.ts), and the id map only grows: a re-run that ends before
 * it knows every user (a failure while planning) keeps the ids an earlier run mapped, dropping
 * only those undo has deleted since.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { RunStore } from './journal.js';
import type { MigrationProgress, UserReport } from './types.js';

export function writeReports(
  store: RunStore,
  progress: MigrationProgress,
  users: readonly UserReport[],
): Record<string, string> {
  const prefix = progress.dryRun ? 'dry-run-' : '';
  const mapped: { sourceId: string; targetId: string; outcome: string }[] = users.flatMap((u) =>
    u.targetId !== null && u.sourceId !== null
      ? [{ sourceId: u.sourceId, targetId: u.targetId, outcome: u.outcome }]
      : [],
  );
  const known = new Set(mapped.map((u) => u.sourceId));
  for (const earlier of previousIdMap(join(store.dir, `${prefix}id-map.csv`))) {
    if (!known.has(earlier.sourceId) && !store.user(earlier.sourceId)?.deleted) mapped.push(earlier);
  }
  const codes: Record<string, number> = {};
  for (const user of users) if (user.code) codes[user.code] = (codes[user.code] ?? 0) + 1;
  const contents: Record<string, string> = {
    'report.json': `${JSON.stringify({ ...progress, codes }, null, 2)}\n`,
    'users.csv': csv(
      [
        'source_id',
        'position',
        'outcome',
        'target_id',
        'code',
        'follow_up',
        'passkeys',
        'social_providers',
        'message',
      ],
      users.map((u) => [
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
    ),
    'id-map.csv': csv(
      ['source_id', 'target_id', 'outcome'],
      mapped.map((u) => [u.sourceId, u.targetId, u.outcome]),
    ),
    'id-map.json': `${JSON.stringify(Object.fromEntries(mapped.map((u) => [u.sourceId, u.targetId])), null, 2)}\n`,
    'passkey-reenrolment.csv': csv(
      ['source_id', 'target_id', 'passkeys'],
      users.filter((u) => u.passkeys > 0).map((u) => [u.sourceId, u.targetId, u.passkeys]),
    ),
    'social-relink.csv': csv(
      ['source_id', 'target_id', 'social_providers'],
      users
        .filter((u) => u.socialProviders.length > 0)
        .map((u) => [u.sourceId, u.targetId, u.socialProviders.join(' ')]),
    ),
  };
  return Object.fromEntries(
    Object.entries(contents).map(([name, text]) => [name, store.writeFile(prefix + name, text)]),
  );
}

/** The rows of an id map an earlier end of this run wrote; none when there is none. */
function previousIdMap(file: string): { sourceId: string; targetId: string; outcome: string }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch {
    // Not one this run wrote (edited by hand): it is replaced by what the run knows now.
    return [];
  }
  return rows.flatMap((row) =>
    row.source_id && row.target_id
      ? [{ sourceId: row.source_id, targetId: row.target_id, outcome: row.outcome ?? '' }]
      : [],
  );
}

function csv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
