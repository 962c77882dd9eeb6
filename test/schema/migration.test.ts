import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clerkWireUsers, passageWireUsers } from '../helpers/migration.js';
import { useUsergraph } from '../helpers/server.js';

const directory = mkdtempSync(join(tmpdir(), 'usergraph-graphql-migration-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const MIGRATION_FIELDS = `
  id source state dryRun total done error clerkCalls
  counts { created wouldCreate adopted skipped conflict failed pending }
`;

const START = `mutation Start($input: StartPassageMigrationInput!) {
  startPassageMigration(input: $input) {
    __typename
    ... on Migration { ${MIGRATION_FIELDS} }
    ... on Error { message }
    ... on InvalidInputError { fields { field message } }
  }
}`;

describe('GraphQL: Passage → Clerk migrations', () => {
  const { emulator, gql, url } = useUsergraph(
    { users: { passage: 120, clerk: 0 } },
    { env: { USERGRAPH_MIGRATION_DIR: directory } },
  );

  async function finished(id: string) {
    for (;;) {
      const { body } = await gql(`query($id: ID!) { migration(id: $id) { ${MIGRATION_FIELDS} } }`, { id });
      if (!['PLANNING', 'RUNNING'].includes(body.data.migration.state)) return body.data.migration;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('a dry run, then the run: the per-user report pages through the Clerk users it made', async () => {
    const dry = await gql(START, { input: { dryRun: true } });
    expect(dry.body.data.startPassageMigration).toMatchObject({
      __typename: 'Migration',
      source: 'PASSAGE_API',
      dryRun: true,
    });
    expect(await finished(dry.body.data.startPassageMigration.id)).toMatchObject({
      state: 'COMPLETED',
      counts: { wouldCreate: 120, created: 0 },
    });
    expect(await clerkWireUsers(emulator())).toEqual([]);

    const run = await gql(START, { input: { requestsPerTenSeconds: 1000 } });
    const id = run.body.data.startPassageMigration.id;
    expect(id).toBe(dry.body.data.startPassageMigration.id);
    expect(await finished(id)).toMatchObject({
      state: 'COMPLETED',
      total: 120,
      done: 120,
      counts: { created: 120 },
    });

    const page = await gql(
      `query($id: ID!) { migration(id: $id) { users(outcome: CREATED, first: 50) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { sourceId outcome targetId passkeys target { id provider externalId } } }
      } } }`,
      { id },
    );
    expect(page.body.errors).toBeUndefined();
    const users = page.body.data.migration.users;
    expect(users.totalCount).toBe(120);
    expect(users.edges).toHaveLength(50);
    expect(users.pageInfo.hasNextPage).toBe(true);
    for (const { node } of users.edges) {
      expect(node.target).toEqual({ id: node.targetId, provider: 'CLERK', externalId: node.sourceId });
    }
    const passkeys = await gql(
      `query($id: ID!) { migration(id: $id) { users(needsPasskeyEnrolment: true, first: 500) { totalCount } } }`,
      { id },
    );
    const withDevices = (await passageWireUsers(emulator())).filter((u) => u.webauthn_devices.length > 0);
    expect(passkeys.body.data.migration.users.totalCount).toBe(withDevices.length);
    const refused = await gql(`query($id: ID!) { migration(id: $id) { users(first: 501) { totalCount } } }`, {
      id,
    });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: ['migration', 'users'],
        extensions: expect.objectContaining({ code: 'INVALID_INPUT', argument: 'first' }),
      }),
    ]);

    const undo = await gql(
      `mutation($id: ID!) { undoPassageMigration(id: $id) { __typename ... on UndoMigrationPayload { deleted alreadyGone failedSourceIds } } }`,
      { id },
    );
    expect(undo.body.data.undoPassageMigration).toEqual({
      __typename: 'UndoMigrationPayload',
      deleted: 120,
      alreadyGone: 0,
      failedSourceIds: [],
    });
    expect(await clerkWireUsers(emulator())).toEqual([]);
  });

  it('streams progress over SSE until the final state', async () => {
    emulator().control.addFaults({ kind: 'latency', provider: 'clerk', method: 'POST', ms: 10 });
    const start = await gql(START, { input: { requestsPerTenSeconds: 1000 } });
    const id = start.body.data.startPassageMigration.id;
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription($id: ID!) { migrationProgress(id: $id) { state done counts { created } } }',
        variables: { id },
      }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('data: ') && line.length > 6)
      .map((line) => JSON.parse(line.slice(6)).data?.migrationProgress)
      .filter(Boolean);
    expect(events.length).toBeGreaterThan(1);
    expect(events.at(-1)).toMatchObject({ state: 'COMPLETED', done: 120, counts: { created: 120 } });
    const done = events.map((event) => event.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('an uploaded CSV export with a column it does not know is refused before anything is written', async () => {
    const passage = await passageWireUsers(emulator());
    const csv = ['id,email,shoe_size', ...passage.map((u) => `${u.id},${u.email},42`)].join('\n');
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: START, variables: { input: { file: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob([csv], { type: 'text/csv' }), 'export.csv');
    const response = await fetch(url(), {
      method: 'POST',
      body: form,
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    const body = (await response.json()) as any;
    const id = body.data.startPassageMigration.id;
    expect(body.data.startPassageMigration.source).toBe('PASSAGE_CSV');
    const migration = await finished(id);
    expect(migration.state).toBe('REFUSED');
    expect(migration.error).toMatch(/shoe_size/);
    expect(emulator().control.requests({ provider: 'clerk', method: 'POST' })).toEqual([]);
  });

  it('refuses a second migration while one runs, and a rate outside 1–1000, as typed errors', async () => {
    emulator().control.addFaults({ kind: 'latency', provider: 'clerk', method: 'POST', ms: 20 });
    const first = await gql(START, { input: {} });
    const second = await gql(START, { input: { dryRun: true } });
    expect(second.body.data.startPassageMigration).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/still running/),
    });
    const bad = await gql(START, { input: { requestsPerTenSeconds: 5000 } });
    expect(bad.body.data.startPassageMigration).toMatchObject({
      __typename: 'InvalidInputError',
      fields: [{ field: 'requestsPerTenSeconds' }],
    });
    const cancelled = await gql(
      `mutation($id: ID!) { cancelMigration(id: $id) { __typename ... on Migration { state } } }`,
      {
        id: first.body.data.startPassageMigration.id,
      },
    );
    expect(cancelled.body.data.cancelMigration).toEqual({ __typename: 'Migration', state: 'CANCELLED' });
    const unknown = await gql(`query { migration(id: "nope") { id } }`);
    expect(unknown.body.data.migration).toBeNull();
  });
});

describe('GraphQL: who may start and undo a migration, and undo after a restart', () => {
  const undoDirectory = mkdtempSync(join(tmpdir(), 'usergraph-graphql-undo-'));
  afterAll(() => rmSync(undoDirectory, { recursive: true, force: true }));
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
  const KEYS = { writer: 'writer-key-0123456789', migrator: 'migrator-key-0123456789' };
  const { emulator, gql } = useUsergraph(
    { users: { passage: 5, clerk: 40 } },
    {
      callerAuth: () => ({
        USERGRAPH_API_KEYS: [
          `${sha256(KEYS.writer)}:read+write`,
          `${sha256(KEYS.migrator)}:read+write+migrate`,
        ].join(','),
      }),
      env: { USERGRAPH_MIGRATION_DIR: undoDirectory },
    },
  );
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const UNDO = `mutation($id: ID!, $force: Boolean) { undoPassageMigration(id: $id, force: $force) {
    __typename ... on UndoMigrationPayload { deleted alreadyGone signedInSourceIds failedSourceIds }
    ... on Error { message } } }`;

  it('start and undo need the migrate scope besides write', async () => {
    const start = await gql(START, { input: { dryRun: true } }, as(KEYS.writer));
    expect(start.body.data.startPassageMigration).toBeNull();
    expect(start.body.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', requiredScopes: ['migrate'] },
    });
    const undo = await gql(UNDO, { id: '0123456789abcdef' }, as(KEYS.writer));
    expect(undo.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(emulator().control.requests({ provider: 'clerk', method: 'DELETE' })).toEqual([]);
  });

  it('undoes a run this server never started, from its journal, and keeps a user who signed in since unless forced', async () => {
    const clerk = await clerkWireUsers(emulator());
    const signedIn = clerk.find((u) => u.external_id && u.last_sign_in_at);
    expect(signedIn).toBeDefined();
    // A run made before the restart: its journal says its create was answered with this user.
    const runId = '0123456789abcdef';
    mkdirSync(join(undoDirectory, runId), { recursive: true });
    writeFileSync(join(undoDirectory, runId, 'run.json'), `${JSON.stringify({ runId })}\n`);
    writeFileSync(
      join(undoDirectory, runId, 'journal.ndjson'),
      [
        { at: '', id: signedIn.external_id, step: 'creating' },
        { at: '', id: signedIn.external_id, step: 'created', target: signedIn.id },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n',
    );

    const kept = await gql(UNDO, { id: runId }, as(KEYS.migrator));
    expect(kept.body.data.undoPassageMigration).toEqual({
      __typename: 'UndoMigrationPayload',
      deleted: 0,
      alreadyGone: 0,
      signedInSourceIds: [signedIn.external_id],
      failedSourceIds: [],
    });
    expect((await clerkWireUsers(emulator())).map((u) => u.id)).toContain(signedIn.id);

    const forced = await gql(UNDO, { id: runId, force: true }, as(KEYS.migrator));
    expect(forced.body.data.undoPassageMigration).toMatchObject({ deleted: 1, signedInSourceIds: [] });
    expect((await clerkWireUsers(emulator())).map((u) => u.id)).not.toContain(signedIn.id);

    const unknown = await gql(UNDO, { id: 'fedcba9876543210' }, as(KEYS.migrator));
    expect(unknown.body.data.undoPassageMigration).toMatchObject({ __typename: 'NotFoundError' });
  });
});
