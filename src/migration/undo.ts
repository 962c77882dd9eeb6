/**
 * Undo deletes the users a run created, and only those: the journal says which creates the run
 * sent, each is found again by its external id (so a create whose answer was lost is undone
 * too), and it is deleted only if it proves to be this run's: it carries the run's stamp
 * (`privateMetadata.passage.migrationRun`) or the id the run's create was answered with.
 * Adopted users, and a user another run made under the same external id, are never touched.
 * A user who has signed in to the target since is kept and reported unless `force` is set:
 * deleting them would lose what they did there. Undo can be repeated: a user already gone
 * counts as undone. Deletes run as many at a time as the rate and their latency need.
 */
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { ProviderError } from '../providers/errors.js';
import type { Provider, User } from '../providers/types.js';
import { RunLockedError, RunStore } from './journal.js';
import { lookUpTargets } from './lookup.js';
import { migrationRunOf } from './mapping.js';
import { AdaptiveConcurrency, Pacer } from './pacer.js';

/** Users looked up together before their deletes: ten lookup calls' worth. */
const UNDO_BATCH = 1_000;

export interface UndoOptions {
  directory: string;
  runId: string;
  target: Provider;
  rate: { requests: number; intervalMs: number };
  /** Delete users who have signed in to the target since the migration too. */
  force?: boolean;
  /** The most deletes in flight; fewer when the rate needs fewer. @default 64 */
  maxInFlight?: number;
  signal?: AbortSignal;
}

export interface UndoResult {
  runId: string;
  /** Source ids whose target user was deleted now. */
  deleted: string[];
  /** Source ids whose target user was already gone. */
  alreadyGone: string[];
  /** Source ids whose target user has signed in since the migration: kept (undo with force). */
  signedIn: string[];
  failed: { sourceId: string; code: string }[];
}

export async function undoMigration({
  directory,
  runId,
  target,
  rate,
  force = false,
  maxInFlight = 64,
  signal: callerSignal,
}: UndoOptions): Promise<UndoResult> {
  if (!existsSync(join(directory, runId, 'run.json'))) {
    throw new RangeError(`there is no migration run ${runId} in ${directory}`);
  }
  const store = RunStore.open(directory, runId, {});
  const result: UndoResult = { runId, deleted: [], alreadyGone: [], signedIn: [], failed: [] };
  // The run's lease taken by another process: no delete more starts, the ones in flight finish.
  let leaseLost: string | undefined;
  const lost = new AbortController();
  store.lock.onLost?.((reason) => {
    leaseLost = reason;
    lost.abort();
  });
  const signal = callerSignal ? AbortSignal.any([callerSignal, lost.signal]) : lost.signal;
  // Every delete in flight listens to it (as many as the rate keeps going), each until it ends.
  setMaxListeners(0, signal);
  try {
    const created: string[] = [];
    for (const [id, user] of store.users()) if (user.createSent && !user.deleted) created.push(id);
    const pacer = new Pacer(rate);
    const undoOne = async (sourceId: string, byExternalId: Map<string, User>): Promise<void> => {
      const existing = byExternalId.get(sourceId);
      const journaledId = store.user(sourceId)?.targetId;
      const ours =
        existing !== undefined && (migrationRunOf(existing) === runId || existing.id === journaledId);
      // Nobody holds the id, or someone else does (another run, a hand): this run's user is gone.
      if (!ours) {
        await store.deleted(sourceId, journaledId ?? '');
        result.alreadyGone.push(sourceId);
        return;
      }
      // The target never sets a last sign-in for an imported user: one there is the user's own.
      if (existing.lastSignInAt && !force) {
        result.signedIn.push(sourceId);
        return;
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
    };
    const inFlight = new AdaptiveConcurrency(rate, maxInFlight);
    pacer.onAnswer = (ms) => inFlight.observe(ms);
    const queue = new PQueue({ concurrency: inFlight.value });
    let fatal: unknown;
    // A batch at a time, so what undo holds of the target does not grow with the run's size.
    for (let at = 0; at < created.length && !fatal; at += UNDO_BATCH) {
      const batch = created.slice(at, at + UNDO_BATCH);
      let byExternalId: Map<string, User>;
      try {
        ({ byExternalId } = await lookUpTargets(
          target,
          pacer,
          { externalIds: batch, emails: [], phones: [] },
          signal,
        ));
      } catch (error) {
        // The deletes already in flight finish (and are journaled) before the error is told.
        fatal ??= error;
        queue.clear();
        break;
      }
      for (const sourceId of batch) {
        await queue.onSizeLessThan(Math.max(16, maxInFlight * 2));
        if (fatal) break;
        void queue.add(async () => {
          if (fatal) return;
          queue.concurrency = inFlight.value;
          try {
            await undoOne(sourceId, byExternalId);
          } catch (error) {
            // Not about one user (a cancel, bad credentials): the deletes in flight finish, no more start.
            fatal ??= error;
            queue.clear();
          }
        });
      }
    }
    await queue.onIdle();
    if (leaseLost !== undefined) {
      throw new RunLockedError(
        `${leaseLost}; the undo stopped and deleted nothing more (${result.deleted.length} deleted so far, ` +
          'journaled). Undo again once no other process holds the run.',
      );
    }
    if (fatal) throw fatal;
    for (const list of [result.deleted, result.alreadyGone, result.signedIn]) list.sort();
    store.writeFile('undo-report.json', `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    store.close();
  }
}
