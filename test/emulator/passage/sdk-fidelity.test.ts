/**
 * Passage's own Node SDK (`@passageidentity/passage-node` 2.12.1; 3.0.2 shipped without dist/)
 * driven against the emulator. The SDK parses every response with its generated `FromJSON`
 * models (Dates from strings, `.map` over required arrays), so a response that does not have
 * the spec's shape breaks here; `ToJSON` turning the SDK's model back into what the emulator
 * sent shows nothing was lost on the way.
 */
import {
  Passage,
  PassageError,
  UserInfoToJSON,
  WebAuthnDevicesToJSON,
  type PassageUser,
} from '@passageidentity/passage-node';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePassageApi } from './passage-api.js';

const SDK_BASE = 'https://api.passage.id/v1';

describe('passage: the official Node SDK against the emulator', () => {
  const { emulator, api, allUsers, stats } = usePassageApi();
  let passage: Passage;
  const sent: { method: string; url: string }[] = [];

  beforeEach(() => {
    sent.length = 0;
    const { passageUrl, keys } = emulator();
    // The SDK's base URL is hard-coded; its fetchApi hook lets the emulator stand in for it.
    const fetchApi: typeof fetch = (input, init) => {
      const url = String(input);
      const target = url.startsWith(SDK_BASE) ? passageUrl + url.slice(SDK_BASE.length) : url;
      sent.push({ method: init?.method ?? 'GET', url: target.slice(passageUrl.length) });
      return fetch(target, init);
    };
    passage = new Passage({ appID: keys.passageAppId, apiKey: keys.passageApiKey, fetchApi });
  });

  /** What the SDK returned, as JSON again: equal to the wire body only if the model kept everything. */
  const asWire = (user: PassageUser) => JSON.parse(JSON.stringify(UserInfoToJSON(user)));
  const wireUser = async (id: string) => (await api(`/users/${id}`)).body.user;
  const seededWithDevices = async () => {
    for (const item of await allUsers()) {
      const user = await wireUser(item.id);
      if (user.webauthn_devices.length > 0 && Object.keys(user.social_connections).length > 0) return user;
    }
    for (const item of await allUsers()) {
      const user = await wireUser(item.id);
      if (user.webauthn_devices.length > 0) return user;
    }
    throw new Error('no seeded user holds a device');
  };

  it('user.get parses a full user, devices, events and social connections included', async () => {
    const wire = await seededWithDevices();
    const user = await passage.user.get(wire.id);
    expect(user.created_at).toBeInstanceOf(Date);
    expect(Number.isNaN(user.last_login_at.getTime())).toBe(false);
    expect(user.webauthn_devices[0]?.created_at).toBeInstanceOf(Date);
    expect(asWire(user)).toEqual(wire);
    expect(sent).toEqual([{ method: 'GET', url: `/apps/${emulator().keys.passageAppId}/users/${wire.id}` }]);
  });

  it('user.get parses every seeded user losslessly', async () => {
    for (const item of await allUsers()) {
      expect(asWire(await passage.user.get(item.id))).toEqual(await wireUser(item.id));
    }
  });

  it('user.getByIdentifier finds a user by e-mail in any case and by phone, in two requests', async () => {
    const items = await allUsers();
    const byEmail = items.find((u) => u.email);
    const byPhone = items.find((u) => u.phone && !u.email);
    expect((await passage.user.getByIdentifier(byEmail.email.toUpperCase())).id).toBe(byEmail.id);
    expect((await passage.user.getByIdentifier(byPhone.phone)).id).toBe(byPhone.id);
    const appPath = `/apps/${emulator().keys.passageAppId}`;
    expect(sent.slice(0, 2)).toEqual([
      { method: 'GET', url: `${appPath}/users?limit=1&identifier=${encodeURIComponent(byEmail.email)}` },
      { method: 'GET', url: `${appPath}/users/${byEmail.id}` },
    ]);
  });

  it('user.getByIdentifier throws a PassageError for an unknown identifier', async () => {
    await expect(passage.user.getByIdentifier('nobody@nowhere.test')).rejects.toBeInstanceOf(PassageError);
  });

  it('user.create, user.update, activate and deactivate return parsed users', async () => {
    const created = await passage.user.create({
      email: 'sdk.user@example.com',
      user_metadata: { plan: 'pro' },
    });
    expect(created).toMatchObject({
      email: 'sdk.user@example.com',
      status: 'active',
      user_metadata: { plan: 'pro' },
    });
    expect(asWire(created)).toEqual(await wireUser(created.id));

    const updated = await passage.user.update(created.id, {
      phone: '+15005550012',
      user_metadata: { seats: 4 },
    });
    expect(updated).toMatchObject({ phone: '+15005550012', user_metadata: { plan: 'pro', seats: 4 } });

    expect((await passage.user.deactivate(created.id)).status).toBe('inactive');
    expect((await passage.user.activate(created.id)).status).toBe('active');
  });

  it('user.create surfaces a validation error as a PassageError with the live message', async () => {
    const error = await passage.user.create({ phone: '555-0100' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassageError);
    expect(error).toMatchObject({
      statusCode: 400,
      errorCode: 'invalid_request',
      message: 'Could not create user: identifier: must be a valid E164 number.',
    });
  });

  it('user.listDevices and user.revokeDevice', async () => {
    const wire = await seededWithDevices();
    const devices = await passage.user.listDevices(wire.id);
    expect(devices.map((device) => JSON.parse(JSON.stringify(WebAuthnDevicesToJSON(device))))).toEqual(
      wire.webauthn_devices,
    );
    const [first] = devices;
    expect(await passage.user.revokeDevice(wire.id, first?.id ?? '')).toBe(true);
    expect((await passage.user.listDevices(wire.id)).map((d) => d.id)).not.toContain(first?.id);
  });

  it('user.revokeRefreshTokens and user.delete resolve on the empty 200 bodies', async () => {
    const [first] = await allUsers();
    expect(await passage.user.revokeRefreshTokens(first.id)).toBe(true);
    expect(stats().refreshTokenRevocations).toBe(1);
    expect(await passage.user.delete(first.id)).toBe(true);
    expect(stats().users).toBe(19);
  });

  it('a missing user surfaces as PassageError with statusCode 404 and errorCode user_not_found', async () => {
    const error = await passage.user.get('nobody').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassageError);
    expect(error).toMatchObject({
      name: 'PassageError',
      statusCode: 404,
      errorCode: 'user_not_found',
      message: 'Could not fetch user: User not found',
    });
  });

  it('a wrong API key surfaces as PassageError 401 invalid_access_token', async () => {
    const { passageUrl, keys } = emulator();
    const fetchApi: typeof fetch = (input, init) => fetch(String(input).replace(SDK_BASE, passageUrl), init);
    const wrong = new Passage({ appID: keys.passageAppId, apiKey: 'not-the-key', fetchApi });
    await expect(wrong.user.get('anyone')).rejects.toMatchObject({
      statusCode: 401,
      errorCode: 'invalid_access_token',
    });
  });
});
