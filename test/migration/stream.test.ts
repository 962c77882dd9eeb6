/**
 * A run reads its source as a stream and keeps what it learnt of the target in its journal: a
 * resume asks the target again only about the users the journal has not settled.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationRunId } from '../../src/migration/engine.js';
import { fileSource } from '../../src/migration/sources.js';
import { useEmulator } from '../helpers/emulator.js';
import { clerkWireUsers, migrate, verifiedPassageUser, useRunDirectory } from '../helpers/migration.js';

describe('Passage → Clerk: streamed sources, journaled lookups', () => {
  const emulator = useEmulator({ users: { passage: 0, clerk: 0 } });
  const runDirectory = useRunDirectory();
  const lookups = () =>
    emulator()
      .control.requests({ provider: 'clerk', method: 'GET', route: '/users' })
      .filter((r) => r.status === 200);

  /** A dump on disk of `count` users, in the pages `GET /users` answers. */
  function dumpFile(directory: string, count: number): string {
    const users = Array.from({ length: count }, (_, i) =>
      verifiedPassageUser(`p${String(i).padStart(4, '0')}`),
    );
    const pages = [];
    for (let at = 0; at < count; at += 500)
      pages.push({ users: users.slice(at, at + 500), total_users: count });
    const file = join(directory, 'dump.json');
    writeFileSync(file, JSON.stringify(pages));
    return file;
  }

  it('a resume of a finished run asks Clerk nothing but its first read', async () => {
    const directory = runDirectory();
    const source = fileSource(dumpFile(directory, 600));
    const first = await migrate(emulator(), directory, {}, source);
    expect(first.progress).toMatchObject({ state: 'COMPLETED', total: 600, counts: { CREATED: 600 } });
    // 600 users in two pages: 6 external-id and 6 e-mail lookups, and the one read that proves the key.
    expect(lookups()).toHaveLength(13);
    expect(first.users.map((u) => u.position)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));

    emulator().control.clearRequests();
    const resumed = await migrate(emulator(), directory, {}, fileSource(join(directory, 'dump.json')));
    expect(resumed.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 600 } });
    expect(lookups().map((r) => new URLSearchParams(r.query).get('limit'))).toEqual(['1']);
    expect(resumed.users.filter((u) => u.targetId === null)).toEqual([]);
    expect(JSON.parse(readFileSync(resumed.files['id-map.json']!, 'utf8'))).toEqual(
      JSON.parse(readFileSync(first.files['id-map.json']!, 'utf8')),
    );
  }, 60_000);

  it('after a crash, only the users the journal had not settled are looked up again', async () => {
    const directory = runDirectory();
    const file = dumpFile(directory, 300);
    const done = await migrate(emulator(), directory, {}, fileSource(file));
    expect(done.progress.counts.CREATED).toBe(300);
    const runId = migrationRunId(fileSource(file), 'emulator-clerk');
    // The journal says a create was sent for one user after its last line (as if the run had
    // crashed mid-create): that user must be asked about again, and only that one.
    const resent = done.users.at(-1)!;
    appendFileSync(
      join(directory, runId, 'journal.ndjson'),
      `${JSON.stringify({ at: '', id: resent.sourceId, step: 'creating' })}\n`,
    );
    emulator().control.clearRequests();
    const resumed = await migrate(emulator(), directory, {}, fileSource(file));
    expect(resumed.progress).toMatchObject({ state: 'COMPLETED', counts: { CREATED: 300 } });
    const asked = lookups().filter((r) => new URLSearchParams(r.query).get('limit') !== '1');
    // One external-id and one e-mail lookup, for the one unsettled user.
    expect(asked).toHaveLength(2);
    expect(asked.map((r) => decodeURIComponent(r.query))).toEqual([
      expect.stringContaining(resent.sourceId!),
      expect.stringContaining(`${resent.sourceId}@example.com`),
    ]);
    expect(await clerkWireUsers(emulator())).toHaveLength(300);
  }, 60_000);

  it('records skipped in the source do not cut the batches the lookups ask about', async () => {
    const directory = runDirectory();
    // 200 valid users, each followed by one with no identifier: 400 records, 200 to look up.
    const users = Array.from({ length: 200 }, (_, i) => [
      verifiedPassageUser(`v${i}`),
      verifiedPassageUser(`x${i}`, { email: '', phone: '' }),
    ]).flat();
    const file = join(directory, 'dump.json');
    writeFileSync(file, JSON.stringify({ users }));
    const { progress, users: report } = await migrate(
      emulator(),
      directory,
      { dryRun: true },
      fileSource(file),
    );
    expect(progress.counts).toMatchObject({ WOULD_CREATE: 200, SKIPPED: 200 });
    // Two external-id and two e-mail lookups, as if the skipped records were not there.
    expect(lookups()).toHaveLength(4);
    expect(report.map((u) => u.sourceId)).toEqual(users.map((u) => u.id));
  });
});
