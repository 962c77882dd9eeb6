/**
 * Where a migration reads its users: a live Passage app through the provider port (the API, or
 * the emulator), or a saved file, a Management API dump (JSON) or a dashboard export (CSV).
 * A file's kind is told by its first character (`{` or `[` is JSON), not by its name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import PQueue from 'p-queue';
import { readPassageCsv, readPassageDump } from '../providers/passage/export.js';
import type { Provider, User } from '../providers/types.js';
import type { MigrationSource, SourceContents } from './types.js';

/** Per-user reads in flight while reading a live app (Passage has no batch read). */
const READ_CONCURRENCY = 8;

/** The users of a live Passage app, each read in full (its devices and social connections). */
export function passageApiSource(passage: Provider, appIdentity: string): MigrationSource {
  return {
    kind: 'PASSAGE_API',
    fingerprint: appIdentity,
    async read(signal) {
      const listed: User[] = [];
      let anchor: number | undefined;
      const pageSize = passage.limits.maxPageSize;
      for (let offset = 0; ; offset += pageSize) {
        const page = await passage.listUsers({}, { offset, limit: pageSize, anchor }, undefined, { signal });
        anchor ??= page.anchor;
        listed.push(...page.items);
        if (page.items.length < pageSize) break;
      }
      const queue = new PQueue({ concurrency: READ_CONCURRENCY });
      const full = await Promise.all(
        listed.map((item) =>
          queue.add(async () => (await passage.getUsers([item.id], { signal })).get(item.id)),
        ),
      );
      // A user deleted between the list and its read is simply not migrated.
      const users = full.filter((user): user is User => user !== undefined);
      return { records: users.map((user, i) => ({ position: i + 1, user })), problems: [] };
    },
  };
}

export function fileSource(path: string): MigrationSource {
  return bytesSource(readFileSync(path));
}

/** A saved dump or export, e.g. uploaded through GraphQL. */
export function bytesSource(bytes: Uint8Array): MigrationSource {
  const text = new TextDecoder('utf-8').decode(bytes);
  const json = /^\uFEFF?\s*[[{]/.test(text);
  return {
    kind: json ? 'PASSAGE_JSON' : 'PASSAGE_CSV',
    fingerprint: createHash('sha256').update(bytes).digest('hex'),
    read: async (): Promise<SourceContents> => (json ? readPassageDump(text) : readPassageCsv(text)),
  };
}
