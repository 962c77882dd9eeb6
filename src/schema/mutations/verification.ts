/**
 * Checking a secret a user typed against what Clerk holds (Clerk only; Passage has neither
 * passwords nor TOTP). They are mutations, not queries: Clerk counts failed attempts towards a
 * lockout, and a backup code works once. The password or code is never repeated in any answer.
 */
import type { Context } from '../../context.js';
import { ProviderError } from '../../providers/errors.js';
import { operation } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { defineMutation } from './define.js';
import { requireId, requireSecret } from './validate.js';
import { offeredBy, unsupportedOn } from '../support.js';

/**
 * Spends one of the user's guesses (USERGRAPH_VERIFY_ATTEMPTS per 15 minutes, across every
 * request and, with Redis, every replica), or answers RateLimitedError without asking the provider.
 */
async function spendGuess(ctx: Context, userId: string): Promise<void> {
  const decision = await ctx.verifyAttempts.take(userId);
  // Fail closed: a count that cannot be read is a count that may be spent.
  if (!decision.allowed && decision.unavailable) {
    throw new ProviderError({
      provider: 'usergraph',
      code: 'RATE_LIMITED',
      message: "the shared count of this user's password and code checks cannot be read now, so none is made",
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  if (!decision.allowed) {
    throw new ProviderError({
      provider: 'usergraph',
      code: 'RATE_LIMITED',
      message: 'too many password or code checks for this user: wait before trying again',
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}

const VerifyPasswordInput = builder.inputType('VerifyPasswordInput', {
  description: 'The user and the password to check.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    password: t.string({ required: true, description: 'The password to check. Never logged or echoed.' }),
  }),
});

const VerifyPasswordPayload = builder
  .objectRef<{ verified: boolean; userId: string }>('VerifyPasswordPayload')
  .implement({
    description: 'Whether the password was right.',
    fields: (t) => ({
      verified: t.exposeBoolean('verified', { description: "True when it is the user's password." }),
    }),
  });

defineMutation({
  name: 'verifyPassword',
  result: 'VerifyPasswordResult',
  description: `Check a password against a user's (${offeredBy('verifyPassword')}). A wrong password is \`verified: false\` and counts towards Clerk's lockout; a user with no password is \`InvalidInputError\`. At most one check per operation, and a few per user per 15 minutes (\`RateLimitedError\` beyond). ${unsupportedOn('verifyPassword')}.`,
  input: VerifyPasswordInput,
  payload: VerifyPasswordPayload,
  // A wrong guess counts towards Clerk's lockout, so `User.locked` may differ afterwards.
  changes: 'user',
  secrets: true,
  resolve: async (input, ctx) => {
    const userId = requireId('userId', input.userId);
    const password = requireSecret('password', input.password);
    // Routed first: a malformed id or a provider without the check spends no one's guess.
    const verify = operation(ctx.providers.forUserId(userId), 'verifyPassword');
    await spendGuess(ctx, userId);
    return { verified: await verify(userId, password, ctx.call), userId };
  },
});

const TotpCodeType = builder.enumType('TotpCodeType', {
  description: 'Which kind of code was accepted.',
  values: {
    TOTP: { description: "A code from the user's authenticator app." },
    BACKUP_CODE: { description: 'A backup code: it is now used up.' },
  } as const,
});

const VerifyTotpInput = builder.inputType('VerifyTotpInput', {
  description: 'The user and the code to check.',
  fields: (t) => ({
    userId: t.id({ required: true, description: 'The user: the id `User.id` returns.' }),
    code: t.string({
      required: true,
      description: 'A 6-digit TOTP code or a backup code. Never logged or echoed.',
    }),
  }),
});

const VerifyTotpPayload = builder
  .objectRef<{ verified: boolean; codeType: 'TOTP' | 'BACKUP_CODE' | null; userId: string }>(
    'VerifyTotpPayload',
  )
  .implement({
    description: 'Whether the code was right, and what kind it was.',
    fields: (t) => ({
      verified: t.exposeBoolean('verified', { description: 'True when the code was accepted.' }),
      codeType: t.field({
        type: TotpCodeType,
        nullable: true,
        description: 'The kind of code accepted; null when it was not.',
        resolve: (p) => p.codeType,
      }),
    }),
  });

defineMutation({
  name: 'verifyTotp',
  result: 'VerifyTotpResult',
  description: `Check a TOTP or backup code against a user's (${offeredBy('verifyTotp')}). A wrong code is \`verified: false\`; a backup code is used up; a user without TOTP is \`InvalidInputError\`. At most one check per operation, and a few per user per 15 minutes (\`RateLimitedError\` beyond). ${unsupportedOn('verifyTotp')}.`,
  input: VerifyTotpInput,
  payload: VerifyTotpPayload,
  // A wrong guess counts towards Clerk's lockout, so `User.locked` may differ afterwards.
  changes: 'user',
  secrets: true,
  resolve: async (input, ctx) => {
    const userId = requireId('userId', input.userId);
    const code = requireSecret('code', input.code);
    // Routed first: a malformed id or a provider without the check spends no one's guess.
    const verify = operation(ctx.providers.forUserId(userId), 'verifyTotp');
    await spendGuess(ctx, userId);
    return { ...(await verify(userId, code, ctx.call)), userId };
  },
});
