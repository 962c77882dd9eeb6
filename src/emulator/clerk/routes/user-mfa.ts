/**
 * Second factors: create TOTP (`POST /users/{user_id}/totp`: not in the BAPI spec, but listed by
 * Clerk's Ruby SDK and required here; it answers the Frontend API's TOTP object), delete TOTP,
 * delete backup codes, disable all MFA, and verify a TOTP or backup code.
 */
import * as z from 'zod';
import type { Route } from '../../provider.js';
import { readJsonBody } from '../body.js';
import { ClerkApiError, paramError } from '../errors.js';
import { newBackupCodes, newTotpSecret, totpUri, verifyTotp } from '../totp.js';
import { changeUser } from '../user-record.js';
import { ok, requireUser, type ClerkContext } from './context.js';

const verifySchema = z.strictObject({ code: z.string() });

export function userMfaRoutes({ state, now }: ClerkContext): Route[] {
  /** DELETE …/totp, …/backup_code and …/mfa all answer `{user_id}`, even with nothing to remove. */
  const remove = (suffix: string, clear: Parameters<typeof changeUser>[2]): Route => ({
    method: 'DELETE',
    template: `/users/{user_id}/${suffix}`,
    handle: ({ params }) => {
      const user = requireUser(state, params.user_id!);
      changeUser(user, now(), clear);
      return ok({ user_id: user.id });
    },
  });

  return [
    {
      method: 'POST',
      template: '/users/{user_id}/totp',
      handle: ({ params }) => {
        const user = requireUser(state, params.user_id!);
        const at = now();
        const secret = newTotpSecret(state.random);
        const backupCodes = newBackupCodes(state.random);
        // An admin enrolment is verified at once (FAPI would wait for a first code); it replaces
        // any authenticator the user had.
        const totp = { id: state.newId('totp'), secret, created_at: at };
        changeUser(user, at, (u) => {
          u.totp = totp;
          u.backupCodes = backupCodes;
        });
        const account =
          user.emails.find((e) => e.id === user.primary_email_address_id)?.email_address ??
          user.username ??
          user.id;
        return ok({
          object: 'totp',
          id: totp.id,
          secret,
          uri: totpUri(secret, account),
          verified: true,
          backup_codes: backupCodes,
          created_at: at,
          updated_at: at,
        });
      },
    },
    remove('totp', (u) => (u.totp = null)),
    remove('backup_code', (u) => (u.backupCodes = null)),
    remove('mfa', (u) => {
      u.totp = null;
      u.backupCodes = null;
    }),
    {
      method: 'POST',
      template: '/users/{user_id}/verify_totp',
      handle: (req) => {
        const user = requireUser(state, req.params.user_id!);
        const { code } = readJsonBody(req, verifySchema);
        if (user.totp === null) {
          throw new ClerkApiError(400, [
            {
              code: 'totp_disabled',
              message: 'TOTP is disabled',
              long_message: 'The user does not have TOTP configured for their account.',
              meta: {},
            },
          ]);
        }
        if (verifyTotp(user.totp.secret, code.trim(), now()))
          return ok({ verified: true, code_type: 'totp' });
        const backupIndex = user.backupCodes?.indexOf(code.trim()) ?? -1;
        if (backupIndex >= 0) {
          // A backup code works once.
          changeUser(user, now(), (u) => u.backupCodes!.splice(backupIndex, 1));
          return ok({ verified: true, code_type: 'backup_code' });
        }
        throw new ClerkApiError(422, [
          paramError(
            'totp_incorrect_code',
            'code',
            'Incorrect code',
            'The provided TOTP or backup code was incorrect.',
          ),
        ]);
      },
    },
  ];
}
