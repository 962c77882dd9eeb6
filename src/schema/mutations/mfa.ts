/**
 * Second factors (Clerk only; Passage has no passwords or TOTP, so these are `UnsupportedError`
 * there): enrol a TOTP authenticator for a user, and remove TOTP, backup codes, or both.
 */
import type { TotpEnrollment } from '../../providers/types.js';
import { operation } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { defineMutation, defineUserEffect, userIdInput } from './define.js';
import { requireId } from './validate.js';
import { offeredBy, unsupportedOn } from '../support.js';

const CreateTotpInput = userIdInput('CreateTotpInput', 'The user `createTotp` enrols.');

const CreateTotpPayload = builder
  .objectRef<TotpEnrollment & { userId: string }>('CreateTotpPayload')
  .implement({
    description:
      'A new TOTP authenticator and backup codes. SECRETS, SHOWN ONCE: nothing can read them again, so hand them to the user over a secure channel and do not log or cache this response.',
    fields: (t) => ({
      userId: t.exposeID('userId', { description: 'The user enrolled.' }),
      secret: t.exposeString('secret', {
        description: 'Secret: the base32 TOTP key, for an authenticator app. Shown once.',
      }),
      uri: t.exposeString('uri', {
        description: 'Secret: the `otpauth://` URI holding the key, to show as a QR code. Shown once.',
      }),
      backupCodes: t.exposeStringList('backupCodes', {
        description:
          'Secret: one-time codes that stand in for a TOTP code. Shown once; they replace any earlier ones.',
      }),
    }),
  });

defineMutation({
  name: 'createTotp',
  result: 'CreateTotpResult',
  description: `Enrol a TOTP authenticator for a user (${offeredBy('createTotp')}), replacing any they had, and issue new backup codes. The answer holds secrets shown once. Calls \`POST /users/{id}/totp\`, which Clerk's Ruby SDK lists but Clerk's current Backend API does not have: where Clerk answers 404 for it (a user who exists), this is \`UnsupportedError\` (users enrol an authenticator themselves); the emulator serves it. ${unsupportedOn('createTotp')}.`,
  input: CreateTotpInput,
  payload: CreateTotpPayload,
  changes: 'user',
  secrets: true,
  resolve: async (input, ctx) => {
    const userId = requireId('userId', input.userId);
    const provider = ctx.providers.forUserId(userId);
    const enrollment = await operation(provider, 'createTotp')(userId, ctx.call);
    return { ...enrollment, userId };
  },
});

defineUserEffect({
  name: 'deleteTotp',
  input: 'DeleteTotpInput',
  payload: 'DeleteTotpPayload',
  result: 'DeleteTotpResult',
  description: `Remove a user's TOTP authenticator (${offeredBy('deleteTotp')}). ${unsupportedOn('deleteTotp')}.`,
  // Without its second factor an account is one stolen password from takeover.
  secrets: true,
  run: (provider, id, call) => operation(provider, 'deleteTotp')(id, call),
});

defineUserEffect({
  name: 'deleteBackupCodes',
  input: 'DeleteBackupCodesInput',
  payload: 'DeleteBackupCodesPayload',
  result: 'DeleteBackupCodesResult',
  description: `Remove a user's backup codes (${offeredBy('deleteBackupCodes')}). ${unsupportedOn('deleteBackupCodes')}.`,
  run: (provider, id, call) => operation(provider, 'deleteBackupCodes')(id, call),
});

defineUserEffect({
  name: 'disableMfa',
  input: 'DisableMfaInput',
  payload: 'DisableMfaPayload',
  result: 'DisableMfaResult',
  description: `Turn off every second factor of a user (${offeredBy('disableMfa')}): TOTP and backup codes. ${unsupportedOn('disableMfa')}.`,
  // Without its second factor an account is one stolen password from takeover.
  secrets: true,
  run: (provider, id, call) => operation(provider, 'disableMfa')(id, call),
});
