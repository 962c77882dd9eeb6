/**
 * A program loads no module it does not run: with provider credentials set, neither the server
 * (as production runs it, from the build) nor `npm run migrate` loads any part of the emulator,
 * and the server loads what only some requests run (a migration's engine) when one first does.
 * Each child runs with a resolve hook (test/helpers/record-modules.mjs) that writes down every
 * module it loads; a bundled file counts as every source file its source map names.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/emulator/index.js';
import { buildBundle } from '../scripts/build.js';
import { useEmulator } from './helpers/emulator.js';

const RECORDER = resolve('test/helpers/record-modules.mjs');
const EMULATOR_MODULE = /(^|\/)src\/emulator\//;
const TRACING_MODULE = /(^|\/)src\/observability\/tracing\.ts$|@opentelemetry\/(sdk-trace|exporter-trace)/;
const METRICS_MODULE = /(^|\/)src\/observability\/metrics\.ts$|node_modules\/prom-client\//;
/** What only a migration's start or undo runs: the engine, its sources and their parsers. */
const MIGRATION_MODULE =
  /(^|\/)src\/migration\/(engine|sources|undo)\.ts$|node_modules\/(csv-parse|stream-json)\//;

/** Runs `command` with the recorder preloaded; returns its output and the modules it loaded. */
async function recorded(
  command: string[],
  env: Record<string, string>,
  whileRunning?: (output: () => string) => Promise<void>,
): Promise<{ code: number | null; output: string; modules: string[] }> {
  const work = mkdtempSync(join(tmpdir(), 'usergraph-modules-'));
  const file = join(work, 'modules.txt');
  try {
    const child = spawn(command[0]!, command.slice(1), {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_OPTIONS: `--import=${RECORDER}`,
        RECORD_MODULES_TO: file,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = once(child, 'exit');
    if (whileRunning) {
      await whileRunning(() => output).finally(() => child.kill('SIGTERM'));
    }
    const [code] = (await exited) as [number | null];
    const urls = new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
    return { code, output, modules: [...urls].flatMap(sourcesOf) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A source file is itself; a bundle is the sources its source map names (the build writes one
 * beside each file: the minified bundle keeps none of esbuild's `// src/...` comments).
 */
function sourcesOf(url: string): string[] {
  if (!url.startsWith('file:') || url.includes('/node_modules/')) return [url];
  const path = fileURLToPath(url);
  if (!path.endsWith('.js')) return [path];
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] };
  return [path, ...map.sources.map((source) => source.replace(/^(\.\.\/)+/, ''))];
}

function credentials(emulator: RunningEmulator): Record<string, string> {
  return {
    CLERK_SECRET_KEY: emulator.keys.clerkSecretKey,
    CLERK_API_URL: emulator.clerkUrl,
    PASSAGE_APP_ID: emulator.keys.passageAppId,
    PASSAGE_API_KEY: emulator.keys.passageApiKey,
    PASSAGE_API_URL: emulator.passageUrl,
  };
}

describe('modules each program loads', () => {
  const emulator = useEmulator({ users: 20 });
  let build: string;

  beforeAll(async () => {
    // `npm run build`'s own bundle, into a directory of this test's (test/main.test.ts builds dist/).
    // A fresh clone has no dist/ yet, unless another test happened to build first.
    mkdirSync('dist', { recursive: true });
    build = mkdtempSync(join('dist', 'loaded-modules-'));
    await buildBundle(build);
  }, 60_000);
  afterAll(() => {
    if (build) rmSync(build, { recursive: true, force: true });
  });

  /** Starts the built server, waits until it listens, asks it for users (or `ask`s), then stops it. */
  const serve = (env: Record<string, string>, ask: (url: string) => Promise<void> = askForUsers) =>
    recorded(['node', join(build, 'main.js')], { PORT: '0', ...env }, async (output) => {
      const url = await new Promise<string>((found, failed) => {
        const poll = setInterval(() => {
          const match = /GraphQL \(and GraphiQL in a browser\) at (\S+)/.exec(output());
          if (match) {
            clearInterval(poll);
            found(match[1]!);
          } else if (/Error|usergraph: .* must/.test(output())) {
            clearInterval(poll);
            failed(new Error(output()));
          }
        }, 20);
      });
      await ask(url);
    });

  const post = async (url: string, query: string) =>
    (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
    ).json();

  async function askForUsers(url: string): Promise<void> {
    expect(
      await post(
        url,
        '{ clerk: users(provider: CLERK, first: 2) { __typename } passage: users(provider: PASSAGE, first: 2) { __typename } }',
      ),
    ).toEqual({
      data: { clerk: { __typename: 'UserConnection' }, passage: { __typename: 'UserConnection' } },
    });
  }

  it('node dist/main.js with provider credentials loads no emulator module', async () => {
    const { modules } = await serve({ ...credentials(emulator()), USERGRAPH_AUTH: 'none' });
    expect(modules).toContain('src/main.ts');
    expect(modules).toContain('src/server.ts');
    expect(modules.filter((url) => EMULATOR_MODULE.test(url))).toEqual([]);
    // No OTEL_EXPORTER_OTLP_ENDPOINT: nothing of OpenTelemetry's SDK or exporter.
    expect(modules.filter((url) => TRACING_MODULE.test(url))).toEqual([]);
    // No USERGRAPH_METRICS: no prom-client.
    expect(modules.filter((url) => METRICS_MODULE.test(url))).toEqual([]);
    // No migration started or undone: its engine is still on disk only.
    expect(modules.filter((url) => MIGRATION_MODULE.test(url))).toEqual([]);
  }, 30_000);

  it('node dist/main.js with OTEL_EXPORTER_OTLP_ENDPOINT loads the tracing (the check can see it)', async () => {
    const { modules } = await serve({
      ...credentials(emulator()),
      USERGRAPH_AUTH: 'none',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(modules.filter((url) => TRACING_MODULE.test(url))).not.toHaveLength(0);
  }, 30_000);

  it('node dist/main.js prints the subgraph SDL on the first _service', async () => {
    // The build, not only the sources: the printer is imported when first asked for, and a
    // dynamic import is the build's to translate.
    await serve({ ...credentials(emulator()), USERGRAPH_AUTH: 'none' }, async (url) => {
      const answer = (await post(url, '{ _service { sdl } }')) as { data?: { _service?: { sdl?: string } } };
      expect(answer.data?._service?.sdl).toContain('type User implements Node');
    });
  }, 30_000);

  it('node dist/main.js on the embedded default does load the emulator (the check can see it)', async () => {
    const { modules } = await serve({ EMULATOR_SEED_USERS: '2' });
    expect(modules.filter((url) => EMULATOR_MODULE.test(url))).not.toHaveLength(0);
  }, 30_000);

  it('npm run migrate with provider credentials loads no emulator module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usergraph-migrate-'));
    try {
      const { code, output, modules } = await recorded(
        ['npm', 'run', '-s', 'migrate', '--', 'run', '--from', 'passage-api', '--dry-run', '--dir', dir],
        credentials(emulator()),
      );
      expect(code, output).toBe(0);
      expect(modules.some((path) => path.endsWith('/src/migration/engine.ts'))).toBe(true);
      expect(modules.filter((url) => EMULATOR_MODULE.test(url))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
