import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

/** Starts `npm run emulator`'s entry point with `env` and collects what it prints. */
function runEmulator(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: { PATH: process.env.PATH ?? '', EMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const started = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
  });
  return { child, started, output: () => output };
}

describe('npm run emulator', () => {
  it('prints the URLs and demo keys, serves both providers and stops on SIGTERM', async () => {
    const emulator = runEmulator({ EMULATOR_SEED_USERS: '3' });
    const url = await emulator.started;
    expect(emulator.output()).toContain(`CLERK_API_URL=${url}/clerk/v1`);
    expect(emulator.output()).toContain(`PASSAGE_API_URL=${url}/passage/v1`);
    const key = /CLERK_SECRET_KEY=(\S+)/.exec(emulator.output())?.[1];
    const users = await fetch(`${url}/clerk/v1/users`, { headers: { authorization: `Bearer ${key}` } });
    expect(users.status).toBe(200);
    expect(await users.json()).toHaveLength(3);
    emulator.child.kill('SIGTERM');
    const [code] = await once(emulator.child, 'exit');
    expect(code).toBe(0);
  });

  it('accepts keys from the environment without ever printing them', async () => {
    const secret = 'sk_test_operator_secret_value';
    const emulator = runEmulator({
      CLERK_SECRET_KEY: secret,
      PASSAGE_API_KEY: 'passage_operator_secret',
      PASSAGE_APP_ID: 'app1',
    });
    const url = await emulator.started;
    expect(emulator.output()).not.toContain(secret);
    expect(emulator.output()).not.toContain('passage_operator_secret');
    expect(emulator.output()).toContain('(from the environment)');
    const users = await fetch(`${url}/clerk/v1/users`, { headers: { authorization: `Bearer ${secret}` } });
    expect(users.status).toBe(200);
    emulator.child.kill('SIGTERM');
    await once(emulator.child, 'exit');
  });

  it('refuses bad configuration with one line naming the variable', async () => {
    const emulator = runEmulator({ EMULATOR_SEED_USERS: 'many' });
    await expect(emulator.started).rejects.toThrow(/exited with 1/);
    expect(emulator.output().trim()).toBe(
      'usergraph emulator: EMULATOR_SEED_USERS must be an integer from 0 to 1000000, got "many"',
    );
  });
});
