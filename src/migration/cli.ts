/**
 * `npm run migrate -- <run|undo|status> ...`: the command-line face of the migration engine.
 * Credentials come from the same variables as the server's (`CLERK_*`, `PASSAGE_*`); the
 * README's "Moving off Passage" walks through it. A run's start and end, and an undo, are audit
 * lines (`"audit": true`, JSON on stdout, appended to `USERGRAPH_AUDIT_LOG` too). Exit codes: 0 done, 1 refused, stopped, or some
 * users failed or left incomplete, 2 bad usage or configuration, 130 stopped by a signal (resume by running it again).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { destination, pino } from 'pino';
import { createAuditTrail, type AuditTrail } from '../observability/audit-trail.js';
import { ConfigError, loadMigrationConfig } from './config.js';
import { parseRate, type Rate } from '../budget/rate.js';
import { clerk, createClerkProvider } from '../providers/clerk/index.js';
import { createPassageProvider, passage as passageModule } from '../providers/passage/index.js';
import type { Provider } from '../providers/types.js';
import { DEFAULT_SETTINGS, startMigration } from './engine.js';
import { fileSource, passageApiSource } from './sources.js';
import type { InactiveUsers, MetadataKind, MigrationProgress, MigrationSource } from './types.js';
import { undoMigration } from './undo.js';

const USAGE = `usage:
  npm run migrate -- run --from <passage-api | dump.json | export.csv> [options]
      --dry-run                 check everything against Clerk, write nothing
      --allow-partial           migrate the valid users even if some are skipped or in conflict
      --metadata <kind>         public | private | unsafe: where Passage user_metadata goes (public)
      --inactive <action>       keep | ban | lock: what inactive Passage users become (keep)
      --rate <n>/<seconds>s     this run's share of Clerk's budget (100/10s; production allows 1000/10s)
      --concurrency <n>         most creates in flight; fewer when the rate needs fewer (64)
      --dir <path>              where runs keep their journal and reports (.usergraph/migrations)
  npm run migrate -- undo --run <id> [--dir <path>] [--rate <n>/<seconds>s] [--force]
      --force                   also delete users who have signed in to Clerk since the migration
  npm run migrate -- status --run <id> [--dir <path>]

The same source into the same Clerk instance is the same run: run it again to resume.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'allow-partial': { type: 'boolean', default: false },
      metadata: { type: 'string', default: DEFAULT_SETTINGS.metadata },
      inactive: { type: 'string', default: DEFAULT_SETTINGS.inactiveUsers },
      rate: { type: 'string', default: '100/10s' },
      concurrency: { type: 'string', default: String(DEFAULT_SETTINGS.concurrency) },
      dir: { type: 'string', default: join('.usergraph', 'migrations') },
      run: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'status') {
    console.log(readFileSync(join(values.dir, required(values.run, '--run'), 'report.json'), 'utf8').trim());
    return 0;
  }
  const config = loadMigrationConfig();
  const rate = rateFlag(values.rate);
  const audit = auditTrail(config.auditLog);
  // The run paces itself; the provider's own default budget would be a second, different one.
  const target = createClerkProvider({
    ...config.clerk,
    http: { ...config.clerk.http, rateLimit: undefined },
  });
  const providers: Provider[] = [target];
  // With REDIS_URL the run's lease lives in Redis, so processes on hosts that share no disk
  // exclude each other too; loaded only then.
  const redis = config.redis
    ? await (await import('../redis/connection.js')).connectRedis(config.redis.url)
    : undefined;
  const lease = redis
    ? (
        (acquire) => (runId: string) =>
          acquire(redis.client, runId)
      )((await import('../redis/run-lease.js')).acquireRedisLease)
    : undefined;
  try {
    if (command === 'undo') {
      const result = await undoMigration({
        directory: values.dir,
        runId: required(values.run, '--run'),
        target,
        rate,
        force: values.force,
      });
      console.log(
        `undo of ${result.runId}: ${result.deleted.length} deleted, ${result.alreadyGone.length} already gone, ` +
          `${result.signedIn.length} kept (signed in since; --force deletes them), ${result.failed.length} failed`,
      );
      const report = join(values.dir, result.runId, 'undo-report.json');
      if (result.signedIn.length > 0)
        console.log(`kept, signed in to Clerk since the migration: ${idList(result.signedIn, report)}`);
      if (result.failed.length > 0) {
        const failed = result.failed.map(({ sourceId, code }) => `${sourceId} (${code})`);
        console.log(`failed: ${idList(failed, report)}`);
      }
      const complete = result.failed.length + result.signedIn.length === 0;
      audit.write({
        action: 'undoMigration',
        migrationId: result.runId,
        outcome: complete ? 'undone' : 'partly undone',
        force: values.force,
        counts: {
          deleted: result.deleted.length,
          alreadyGone: result.alreadyGone.length,
          kept: result.signedIn.length,
          failed: result.failed.length,
        },
      });
      return complete ? 0 : 1;
    }
    if (command !== 'run') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    const from = required(values.from, '--from');
    let source: MigrationSource;
    if (from === 'passage-api') {
      if (!config.passage)
        throw new ConfigError('--from passage-api needs PASSAGE_APP_ID and PASSAGE_API_KEY');
      const passage = createPassageProvider(config.passage);
      providers.push(passage);
      source = passageApiSource(passage, passageModule.identity(config.passage));
    } else {
      source = fileSource(from);
    }
    const migration = startMigration({
      source,
      target,
      targetIdentity: clerk.identity(config.clerk),
      directory: values.dir,
      settings: {
        dryRun: values['dry-run'],
        allowPartial: values['allow-partial'],
        metadata: oneOf(values.metadata, ['public', 'private', 'unsafe'], '--metadata') as MetadataKind,
        inactiveUsers: oneOf(values.inactive, ['keep', 'ban', 'lock'], '--inactive') as InactiveUsers,
        rate,
        concurrency: positiveInteger(values.concurrency, '--concurrency'),
      },
      log: (line) => console.error(line),
      lease,
    });
    const run = { action: 'startPassageMigration', migrationId: migration.runId, dryRun: values['dry-run'] };
    audit.write({ ...run, outcome: 'started', source: from === 'passage-api' ? 'passage-api' : 'file' });
    stopOnSignals(() => migration.cancel());
    const bar = showProgress(migration.subscribe.bind(migration));
    const progress = await migration.finished;
    bar.stop();
    printSummary(progress, migration.files, migration.runId);
    audit.write({
      ...run,
      outcome: progress.state.toLowerCase(),
      total: progress.total,
      counts: progress.counts,
      targetCalls: progress.targetCalls,
    });
    if (progress.state === 'CANCELLED') return 130;
    const incomplete = progress.counts.FAILED + progress.counts.CREATED_INCOMPLETE;
    return progress.state === 'COMPLETED' && incomplete === 0 ? 0 : 1;
  } finally {
    await Promise.all(providers.map((provider) => provider.close()));
    await redis?.close();
  }
}

/**
 * The run's audit lines, JSON on stdout written at once (the process may exit right after) and in
 * `USERGRAPH_AUDIT_LOG`. The caller is the account that ran the command.
 */
function auditTrail(file: string | undefined): AuditTrail {
  const log = pino({ base: { service: 'usergraph-migrate' } }, destination({ dest: 1, sync: true }));
  let account = 'unknown';
  try {
    account = userInfo().username;
  } catch {
    // A container user with no passwd entry has no name to give.
  }
  const trail = createAuditTrail(log, file);
  return { write: (entry) => trail.write({ caller: `cli:${account}`, ...entry }) };
}

function showProgress(subscribe: (listener: (progress: MigrationProgress) => void) => () => void) {
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{state} |{bar}| {value}/{total} users | {speed} users/s | ETA {eta_formatted} | ' +
        '{created} created, {adopted} adopted, {conflict} conflict, {failed} failed',
      stream: process.stderr,
      // Not a terminal (CI, a log file): a plain line every 5 s instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, fields());
  let last = 0;
  subscribe((progress) => {
    const now = Date.now();
    if (now - last < 100 && progress.state === 'RUNNING') return;
    last = now;
    bar.setTotal(progress.total);
    bar.update(progress.done, fields(progress));
  });
  return bar;
}

function fields(progress?: MigrationProgress) {
  return {
    state: (progress?.state ?? 'PLANNING').toLowerCase(),
    speed: (progress?.usersPerSecond ?? 0).toFixed(1),
    created: progress?.counts.CREATED ?? 0,
    adopted: progress?.counts.ADOPTED ?? 0,
    conflict: progress?.counts.CONFLICT ?? 0,
    failed: progress?.counts.FAILED ?? 0,
  };
}

function printSummary(progress: MigrationProgress, files: Record<string, string>, runId: string): void {
  const counts = Object.entries(progress.counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `  ${outcome.toLowerCase().padEnd(13)} ${n}`);
  console.log(
    [
      `migration ${runId}${progress.dryRun ? ' (dry run)' : ''}: ${progress.state.toLowerCase()}`,
      ...(progress.error ? [`  ${progress.error}`] : []),
      ...counts,
      `  target calls  ${progress.targetCalls}`,
      ...progress.warnings.map((warning) => `note: ${warning}`),
      'reports:',
      ...Object.values(files).map((file) => `  ${file}`),
      ...(progress.state === 'COMPLETED' && !progress.dryRun
        ? [`undo with: npm run migrate -- undo --run ${runId}`]
        : []),
      ...(RESUMABLE.has(progress.state)
        ? [`resumable: run the same command again to resume run ${runId} where it ended`]
        : []),
    ].join('\n'),
  );
}

/** Ends after which the same command picks the run up where it was left. */
const RESUMABLE: ReadonlySet<MigrationProgress['state']> = new Set(['STOPPED', 'CANCELLED', 'FAILED']);

/** Source ids (and codes) for a terminal: the first 20, then where the rest are. */
function idList(ids: string[], file: string): string {
  const shown = ids.slice(0, 20).join(', ');
  return ids.length > 20 ? `${shown} and ${ids.length - 20} more (${file})` : shown;
}

/** The first signal lets in-flight creates finish and the report be written; a second one exits. */
function stopOnSignals(cancel: () => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      console.error(
        `\n${signal}: stopping after the creates in flight; run the same command again to resume`,
      );
      cancel();
    });
  }
}

function rateFlag(text: string): Rate {
  const rate = parseRate(text);
  if (!rate) {
    throw new UsageError(`--rate must look like 100/10s (requests per seconds), got ${JSON.stringify(text)}`);
  }
  return rate;
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) {
    throw new UsageError(`${flag} must be an integer 1–64, got ${JSON.stringify(text)}`);
  }
  return value;
}

function oneOf(value: string, allowed: string[], flag: string): string {
  if (!allowed.includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
