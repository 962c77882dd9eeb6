/**
 * usergraph replicas as operators run them: `npm start` in child processes of their own, each
 * with its environment, found by the line that says where it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildBundle } from '../../scripts/build.js';

export interface Replica {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/graphql`. */
  url: string;
  output(): string;
  /** Waits until the output matches, or fails with what it holds. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  /** SIGTERM (a deploy) and wait for the exit. */
  stop(): Promise<void>;
}

const SERVING = /GraphQL \(and GraphiQL in a browser\) at (\S+)/;

/**
 * `npm run build`'s own bundle into a directory of the calling file's (test/main.test.ts builds
 * dist/): many replicas start from the bundle in a fraction of the time tsx needs.
 */
export function useBuild(): () => string {
  let build: string | undefined;
  beforeAll(async () => {
    mkdirSync('dist', { recursive: true });
    build = mkdtempSync(join('dist', 'replicas-'));
    await buildBundle(build);
  }, 60_000);
  afterAll(() => {
    if (build) rmSync(build, { recursive: true, force: true });
  });
  return () => join(build!, 'main.js');
}

/**
 * `npm start` in a child process (the bundle `main` when given, src/main.ts through tsx
 * otherwise); `waitFor` resolves once the output matches, rejects with it if the process exits.
 */
export function spawnMain(env: Record<string, string>, main?: string) {
  const args = main ? [main] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', USERGRAPH_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const waitFor = async (pattern: RegExp, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

export async function startReplica(env: Record<string, string>, build?: string): Promise<Replica> {
  const main = spawnMain(env, build);
  try {
    await main.waitFor(SERVING);
  } catch (error) {
    main.child.kill('SIGKILL');
    throw error;
  }
  return {
    child: main.child,
    url: SERVING.exec(main.output())![1]!.replace('localhost', '127.0.0.1'),
    output: main.output,
    waitFor: main.waitFor,
    stop: async () => {
      if (main.child.exitCode === null) main.child.kill('SIGTERM');
      await main.exited;
    },
  };
}

/** One GraphQL request; the body parsed, and the Retry-After header when there was one. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}
