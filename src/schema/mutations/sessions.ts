/**
 * Sessions: end one (`revokeSession`). Ending all of a user's is `signOutUser` (moderation.ts),
 * one mutation for both providers.
 */
import type { Session } from '../../providers/types.js';
import { builder } from '../builder.js';
import { SessionRef } from '../session.js';
import { userReadAgain } from './payloads.js';
import { offeredBy, unsupportedOn } from '../support.js';
import { defineMutation } from './define.js';
import { instanceOperation } from '../instance-provider.js';
import { requireId } from './validate.js';

const RevokeSessionInput = builder.inputType('RevokeSessionInput', {
  description: 'The session `revokeSession` ends.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The session: the id `Session.id` returns.' }),
  }),
});

const RevokeSessionPayload = builder
  .objectRef<{ userId: string; session: Session }>('RevokeSessionPayload')
  .implement({
    description: 'The result of `revokeSession`.',
    fields: (t) => ({
      session: t.field({
        type: SessionRef,
        description: 'The session after the change (`REVOKED`, or how it had already ended).',
        resolve: (p) => p.session,
      }),
      userId: t.exposeID('userId', { description: 'The user it signed in.' }),
      user: userReadAgain(t, 'The user, read again when asked for (one more upstream call).'),
    }),
  });

defineMutation({
  name: 'revokeSession',
  result: 'RevokeSessionResult',
  description: `End one session at once (${offeredBy('revokeSession')}): its client is signed out and must sign in again. A session that already ended is answered as it is. One upstream call. ${unsupportedOn('revokeSession')}: use \`signOutUser\`.`,
  input: RevokeSessionInput,
  payload: RevokeSessionPayload,
  changes: 'user',
  resolve: async (input, ctx) => {
    const sessionId = requireId('sessionId', input.sessionId);
    const session = await instanceOperation(ctx.providers, 'revokeSession')(sessionId, ctx.call);
    return { userId: session.userId, session };
  },
});
