/**
 * The Docker image, where a Docker daemon answers (CI has none, so there it is skipped and says
 * so): it builds, runs as the unprivileged `node` user, and serves the embedded demo the way
 * `npm start` does, with its health check on `/health`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';

const daemon = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
const TAG = 'usergraph:image-test';
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

describe.runIf(daemon)('the Docker image', () => {
  let container: string | undefined;
  afterAll(() => {
    if (container) docker('rm', '--force', container);
  });

  it('builds, runs as node, and serves the embedded demo with a healthy /health', async () => {
    execFileSync('docker', ['build', '--tag', TAG, '.'], { stdio: 'inherit', timeout: 600_000 });
    expect(docker('image', 'inspect', '--format', '{{.Config.User}}', TAG)).toBe('node');

    container = docker(
      'run',
      '--detach',
      '--publish',
      '127.0.0.1::4000',
      '--env',
      'EMULATOR_SEED_USERS=3',
      TAG,
    );
    const port = docker('port', container, '4000/tcp').split(':').pop();
    const url = `http://127.0.0.1:${port}`;
    let health = 0;
    for (let tries = 0; tries < 60 && health !== 200; tries += 1) {
      health = await fetch(`${url}/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (health !== 200) await sleep(500);
    }
    expect(health).toBe(200);
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ users(provider: PASSAGE, first: 5) { totalCount } }' }),
    });
    expect(await answer.json()).toEqual({ data: { users: { totalCount: 3 } } });
    expect(docker('logs', container)).toMatch(/serving the embedded emulator/);
  }, 660_000);
});

/**
 * Whether `.dockerignore` leaves `path` out of the build context: its patterns in order, the last
 * that matches deciding, `!` taking a path back (the subset of Docker's rules the file uses).
 */
function ignoredByDocker(path: string): boolean {
  let ignored = false;
  for (const line of readFileSync('.dockerignore', 'utf8').split('\n')) {
    const rule = line.trim();
    if (rule === '' || rule.startsWith('#')) continue;
    const keep = rule.startsWith('!');
    const pattern = keep ? rule.slice(1) : rule;
    const glob = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`,
    );
    if (glob.test(path)) ignored = !keep;
  }
  return ignored;
}

describe('the Docker build context', () => {
  it('holds every file the Dockerfile copies in from it', () => {
    const copied = readFileSync('Dockerfile', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.slice('COPY '.length).trim().split(/\s+/).slice(0, -1));
    expect(copied).toContain('scripts/build.ts');
    for (const source of copied) {
      expect(existsSync(source), source).toBe(true);
      expect(ignoredByDocker(source), `${source} is left out by .dockerignore`).toBe(false);
    }
    expect(ignoredByDocker('scripts/bench.ts')).toBe(true);
  });
});

describe.skipIf(daemon)('the Docker image without a Docker daemon', () => {
  it.skip('is built only where a daemon answers `docker info` (docs/operations.md#the-image)', () => {});
});
