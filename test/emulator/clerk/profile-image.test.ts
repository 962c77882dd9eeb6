import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { clerkApi } from './helpers.js';

const IMAGES: Record<string, Uint8Array> = {
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]),
  gif: new TextEncoder().encode('GIF89a\x01\x00\x01\x00'),
  webp: new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 '),
};

describe('Clerk emulator: profile images', () => {
  const emulator = useEmulator();
  const api = clerkApi(emulator);

  const upload = async (userId: string, bytes: Uint8Array | string, field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), 'avatar');
    const response = await fetch(`${emulator().clerkUrl}/users/${userId}/profile_image`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator().keys.clerkSecretKey}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it.each(Object.keys(IMAGES))('accepts a %s image and sets image_url and has_image', async (kind) => {
    const [user] = await api.allUsers();
    const res = await upload(user.id, IMAGES[kind]!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, has_image: true });
    expect(res.body.image_url).toMatch(/^https:\/\/img\.clerk\.com\//);
    expect(res.body.image_url).not.toBe(user.image_url);
    expect(
      JSON.parse(Buffer.from(res.body.image_url.split('/').pop(), 'base64url').toString()),
    ).toMatchObject({ type: 'proxy' });
  });

  it.each([
    ['a text file', 'just some text', 'file'],
    ['an empty file', '', 'file'],
    ['the wrong field', IMAGES.png!, 'image'],
  ])('refuses %s with 400 request_body_invalid and changes nothing', async (_, bytes, field) => {
    const [user] = await api.allUsers();
    const res = await upload(user.id, bytes, field);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('request_body_invalid');
    expect((await api.get(`/users/${user.id}`)).body).toEqual(user);
  });

  it('refuses a JSON body with 400', async () => {
    const [user] = await api.allUsers();
    const res = await api.post(`/users/${user.id}/profile_image`, { file: 'x' });
    expect(res.status).toBe(400);
  });

  it('deletes the image, back to the default avatar', async () => {
    const [user] = await api.allUsers();
    await upload(user.id, IMAGES.png!);
    const res = await api.delete(`/users/${user.id}/profile_image`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ has_image: false, image_url: user.image_url });
  });

  it('answers an unknown user with 404', async () => {
    expect((await upload('user_nobody', IMAGES.png!)).status).toBe(404);
    expect((await api.delete('/users/user_nobody/profile_image')).status).toBe(404);
  });
});
