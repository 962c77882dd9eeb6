/**
 * `POST /users/{user_id}/profile_image` (multipart, field `file`) and its DELETE. Only real
 * images are accepted, recognised by their first bytes as Clerk's image service would decode
 * them; anything else is Clerk's 400 `request_body_invalid`. The bytes themselves are not kept:
 * the user only gains an image id, which its `image_url` points at.
 */
import type { EmulatorRequest, Route } from '../../provider.js';
import { requestBodyInvalid } from '../errors.js';
import { serializeUser } from '../serialize.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const SIGNATURES: { type: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  {
    type: 'image/webp',
    matches: (b) =>
      startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

async function readImage(req: EmulatorRequest): Promise<Uint8Array> {
  const contentType = req.headers['content-type'];
  if (typeof contentType !== 'string' || !contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw requestBodyInvalid(
      'The request body must be multipart/form-data with the image in a field named file.',
    );
  }
  let form: FormData;
  try {
    form = await new Request('http://emulator.local/upload', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(req.body), // a copy typed as plain ArrayBuffer-backed bytes
    }).formData();
  } catch {
    throw requestBodyInvalid('The multipart request body could not be parsed.');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string')
    throw requestBodyInvalid('The request body must contain a file field holding the image.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!SIGNATURES.some((signature) => signature.matches(bytes))) {
    throw requestBodyInvalid(
      'The uploaded file is not a supported image (PNG, JPEG, GIF or WebP) or could not be decoded.',
    );
  }
  return bytes;
}

export function profileImageRoutes({ state, now }: ClerkContext): Route[] {
  return [
    {
      method: 'POST',
      template: '/users/{user_id}/profile_image',
      handle: async (req) => {
        const user = requireUser(state, req.params.user_id!);
        await readImage(req);
        changeUser(user, now(), (u) => (u.imageId = state.newId('img')));
        return ok(serializeUser(user));
      },
    },
    {
      method: 'DELETE',
      template: '/users/{user_id}/profile_image',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        changeUser(user, now(), (u) => (u.imageId = null));
        return ok(serializeUser(user));
      },
    },
  ];
}
