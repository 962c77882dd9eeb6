/**
 * Creating, changing and deleting users, on both providers (metadata has `metadata.ts`).
 * Clerk-only fields given for a Passage user are `InvalidInputError` naming the field (refused by
 * the provider port before any call), so one input type serves both.
 */
import type { CreateUserInput, UpdateUserInput } from '../../providers/types.js';
import { refusedField } from '../../providers/errors.js';
import { builder } from '../builder.js';
import { Provider } from '../provider.js';
import { defineMutation, userIdInput } from './define.js';
import { userPayload } from './payloads.js';
import {
  checkEmail,
  checkMetadataSizes,
  METADATA_SIZE_NOTE,
  checkPhone,
  given,
  requireId,
  requireSomeField,
} from './validate.js';

const withoutUndefined = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

const CreateUserInputRef = builder.inputType('CreateUserInput', {
  description:
    'A new user. Clerk requires what its instance settings make required (often an e-mail and a password).',
  fields: (t) => ({
    provider: t.field({ type: Provider, required: true, description: 'Where to create the user.' }),
    email: t.string({ description: 'The e-mail address. Passage needs an e-mail or a phone.' }),
    phone: t.string({ description: 'The phone number, in E.164 (`+15005550006`).' }),
    emailVerified: t.boolean({
      description: 'Clerk: false creates the address unverified. Passage always does.',
    }),
    phoneVerified: t.boolean({
      description: 'Clerk: false creates the number unverified. Passage always does.',
    }),
    externalId: t.string({ description: 'Clerk only: an id from another system.' }),
    username: t.string({ description: 'Clerk only.' }),
    firstName: t.string({ description: 'Clerk only.' }),
    lastName: t.string({ description: 'Clerk only.' }),
    password: t.string({ description: 'Clerk only. Never logged or echoed.' }),
    skipPasswordRequirement: t.boolean({ description: 'Clerk only: create a user with no password.' }),
    publicMetadata: t.field({
      type: 'JSONObject',
      description: `Clerk \`public_metadata\`; Passage's \`user_metadata\`. ${METADATA_SIZE_NOTE}`,
    }),
    privateMetadata: t.field({ type: 'JSONObject', description: `Clerk only. ${METADATA_SIZE_NOTE}` }),
    unsafeMetadata: t.field({ type: 'JSONObject', description: `Clerk only. ${METADATA_SIZE_NOTE}` }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'Clerk only: when the user was created, for imports.',
    }),
  }),
});

defineMutation({
  name: 'createUser',
  result: 'CreateUserResult',
  description:
    'Create a user on the provider named in the input (both providers). Never retried: a lost answer is an error, not a second user. An e-mail or phone already taken is `ConflictError`.',
  input: CreateUserInputRef,
  payload: userPayload('CreateUserPayload', 'The result of `createUser`.'),
  changes: 'user',
  resolve: async ({ provider: name, ...fields }, ctx) => {
    const input: CreateUserInput = given(fields);
    checkEmail('email', input.email);
    checkPhone('phone', input.phone);
    const provider = ctx.providers.get(name);
    if (!provider) {
      const configured = ctx.providers.all.map((p) => p.name).join(', ') || 'none';
      throw refusedField('provider', `must be a configured provider (${configured}), got ${name}`);
    }
    checkMetadataSizes(input, provider.limits.maxMetadataBytes);
    return { user: await provider.createUser(input, ctx.call) };
  },
});

const UPDATE_FIELDS = [
  'email',
  'phone',
  'externalId',
  'username',
  'firstName',
  'lastName',
  'password',
  'primaryEmailAddressId',
  'primaryPhoneNumberId',
] as const;

/** The fields of `updateUser` that decide who can sign in as the user. */
const ACCOUNT_TAKEOVER_FIELDS = [
  'email',
  'phone',
  'password',
  'primaryEmailAddressId',
  'primaryPhoneNumberId',
] as const;

const UpdateUserInputRef = builder.inputType('UpdateUserInput', {
  description: 'What to change on a user; fields left out stay as they are. At least one is required.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    email: t.string({ description: 'Passage only: the new e-mail. On Clerk, use `primaryEmailAddressId`.' }),
    phone: t.string({
      description: 'Passage only: the new phone, in E.164. On Clerk, use `primaryPhoneNumberId`.',
    }),
    externalId: t.string({ description: 'Clerk only; `null` removes it.' }),
    username: t.string({ description: 'Clerk only; `null` removes it.' }),
    firstName: t.string({ description: 'Clerk only; `null` removes it.' }),
    lastName: t.string({ description: 'Clerk only; `null` removes it.' }),
    password: t.string({ description: 'Clerk only: a new password. Never logged or echoed.' }),
    primaryEmailAddressId: t.id({ description: 'Clerk only: which of `emailAddresses` becomes primary.' }),
    primaryPhoneNumberId: t.id({ description: 'Clerk only: which of `phoneNumbers` becomes primary.' }),
  }),
});

defineMutation({
  name: 'updateUser',
  result: 'UpdateUserResult',
  description:
    "Change a user's identifiers, names or password (both providers; most fields are Clerk only). Metadata has its own mutation, `updateUserMetadata`.",
  input: UpdateUserInputRef,
  payload: userPayload('UpdateUserPayload', 'The result of `updateUser`.'),
  changes: 'user',
  // A new password or sign-in identifier hands the account to whoever chose it.
  secrets: {
    when: (input) => ACCOUNT_TAKEOVER_FIELDS.some((field) => input[field] != null),
    description: 'to set a password or change an e-mail, a phone or a primary identifier',
  },
  resolve: async ({ userId, externalId, username, firstName, lastName, ...fields }, ctx) => {
    const id = requireId('userId', userId);
    const { primaryEmailAddressId, primaryPhoneNumberId, ...rest } = given(fields);
    const input: UpdateUserInput = {
      ...rest,
      primaryEmailAddressId: primaryEmailAddressId?.toString(),
      primaryPhoneNumberId: primaryPhoneNumberId?.toString(),
      // Here `null` is meaningful: it removes the value.
      ...withoutUndefined({ externalId, username, firstName, lastName }),
    };
    requireSomeField(input, UPDATE_FIELDS);
    checkEmail('email', input.email);
    checkPhone('phone', input.phone);
    const provider = ctx.providers.forUserId(id);
    return { user: await provider.updateUser(id, input, ctx.call) };
  },
});

const DeleteUserInput = userIdInput('DeleteUserInput', 'The user `deleteUser` removes.');

const DeleteUserPayload = builder.objectRef<{ userId: string }>('DeleteUserPayload').implement({
  description: 'The result of `deleteUser`.',
  fields: (t) => ({
    deletedUserId: t.id({
      description: 'The id of the user that no longer exists.',
      resolve: (p) => p.userId,
    }),
  }),
});

defineMutation({
  name: 'deleteUser',
  result: 'DeleteUserResult',
  description: 'Delete a user and everything they have (both providers). It cannot be undone.',
  input: DeleteUserInput,
  payload: DeleteUserPayload,
  changes: 'user',
  resolve: async (input, ctx) => {
    const id = requireId('userId', input.userId);
    await ctx.providers.forUserId(id).deleteUser(id, ctx.call);
    return { userId: id };
  },
});
