/**
 * The production process as the Dockerfile runs it: `npm run build`, then `node dist/main.js`
 * with both providers configured (the benchmark's emulator). Measures the time from spawning it to
 * its first answer to a one-user read, and its RSS once it has answered and sat idle for a second
 * (read from /proc, so Linux only; elsewhere the figure is missing).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { PRODUCTION_NODE_FLAGS } from './settings.js';

export interface Startup {
  /** From spawn to the first 200 answer with the user asked for. */
  firstAnswerMs: number;
  /** RSS after that answer and one idle second, in MiB. */
  idleRssMb: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run build`, so what is measured is the code checked out. */
export function buildProduction(): void {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
}

/** One start of the build in dist/ (buildProduction first). */
export async function measureStartup(emulator: RunningEmulator, userId: string): Promise<Startup> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
    CLERK_API_URL: emulator.clerkUrl,
    PASSAGE_APP_ID: emulator.keys.passageAppId,
    PASSAGE_API_KEY: emulator.keys.passageApiKey,
    PASSAGE_API_URL: emulator.passageUrl,
    USERGRAPH_AUTH: 'none',
    USERGRAPH_HOST: '127.0.0.1',
    PORT: '0',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, 'dist/main.js'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('node dist/main.js: no address within 30 s')), 30_000);
      child.once('exit', (code) => reject(new Error(`node dist/main.js exited (${code}) before listening`)));
      createInterface({ input: child.stderr }).on('line', (line) =>
        console.error(`  [dist/main.js] ${line}`),
      );
      createInterface({ input: child.stdout }).on('line', (line) => {
        const found = /(http:\/\/[^ "]+\/graphql)/.exec(line);
        if (!found) return;
        clearTimeout(timer);
        resolve(found[1]!);
      });
    });
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: userId } }),
    });
    const body = (await response.body.json()) as { data?: { user?: { id: string } } };
    const firstAnswerMs = performance.now() - started;
    if (response.statusCode !== 200 || body.data?.user?.id !== userId)
      throw new Error(
        `node dist/main.js answered ${response.statusCode}: ${JSON.stringify(body).slice(0, 200)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { firstAnswerMs, idleRssMb: rssMb(child.pid) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.kill('SIGTERM')) await exited;
  }
}

function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}
