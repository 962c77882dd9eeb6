/**
 * REDIS_URL as an operator meets it: a bad value is refused by name, a Redis that does not
 * answer stops the start with one line, and the URL's password is never printed, whatever
 * happens to the connection.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/server.js';
import { loadMigrationConfig } from '../../src/migration/config.js';
import { freePort, startRedis } from '../helpers/redis.js';
import { spawnMain } from '../helpers/replicas.js';

const PASSWORD = 'hunter2-redis-secret';

const startMain = (env: Record<string, string>) => spawnMain({ EMULATOR_SEED_USERS: '3', ...env });

describe('REDIS_URL', () => {
  it.each([
    ['http://127.0.0.1:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    [`redis//:${PASSWORD}@host`, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
  ])('refuses %s by name, without quoting it', (url, message) => {
    const load = () => loadConfig({ REDIS_URL: url });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    expect(() => load()).not.toThrow(new RegExp(PASSWORD));
  });

  it('is read by the server and the migration CLI alike, rediss:// included; unset, nothing is shared', () => {
    const url = `rediss://:${PASSWORD}@redis.internal:6380/2`;
    expect(loadConfig({ REDIS_URL: url, USERGRAPH_REPLICAS: '3' }).redis).toEqual({ url, replicas: 3 });
    expect(loadMigrationConfig({ CLERK_SECRET_KEY: 'sk_test_x', REDIS_URL: url }).redis).toEqual({
      url,
      replicas: 1,
    });
    expect(loadConfig({}).redis).toBeUndefined();
    expect(() => loadConfig({ USERGRAPH_REPLICAS: '0' })).toThrow(
      /USERGRAPH_REPLICAS must be an integer from 1/,
    );
  });

  it('a Redis that does not answer at start: one clear line, exit 1, no password', async () => {
    const port = await freePort();
    const main = startMain({ REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${port}/0` });
    expect(await main.exited).toBe(1);
    const lines = main.output().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^usergraph: Redis \(REDIS_URL\) does not answer \(ECONNREFUSED\): refusing to start/,
      ),
    ]);
    expect(main.output()).not.toContain(PASSWORD);
  });

  it('a password-protected Redis: serves, says degraded when Redis goes, shared again when it is back, and never prints the password', async () => {
    const redis = await startRedis({ password: PASSWORD });
    const main = startMain({ REDIS_URL: redis.url });
    try {
      await main.waitFor(/GraphQL \(and GraphiQL in a browser\) at (\S+)/);
      const graphql = /GraphQL \(and GraphiQL in a browser\) at (\S+)/.exec(main.output())![1]!;
      const ready = graphql.replace('/graphql', '/ready');
      expect(await (await fetch(ready)).json()).toEqual({ status: 'ready' });

      await redis.stop();
      await main.waitFor(/Redis lost/);
      const degraded = await fetch(ready);
      expect(degraded.status).toBe(200);
      expect(await degraded.json()).toEqual({
        status: 'degraded',
        degraded: [expect.stringMatching(/^Redis unreachable/)],
      });

      await redis.start();
      await main.waitFor(/Redis answers/);
      expect(await (await fetch(ready)).json()).toEqual({ status: 'ready' });
    } finally {
      main.child.kill('SIGTERM');
      await main.exited;
      await redis.stop();
    }
    expect(main.output()).not.toContain(PASSWORD);
    expect(main.output()).not.toContain(encodeURIComponent(PASSWORD));
  });
});
