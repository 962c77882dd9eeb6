/**
 * A user's password as support handles it (Clerk; Passage has no passwords): take it away, or
 * flag it compromised so the user must reset it at the next sign-in. Removing it can leave an
 * account open to whoever holds another sign-in method, so that needs `secrets`.
 */
import { operation } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { offeredBy, unsupportedOn } from '../support.js';
import { defineMutation, defineUserAction } from './define.js';
import { userPayload } from './payloads.js';
import { requireId } from './validate.js';

const RemovePasswordInput = builder.inputType('RemovePasswordInput', {
  description: 'The user whose password `removePassword` takes away.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    signOut: t.boolean({ description: "Also revoke every active session of the user's (default: false)." }),
  }),
});

defineMutation({
  name: 'removePassword',
  result: 'RemovePasswordResult',
  description: `Take a user's password away (${offeredBy('removePassword')}), even when they have no other way to sign in; a user without one is answered unchanged. Sessions stay unless \`signOut\`. One upstream call. ${unsupportedOn('removePassword')}.`,
  input: RemovePasswordInput,
  payload: userPayload('RemovePasswordPayload', 'The result of `removePassword`.'),
  changes: 'user',
  // A password removed can leave the account to whoever holds another sign-in method.
  secrets: true,
  resolve: async ({ userId, signOut }, ctx) => {
    const id = requireId('userId', userId);
    const remove = operation(ctx.providers.forUserId(id), 'removePassword');
    return { user: await remove(id, { signOut: signOut ?? undefined, ...ctx.call }) };
  },
});

const SetPasswordCompromisedInput = builder.inputType('SetPasswordCompromisedInput', {
  description: 'The user whose password `setPasswordCompromised` flags.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    signOut: t.boolean({ description: "Also revoke every session of the user's (default: false)." }),
  }),
});

defineMutation({
  name: 'setPasswordCompromised',
  result: 'SetPasswordCompromisedResult',
  description: `Flag a user's password compromised (${offeredBy('setPasswordCompromised')}): they must reset it at their next sign-in. A user without a password is an error. One upstream call. ${unsupportedOn('setPasswordCompromised')}.`,
  input: SetPasswordCompromisedInput,
  payload: userPayload('SetPasswordCompromisedPayload', 'The result of `setPasswordCompromised`.'),
  changes: 'user',
  resolve: async ({ userId, signOut }, ctx) => {
    const id = requireId('userId', userId);
    const flag = operation(ctx.providers.forUserId(id), 'setPasswordCompromised');
    return { user: await flag(id, { signOut: signOut ?? undefined, ...ctx.call }) };
  },
});

defineUserAction({
  name: 'unsetPasswordCompromised',
  input: 'UnsetPasswordCompromisedInput',
  payload: 'UnsetPasswordCompromisedPayload',
  result: 'UnsetPasswordCompromisedResult',
  description: `Clear the compromised flag of a user's password (${offeredBy('unsetPasswordCompromised')}), so no reset is asked for at the next sign-in. One upstream call. ${unsupportedOn('unsetPasswordCompromised')}.`,
  run: (provider, id, call) => operation(provider, 'unsetPasswordCompromised')(id, call),
});
