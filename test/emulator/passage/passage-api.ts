/**
 * The Passage emulator under test: one per test file, reset before every test, and `api(path)`
 * for authenticated JSON requests below `/apps/{app_id}`.
 */
import { type StartOptions } from '../../../src/emulator/index.js';
import { call, useEmulator } from '../../helpers/emulator.js';

type CallInit = NonNullable<Parameters<typeof call>[1]>;

export function usePassageApi(options: StartOptions = {}) {
  const emulator = useEmulator(options);
  const appUrl = () => `${emulator().passageUrl}/apps/${emulator().keys.passageAppId}`;
  const authorization = () => ({ authorization: `Bearer ${emulator().keys.passageApiKey}` });
  const api = (path: string, init: CallInit = {}) =>
    call(`${appUrl()}${path}`, { ...init, headers: { ...authorization(), ...init.headers } });
  const stats = () => emulator().control.stats().passage;
  /** Every user, full list items, in the default order. */
  const allUsers = async (): Promise<any[]> => (await api('/users?limit=500')).body.users;
  return { emulator, appUrl, authorization, api, stats, allUsers };
}
