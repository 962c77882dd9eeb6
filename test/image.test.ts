/**
 * The Docker image, where a Docker daemon answers (CI has none, so there it is skipped and says
 * so): it builds, runs as the unprivileged `node` user, and serves the embedded demo the way
 * `npm start` does, with its health check on `/health`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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

describe.skipIf(daemon)('the Docker image without a Docker daemon', () => {
  it.skip('is built only where a daemon answers `docker info` (docs/operations.md#the-image)', () => {});
});
