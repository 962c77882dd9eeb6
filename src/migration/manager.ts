/**
 * The migrations a running server knows: the GraphQL face starts, watches, cancels and undoes
 * them through this. One migration runs at a time (two would share, and halve, the target's
 * rate budget with nothing gained); finished ones stay listed for as long as the process lives,
 * and their journal and reports stay on disk after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '../providers/errors.js';
import type { Provider } from '../providers/types.js';
import type { Migration } from './engine.js';
import type { MigrationSettings } from './types.js';
import type { UndoResult } from './undo.js';

export interface MigrationManagerOptions {
  /** The target (Clerk), when configured. */
  target: Provider | undefined;
  targetIdentity: string;
  /** The live source (Passage), when configured. */
  passage: Provider | undefined;
  passageIdentity: string;
  directory: string;
  log?: (line: string) => void;
}

export class MigrationManager {
  private readonly runs = new Map<string, Migration>();

  constructor(private readonly options: MigrationManagerOptions) {}

  /**
   * Starts a migration from an uploaded file, or from the live Passage app when there is none.
   * The engine and its parsers are loaded by the first start or undo: most servers never migrate.
   */
  async start(file: Uint8Array | undefined, settings: Partial<MigrationSettings>): Promise<Migration> {
    const { target, passage } = this.options;
    if (!target) throw unsupported('migrations need Clerk configured as their target (CLERK_SECRET_KEY)');
    if (!file && !passage) {
      throw unsupported('with no file uploaded the migration reads Passage, which is not configured');
    }
    const [{ startMigration }, { bytesSource, passageApiSource }] = await Promise.all([
      import('./engine.js'),
      import('./sources.js'),
    ]);
    // Checked after loading, with no await until the run is listed: two starts cannot both pass.
    const running = this.list().find((migration) => migration.isRunning());
    if (running) {
      throw new ProviderError({
        provider: 'usergraph',
        code: 'CONFLICT',
        message: `migration ${running.runId} is still running: wait for it, or cancel it`,
      });
    }
    const source = file ? bytesSource(file) : passageApiSource(passage!, this.options.passageIdentity);
    const migration = startMigration({
      source,
      target,
      targetIdentity: this.options.targetIdentity,
      directory: this.options.directory,
      settings,
      log: this.options.log,
    });
    // A run started again (to resume it) replaces its earlier entry.
    this.runs.delete(migration.runId);
    this.runs.set(migration.runId, migration);
    return migration;
  }

  get(runId: string): Migration | undefined {
    return this.runs.get(runId);
  }

  /** Newest first. */
  list(): Migration[] {
    return [...this.runs.values()].reverse();
  }

  /** From the run's journal on disk: a run started before this process restarted is undone too. */
  async undo(runId: string, force: boolean, signal?: AbortSignal): Promise<UndoResult> {
    const { target } = this.options;
    if (!target || !isRunId(runId) || !existsSync(join(this.options.directory, runId, 'run.json'))) {
      throw new ProviderError({
        provider: 'usergraph',
        code: 'NOT_FOUND',
        message: `no migration ${runId} here`,
      });
    }
    const [{ undoMigration }, { DEFAULT_SETTINGS }] = await Promise.all([
      import('./undo.js'),
      import('./engine.js'),
    ]);
    // Read after the imports: a resume started while they loaded is running by now, and refused here.
    const migration = this.get(runId);
    if (migration?.isRunning()) {
      throw new ProviderError({
        provider: 'usergraph',
        code: 'CONFLICT',
        message: `migration ${runId} is still running: cancel it first`,
      });
    }
    return undoMigration({
      directory: this.options.directory,
      runId,
      target,
      rate: migration?.settings.rate ?? runRate(this.options.directory, runId) ?? DEFAULT_SETTINGS.rate,
      force,
      signal,
    });
  }

  /** Cancels what runs and waits for its report: part of a graceful shutdown. */
  async close(): Promise<void> {
    const running = this.list().filter((migration) => migration.isRunning());
    for (const migration of running) migration.cancel();
    await Promise.all(running.map((migration) => migration.finished));
  }
}

/** Run ids are hex digests: anything else could name a folder outside the directory. */
const isRunId = (id: string) => /^[0-9a-f]{16}$/.test(id);

/** The rate a run was started with, from its `run.json`, if it says. */
function runRate(directory: string, runId: string): MigrationSettings['rate'] | undefined {
  try {
    const run = JSON.parse(readFileSync(join(directory, runId, 'run.json'), 'utf8')) as {
      settings?: Partial<MigrationSettings>;
    };
    const rate = run.settings?.rate;
    if (rate && Number.isInteger(rate.requests) && Number.isInteger(rate.intervalMs)) return rate;
  } catch {
    // an unreadable run.json: undo paces itself at the engine's default
  }
  return undefined;
}

const unsupported = (message: string) =>
  new ProviderError({ provider: 'usergraph', code: 'UNSUPPORTED', message });
