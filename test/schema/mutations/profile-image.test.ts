import { describe, expect, it } from 'vitest';
import { useMutations } from './helpers.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const SET_IMAGE = /* GraphQL */ `
  mutation SetImage($input: SetProfileImageInput!) {
    setProfileImage(input: $input) {
      __typename
      ... on SetProfileImagePayload {
        user {
          id
          imageUrl
        }
      }
      ... on Error {
        message
        provider
      }
      ... on InvalidInputError {
        fields {
          field
          message
        }
      }
    }
  }
`;

describe('setProfileImage and deleteProfileImage', () => {
  const { url, emulator, userIds, clerk, routes, mutate, gql } = useMutations();

  /** A request as the GraphQL multipart request spec lays it out: operations, map, then the file. */
  async function upload(userId: string, bytes: Uint8Array, type: string, filename = 'avatar.png') {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query: SET_IMAGE, variables: { input: { userId, file: null } } }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob([new Uint8Array(bytes)], { type }), filename);
    // Multipart is a "simple" request a browser could forge: CSRF prevention asks for this header.
    const response = await fetch(url(), {
      method: 'POST',
      body: form,
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const hasImage = async (id: string) => (await clerk('GET', `/users/${id}`)).body.has_image;

  it('uploads a PNG to a Clerk user in one multipart call upstream', async () => {
    const { clerk: userId } = await userIds((u) => !u.has_image);
    emulator().control.clearRequests();
    const { status, body } = await upload(userId, PNG, 'image/png');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.setProfileImage).toMatchObject({
      __typename: 'SetProfileImagePayload',
      user: { id: userId },
    });
    expect(body.data.setProfileImage.user.imageUrl).toMatch(/^https:\/\//);
    expect(routes()).toEqual(['POST /users/{user_id}/profile_image']);
    expect(await hasImage(userId)).toBe(true);
  });

  it('refuses a file that is not an image before any upstream call', async () => {
    const { clerk: userId } = await userIds();
    emulator().control.clearRequests();
    const { body } = await upload(userId, Buffer.from('hello'), 'text/plain', 'notes.txt');
    expect(body.data.setProfileImage).toEqual({
      __typename: 'InvalidInputError',
      provider: 'usergraph',
      message: 'file: must be an image (image/png, image/jpeg...), got "text/plain"',
      fields: [{ field: 'file', message: 'must be an image (image/png, image/jpeg...), got "text/plain"' }],
    });
    expect(emulator().control.requests()).toEqual([]);
  });

  it('refuses bytes that only claim to be an image, by their first bytes, before any upstream call', async () => {
    const { clerk: userId } = await userIds((u) => !u.has_image);
    emulator().control.clearRequests();
    const { body } = await upload(userId, Buffer.from('not a png at all'), 'image/png');
    expect(body.data.setProfileImage).toEqual({
      __typename: 'InvalidInputError',
      provider: 'usergraph',
      message: 'file: must be a PNG, JPEG, GIF or WebP image; its first bytes are none of these',
      fields: [
        {
          field: 'file',
          message: 'must be a PNG, JPEG, GIF or WebP image; its first bytes are none of these',
        },
      ],
    });
    expect(emulator().control.requests()).toEqual([]);
    expect(await hasImage(userId)).toBe(false);
  });

  it.each([
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['a GIF', [...Buffer.from('GIF89a'), 0x01, 0x00]],
    ['a WebP', [...Buffer.from('RIFF'), 0x1a, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]],
  ])('takes %s by its first bytes, whatever image type it was labelled', async (_, bytes) => {
    const { clerk: userId } = await userIds((u) => !u.has_image);
    const { body } = await upload(userId, new Uint8Array(bytes), 'image/png', 'photo');
    expect(body.data.setProfileImage).toMatchObject({
      __typename: 'SetProfileImagePayload',
      user: { id: userId },
    });
  });

  it('says why when the file is not a multipart part', async () => {
    const { clerk: userId } = await userIds();
    const { body } = await gql(SET_IMAGE, { input: { userId, file: 'aGVsbG8=' } });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toContain('File must be a part of a multipart request');
  });

  it('is UnsupportedError on Passage, with no upstream call', async () => {
    const { passage } = await userIds();
    emulator().control.clearRequests();
    const { body } = await upload(passage, PNG, 'image/png');
    expect(body.data.setProfileImage).toMatchObject({ __typename: 'UnsupportedError', provider: 'passage' });
    expect((await mutate('deleteProfileImage', { userId: passage })).result.__typename).toBe(
      'UnsupportedError',
    );
    expect(emulator().control.requests()).toEqual([]);
  });

  it('deleteProfileImage removes a Clerk user’s image', async () => {
    const { clerk: userId } = await userIds();
    await upload(userId, PNG, 'image/png');
    emulator().control.clearRequests();
    const { result } = await mutate('deleteProfileImage', { userId }, 'user { id }');
    expect(result).toEqual({ __typename: 'DeleteProfileImagePayload', user: { id: userId } });
    expect(routes()).toEqual(['DELETE /users/{user_id}/profile_image']);
    expect(await hasImage(userId)).toBe(false);
  });
});
