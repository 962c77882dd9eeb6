import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { networkInterfaces } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoEmail } from './helpers/server.js';

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
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    // The embedded demo users have e-mail addresses; none of them may reach the server's output.
    expectNoEmail(output.split('\n'));
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const found = /GraphQL \(and GraphiQL in a browser\) at (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    return { url, output: () => output, stop, child };
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

describe('npm start and SIGTERM', () => {
  it('lets the request in flight finish, refuses new ones and /ready, and exits 0 within the grace period', async () => {
    const graceMs = 8_000;
    const { url, output, child, stop } = await startServer(['--import', 'tsx', 'src/main.ts'], {
      EMULATOR_SEED_USERS: '3',
      USERGRAPH_SHUTDOWN_GRACE_MS: String(graceMs),
    });
    const base = url.replace('/graphql', '');
    try {
      const emulatorUrl = /per provider at (http:\/\/\S+)\)/.exec(output())?.[1];
      expect(emulatorUrl).toBeDefined();
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      // Every Clerk call of the embedded emulator now takes a second: the request below is in
      // flight when the signal comes.
      const fault = await fetch(`${emulatorUrl}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'latency', provider: 'clerk', ms: 1_000 }),
      });
      expect(fault.status).toBeLessThan(300);
      const inFlight = fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ users(provider: CLERK, first: 2) { edges { node { id } } } }' }),
      });
      await sleep(300);
      const signalled = Date.now();
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      child.kill('SIGTERM');
      await sleep(100);

      // Not ready, and no new work: a 503 on a connection still open, or no connection at all.
      const refusedOrStatus = (request: Promise<Response>) =>
        request.then(
          (response) => response.status,
          () => 'refused',
        );
      expect([503, 'refused']).toContain(await refusedOrStatus(fetch(`${base}/ready`)));
      expect([503, 'refused']).toContain(
        await refusedOrStatus(
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          }),
        ),
      );

      const finished = await inFlight;
      expect(finished.status).toBe(200);
      const body = (await finished.json()) as { data?: { users: { edges: unknown[] } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.users.edges).toHaveLength(2);

      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalled).toBeLessThan(graceMs);
      expect(output()).not.toMatch(/grace period over/);
      await stop();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
