/**
 * Profile images (Clerk only; Passage users have none): uploaded through the GraphQL multipart
 * request spec, which yoga serves natively, handing the resolver a web `File`.
 */
import { largestLimit } from '../../providers/catalog.js';
import { operation } from '../../providers/registry.js';
import { refusedField } from '../../providers/errors.js';
import { builder } from '../builder.js';
import { defineMutation, defineUserAction } from './define.js';
import { userPayload } from './payloads.js';
import { requireId } from './validate.js';
import { IMAGE_FORMATS, imageTypeOf } from './image-type.js';
import { offeredBy, unsupportedOn } from '../support.js';

/** The largest image any provider takes, for the description; each provider's own is checked. */
const MAX_IMAGE_MB = largestLimit('maxProfileImageBytes') / (1024 * 1024);

const SetProfileImageInput = builder.inputType('SetProfileImageInput', {
  description: 'The user and the image `setProfileImage` uploads.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    file: t.field({
      type: 'File',
      required: true,
      description: `The image (${IMAGE_FORMATS}, at most ${MAX_IMAGE_MB} MB), as a multipart file part.`,
    }),
  }),
});

defineMutation({
  name: 'setProfileImage',
  result: 'SetProfileImageResult',
  description: `Set a user's profile image (${offeredBy('setProfileImage')}), sent as a multipart request. A file that is not an image is \`InvalidInputError\`. ${unsupportedOn('setProfileImage')}.`,
  input: SetProfileImageInput,
  payload: userPayload('SetProfileImagePayload', 'The result of `setProfileImage`.'),
  changes: 'user',
  resolve: async (input, ctx) => {
    const id = requireId('userId', input.userId);
    const { file } = input;
    if (!file.type.startsWith('image/')) {
      throw refusedField(
        'file',
        `must be an image (image/png, image/jpeg...), got ${JSON.stringify(file.type || 'no type')}`,
      );
    }
    const provider = ctx.providers.forUserId(id);
    const setImage = operation(provider, 'setProfileImage');
    const maxBytes = provider.limits.maxProfileImageBytes;
    if (maxBytes !== undefined && file.size > maxBytes) {
      throw refusedField('file', `must be at most ${maxBytes} bytes, got ${file.size}`);
    }
    const data = new Uint8Array(await file.arrayBuffer());
    // The name and type are the client's word; the bytes are what the provider will decode.
    const contentType = imageTypeOf(data);
    if (!contentType) {
      throw refusedField('file', `must be a ${IMAGE_FORMATS} image; its first bytes are none of these`);
    }
    const image = { data, filename: file.name, contentType };
    return { user: await setImage(id, image, ctx.call) };
  },
});

defineUserAction({
  name: 'deleteProfileImage',
  input: 'DeleteProfileImageInput',
  payload: 'DeleteProfileImagePayload',
  result: 'DeleteProfileImageResult',
  description: `Remove a user's profile image (${offeredBy('deleteProfileImage')}). ${unsupportedOn('deleteProfileImage')}.`,
  run: (provider, id, call) => operation(provider, 'deleteProfileImage')(id, call),
});
