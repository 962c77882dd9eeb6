/**
 * The journal's index holds a few bytes of each user for the whole run, and nothing more: not
 * the text the user's id was read from.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../src/migration/journal.js';
import { fileSource } from '../../src/migration/sources.js';
import { useRunDirectory } from '../helpers/migration.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('the journal', () => {
  const runDirectory = useRunDirectory();

  it("does not keep a dump's text alive through the ids it indexes", async () => {
    const directory = runDirectory();
    const file = join(directory, 'dump.json');
    const users = 2_000;
    // Some 2 KB a user: a 4 MB dump.
    const padding = 'x'.repeat(2_000);
    writeFileSync(
      file,
      JSON.stringify({
        users: Array.from({ length: users }, (_, i) => ({
          id: `journal-user-${String(i).padStart(6, '0')}`,
          email: `user${i}@example.com`,
          email_verified: true,
          phone: '',
          phone_verified: false,
          external_id: '',
          status: 'active',
          created_at: '2023-01-01T00:00:00Z',
          updated_at: '2023-01-01T00:00:00Z',
          last_login_at: '2023-01-01T00:00:00Z',
          login_count: 1,
          user_metadata: null,
          webauthn_devices: [],
          padding,
        })),
      }),
    );
    // Once to load and compile what a read needs, so the heap measured holds only what is kept.
    for await (const _ of fileSource(file).read());
    gc();
    const before = process.memoryUsage().heapUsed;
    const store = RunStore.open(directory, 'run', {});
    let indexed = 0;
    for await (const event of fileSource(file).read()) {
      if (!('record' in event) || !('user' in event.record)) continue;
      store.lookedUp(event.record.user.id, {});
      indexed += 1;
    }
    gc();
    const held = process.memoryUsage().heapUsed - before;
    store.close();
    expect(indexed).toBe(users);
    // The ids take some 100 KB; the dump's text, 4 MB.
    expect(held).toBeLessThan(1_000_000);
  });

  it('finds a user under its id when the id is not well-formed UTF-16', () => {
    const store = RunStore.open(runDirectory(), 'run', {});
    const id = 'user-\ud800-with-a-lone-surrogate';
    store.lookedUp(id, { existing: 'user_2abc' });
    expect(store.user(id)?.lookup).toEqual({ existing: 'user_2abc' });
    store.close();
  });
});
