import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { networkInterfaces } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';

/** `npm start`, and what `npm run build` makes for production: the same server either way. */
const STARTS: [string, string[]][] = [
  ['npm start', ['--import', 'tsx', 'src/main.ts']],
  ['the build (node dist/main.js)', ['dist/main.js']],
];

/** Starts the server as a child process and waits for the line that says where it serves. */
async function startServer(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const found = /GraphQL \(and GraphiQL in a browser\) at (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    return { url, output: () => output, stop };
  } catch (error) {
    if (child.exitCode === null) await stop();
    throw error;
  }
}

describe.each(STARTS)('%s with no environment (the embedded default)', (_, args) => {
  beforeAll(() => {
    if (args[0] === 'dist/main.js') execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  }, 60_000);

  it('says it serves the emulator, opens GraphiQL on a working query, and answers it and a users query', async () => {
    const { url, output, stop } = await startServer(args, { EMULATOR_SEED_USERS: '5' });
    try {
      expect(output()).toMatch(/no provider credentials set, so serving the embedded emulator/);

      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net/); // bundled: works offline
      const id = /user\(id: \\?"(user_[A-Za-z0-9]+)\\?"\)/.exec(html)?.[1];
      expect(id).toBeDefined();

      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ user(id: "${id}") { id provider } }`,
        }),
      });
      expect(await answer.json()).toEqual({ data: { user: { id, provider: 'CLERK' } } });
      const users = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ users(provider: PASSAGE, first: 10) { totalCount edges { node { provider } } } }',
        }),
      });
      const listed = (await users.json()) as { data: { users: { totalCount: number; edges: unknown[] } } };
      expect(listed.data.users.totalCount).toBe(5);
      expect(listed.data.users.edges).toHaveLength(5);
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
    } finally {
      await stop();
    }
  });
});

describe('npm start with provider credentials and no caller authentication', () => {
  it('refuses to start, with one line naming the variables that would fix it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', CLERK_SECRET_KEY: 'sk_live_never_printed' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    for (const name of [
      'USERGRAPH_API_KEYS',
      'USERGRAPH_JWKS_URL',
      'USERGRAPH_JWT_PUBLIC_KEY',
      'USERGRAPH_AUTH=none',
    ])
      expect(stderr).toContain(name);
    expect(stderr).toMatch(/^usergraph: provider credentials are set but nothing authenticates callers/);
    expect(stderr).not.toContain('sk_live_never_printed');
  });
});

describe('npm start with USERGRAPH_HOST', () => {
  it('listens on that interface only, and says where', async () => {
    const { url, stop } = await startServer(['--import', 'tsx', 'src/main.ts'], {
      EMULATOR_SEED_USERS: '1',
      USERGRAPH_HOST: '127.0.0.1',
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
      // Another interface of this machine, if it has one, must not answer.
      const other = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal);
      if (other) {
        const port = new URL(url).port;
        await expect(fetch(`http://${other.address}:${port}/health`)).rejects.toThrow();
      }
    } finally {
      await stop();
    }
  });
});
