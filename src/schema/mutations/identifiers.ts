/**
 * A user's e-mail addresses and phone numbers, one at a time (Clerk; a Passage user has one of
 * each, changed with `updateUser`): add, mark verified or primary, delete. Marking one verified
 * or primary can hand the account to whoever holds it, so that needs `secrets` too.
 */
import { refusedField } from '../../providers/errors.js';
import type { EmailAddress } from '../../providers/types.js';
import { operation } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { upstreamCost } from '../cost.js';
import { EmailAddressRef, PhoneNumberRef } from '../user.js';
import { userReadAgain } from './payloads.js';
import { offeredBy, unsupportedOn } from '../support.js';
import { defineMutation, defineSubResourceDelete } from './define.js';
import { checkEmail, checkPhone, requireId, requireSomeField } from './validate.js';

/** Marking an identifier verified or primary is account takeover: whoever holds it can sign in. */
const takeover = {
  when: (input: { verified?: boolean | null; primary?: boolean | null }) =>
    input.verified === true || input.primary === true,
  description: 'when it marks the identifier verified or makes it primary',
};

const VERIFIED = 'Mark it verified at once, without the user proving they hold it (needs `secrets`).';
const PRIMARY = "Make it the user's primary one (needs `secrets`). The first of its kind always is.";
const PASSAGE_ALTERNATIVE = 'use `updateUser` (a Passage user has one e-mail address and one phone number)';

interface Changed {
  userId: string;
  identifierId: string;
}

/** `{ userId, <thing>Id, <thing>, user }`: the identifier and its user, read again when asked for. */
function identifierPayload(typeName: string, thing: 'emailAddress' | 'phoneNumber', description: string) {
  const ref = thing === 'emailAddress' ? EmailAddressRef : PhoneNumberRef;
  return builder.objectRef<Changed>(typeName).implement({
    description,
    fields: (t) => ({
      userId: t.exposeID('userId', { description: 'The user that was changed.' }),
      [`${thing}Id`]: t.id({ description: 'Its id.', resolve: (p) => p.identifierId }),
      [thing]: t.field({
        type: ref as typeof EmailAddressRef,
        nullable: true,
        description: 'It as the user now has it, read again when asked for (one more upstream call).',
        // The same read as `user`: asked for together, they share the call the estimate counts twice.
        ...upstreamCost({ weight: 1 }),
        resolve: async (p, _args, ctx) => {
          const user = await ctx.loaders.user.load(p.userId);
          const list = thing === 'emailAddress' ? user?.emailAddresses : user?.phoneNumbers;
          // One builder serves both kinds; `ref` above is the type of `thing`'s items.
          return (list?.find((item) => item.id === p.identifierId) ?? null) as EmailAddress | null;
        },
      }),
      user: userReadAgain(t),
    }),
  });
}

const flags = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({
  verified: t.boolean({ description: VERIFIED }),
  primary: t.boolean({ description: PRIMARY }),
});

// ---- e-mail addresses ---------------------------------------------------------------------------

const AddEmailAddressInput = builder.inputType('AddEmailAddressInput', {
  description: 'The user, the address `addEmailAddress` adds, and how.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    emailAddress: t.string({ required: true, description: 'The address, e.g. `ada@example.com`.' }),
    ...flags(t),
  }),
});

defineMutation({
  name: 'addEmailAddress',
  result: 'AddEmailAddressResult',
  description: `Add an e-mail address to a user (${offeredBy('addEmailAddress')}), unverified unless \`verified\`. One upstream call. ${unsupportedOn('addEmailAddress')}: ${PASSAGE_ALTERNATIVE}.`,
  input: AddEmailAddressInput,
  payload: identifierPayload('AddEmailAddressPayload', 'emailAddress', 'The result of `addEmailAddress`.'),
  changes: 'user',
  secrets: takeover,
  resolve: async ({ userId, emailAddress, verified, primary }, ctx) => {
    const id = requireId('userId', userId);
    checkEmail('emailAddress', emailAddress);
    const add = operation(ctx.providers.forUserId(id), 'addEmailAddress');
    const input = { value: emailAddress, verified: verified ?? undefined, primary: primary ?? undefined };
    return { userId: id, identifierId: await add(id, input, ctx.call) };
  },
});

const UpdateEmailAddressInput = builder.inputType('UpdateEmailAddressInput', {
  description: 'The user, which of their addresses `updateEmailAddress` changes, and how.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    emailAddressId: t.id({ required: true, description: 'The address: the id `EmailAddress.id` returns.' }),
    ...flags(t),
  }),
});

defineMutation({
  name: 'updateEmailAddress',
  result: 'UpdateEmailAddressResult',
  description: `Mark one of a user's e-mail addresses verified (or not), or make it primary (${offeredBy('updateEmailAddress')}). \`primary: false\` is refused: make another one primary instead. One upstream call. ${unsupportedOn('updateEmailAddress')}: ${PASSAGE_ALTERNATIVE}.`,
  input: UpdateEmailAddressInput,
  payload: identifierPayload(
    'UpdateEmailAddressPayload',
    'emailAddress',
    'The result of `updateEmailAddress`.',
  ),
  changes: 'user',
  secrets: takeover,
  resolve: async ({ userId, emailAddressId, verified, primary }, ctx) => {
    const id = requireId('userId', userId);
    const addressId = requireId('emailAddressId', emailAddressId);
    const change = checkedChange(verified, primary);
    const update = operation(ctx.providers.forUserId(id), 'updateEmailAddress');
    await update(addressId, change, ctx.call);
    return { userId: id, identifierId: addressId };
  },
});

defineSubResourceDelete({
  name: 'deleteEmailAddress',
  input: 'DeleteEmailAddressInput',
  payload: 'DeleteEmailAddressPayload',
  result: 'DeleteEmailAddressResult',
  description: `Remove an e-mail address from a user (${offeredBy('deleteEmailAddress')}); if it was primary, another one becomes primary. ${unsupportedOn('deleteEmailAddress')}: ${PASSAGE_ALTERNATIVE}.`,
  things: 'e-mail addresses',
  idField: 'emailAddressId',
  idDescription: 'The address: the id `EmailAddress.id` returns.',
  run: (provider, _userId, id, call) => operation(provider, 'deleteEmailAddress')(id, call),
});

// ---- phone numbers ------------------------------------------------------------------------------

const AddPhoneNumberInput = builder.inputType('AddPhoneNumberInput', {
  description: 'The user, the number `addPhoneNumber` adds, and how.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    phoneNumber: t.string({ required: true, description: 'The number in E.164, e.g. `+15005550006`.' }),
    ...flags(t),
  }),
});

defineMutation({
  name: 'addPhoneNumber',
  result: 'AddPhoneNumberResult',
  description: `Add a phone number to a user (${offeredBy('addPhoneNumber')}), unverified unless \`verified\`. One upstream call. ${unsupportedOn('addPhoneNumber')}: ${PASSAGE_ALTERNATIVE}.`,
  input: AddPhoneNumberInput,
  payload: identifierPayload('AddPhoneNumberPayload', 'phoneNumber', 'The result of `addPhoneNumber`.'),
  changes: 'user',
  secrets: takeover,
  resolve: async ({ userId, phoneNumber, verified, primary }, ctx) => {
    const id = requireId('userId', userId);
    checkPhone('phoneNumber', phoneNumber);
    const add = operation(ctx.providers.forUserId(id), 'addPhoneNumber');
    const input = { value: phoneNumber, verified: verified ?? undefined, primary: primary ?? undefined };
    return { userId: id, identifierId: await add(id, input, ctx.call) };
  },
});

const UpdatePhoneNumberInput = builder.inputType('UpdatePhoneNumberInput', {
  description: 'The user, which of their numbers `updatePhoneNumber` changes, and how.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    phoneNumberId: t.id({ required: true, description: 'The number: the id `PhoneNumber.id` returns.' }),
    ...flags(t),
  }),
});

defineMutation({
  name: 'updatePhoneNumber',
  result: 'UpdatePhoneNumberResult',
  description: `Mark one of a user's phone numbers verified (or not), or make it primary (${offeredBy('updatePhoneNumber')}). \`primary: false\` is refused: make another one primary instead. One upstream call. ${unsupportedOn('updatePhoneNumber')}: ${PASSAGE_ALTERNATIVE}.`,
  input: UpdatePhoneNumberInput,
  payload: identifierPayload('UpdatePhoneNumberPayload', 'phoneNumber', 'The result of `updatePhoneNumber`.'),
  changes: 'user',
  secrets: takeover,
  resolve: async ({ userId, phoneNumberId, verified, primary }, ctx) => {
    const id = requireId('userId', userId);
    const numberId = requireId('phoneNumberId', phoneNumberId);
    const change = checkedChange(verified, primary);
    const update = operation(ctx.providers.forUserId(id), 'updatePhoneNumber');
    await update(numberId, change, ctx.call);
    return { userId: id, identifierId: numberId };
  },
});

defineSubResourceDelete({
  name: 'deletePhoneNumber',
  input: 'DeletePhoneNumberInput',
  payload: 'DeletePhoneNumberPayload',
  result: 'DeletePhoneNumberResult',
  description: `Remove a phone number from a user (${offeredBy('deletePhoneNumber')}); if it was primary, another one becomes primary. ${unsupportedOn('deletePhoneNumber')}: ${PASSAGE_ALTERNATIVE}.`,
  things: 'phone numbers',
  idField: 'phoneNumberId',
  idDescription: 'The number: the id `PhoneNumber.id` returns.',
  run: (provider, _userId, id, call) => operation(provider, 'deletePhoneNumber')(id, call),
});

/** An update's flags, refused before any call when they would change nothing or unset primary. */
function checkedChange(verified: boolean | null | undefined, primary: boolean | null | undefined) {
  const change = { verified: verified ?? undefined, primary: primary ?? undefined };
  requireSomeField(change, ['verified', 'primary']);
  if (primary === false)
    throw refusedField('primary', 'must be true or left out: make another one primary instead');
  return change;
}
