import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';

/** A GET with the request target exactly as given (fetch would resolve `..` before sending). */
function rawGet(url: string, target: string, authorization: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${target}`, { headers: { authorization } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.path = target; // bypass any client-side normalisation
    req.on('error', reject);
    req.end();
  });
}

describe('routing keeps ids inside their segment', () => {
  const emulator = useEmulator();

  it.each(['%2E%2E', '..', '.', '..%2F..%2Fusers', 'a%2Fb', '%252F'])(
    'answers Clerk 404 for the user id %s',
    async (id) => {
      const { url, keys, control } = emulator();
      const response = await rawGet(url, `/clerk/v1/users/${id}`, `Bearer ${keys.clerkSecretKey}`);
      expect(response.status).toBe(404);
      expect(response.body.errors[0].code).toBe('resource_not_found');
      expect(control.requests()[0]).toMatchObject({ route: '/users/{user_id}', path: `/users/${id}` });
    },
  );

  it('answers Passage 404 for a dot-segment id and changes nothing', async () => {
    const { url, keys, control } = emulator();
    const before = control.stats();
    const response = await rawGet(
      url,
      `/passage/v1/apps/${keys.passageAppId}/users/%2E%2E`,
      `Bearer ${keys.passageApiKey}`,
    );
    expect(response).toEqual({ status: 404, body: { code: 'user_not_found', error: 'User not found' } });
    expect(control.stats()).toEqual(before);
  });
});
