/**
 * Invitations to sign up to the application (Clerk): send some, revoke one. They change no user
 * (the invitee has no account yet).
 */
import type { InstanceInvitation } from '../../providers/types.js';
import { largestLimit } from '../../providers/catalog.js';
import { refusedField } from '../../providers/errors.js';
import { builder } from '../builder.js';
import { instanceOperation } from '../instance-provider.js';
import { InstanceInvitationRef } from '../instance-invitation.js';
import { offeredBy, unsupportedOn } from '../support.js';
import { defineMutation } from './define.js';
import { checkEmail, checkMetadataSizes, requireId } from './validate.js';

const PER_CALL = largestLimit('maxInvitationsPerCall');

const NewInvitationInput = builder.inputType('NewInvitationInput', {
  description: 'One invitation to sign up.',
  fields: (t) => ({
    emailAddress: t.string({ required: true, description: 'Who is invited, e.g. `ada@example.com`.' }),
    publicMetadata: t.field({
      type: 'JSONObject',
      description: "Becomes the user's public metadata when they sign up.",
    }),
    redirectUrl: t.string({ description: 'Where the invitation link leads, for a custom sign-up flow.' }),
    notify: t.boolean({ description: 'Send the invitation e-mail (default: true).' }),
    ignoreExisting: t.boolean({
      description:
        'Invite even if the address already has a pending invitation or an account (default: false).',
    }),
    expiresInDays: t.int({ description: 'Days it stays valid, 1–365 (default 30).' }),
  }),
});

const CreateInvitationsInput = builder.inputType('CreateInvitationsInput', {
  description: 'The invitations `createInvitations` sends.',
  fields: (t) => ({
    invitations: t.field({
      type: [NewInvitationInput],
      required: true,
      description: `1–${PER_CALL} invitations, sent in one upstream call.`,
    }),
  }),
});

const CreateInvitationsPayload = builder
  .objectRef<{ invitations: InstanceInvitation[] }>('CreateInvitationsPayload')
  .implement({
    description: 'The result of `createInvitations`.',
    fields: (t) => ({
      invitations: t.field({
        type: [InstanceInvitationRef],
        description: 'The invitations sent, in the order given.',
        resolve: (p) => p.invitations,
      }),
    }),
  });

defineMutation({
  name: 'createInvitations',
  result: 'CreateInvitationsResult',
  description: `Invite people to sign up to the application (${offeredBy('createInstanceInvitations')}): 1–${PER_CALL} e-mail addresses, one upstream call (Clerk allows 100 single and 25 bulk invitation calls an hour). All or none: an address already invited or already a user fails the whole call unless \`ignoreExisting\`. ${unsupportedOn('createInstanceInvitations')}.`,
  input: CreateInvitationsInput,
  payload: CreateInvitationsPayload,
  changes: 'nothing',
  resolve: async ({ invitations }, ctx) => {
    if (invitations.length < 1 || invitations.length > PER_CALL) {
      throw refusedField('invitations', `must hold 1–${PER_CALL} invitations, got ${invitations.length}`);
    }
    const create = instanceOperation(ctx.providers, 'createInstanceInvitations');
    const wanted = invitations.map((invitation, i) => {
      checkEmail(`invitations.${i}.emailAddress`, invitation.emailAddress);
      const days = invitation.expiresInDays;
      if (days != null && (days < 1 || days > 365)) {
        throw refusedField(`invitations.${i}.expiresInDays`, `must be 1–365, got ${days}`);
      }
      if (invitation.publicMetadata)
        checkMetadataSizes({ publicMetadata: invitation.publicMetadata }, largestLimit('maxMetadataBytes'));
      return {
        emailAddress: invitation.emailAddress,
        publicMetadata: invitation.publicMetadata ?? undefined,
        redirectUrl: invitation.redirectUrl ?? undefined,
        notify: invitation.notify ?? undefined,
        ignoreExisting: invitation.ignoreExisting ?? undefined,
        expiresInDays: days ?? undefined,
      };
    });
    return { invitations: await create(wanted, ctx.call) };
  },
});

const RevokeInvitationInput = builder.inputType('RevokeInvitationInput', {
  description: 'The invitation `revokeInvitation` withdraws.',
  fields: (t) => ({
    invitationId: t.id({
      required: true,
      description: 'The invitation: the id `InstanceInvitation.id` returns.',
    }),
  }),
});

const RevokeInvitationPayload = builder
  .objectRef<{ invitation: InstanceInvitation }>('RevokeInvitationPayload')
  .implement({
    description: 'The result of `revokeInvitation`.',
    fields: (t) => ({
      invitation: t.field({
        type: InstanceInvitationRef,
        description: 'The invitation, now `REVOKED`.',
        resolve: (p) => p.invitation,
      }),
    }),
  });

defineMutation({
  name: 'revokeInvitation',
  result: 'RevokeInvitationResult',
  description: `Withdraw a pending invitation to sign up (${offeredBy('revokeInstanceInvitation')}): its link stops working (the person can still sign up the usual way). Only a pending one can be revoked. One upstream call. ${unsupportedOn('revokeInstanceInvitation')}.`,
  input: RevokeInvitationInput,
  payload: RevokeInvitationPayload,
  changes: 'nothing',
  resolve: async ({ invitationId }, ctx) => {
    const id = requireId('invitationId', invitationId);
    const revoke = instanceOperation(ctx.providers, 'revokeInstanceInvitation');
    return { invitation: await revoke(id, ctx.call) };
  },
});
