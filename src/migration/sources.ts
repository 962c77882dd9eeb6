/**
 * Where a migration reads its users: a live Passage app through the provider port (the API, or
 * the emulator), or a saved file, a Management API dump (JSON) or a dashboard export (CSV).
 * A file's kind is told by its first character (`{` or `[` is JSON), not by its name.
 *
 * Every source is read as a stream, a record at a time, and can be read again from its start:
 * a run reads a file once to check it, once to plan and once to create, so what it holds never
 * has to fit in memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import PQueue from 'p-queue';
import { streamPassageCsv, streamPassageDump } from '../providers/passage/export.js';
import type { Provider, User } from '../providers/types.js';
import type { MigrationSource, SourceEvent } from './types.js';

/** Per-user reads in flight while reading a live app (Passage has no batch read). */
const READ_CONCURRENCY = 8;
const CHUNK_BYTES = 1 << 16;

/** The users of a live Passage app, a page at a time, each read in full (its devices and social connections). */
export function passageApiSource(passage: Provider, appIdentity: string): MigrationSource {
  return {
    kind: 'PASSAGE_API',
    fingerprint: appIdentity,
    async *read(signal) {
      let anchor: number | undefined;
      let position = 0;
      const pageSize = passage.limits.maxPageSize;
      const queue = new PQueue({ concurrency: READ_CONCURRENCY });
      for (let offset = 0; ; offset += pageSize) {
        const page = await passage.listUsers({}, { offset, limit: pageSize, anchor }, undefined, { signal });
        anchor ??= page.anchor;
        const full = await Promise.all(
          page.items.map((item) =>
            queue.add(async () => (await passage.getUsers([item.id], { signal })).get(item.id)),
          ),
        );
        // A user deleted between the list and its read is simply not migrated.
        for (const user of full) {
          if (user) yield { record: { position: (position += 1), user } } satisfies SourceEvent;
        }
        if (page.items.length < pageSize) break;
      }
    },
  };
}

/** A dump or export on disk, read in chunks: its size is not bounded by memory or string length. */
export function fileSource(path: string): MigrationSource {
  const hash = createHash('sha256');
  let json: boolean | undefined;
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      json ??= startsAsJson(chunk.subarray(0, read));
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return fromText(json ?? false, hash.digest('hex'), (signal) =>
    createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES, signal }),
  );
}

/** A saved dump or export held in memory, e.g. uploaded through GraphQL. */
export function bytesSource(bytes: Uint8Array): MigrationSource {
  const fingerprint = createHash('sha256').update(bytes).digest('hex');
  return fromText(startsAsJson(bytes), fingerprint, () => decodeChunks(bytes));
}

function fromText(
  json: boolean,
  fingerprint: string,
  open: (signal?: AbortSignal) => AsyncIterable<string>,
): MigrationSource {
  return {
    kind: json ? 'PASSAGE_JSON' : 'PASSAGE_CSV',
    fingerprint,
    read: (signal) => (json ? streamPassageDump(open(signal)) : streamPassageCsv(open(signal))),
  };
}

/** JSON when the first character after a byte-order mark and white space opens an object or array. */
function startsAsJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024));
  return /^\uFEFF?\s*[[{]/.test(head);
}

async function* decodeChunks(bytes: Uint8Array): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    yield decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
