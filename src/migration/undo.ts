/**
 * Undo deletes the users a run created, and only those: the journal says which creates the run
 * sent, and each is found again by its external id (so a create whose answer was lost is undone
 * too). Adopted users, which existed before the run, are never touched. Undo can be repeated:
 * a user already gone counts as undone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '../providers/errors.js';
import type { Provider } from '../providers/types.js';
import { RunStore } from './journal.js';
import { lookUpTargets } from './lookup.js';
import { Pacer } from './pacer.js';

export interface UndoOptions {
  directory: string;
  runId: string;
  target: Provider;
  rate: { requests: number; intervalMs: number };
  signal?: AbortSignal;
}

export interface UndoResult {
  runId: string;
  /** Source ids whose target user was deleted now. */
  deleted: string[];
  /** Source ids whose target user was already gone. */
  alreadyGone: string[];
  failed: { sourceId: string; code: string }[];
}

export async function undoMigration({
  directory,
  runId,
  target,
  rate,
  signal,
}: UndoOptions): Promise<UndoResult> {
  if (!existsSync(join(directory, runId, 'run.json'))) {
    throw new RangeError(`there is no migration run ${runId} in ${directory}`);
  }
  const store = RunStore.open(directory, runId, {});
  const result: UndoResult = { runId, deleted: [], alreadyGone: [], failed: [] };
  try {
    const created = [...store.users].filter(([, user]) => user.createSent && !user.deleted).map(([id]) => id);
    const pacer = new Pacer(rate, signal);
    const { byExternalId } = await lookUpTargets(
      target,
      pacer,
      { externalIds: created, emails: [], phones: [] },
      signal,
    );
    for (const sourceId of created) {
      const existing = byExternalId.get(sourceId);
      const journaledId = store.user(sourceId)?.targetId;
      // The id's holder is another user than the one this run made (it was deleted and made again).
      if (existing && journaledId && existing.id !== journaledId) {
        await store.deleted(sourceId, journaledId);
        result.alreadyGone.push(sourceId);
        continue;
      }
      if (!existing) {
        await store.deleted(sourceId, store.user(sourceId)?.targetId ?? '');
        result.alreadyGone.push(sourceId);
        continue;
      }
      try {
        await pacer.run(() => target.deleteUser(existing.id, { signal }), signal);
        await store.deleted(sourceId, existing.id);
        result.deleted.push(sourceId);
      } catch (error) {
        if (!(error instanceof ProviderError) || error.code === 'ABORTED') throw error;
        if (error.code === 'NOT_FOUND') {
          await store.deleted(sourceId, existing.id);
          result.alreadyGone.push(sourceId);
        } else {
          result.failed.push({ sourceId, code: error.code });
        }
      }
    }
    store.writeFile('undo-report.json', `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    store.close();
  }
}
