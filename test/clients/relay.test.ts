/**
 * The Relay compiler itself, against the checked-in schema.graphql: a `@connection` pagination
 * fragment on `users`, a `@refetchable` fragment on `User`, and a query spreading that fragment
 * into `user(id:)` and `node(id:)` (the sources are in test/clients/relay/). A schema change that
 * breaks any of them fails here; so does each of the shapes issue 15 reported, as a check that
 * this test can fail.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const relayCompiler = createRequire(import.meta.url).resolve('relay-compiler/cli.js');
const sources = resolve('test/clients/relay');
const temporary: string[] = [];

afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Compiles the Relay sources against `schema`; the artifacts go to a temporary directory. */
async function compile(
  schema: string,
): Promise<{ ok: boolean; output: string; artifacts: string[]; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'usergraph-relay-'));
  temporary.push(dir);
  await writeFile(join(dir, 'schema.graphql'), schema);
  await mkdir(join(dir, '__generated__'));
  await writeFile(
    join(dir, 'relay.config.json'),
    JSON.stringify({
      src: relative(dir, sources),
      schema: 'schema.graphql',
      language: 'typescript',
      artifactDirectory: '__generated__',
    }),
  );
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [relayCompiler, join(dir, 'relay.config.json'), '--noWatchman', '--output', 'quiet-with-errors'],
      { cwd: dir, timeout: 60_000 },
    );
    return { ok: true, output: stdout + stderr, artifacts: await readdir(join(dir, '__generated__')), dir };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, artifacts: [], dir };
  }
}

describe('the Relay compiler on schema.graphql', () => {
  it('compiles a @connection on users, a @refetchable User fragment, and the fragment in user(id:) and node(id:)', async () => {
    const result = await compile(await readFile('schema.graphql', 'utf8'));
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
    expect(result.artifacts.sort()).toEqual([
      'UserCardRefetchQuery.graphql.ts',
      'UserCard_user.graphql.ts',
      'UserPageQuery.graphql.ts',
      'UserPageUsersQuery.graphql.ts',
      'UsersListPaginationQuery.graphql.ts',
      'UsersList_query.graphql.ts',
    ]);
    // The refetch query Relay wrote for the User fragment goes through Query.node.
    const refetch = await readFile(
      join(result.dir, '__generated__', 'UserCardRefetchQuery.graphql.ts'),
      'utf8',
    );
    expect(refetch).toMatch(/node\(id: \$id\)/);
  });

  it.each([
    [
      'users returning a union',
      (schema: string) =>
        schema.replace(/\): UserConnection!/, '): UsersResult') +
        '\nunion UsersResult = UserConnection | NotFoundError\n',
      /The type `UsersResult` has no field `edges`/,
    ],
    [
      'User without Node',
      (schema: string) => schema.replace('type User implements Node', 'type User'),
      /the type of this fragment \('User'\) can never occur for parent type 'Node'/,
    ],
    [
      'user(id:) returning a wrapper',
      (schema: string) =>
        schema.replace(/(user\(\s*"""[^"]*"""\s*id: ID!\s*\)): User/, '$1: QueryUserResult') +
        '\nunion QueryUserResult = NotFoundError | QueryUserSuccess\ntype QueryUserSuccess { data: User! }\n',
      /the type of this fragment \('User'\) can never occur for parent type 'QueryUserResult'/,
    ],
  ])('fails on a schema with %s', async (_, breakSchema, complaint) => {
    const schema = await readFile('schema.graphql', 'utf8');
    const broken = breakSchema(schema);
    expect(broken).not.toBe(schema);
    const result = await compile(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(complaint);
  });
});
