/**
 * What support asks first about an account's security: is MFA on, is there a password, was it
 * flagged compromised, is the account locked and until when. Clerk says all of it on the user it
 * already answers (no extra call); Passage has no passwords, second factors or lockout, so these
 * are null there.
 */
import type { MfaSettings } from '../providers/types.js';
import { builder } from './builder.js';
import { UserRef } from './user.js';

const UserMfaRef = builder.objectRef<MfaSettings>('UserMfa').implement({
  description:
    "A user's second factors (Clerk only). `disableMfa`, `deleteTotp` and `deleteBackupCodes` change them.",
  fields: (t) => ({
    enabled: t.exposeBoolean('twoFactorEnabled', {
      description: 'Whether any second factor is on: signing in asks for one.',
    }),
    totp: t.exposeBoolean('totpEnabled', { description: 'Whether an authenticator app (TOTP) is enrolled.' }),
    backupCodes: t.exposeBoolean('backupCodesEnabled', {
      description: 'Whether the user has backup codes left.',
    }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  mfa: t.field({
    type: UserMfaRef,
    nullable: true,
    description: 'Second factors (Clerk only; null on Passage, which has none). No extra upstream call.',
    resolve: (u) => u.mfa,
  }),
  passwordEnabled: t.boolean({
    nullable: true,
    description:
      'Whether the user has a password (Clerk only; null on Passage, which has none). `removePassword` takes it away.',
    resolve: (u) => u.mfa?.passwordEnabled ?? null,
  }),
  passwordCompromised: t.boolean({
    nullable: true,
    description:
      "Whether the password was flagged compromised, so a reset is required at the next sign-in (`setPasswordCompromised`). Clerk only; null when Clerk's answer does not say (its spec's User lacks the field) and on Passage.",
    resolve: (u) => u.passwordCompromised,
  }),
  lockedUntil: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'When a locked user can sign in again (Clerk only). Null when not locked, or when the lock has no end (`locked` tells them apart).',
    // Clerk says how many seconds are left; the user was read within this request.
    resolve: (u) =>
      u.locked && u.lockoutExpiresInSeconds !== null
        ? new Date(Date.now() + u.lockoutExpiresInSeconds * 1000)
        : null,
  }),
}));
