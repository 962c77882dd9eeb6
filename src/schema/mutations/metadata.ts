/**
 * Metadata, merged rather than replaced (both providers: Clerk's public, private and unsafe
 * metadata; Passage's `user_metadata`, exposed as public metadata). Clerk merges at any depth;
 * Passage merges top-level keys.
 */
import type { MetadataPatch } from '../../providers/types.js';
import { builder } from '../builder.js';
import { defineMutation } from './define.js';
import { userPayload } from './payloads.js';
import {
  checkMetadataSizes,
  given,
  METADATA_FIELDS,
  METADATA_SIZE_NOTE,
  requireId,
  requireSomeField,
} from './validate.js';

const UpdateUserMetadataInput = builder.inputType('UpdateUserMetadataInput', {
  description:
    "Metadata to merge into a user's: a key set to `null` is removed, keys left out stay. Clerk merges nested objects too; Passage merges top-level keys only (a nested object replaces the one it had). At least one object is required.",
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    publicMetadata: t.field({
      type: 'JSONObject',
      description: `Clerk \`public_metadata\`; Passage's \`user_metadata\`. ${METADATA_SIZE_NOTE}`,
    }),
    privateMetadata: t.field({ type: 'JSONObject', description: `Clerk only. ${METADATA_SIZE_NOTE}` }),
    unsafeMetadata: t.field({ type: 'JSONObject', description: `Clerk only. ${METADATA_SIZE_NOTE}` }),
  }),
});

defineMutation({
  name: 'updateUserMetadata',
  result: 'UpdateUserMetadataResult',
  description:
    "Merge metadata into a user's (both providers; private and unsafe metadata are Clerk only): `null` removes a key. Clerk merges at any depth, Passage top-level keys only.",
  input: UpdateUserMetadataInput,
  payload: userPayload('UpdateUserMetadataPayload', 'The result of `updateUserMetadata`.'),
  changes: 'user',
  resolve: async ({ userId, ...fields }, ctx) => {
    const id = requireId('userId', userId);
    const patch: MetadataPatch = given(fields);
    requireSomeField(patch, METADATA_FIELDS);
    const provider = ctx.providers.forUserId(id);
    checkMetadataSizes(patch, provider.limits.maxMetadataBytes);
    return { user: await provider.updateUserMetadata(id, patch, ctx.call) };
  },
});
