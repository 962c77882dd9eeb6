/** `USERGRAPH_TRUSTED_DOCUMENTS`: the manifest of the only documents the server runs. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, nonEmpty, type Env } from './env.js';

/**
 * The manifest a path names, `{ "<sha256 hex of the document>": "<document>" }` (what
 * graphql-codegen's client preset writes with `persistedDocuments`), with every key checked
 * against its document so a hand-edited entry cannot run under another document's hash.
 */
export function trustedDocuments(env: Env, name: string): ReadonlyMap<string, string> | undefined {
  const path = nonEmpty(env[name]);
  if (path === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code
        ? `${name} must name a readable file, got ${JSON.stringify(path)} (${code})`
        : `${name} must name a JSON manifest, got ${JSON.stringify(path)}, which is not JSON`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError(`${name} must hold a JSON object of "<sha256 hex>": "<document>" entries`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      const shown = JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}…` : hash);
      throw new ConfigError(`${name} keys must be sha256 hex digests (64 characters 0-9, a-f), got ${shown}`);
    }
    if (typeof document !== 'string') {
      throw new ConfigError(`${name} entry ${hash} must be a document string, got ${typeof document}`);
    }
    const actual = createHash('sha256').update(document).digest('hex');
    if (actual !== hash) {
      throw new ConfigError(`${name} entry ${hash} holds a document whose sha256 is ${actual}`);
    }
    documents.set(hash, document);
  }
  if (documents.size === 0) throw new ConfigError(`${name} lists no document: nothing could run`);
  return documents;
}
